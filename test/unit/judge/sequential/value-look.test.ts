/**
 * One look at a value check. Data: a seeded 120-point baseline of log-normal latencies (median
 * 200 ms, log sd 0.3, independent), and a candidate of up to 40 points from the same generator,
 * multiplied by the stated factor. Tolerance 10%, alpha 0.05.
 */
import { lookAtValues } from '../../../../src/judge/sequential/value-look.js';
import { prepareValueTest } from '../../../../src/judge/sequential/value-test.js';
import { mulberry32 } from '../../../../src/seeded-random.js';

const check = { direction: 'increase' as const, tolerance: 0.1 };

function logNormal(seed: number, n: number, factor = 1, median = 0.2): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return median * factor * Math.exp(0.3 * z);
  });
}

const baseline = logNormal(1, 120);

test('latency x2 over 40 points: certain of a rise beyond 10% (excess ln 2 - ln 1.1 = 0.6 a point, sd 0.3)', () => {
  const look = lookAtValues(check, baseline, logNormal(2, 40, 2), 0.05, 40);
  expect(look.stop).toBe(true);
  expect(look.badSide).toBe(true);
  expect(look.evidence).toBeGreaterThanOrEqual(1);
  expect(look.logMixture).toBeGreaterThanOrEqual(Math.log(2 / 0.05));
  expect(look.change).toBeGreaterThan(0.6);
  expect(look.scale).toBe('log');
  expect(look.reason).toMatch(
    /^anytime-valid test certain of a rise beyond tolerance \(geometric mean \+\d+(\.\d+)?%, tolerance 10%, 40 value\(s\); \d+ step\(s\) clipped at 4 sd; sum .* >= boundary .*, and without the strongest point\)$/,
  );
});

test('the same distribution: no stop, the sum is below the threshold, evidence 0', () => {
  const look = lookAtValues(check, baseline, logNormal(3, 40), 0.05, 40);
  expect(look.stop).toBe(false);
  expect(look.badSide).toBe(false);
  expect(look.evidence).toBe(0);
  expect(look.reason).toMatch(/^no evidence of a rise beyond tolerance yet/);
});

test('a +50% rise after only 3 points: on the bad side but not yet certain (evidence between 0 and 1)', () => {
  const look = lookAtValues(check, baseline, logNormal(4, 3, 1.5), 0.05, 40);
  expect(look.values).toBe(3);
  expect(look.stop).toBe(false);
  expect(look.badSide).toBe(true);
  expect(look.evidence).toBeGreaterThan(0);
  expect(look.evidence).toBeLessThan(1);
  expect(look.reason).toMatch(/^evidence 0\.\d+ of 1 for a rise beyond tolerance/);
});

test('direction decrease mirrors it: throughput halved stops, throughput doubled does not', () => {
  const down = { direction: 'decrease' as const, tolerance: 0.1 };
  expect(lookAtValues(down, baseline, logNormal(5, 40, 0.5), 0.05, 40).stop).toBe(true);
  const up = lookAtValues(down, baseline, logNormal(5, 40, 2), 0.05, 40);
  expect(up.stop).toBe(false);
  expect(up.reason).toMatch(/fall/);
});

test('a change inside the tolerance never stops, however clear: +5% on sd 0.01 with tolerance 10%', () => {
  const tight = (seed: number, n: number, factor: number): Float64Array =>
    logNormal(seed, n, factor).map((v) => 0.2 * factor * Math.exp((Math.log(v / (0.2 * factor)) / 0.3) * 0.01));
  const look = lookAtValues(check, tight(6, 120, 1), tight(7, 40, 1.05), 0.05, 40);
  expect(look.change).toBeGreaterThan(0.04);
  expect(look.stop).toBe(false);
});

test('values <= 0 in the baseline: raw scale; the tolerance is relative to the mean', () => {
  const raw = Float64Array.from(baseline, (v, i) => (i === 0 ? 0 : v));
  const look = lookAtValues(check, raw, logNormal(8, 40, 2), 0.05, 40);
  expect(look.scale).toBe('raw');
  expect(look.stop).toBe(true);
});

test('NaN, Inf and (on the log scale) zeros in the candidate are set aside and counted', () => {
  const candidate = Float64Array.from([...logNormal(9, 10), NaN, Infinity, 0]);
  const look = lookAtValues(check, baseline, candidate, 0.05, 40);
  expect(look.values).toBe(10);
  expect(look.skipped).toBe(3);
  expect(look.reason).toMatch(/3 value\(s\) set aside \(not finite or <= 0\)/);
});

test('a baseline that never varies, or is too short, cannot stop anything: the reason says why', () => {
  const flat = lookAtValues(check, new Float64Array(60).fill(0.2), logNormal(10, 40, 5), 0.05, 40);
  expect(flat.stop).toBe(false);
  expect(flat.reason).toBe(
    "the baseline never varies: the sequential test has no noise to scale by; waiting for the window's end",
  );
  const short = lookAtValues(check, baseline.subarray(0, 5), logNormal(10, 40, 5), 0.05, 40);
  expect(short.stop).toBe(false);
  expect(short.reason).toMatch(/^too few baseline values for the sequential test \(5, needs 8\)/);
});

test('bad alpha or tolerance is refused', () => {
  expect(() => lookAtValues(check, baseline, baseline, 0)).toThrow(RangeError);
  expect(() => lookAtValues({ ...check, tolerance: -0.1 }, baseline, baseline, 0.05)).toThrow(RangeError);
});

test('the threshold: the baseline mean plus its alpha/2 margin plus ln(1.1), so above mean + ln(1.1)', () => {
  const test = prepareValueTest(check, baseline, 0.05, 40);
  if (!test.ready) throw new Error(test.reason);
  expect(test.threshold).toBeGreaterThan(test.baselineMean + Math.log(1.1));
  // Margin at alpha/2 for 120 points of sd 0.3: about 1.98 x 0.3 / sqrt(120) = 0.054 (times the small AR inflation estimated).
  expect(test.threshold - test.baselineMean - Math.log(1.1)).toBeGreaterThan(0.04);
  expect(test.threshold - test.baselineMean - Math.log(1.1)).toBeLessThan(0.09);
  expect(test.logThreshold).toBeCloseTo(Math.log(40), 14);
});
