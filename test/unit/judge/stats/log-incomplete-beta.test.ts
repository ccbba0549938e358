/** ln I_x(a, b) and ln(1 - I_x(a, b)) against mpmath at 60 digits (python3 test/fixtures/stats/reference-one-sided.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  logRegularizedBeta,
  logRegularizedBetaComplement,
  regularizedBeta,
  regularizedBetaComplement,
} from '../../../../src/judge/stats/incomplete-beta.js';

interface Tail {
  x: number;
  a: number;
  b: number;
  upper: boolean;
  logTail: number;
}
const reference = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/one-sided.json'), 'utf8')) as {
  generatedBy: string;
  tails: Tail[];
};

test('the fixture names the command that wrote it', () => {
  expect(reference.generatedBy).toBe('python3 test/fixtures/stats/reference-one-sided.py');
});

describe('log tails match mpmath, including tails that underflow a double', () => {
  test.each(reference.tails)('x=$x a=$a b=$b upper=$upper', ({ x, a, b, upper, logTail }) => {
    const got = upper ? logRegularizedBetaComplement(x, a, b) : logRegularizedBeta(x, a, b);
    expect(Math.abs(got - logTail)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(logTail)));
  });
});

test('where the plain tail underflows to 0 its log is still finite: I_0.5(1500.5, 10.5) ~ e^-991', () => {
  expect(regularizedBeta(0.5, 1500.5, 10.5)).toBe(0);
  expect(logRegularizedBeta(0.5, 1500.5, 10.5)).toBeCloseTo(-991.07, 1);
});

test('the log tails agree with the plain ones where those are representable', () => {
  for (const [x, a, b] of [
    [0.1, 2.5, 22.5],
    [0.3, 7, 3],
    [0.05, 81.25, 423.75],
    [0.6, 0.5, 0.5],
  ] as const) {
    expect(Math.exp(logRegularizedBeta(x, a, b))).toBeCloseTo(regularizedBeta(x, a, b), 13);
    expect(Math.exp(logRegularizedBetaComplement(x, a, b))).toBeCloseTo(regularizedBetaComplement(x, a, b), 13);
  }
});

test('the ends of [0, 1] and invalid shapes', () => {
  expect(logRegularizedBeta(0, 2, 3)).toBe(-Infinity);
  expect(logRegularizedBetaComplement(0, 2, 3)).toBe(0);
  expect(logRegularizedBeta(1, 2, 3)).toBe(0);
  expect(logRegularizedBetaComplement(1, 2, 3)).toBe(-Infinity);
  expect(logRegularizedBeta(0.5, 0, 3)).toBeNaN();
  expect(logRegularizedBetaComplement(Number.NaN, 2, 3)).toBeNaN();
});
