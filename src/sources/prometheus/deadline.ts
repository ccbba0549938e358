/**
 * One total deadline for a fetch, retries included. axios `timeout` only limits inactivity, so a
 * server that drips its body a byte at a time would outlive it; an AbortSignal does not.
 */

export interface Deadline {
  /** Aborts when the deadline passes or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Milliseconds left before the deadline. */
  remainingMs(): number;
  /** True when the caller's signal aborted (e.g. SIGINT). */
  callerAborted(): boolean;
  /** Release the timer and listeners. */
  dispose(): void;
}

/** Start a deadline `seconds` from now, also aborted by `callerSignal`. */
export function startDeadline(seconds: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const endsAt = Date.now() + seconds * 1000;
  const timer = setTimeout(() => controller.abort(new Error('deadline exceeded')), Math.max(0, seconds * 1000));
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, endsAt - Date.now()),
    callerAborted: () => callerSignal?.aborted === true,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Wait `ms`, resolving early (without error) if `signal` aborts; the caller checks why. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
