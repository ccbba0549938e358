/** Map errors that reach the entry to a message for the user and an exit code. */
import { SourceError, SpecError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-code.js';

/** The exit code for an error that ended a command: only known errors get 2 or 3, anything else is a bug (4). */
export function exitCodeForError(error: unknown): number {
  if (error instanceof SpecError || error instanceof UsageError) return ExitCode.usage;
  if (error instanceof SourceError) return ExitCode.inconclusive;
  return ExitCode.internal;
}

/** A message without a stack trace, unless VERIFY_DEPLOY_DEBUG is set. */
export function renderErrorForUser(error: unknown, env: Record<string, string | undefined>): string {
  if (error instanceof SpecError) {
    const count = error.issues.length;
    return `${error.message}\n${count} problem${count === 1 ? '' : 's'} in the spec; nothing was judged.`;
  }
  if (error instanceof UsageError) return `error: ${error.message}`;
  if (error instanceof SourceError) return `error: ${error.message}`;
  const detail =
    error instanceof Error ? (env.VERIFY_DEPLOY_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
  return (
    `internal error (a bug in verify-deploy, not a verdict on your deploy): ${detail}\n` +
    'Please report it; set VERIFY_DEPLOY_DEBUG=1 for the stack trace.'
  );
}
