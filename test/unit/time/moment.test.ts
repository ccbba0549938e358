import { formatElapsed, formatMoment } from '../../../src/time/moment.js';

const DEPLOY = 1768471200; // 2026-01-15T10:00:00Z

test('elapsed time is written one way: 45s, 1m03s, 1h02m03s', () => {
  expect([formatElapsed(45), formatElapsed(63), formatElapsed(600), formatElapsed(3723), formatElapsed(-2)]).toEqual([
    '45s',
    '1m03s',
    '10m00s',
    '1h02m03s',
    '0s',
  ]);
});

test('a moment is the time after the deploy with the wall time, its date only when it is another day', () => {
  expect(formatMoment(DEPLOY + 63, DEPLOY)).toBe('1m03s after the deploy (10:01:03Z)');
  expect(formatMoment(DEPLOY + 14 * 3600 + 5, DEPLOY)).toBe('14h00m05s after the deploy (2026-01-16T00:00:05Z)');
});
