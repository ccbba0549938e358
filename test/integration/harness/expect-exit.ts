/** An exit-code assertion that shows the CLI's output when it fails (jest's own message would not). */
import { describeRun, type CliResult } from './run-cli.js';

/** Passes when the CLI exited with `code`; otherwise fails with its stdout and stderr. */
export function expectExit(result: CliResult, code: number): void {
  if (result.code !== code) throw new Error(`expected exit ${code}, got ${describeRun(result)}`);
  expect(result.code).toBe(code);
}
