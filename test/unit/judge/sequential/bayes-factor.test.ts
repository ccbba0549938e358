/**
 * The Lindon & Malek Bayes factors: the two-sided one against scipy.special.betaln (python3
 * test/fixtures/stats/reference-sequential.py), the one-sided BF+ the stop rule uses against mpmath
 * (python3 test/fixtures/stats/reference-one-sided.py).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CONCENTRATION,
  logOneSidedShareBayesFactor,
  logShareBayesFactor,
  nullShare,
} from '../../../../src/judge/sequential/bayes-factor.js';
import { regularizedBetaComplement } from '../../../../src/judge/stats/incomplete-beta.js';

interface Case {
  xc: number;
  xb: number;
  theta0: number;
  k: number;
  logBF: number;
}
const reference = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/sequential.json'), 'utf8')) as {
  generatedBy: string;
  cases: Case[];
};

test('the fixture names the command that wrote it', () => {
  expect(reference.generatedBy).toBe('python3 test/fixtures/stats/reference-sequential.py');
});

describe('log BF matches scipy', () => {
  test.each(reference.cases)('x_c=$xc x_b=$xb theta0=$theta0', ({ xc, xb, theta0, k, logBF }) => {
    expect(Math.abs(logShareBayesFactor(xc, xb, theta0, k) - logBF)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(logBF)),
    );
  });
});

test('no events is no evidence: BF = BF+ = 1', () => {
  expect(logShareBayesFactor(0, 0, 0.3)).toBe(0);
  expect(logOneSidedShareBayesFactor(0, 0, 0.3, 'increase')).toBe(0);
  expect(logOneSidedShareBayesFactor(0, 0, 0.3, 'decrease')).toBe(0);
});

test('theta0 outside (0, 1) is refused rather than giving NaN', () => {
  expect(() => logShareBayesFactor(1, 1, 0)).toThrow(RangeError);
  expect(() => logShareBayesFactor(1, 1, 1)).toThrow(RangeError);
  expect(() => logOneSidedShareBayesFactor(1, 1, 0, 'increase')).toThrow(RangeError);
});

test('nullShare: the edge of the tolerance as a share of events', () => {
  // 1000 candidate and 3000 baseline trials, +25% allowed: 1250 / (1250 + 3000).
  expect(nullShare(1000, 3000, 0.25, 'increase')).toBeCloseTo(1250 / 4250, 12);
  // -25% allowed on a decrease: 750 / (750 + 3000).
  expect(nullShare(1000, 3000, 0.25, 'decrease')).toBeCloseTo(750 / 3750, 12);
  expect(nullShare(1000, 3000, 0, 'increase')).toBeCloseTo(0.25, 12);
});

interface OneSidedCase {
  xc: number;
  xb: number;
  theta0: number;
  k: number;
  direction: 'increase' | 'decrease';
  logBFplus: number;
}
const oneSided = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/one-sided.json'), 'utf8')) as {
  generatedBy: string;
  cases: OneSidedCase[];
};

describe('the one-sided log BF+ matches mpmath (and, in the script, quadrature of the restricted mixture)', () => {
  test('its fixture names the command that wrote it', () => {
    expect(oneSided.generatedBy).toBe('python3 test/fixtures/stats/reference-one-sided.py');
  });
  test.each(oneSided.cases)(
    'x_c=$xc x_b=$xb theta0=$theta0 k=$k $direction',
    ({ xc, xb, theta0, k, direction, logBFplus }) => {
      const got = logOneSidedShareBayesFactor(xc, xb, theta0, direction, k);
      expect(Number.isFinite(got)).toBe(true);
      expect(Math.abs(got - logBFplus)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(logBFplus)));
    },
  );
});

test('BF+ <= 1 whenever the share is on the good side: every ratio L(theta)/L(theta0) it mixes is then <= 1', () => {
  // theta0 = 0.1; shares from 0 to 0.1 (at or below the null edge) over 400 events, deflated counts included.
  for (let xc = 0; xc <= 40; xc += 2.5) {
    expect(logOneSidedShareBayesFactor(xc, 400 - xc, 0.1, 'increase')).toBeLessThanOrEqual(1e-12);
    // The mirror for a decrease: shares from 0.1 up.
    expect(logOneSidedShareBayesFactor(40 + xc, 360 - xc, 0.1, 'decrease')).toBeLessThanOrEqual(1e-12);
  }
});

test('far on the bad side BF+ is the two-sided BF over the prior mass P+ there (about twice it): the gain of the one-sided prior', () => {
  // 120 of 300 events against theta0 = 0.1: the posterior's mass below theta0 is ~1e-40, so BF = P+ BF+ exactly to double precision.
  const theta0 = 0.1;
  const k = DEFAULT_CONCENTRATION;
  const priorAbove = regularizedBetaComplement(theta0, k * theta0, k * (1 - theta0));
  expect(priorAbove).toBeGreaterThan(0.3);
  expect(priorAbove).toBeLessThan(0.5);
  const gain = logOneSidedShareBayesFactor(120, 180, theta0, 'increase') - logShareBayesFactor(120, 180, theta0);
  expect(gain).toBeCloseTo(-Math.log(priorAbove), 10);
});
