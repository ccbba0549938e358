import { SourceError } from '../../../../src/errors.js';
import { startDeadline } from '../../../../src/sources/prometheus/deadline.js';
import { parseRetryAfter } from '../../../../src/sources/prometheus/retry-after.js';
import { backoffSeconds, runWithRetries } from '../../../../src/sources/prometheus/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');
  test('delta seconds', () => expect(parseRetryAfter('7', now)).toBe(7));
  test('an HTTP date', () => expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:05 GMT', now)).toBe(5));
  test('a date in the past is 0', () => expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0));
  test.each([undefined, '', '-1', '1.5', 'soon', '12abc'])('%p is unreadable', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('backoffSeconds', () => {
  const policy = { retries: 5, baseSeconds: 1, maxBackoffSeconds: 8 };
  test('doubles per attempt, jittered between half and all of it, capped', () => {
    expect(backoffSeconds(1, policy, () => 0)).toBe(0.5);
    expect(backoffSeconds(1, policy, () => 1)).toBe(1);
    expect(backoffSeconds(3, policy, () => 1)).toBe(4);
    expect(backoffSeconds(10, policy, () => 1)).toBe(8);
  });
});

describe('runWithRetries', () => {
  const policy = { retries: 2, baseSeconds: 0.01, maxBackoffSeconds: 0.02 };
  const retryable = new SourceError('boom', { retryable: true, kind: 'http', status: 500 });

  test('retries retryable failures up to `retries` extra attempts, then names the attempts', async () => {
    const deadline = startDeadline(5);
    const counter = { attempts: 0 };
    await expect(runWithRetries(() => Promise.reject(retryable), policy, deadline, counter)).rejects.toThrow(
      'boom (3 attempts)',
    );
    expect(counter.attempts).toBe(3);
    deadline.dispose();
  });

  test('does not retry a non-retryable failure', async () => {
    const deadline = startDeadline(5);
    const counter = { attempts: 0 };
    const fatal = new SourceError('bad query', { retryable: false, kind: 'query' });
    await expect(runWithRetries(() => Promise.reject(fatal), policy, deadline, counter)).rejects.toBe(fatal);
    expect(counter.attempts).toBe(1);
    deadline.dispose();
  });

  test('stops when Retry-After does not fit in the deadline', async () => {
    const deadline = startDeadline(1);
    const counter = { attempts: 0 };
    const busy = new SourceError('busy', { retryable: true, kind: 'http', status: 429, retryAfterSeconds: 60 });
    await expect(runWithRetries(() => Promise.reject(busy), policy, deadline, counter)).rejects.toThrow(
      'retry after 1m',
    );
    expect(counter.attempts).toBe(1);
    deadline.dispose();
  });
});
