import { linearScale, niceStep, valueExtent } from '../../../src/reports/html/chart/scale.js';
import { describeDates, timeTicks } from '../../../src/reports/html/chart/time-ticks.js';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('value axis', () => {
  test('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.6, 4)).toBe(0.2); // 0.15 a step rounds up to 0.2
    expect(niceStep(1000, 4)).toBe(250);
    expect(niceStep(0.002, 5)).toBeCloseTo(0.0005, 12);
  });

  test('a latency between 0.19 and 0.43 is drawn from zero on round ticks, pixels flipped', () => {
    // 0.19 is below half of 0.43, so zero is included: 0 .. 0.43 in steps of 0.1 -> 0 .. 0.5.
    const scale = linearScale(valueExtent([0.19, 0.43, 0.25]), [200, 0], 5);
    expect(scale.domain).toEqual([0, 0.5]);
    expect(scale.ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(scale.at(0)).toBe(200);
    expect(scale.at(0.25)).toBe(100);
    expect(scale.at(0.5)).toBe(0);
  });

  test('a tight band far above zero keeps its own range, and NaN/Inf do not widen it', () => {
    expect(valueExtent([995, 1005, Number.NaN, Infinity])).toEqual([995, 1005]);
  });

  test('a constant or empty series still gets a drawable range', () => {
    expect(valueExtent([])).toEqual([0, 1]);
    expect(valueExtent([0, 0])).toEqual([0, 1]);
    expect(valueExtent([-4, -4])).toEqual([-4.4, -3.6]);
  });
});

describe('time axis (UTC)', () => {
  test('40 minutes get ticks every 10 minutes on the round clock times', () => {
    const ticks = timeTicks(at('2026-11-26T09:31:00Z'), at('2026-11-26T10:11:00Z'), 5);
    expect(ticks.map((t) => t.label)).toEqual(['09:40', '09:50', '10:00', '10:10']);
    expect(ticks[0]!.t).toBe(at('2026-11-26T09:40:00Z'));
  });

  test('a short probe window shows seconds', () => {
    const labels = timeTicks(at('2026-11-26T10:00:05Z'), at('2026-11-26T10:01:00Z'), 5).map((t) => t.label);
    expect(labels).toEqual(['10:00:15', '10:00:30', '10:00:45', '10:01:00']);
  });

  test('three days get one tick a day, labelled with the date', () => {
    const labels = timeTicks(at('2026-01-12T19:00:00Z'), at('2026-01-15T19:30:00Z'), 5).map((t) => t.label);
    expect(labels).toEqual(['01-13', '01-14', '01-15']);
  });

  test('the caption names the UTC date, or both dates across midnight', () => {
    expect(describeDates(at('2026-11-26T09:30:00Z'), at('2026-11-26T10:11:00Z'))).toBe('2026-11-26');
    expect(describeDates(at('2026-11-26T23:30:00Z'), at('2026-11-27T00:11:00Z'))).toBe('2026-11-26 to 2026-11-27');
  });
});
