import { errorFunction } from 'simple-statistics';
import { erfc, normalCdf, normalQuantile, normalSurvival } from '../../../../src/judge/stats/normal.js';
import { expectClose, loadReference } from './reference.js';

const reference = loadReference();

describe('normal distribution against scipy', () => {
  test.each(reference.normal.erfc)('erfc($x) to 1e-13 relative', ({ x, value }) => {
    expectClose(erfc(x), value, 1e-13);
  });

  test.each(reference.normal.survival)('survival($z) = $p to 1e-12 relative, far tail included', ({ z, p }) => {
    expectClose(normalSurvival(z), p, 1e-12);
  });

  test.each(reference.normal.quantile)('quantile($p) = $z to 1e-12', ({ p, z }) => {
    expectClose(normalQuantile(p), z, 1e-12, 1e-14);
  });
});

describe('normal distribution properties', () => {
  test('a p-value of 1e-30 is 1e-30, not 0 or 0.001 (the table in simple-statistics stops at 0.001)', () => {
    expectClose(normalSurvival(-normalQuantile(1e-30)), 1e-30, 1e-12);
  });

  test('agrees with simple-statistics errorFunction to its documented 1.2e-7 relative accuracy', () => {
    for (let x = -3; x <= 5; x += 0.25) expectClose(erfc(x), 1 - errorFunction(x), 2e-7, 1e-15);
  });

  test('cdf and survival add to 1 and the edges are defined', () => {
    for (const z of [-5, -1, 0, 0.7, 3]) expectClose(normalCdf(z) + normalSurvival(z), 1, 1e-15);
    expect([normalQuantile(0), normalQuantile(1), normalQuantile(0.5)]).toEqual([-Infinity, Infinity, 0]);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
  });
});
