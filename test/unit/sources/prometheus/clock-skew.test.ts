/** The runner's clock against the server's Date header. */
import { SourceError } from '../../../../src/errors.js';
import { checkClockSkew, measureClockSkew } from '../../../../src/sources/prometheus/clock-skew.js';

const NOW_MS = Date.parse('2026-11-26T10:00:00Z');
const NOW = NOW_MS / 1000;
const at = (offsetSeconds: number): string => new Date(NOW_MS + offsetSeconds * 1000).toUTCString();

test('measureClockSkew: positive when this machine is ahead; undefined without a readable Date', () => {
  expect(measureClockSkew(at(-90), NOW_MS)).toBe(90);
  expect(measureClockSkew(at(45), NOW_MS)).toBe(-45);
  expect(measureClockSkew(undefined, NOW_MS)).toBeUndefined();
  expect(measureClockSkew('yesterday', NOW_MS)).toBeUndefined();
});

test('up to 30 s of skew is silent', () => {
  expect(checkClockSkew(at(-30), { start: NOW - 600, end: NOW, step: 30 }, 'P', NOW_MS)).toBeUndefined();
});

test("a range ending in the server's future is refused: its data cannot be complete", () => {
  expect(() => checkClockSkew(at(-3600), { start: NOW - 600, end: NOW - 60, step: 30 }, 'P', NOW_MS)).toThrow(
    SourceError,
  );
  expect(() => checkClockSkew(at(-3600), { start: NOW - 600, end: NOW - 60, step: 30 }, 'P', NOW_MS)).toThrow(
    /1h ahead of the server's.*sync this machine's clock/,
  );
});

test('a range the server has already lived through is judged, with a warning about the skew', () => {
  expect(checkClockSkew(at(-3600), { start: NOW - 7800, end: NOW - 7200, step: 30 }, 'P', NOW_MS)).toContain(
    '1h ahead of',
  );
  expect(checkClockSkew(at(300), { start: NOW - 600, end: NOW, step: 30 }, 'P', NOW_MS)).toContain('5m behind');
});
