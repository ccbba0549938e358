/**
 * Stopping early, against a real VictoriaMetrics (started by the globalSetup): counters of a job of
 * this file's own are imported with timestamps around now, the deploy 3 minutes ago and a 10m post
 * window, so `run` has 7 minutes to wait.
 *
 * - 10x error rate after the deploy (0.53% -> 5.3% of 100 requests/s): the first look is certain
 *   of the rise, so the run stops at once with exit 1 and the sequential reason in the report.
 * - The same error rate on both sides: looks go on, never stop; SIGINT after the first look
 *   gives exit 3 (an interrupted run never passes).
 * - The regression with --no-early-stop: no look at all; SIGINT after the first progress line.
 * - --no-wait judges the 3 minutes there at once: the regression fails (exit 1), the healthy job
 *   cannot pass on a window cut short (exit 3). --max-wait ends the wait the same way.
 */
import { countSpec, errorCountLines } from './harness/count-spec.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { describeRun, parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';
import { importSamples } from './harness/victoria-metrics.js';

const url = loadHarnessState().victoriaMetricsUrl ?? '';
const specs = createSpecDir();
const now = Math.floor(Date.now() / 1000 / 15) * 15;
const deployedAt = now - 180;
const SCRAPE = 15;
const REQUESTS_PER_SCRAPE = 1500;

/** Cumulative counters every 15s from 40m before the deploy to now; `errorsAfter` errors a scrape after the deploy. */
function counterLines(job: string, errorsAfter: number): string[] {
  const lines: string[] = [];
  let requests = 0;
  let errors = 0;
  for (let t = deployedAt - 40 * 60; t <= now; t += SCRAPE) {
    const newErrors = t > deployedAt ? errorsAfter : 8;
    requests += REQUESTS_PER_SCRAPE;
    errors += newErrors;
    lines.push(`http_requests_total{job="${job}",code="200"} ${requests - errors} ${t * 1000}`);
    lines.push(`http_requests_total{job="${job}",code="500"} ${errors} ${t * 1000}`);
  }
  return lines;
}

async function waitUntilQueryable(job: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const query = encodeURIComponent(`count(http_requests_total{job="${job}"})`);
    const body = (await (await fetch(`${url}/api/v1/query?query=${query}&time=${now}`)).json()) as {
      data?: { result?: unknown[] };
    };
    if ((body.data?.result?.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`imported counters of ${job} are not queryable in victoria-metrics at ${url}`);
}

const jobs = { regression: `early-stop-regression-${process.pid}`, healthy: `early-stop-healthy-${process.pid}` };

beforeAll(async () => {
  if (url === '') throw new Error('the integration harness did not start VictoriaMetrics');
  await importSamples(url, [...counterLines(jobs.regression, 80), ...counterLines(jobs.healthy, 8)]);
  await Promise.all([waitUntilQueryable(jobs.regression), waitUntilQueryable(jobs.healthy)]);
});
afterAll(() => specs.remove());

function specFor(job: string): string {
  return specs.write(
    `${job}.yaml`,
    countSpec(['baseline:', '  window: 30m', 'post:', '  window: 10m'], errorCountLines(job)),
  );
}

const args = (job: string, extra: string[] = []): string[] => [
  'run',
  specFor(job),
  '--deployed-at',
  String(deployedAt),
  '--format',
  'json',
  '--var',
  `PROMETHEUS_URL=${url}`,
  ...extra,
];

test.concurrent(
  'a 10x error rate stops the wait early: exit 1, test sequential-binomial, in well under a minute',
  async () => {
    const began = Date.now();
    const result = await runCli(args(jobs.regression));
    expectExit(result, 1);
    expect(Date.now() - began).toBeLessThan(20_000);
    const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
    const check = report.checks[0]!;
    expect(check.verdict).toBe('fail');
    const series = check.series[0] as unknown as {
      verdict: string;
      test: string;
      rule: string;
      pValue: number;
      reason: string;
    };
    expect(series).toMatchObject({ verdict: 'fail', test: 'sequential-binomial', rule: 'sequential' });
    expect(series.pValue).toBeLessThanOrEqual(0.05);
    expect({ reason: series.reason }).toEqual({
      reason: expect.stringMatching(
        /^stopped early \S+ after the deploy \(.*Z\): anytime-valid test certain of a rise beyond tolerance \S+, evidence (over )?[\d.]+x of the 80x needed \(p [<=] [\d.e-]+\); rate 0\.533% -> 5\.33%/,
      ),
    });
    expect(report.warnings.some((w) => w.startsWith('stopped early '))).toBe(true);
    expect(result.stderr).toMatch(
      /\[(\d+m)?\d+s of \S+ after the deploy\] error count rate \+[\d.]+% \(provisional\), evidence .* of the 80x needed \(p [<=] [\d.e-]+\): certain of a regression, stopping early\n/,
    );
  },
);

test.concurrent(
  'the same error rate on both sides never stops early: SIGINT after the first look, exit 3',
  async () => {
    const result = await runCli(args(jobs.healthy), {}, { signal: 'SIGINT', whenStderrHas: 'no sign of a rise' });
    expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 3 });
    expect(result.stderr).toMatch(
      /\[(\d+m)?\d+s of \S+ after the deploy\] error count rate (0%|-[\d.]+%) \(provisional\), no sign of a rise beyond the tolerance\n/,
    );
    expect(result.stderr).not.toContain('stopping early');
    expect(parseReport(result).verdict).toBe('inconclusive');
  },
);

