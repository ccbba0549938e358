/**
 * Retries with jittered exponential backoff inside one deadline. Only failures marked retryable
 * (network errors, 5xx, 408, 429) are retried; a `Retry-After` the deadline cannot honour ends
 * the loop instead of sleeping past it.
 */
import { SourceError } from '../../errors.js';
import { formatDuration } from '../../time/duration.js';
import { type Deadline, sleep } from './deadline.js';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff, seconds; doubles each attempt. */
  baseSeconds: number;
  maxBackoffSeconds: number;
}

/** Counts attempts so the caller can report them even when the loop throws. */
export interface AttemptCounter {
  attempts: number;
}

/** Backoff before retry `n` (1-based): between half and all of base * 2^(n-1), capped. */
export function backoffSeconds(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffSeconds, policy.baseSeconds * 2 ** (n - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

function withNote(error: SourceError, note: string): SourceError {
  return new SourceError(`${error.message} (${note})`, error.options);
}

/** Run `attempt` until it succeeds, fails for good, or the retries or the deadline run out. */
export async function runWithRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  deadline: Deadline,
  counter: AttemptCounter,
): Promise<T> {
  for (;;) {
    counter.attempts += 1;
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof SourceError) || !error.retryable) throw error;
      const tries = `${counter.attempts} attempt${counter.attempts === 1 ? '' : 's'}`;
      if (counter.attempts > policy.retries) throw counter.attempts > 1 ? withNote(error, tries) : error;
      const asked = error.options.retryAfterSeconds;
      const wait = asked ?? backoffSeconds(counter.attempts, policy);
      if (wait * 1000 >= deadline.remainingMs()) {
        const why =
          asked === undefined
            ? tries
            : `${tries}; the server asked to retry after ${formatDuration(asked)}, past the timeout`;
        throw withNote(error, why);
      }
      await sleep(wait * 1000, deadline.signal);
      if (deadline.signal.aborted) throw withNote(error, tries);
    }
  }
}
