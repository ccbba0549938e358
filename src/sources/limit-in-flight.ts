/**
 * At most a few queries of one source in flight at once. A spec with hundreds of checks (or a
 * backtest) would otherwise send every query together: the backend queues them, and most time
 * out behind the others. A queued query starts its own timeout only when it is sent.
 */
import type { QueryResult, Source } from './types.js';

/** Queries of one source sent at once: enough to overlap latency, few enough not to flood it. */
export const MAX_QUERIES_IN_FLIGHT = 8;

/** `source` with at most `limit` fetchRange calls running at once; the others wait in order. */
export function limitInFlight(source: Source, limit = MAX_QUERIES_IN_FLIGHT): Source {
  let running = 0;
  const waiting: Array<() => void> = [];
  /** Resolves once a slot is this caller's; a slot freed while others wait is handed on, never counted down. */
  const acquire = (signal?: AbortSignal): Promise<boolean> => {
    if (running < limit) {
      running += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const take = (): void => {
        signal?.removeEventListener('abort', giveUp);
        resolve(true);
      };
      // Cancelled while queued: leave the queue and let the source report the cancellation at once.
      const giveUp = (): void => {
        const at = waiting.indexOf(take);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      };
      waiting.push(take);
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    ...source,
    fetchRange: async (query, range, signal): Promise<QueryResult> => {
      const holding = await acquire(signal);
      try {
        return await source.fetchRange(query, range, signal);
      } finally {
        if (holding) release();
      }
    },
    describe: () => source.describe(),
  };
}