test.concurrent(
  '--no-early-stop waits even with the regression: no look; SIGINT after the first progress line (15 s)',
  async () => {
    const result = await runCli(
      args(jobs.regression, ['--no-early-stop']),
      {},
      { signal: 'SIGINT', whenStderrHas: ' after the deploy]' },
    );
    expect(result.stderr).not.toContain('evidence');
    // Interrupted, it is judged once on the data so far (partial.ts): the fixed-n binomial test
    // sees the 10x rise, and a fail is kept, so the exit is 1 (fail), not 3; never 0.
    expect({ code: result.code, run: describeRun(result) }).toMatchObject({ code: 1 });
    const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
    expect(report.checks[0]!.series[0]).toMatchObject({ verdict: 'fail', test: 'binomial' });
    expect(report.warnings).toContain('interrupted before the post window ended');
  },
);

test.concurrent(
  '--no-wait judges the post window so far at once: the 10x regression fails on it (exit 1)',
  async () => {
    const result = await runCli(args(jobs.regression, ['--no-wait', '--no-early-stop']));
    expectExit(result, 1);
    const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
    expect(report.checks[0]!.series[0]).toMatchObject({ verdict: 'fail', test: 'binomial' });
    expect(
      report.warnings.some((w) =>
        /^--no-wait: judged \S+ after the deploy \(.*Z\), before the post window ended \S+ after the deploy \(.*Z\)$/.test(
          w,
        ),
      ),
    ).toBe(true);
    expect(result.stderr).not.toContain('waiting');
  },
);

test.concurrent(
  '--no-wait on the healthy job: 3 of 10 minutes cannot pass, so exit 3 with the reason, never 0',
  async () => {
    const result = await runCli(args(jobs.healthy, ['--no-wait']));
    expectExit(result, 3);
    const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
    expect(report.checks[0]!.verdict).toBe('inconclusive');
    expect(report.checks[0]!.reason).toMatch(/^--no-wait: judged \S+ after the deploy \(.*Z\), .*; so far: /);
  },
);

test.concurrent(
  '--max-wait 2s bounds the wait on the healthy job: looks, then judged at the limit, exit 3',
  async () => {
    const result = await runCli(args(jobs.healthy, ['--max-wait', '2s']));
    expectExit(result, 3);
    expect(result.stderr).toContain('no sign of a rise');
    const report = parseReport(result) as ReturnType<typeof parseReport> & { warnings: string[] };
    expect(report.warnings.some((w) => w.startsWith('--max-wait 2s reached: judged '))).toBe(true);
  },
);
