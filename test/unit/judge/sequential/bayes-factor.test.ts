/** The Lindon & Malek Bayes factor against scipy.special.betaln (python3 test/fixtures/stats/reference-sequential.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logShareBayesFactor, nullShare } from '../../../../src/judge/sequential/bayes-factor.js';

interface Case { xc: number; xb: number; theta0: number; k: number; logBF: number }
const reference = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/sequential.json'), 'utf8')) as { generatedBy: string; cases: Case[] };

test('the fixture names the command that wrote it', () => {
  expect(reference.generatedBy).toBe('python3 test/fixtures/stats/reference-sequential.py');
});

describe('log BF matches scipy', () => {
  test.each(reference.cases)('x_c=$xc x_b=$xb theta0=$theta0', ({ xc, xb, theta0, k, logBF }) => {
    expect(Math.abs(logShareBayesFactor(xc, xb, theta0, k) - logBF)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(logBF)));
  });
});

test('no events is no evidence: BF = 1', () => {
  expect(logShareBayesFactor(0, 0, 0.3)).toBe(0);
});

test('theta0 outside (0, 1) is refused rather than giving NaN', () => {
  expect(() => logShareBayesFactor(1, 1, 0)).toThrow(RangeError);
  expect(() => logShareBayesFactor(1, 1, 1)).toThrow(RangeError);
});

test('nullShare: the edge of the tolerance as a share of events', () => {
  // 1000 candidate and 3000 baseline trials, +25% allowed: 1250 / (1250 + 3000).
  expect(nullShare(1000, 3000, 0.25, 'increase')).toBeCloseTo(1250 / 4250, 12);
  // -25% allowed on a decrease: 750 / (750 + 3000).
  expect(nullShare(1000, 3000, 0.25, 'decrease')).toBeCloseTo(750 / 3750, 12);
  expect(nullShare(1000, 3000, 0, 'increase')).toBeCloseTo(0.25, 12);
});
