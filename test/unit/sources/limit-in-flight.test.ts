/** The per-source limit on queries in flight: never more than the limit, in order, and a cancelled wait leaves the queue. */
import { limitInFlight } from '../../../src/sources/limit-in-flight.js';
import type { QueryResult, Source } from '../../../src/sources/types.js';

/** A source whose answers the test releases by hand, counting the calls running at once. */
function heldSource() {
  const pending: Array<() => void> = [];
  const state = { running: 0, most: 0, started: [] as string[] };
  const source: Source = {
    fetchRange: (query, _range, signal) => {
      state.started.push(query);
      if (signal?.aborted) return Promise.reject(new Error('cancelled'));
      state.running += 1;
      state.most = Math.max(state.most, state.running);
      return new Promise<QueryResult>((resolve) =>
        pending.push(() => {
          state.running -= 1;
          resolve({ series: [], warnings: [] });
        }),
      );
    },
    describe: () => 'held',
  };
  const releaseOne = async (): Promise<void> => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { source, state, releaseOne };
}

const RANGE = { start: 0, end: 60, step: 30 };

test('at most `limit` calls run at once; each freed slot goes to the next caller in order', async () => {
  const { source, state, releaseOne } = heldSource();
  const limited = limitInFlight(source, 3);
  const all = Promise.all(Array.from({ length: 10 }, (_, i) => limited.fetchRange(`q${i}`, RANGE)));
  await new Promise((resolve) => setImmediate(resolve));
  expect(state.started).toEqual(['q0', 'q1', 'q2']);
  await releaseOne();
  expect(state.started).toEqual(['q0', 'q1', 'q2', 'q3']);
  // A new caller arriving while others wait queues behind them.
  const late = limited.fetchRange('late', RANGE);
  for (let i = 0; i < 10; i++) await releaseOne();
  await all;
  await late;
  expect(state.started.slice(-2)).toEqual(['q9', 'late']);
  expect(state.most).toBe(3);
});

test('a caller cancelled while queued leaves the queue at once and does not take a slot', async () => {
  const { source, state, releaseOne } = heldSource();
  const limited = limitInFlight(source, 1);
  const first = limited.fetchRange('first', RANGE);
  const controller = new AbortController();
  const cancelled = limited.fetchRange('cancelled', RANGE, controller.signal);
  const after = limited.fetchRange('after', RANGE);
  controller.abort();
  await expect(cancelled).rejects.toThrow('cancelled');
  await releaseOne();
  await first;
  expect(state.started).toEqual(['first', 'cancelled', 'after']);
  await releaseOne();
  await after;
  expect(state.most).toBe(1);
});
