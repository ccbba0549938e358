/** The one-sided normal mixture against scipy's numerical integral (python3 test/fixtures/stats/reference-normal-mixture.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  logNormalMixture,
  normalMixtureBoundary,
  tunedPrecision,
} from '../../../../src/judge/sequential/normal-mixture.js';

interface Case {
  S: number;
  V: number;
  rho: number;
  logM: number;
}
const reference = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/normal-mixture.json'), 'utf8')) as {
  generatedBy: string;
  cases: Case[];
};

test('the fixture names the command that wrote it', () => {
  expect(reference.generatedBy).toBe('python3 test/fixtures/stats/reference-normal-mixture.py');
});

describe('the closed form matches the integral over the half-normal', () => {
  test.each(reference.cases)('S=$S V=$V rho=$rho', ({ S, V, rho, logM }) => {
    expect(Math.abs(logNormalMixture(S, V, rho) - logM)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(logM)));
  });
});

test('before any data the martingale is 1 (ln M = 0): no evidence yet', () => {
  expect(logNormalMixture(0, 0, 3)).toBeCloseTo(0, 14);
});

test('the boundary is where ln M reaches the threshold, and it lies below the two-sided one', () => {
  const logThreshold = Math.log(40);
  for (const [variance, rho] of [
    [1, 1],
    [10, 2],
    [400, 30],
  ] as const) {
    const b = normalMixtureBoundary(variance, rho, logThreshold);
    expect(logNormalMixture(b, variance, rho)).toBeCloseTo(logThreshold, 8);
    // Mixing only lambda >= 0 doubles M for S > 0 (about): the two-sided sqrt((V+rho)(ln(1+V/rho)+2 ln 40)) is looser.
    expect(b).toBeLessThan(Math.sqrt((variance + rho) * (Math.log1p(variance / rho) + 2 * logThreshold)));
  }
});

test("tunedPrecision: Howard et al.'s rho = m / (2 ln(1/a) + ln(1 + 2 ln(1/a)))", () => {
  const l = Math.log(40);
  expect(tunedPrecision(20, l)).toBeCloseTo(20 / (2 * l + Math.log(1 + 2 * l)), 14);
});
