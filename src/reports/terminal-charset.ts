/**
 * Whether the human report may draw Unicode (sparkline blocks, an ellipsis) or must keep to
 * ASCII. Pure: the CLI passes the environment, as it does for colour (src/cli/io.ts).
 */

/** The variable that forces ASCII, for a terminal or log viewer that mangles Unicode. */
export const ASCII_OVERRIDE_VARIABLE = 'VERIFY_DEPLOY_ASCII';

/**
 * Unicode when the locale says UTF-8, else ASCII. The locale is read as POSIX does: the first
 * non-empty of LC_ALL, LC_CTYPE, LANG. `TERM=dumb` and VERIFY_DEPLOY_ASCII (any value but '' or
 * '0') force ASCII. Windows consoles set no locale variables: Windows Terminal (WT_SESSION) and
 * VS Code's terminal draw Unicode, the legacy console may not, so it gets ASCII.
 */
export function decideUnicode(env: Record<string, string | undefined>, platform: string = 'linux'): boolean {
  const override = env[ASCII_OVERRIDE_VARIABLE];
  if (override !== undefined && override !== '' && override !== '0') return false;
  if (env.TERM === 'dumb') return false;
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale !== undefined) return /utf-?8/i.test(locale);
  if (platform === 'win32') return env.WT_SESSION !== undefined || env.TERM_PROGRAM === 'vscode';
  return false;
}
