/** Durations: Prometheus units, and decimals (`0.5s`, which the demo's "every 0.2s" invites). */
import { formatDuration, parseDuration } from '../../../src/time/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['1h30m', 5400],
    ['500ms', 0.5],
    ['0.5s', 0.5],
    ['0.2s', 0.2],
    ['1.5m', 90],
    ['1m0.5s', 60.5],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBeCloseTo(seconds, 9);
  });

  it.each(['', '.5s', '5.s', '1..5s', '5', 's', '-1s', '1.5'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('renders fractions of a second in ms', () => {
    expect(formatDuration(0.2)).toBe('200ms');
  });
});
