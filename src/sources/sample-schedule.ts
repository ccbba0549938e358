/** The sampling clock of sources without history: `samples` ticks, one every `interval` seconds. */

/**
 * Call `tick(i)` for i = 0..samples-1, starting each `interval` after the previous start (right
 * after it when a tick took longer). Stops early, without throwing, when `signal` aborts;
 * returns how many ticks ran.
 */
export async function runSchedule(samples: number, intervalSeconds: number, signal: AbortSignal, tick: (index: number) => Promise<void>): Promise<number> {
  const started = Date.now();
  let done = 0;
  for (let i = 0; i < samples && !signal.aborted; i++) {
    const wait = started + i * intervalSeconds * 1000 - Date.now();
    if (wait > 0 && !(await sleep(wait, signal))) break;
    await tick(i);
    done++;
  }
  return done;
}

/** Resolves true after `ms`, false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (finished: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(finished);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
