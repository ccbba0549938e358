/** The sampling clock of sources without history: `samples` ticks, one every `interval` seconds. */
import type { SampleProgress, SampleTarget } from './sampled-types.js';

/** What the side-by-side sampler needs of a source's spec. */
export interface ScheduledSpec {
  name: string;
  url: string;
  baselineUrl?: string;
  samples: number;
  interval: number;
}

/**
 * Sample every target (`url` and, side by side, `baselineUrl`) on one schedule, so both sides of a
 * blue/green comparison are read at the same moments. `sampleOnce` takes one sample and returns
 * how many that target has now, for the progress report.
 */
export async function sampleTargetsTogether(
  spec: ScheduledSpec,
  targets: readonly SampleTarget[],
  signal: AbortSignal,
  sampleOnce: (target: SampleTarget, url: string) => Promise<number>,
  onProgress?: (progress: SampleProgress) => void,
): Promise<void> {
  await runSchedule(spec.samples, spec.interval, signal, async () => {
    await Promise.all(
      targets.map(async (target) => {
        const url = target === 'url' ? spec.url : spec.baselineUrl;
        if (url === undefined) throw new Error(`bug: source "${spec.name}" has no ${target}`);
        const done = await sampleOnce(target, url);
        onProgress?.({ target, done, total: spec.samples });
      }),
    );
  });
}

/**
 * Call `tick(i)` for i = 0..samples-1, starting each `interval` after the previous start (right
 * after it when a tick took longer). Stops early, without throwing, when `signal` aborts;
 * returns how many ticks ran.
 */
export async function runSchedule(
  samples: number,
  intervalSeconds: number,
  signal: AbortSignal,
  tick: (index: number) => Promise<void>,
): Promise<number> {
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
