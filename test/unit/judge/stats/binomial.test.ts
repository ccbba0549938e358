/** Binomial tails, Clopper-Pearson and the incomplete beta against scipy (python3 scripts/reference-stats.py). */
import { binomialLowerTail, binomialUpperTail, clopperPearson } from '../../../../src/judge/stats/binomial.js';
import { regularizedBeta } from '../../../../src/judge/stats/incomplete-beta.js';
import { loadReference } from './reference.js';

const reference = loadReference();
const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(expected));
};

describe('binomial tails match scipy.stats.binomtest', () => {
  test.each(reference.binomial)('k=$k n=$n p=$p', ({ k, n, p, greater, less, ci95 }) => {
    close(binomialUpperTail(k, n, p), greater);
    close(binomialLowerTail(k, n, p), less);
    const [low, high] = clopperPearson(k, n, 0.95);
    close(low, ci95[0]);
    close(high, ci95[1]);
  });
});

describe('regularizedBeta matches scipy.special.betainc for real arguments', () => {
  test.each(reference.betainc)('I_$x($a, $b)', ({ x, a, b, value }) => {
    close(regularizedBeta(x, a, b), value);
  });
});

test('a tiny upper tail keeps its precision instead of cancelling to 0', () => {
  // P(X >= 60 | Bin(80, 0.25)) is about 1e-20: computed directly, never as 1 - (1 - tiny).
  const p = binomialUpperTail(60, 80, 0.25);
  expect(p).toBeGreaterThan(0);
  expect(p).toBeLessThan(1e-15);
});
