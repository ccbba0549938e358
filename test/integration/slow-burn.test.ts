/**
 * Slow burns end to end: a real Prometheus backfilled with promtool, the built CLI, a 30-minute
 * baseline and a 10-minute post window at 15 s steps (121 + 41 points), tolerance 10%. Three
 * services deployed at the same moment, latency 0.2 s with 5% noise before it:
 * - leak: flat for the first 40% of the post window, then rising linearly to +60% at its end (a
 *   leak, a filling queue). Half the post points are beyond the tolerance, so the window's shift
 *   test against the tolerance is not significant (its Mann-Whitney reads about 0.5); the growth
 *   test weighs the window's end most (weights 1 + 3u): 65% of its weight is on points beyond the
 *   tolerance, a weighted placement of about 0.65 against 0.5 with a standard deviation of about
 *   0.055. It fails with rule `growing`, and the reason says where the line starts and ends.
 * - dip: 30% faster for the first third of the post window, then +8%, within the tolerance: no
 *   post point is a regression, so it passes (a test of the end of a line fitted through the
 *   window, whose weights on the early points are negative, would read the rise out of the dip
 *   as a regression beyond the tolerance).
 * - healthy: unchanged, passes.
 */
import { startBackfilledPrometheus, type BackfilledPrometheus } from './harness/backfilled-prometheus.js';
import { jobLatencyLines, prometheusSpec } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { createNormalStream, createUniform, seedFromString } from './harness/prng.js';
import { parseReport, runSpec } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const DEPLOYED_AT = '2026-01-20T12:00:00Z';
const DEPLOY = Date.parse(DEPLOYED_AT) / 1000;
const STEP = 15;
const POST = 600;

/** The post window's level relative to the baseline at u (0 at the deploy, 1 at the window's end). */
const PROFILES: Record<string, (u: number) => number> = {
  leak: (u) => 1 + 0.6 * Math.max(0, (u - 0.4) / 0.6),
  dip: (u) => (u < 1 / 3 ? 0.7 : 1.08),
  healthy: () => 1,
};

function samples(job: string): string[] {
  const normal = createNormalStream(createUniform(seedFromString(`slow burn ${job}`)));
  const lines: string[] = [];
  for (let t = DEPLOY - 40 * 60; t <= DEPLOY + POST + 60; t += STEP) {
    const level = t >= DEPLOY ? PROFILES[job]!(Math.min(1, (t - DEPLOY) / POST)) : 1;
    lines.push(`app_latency_seconds{job="${job}"} ${(0.2 * level * Math.exp(0.05 * normal())).toFixed(6)} ${t}`);
  }
  return lines;
}

let prometheus: BackfilledPrometheus | undefined;
const specs = createSpecDir();

beforeAll(async () => {
  const jobs = Object.keys(PROFILES);
  prometheus = await startBackfilledPrometheus(
    ['# TYPE app_latency_seconds gauge', ...jobs.flatMap(samples), '# EOF', ''].join('\n'),
    { query: 'app_latency_seconds{job="healthy"}', time: DEPLOY + POST },
  );
});

afterAll(async () => {
  await prometheus?.stop();
  specs.remove();
});

const latencyCheck = (job: string): string[] => jobLatencyLines('app_latency_seconds', job);

type GrowthSeries = { verdict: string; rule?: string; reason: string };

test('a leak growing through the post window fails as growing; a dip then a change within the tolerance, and an unchanged service, pass', async () => {
  const spec = specs.write(
    'slow-burn.yaml',
    prometheusSpec(
      'slow burn',
      ['baseline: {window: 30m}', 'post: {window: 10m}'],
      `${STEP}s`,
      Object.keys(PROFILES).flatMap(latencyCheck),
    ),
  );
  const result = await runSpec(spec, DEPLOYED_AT, prometheus!.url);
  expectExit(result, 1);
  const report = parseReport(result);
  const [leak, dip, healthy] = report.checks.map((c) => c.series[0] as unknown as GrowthSeries);
  expect(leak).toMatchObject({ verdict: 'fail', rule: 'growing' });
  expect(leak!.reason).toMatch(
    /^growing through the post window: [+-]\d+\.?\d*% at its start, \+\d+\.?\d*% at its end \(fitted line\); weighted toward its end the window is \+\d+/,
  );
  expect(leak!.reason).toMatch(/the window as a whole: shift [+-]\d+\.?\d*% \[[^\]]+\], not significant/);
  expect(dip).toMatchObject({ verdict: 'pass' });
  expect(dip!.rule).not.toBe('growing');
  expect(healthy).toMatchObject({ verdict: 'pass' });
});
