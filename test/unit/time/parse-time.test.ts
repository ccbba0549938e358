import { UsageError } from '../../../src/errors.js';
import { formatTime } from '../../../src/time/format-time.js';
import { parseDeployTime } from '../../../src/time/parse-time.js';

// 2026-11-26T10:00:00Z
const NOW = 1795687200;

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseDeployTime accepts', () => {
  test.each([
    ['2026-11-26T10:00:00Z', NOW],
    ['2026-11-26t10:00:00z', NOW],
    ['2026-11-26T12:00:00+02:00', NOW],
    ['2026-11-26T05:30:00-04:30', NOW],
    ['2026-11-26T09:59:30.250Z', NOW - 29.75],
    ['2026-11-26 09:00:00Z', NOW - 3600],
    ['1795687200', NOW],
    ['1795687199.5', NOW - 0.5],
    ['now', NOW],
    ['NOW', NOW],
    ['-15m', NOW - 900],
    ['now-15m', NOW - 900],
    ['now - 1h30m', NOW - 5400],
    ['  now-30s  ', NOW - 30],
  ])('%s', (text, expected) => {
    expect(parseDeployTime(text, NOW)).toBeCloseTo(expected, 6);
  });

  test('a time up to one minute ahead (runner clock skew)', () => {
    expect(parseDeployTime('2026-11-26T10:01:00Z', NOW)).toBe(NOW + 60);
  });
});

describe('parseDeployTime refuses', () => {
  test('a date-time without a timezone, naming the option and the accepted forms', () => {
    const message = usageMessage(() => parseDeployTime('2026-11-26T10:00:00', NOW, 'deploy.at'));
    expect(message).toContain('deploy.at');
    expect(message).toContain('no timezone');
    expect(message).toContain('2026-11-26T10:00:00Z');
    expect(message).toContain('-15m');
  });

  test('a date alone', () => {
    expect(usageMessage(() => parseDeployTime('2026-11-26', NOW))).toContain('no timezone');
  });

  test.each([
    'yesterday',
    '',
    '15m',
    'now+5m',
    '2026-02-30T10:00:00Z',
    '2026-11-26T24:00:00Z',
    '2026-11-26T10:00:00+25:00',
    '-15x',
    '1e9',
  ])('unparseable %j, naming the default option', (text) => {
    const message = usageMessage(() => parseDeployTime(text, NOW));
    expect(message).toContain('--deployed-at');
    expect(message).toContain('is not a time');
  });

  test('a time more than a minute in the future', () => {
    expect(usageMessage(() => parseDeployTime('2026-11-26T10:05:00Z', NOW))).toContain('300s in the future');
  });

  test.each([
    ['-99999999999h', '--deployed-at'],
    ['-99999999999999999999999999h', '--from'],
    ['now-60000y', '--to'],
    ['-1000000h', '--at'],
  ])('%j, before 1970 (out of range): a usage error naming %s', (text, option) => {
    const message = usageMessage(() => parseDeployTime(text, NOW, option));
    expect(message).toContain(option);
    expect(message).toContain(JSON.stringify(text));
    expect(message).toContain('before 1970-01-01T00:00:00Z');
  });

  test('unix milliseconds, with a hint', () => {
    expect(usageMessage(() => parseDeployTime(String(NOW * 1000), NOW))).toContain('milliseconds');
  });
});

describe('formatTime', () => {
  test('whole seconds without milliseconds, fractions with them', () => {
    expect(formatTime(NOW)).toBe('2026-11-26T10:00:00Z');
    expect(formatTime(NOW + 0.25)).toBe('2026-11-26T10:00:00.250Z');
  });
});
