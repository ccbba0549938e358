/**
 * Live data end to end: a real Prometheus scrapes loopback services every second while the test
 * "deploys" (changes a service's behaviour), and `verify-deploy run` waits for the post window.
 * The baseline is the services' history (live-service.ts: the same traffic model, simulated for
 * the baseline window before they started), backfilled with promtool into the scraping
 * Prometheus as the series its scrapes continue; the post window is scraped live while the run
 * waits and looks.
 *
 * - Regression (error share 1% -> 20% at the deploy, 10m post window): the anytime-valid test of
 *   the looks taken while waiting is certain of the rise at the first look with two post steps in
 *   it (~15 s after the deploy; 30 s when a loaded machine's scrapes leave the look one step:
 *   robust stops need a step beside the strongest), so the run stops early with exit 1 long
 *   before the window ends. A gate that waited the whole window would take 10 minutes; the bound
 *   below (90 s after the deploy) catches that, it does not time the gate.
 * - Control (a service that does not change, 30s post window, carrying the error check and a
 *   mean latency value check): the looks never stop and the run ends when the window ends, never
 *   with exit 1 (0, or 3 when a loaded machine thins the latency data: see the test). Both sides
 *   serve 1% errors at 200 requests/s, so the fixed test at the end compares ~80 errors in 8000
 *   requests with ~60 in 6000 against a limit 25% above the baseline: a fail needs the observed
 *   ratio to be significantly above 1.25 while the truth is 1.0, about 3 standard errors of noise
 *   (p ~ 0.3%, with the candidate's counts divided by a dispersion of up to ~1.4 as measured); the
 *   sequential looks stop on no change far less often than their 5% bound, which holds at 1.25. A
 *   1 here means a gate that stops on noise.
 *
 * A latency regression stopping early is latency-early-stop.test.ts: on a 40 s live baseline
 * where the scrapes fell decided whether its first look stopped, so it runs on fixed data there.
 *
 * Both runs start at the same second against the same Prometheus (one job per service), a few
 * seconds of live scrapes after the start, so the file takes about the control's window: ~50 s.
 *
 * To add a case, add an entry to REGRESSIONS (and its check to CONTROL_CHECKS): the control spec
 * carries every check on its unchanged service.
 */
import { expectExit } from './harness/expect-exit.js';
import { errorShareCheck, liveSpec, meanLatencyCheck } from './harness/live-spec.js';
import { startLiveService, type LiveService, type ServiceBehaviour } from './harness/live-service.js';
import { seedFromString } from './harness/prng.js';
import { requireTools } from './harness/require-tools.js';
import { describeRun, parseReport, runCli, type DeadlineResult, type JsonReport } from './harness/run-cli.js';
import { startScrapingPrometheus, type ScrapingPrometheus } from './harness/scraping-prometheus.js';
import { createSpecDir } from './harness/temp-specs.js';

const STEP = '5s';
const BASELINE_SECONDS = 40;
/** History before the services start: the baseline window plus a step and a margin, so its first step has scrapes at both ends. */
const HISTORY_SECONDS = BASELINE_SECONDS + 7;
/** Live scrapes before the deploy: a step, so the baseline's last step is scraped as the post window is. */
const LIVE_BEFORE_DEPLOY_SECONDS = 5;
const CONTROL_POST = '30s';
const REGRESSION_POST_SECONDS = 600;
/**
 * A run that waited the whole 10m window ends after 600 s; one that stopped early, within a few
 * looks (15 s each). Every run is interrupted at its case's bound (this one by default), so a gate
 * that does not stop fails the test here instead of hanging for 10 minutes.
 */
const RUN_DEADLINE_SECONDS = 90;
const REQUESTS_PER_SECOND = 200;
const BATCH_MS = 100;
const HEALTHY: ServiceBehaviour = { errorShare: 0.01, medianLatency: 0.05 };

interface SeriesJson {
  verdict: string;
  test: string;
  rule: string;
  reason: string;
  pValue: number | null;
  baseline: { rate?: number | null; trials?: number; median?: number | null };
  candidate: { rate?: number | null; trials?: number; median?: number | null };
}
type Report = JsonReport & { warnings: string[]; windows: { post: { start: string; end: string } } };

/** A check of the live services: what the control carries. */
interface LiveCheck {
  /** The check's name (the progress lines of its looks name it) and its spec lines for a job. */
  checkName: string;
  checks(job: string): string[];
  /** The test that judges the check over a whole window (the control's verdict). */
  fixedTest: string;
}

const ERRORS: LiveCheck = { checkName: 'errors', checks: (job) => errorShareCheck(job, STEP), fixedTest: 'binomial' };
const MEAN_LATENCY: LiveCheck = {
  checkName: 'mean latency',
  checks: (job) => meanLatencyCheck(job, STEP),
  fixedTest: 'mann-whitney',
};

/** A regression the service undergoes at the deploy, and what the run must report about it. */
interface RegressionCase extends LiveCheck {
  job: string;
  title: string;
  change: Partial<ServiceBehaviour>;
  /** Asserts the stopped series: the sequential test, and the values the service was made to produce. */
  expectStoppedSeries(series: SeriesJson): void;
}

const REGRESSIONS: RegressionCase[] = [
  {
    job: 'live-errors',
    title: 'error share 1% -> 20%',
    change: { errorShare: 0.2 },
    ...ERRORS,
    expectStoppedSeries(series) {
      expect(series).toMatchObject({ verdict: 'fail', test: 'sequential-binomial', rule: 'sequential' });
      expect(series.reason).toMatch(
        /^stopped early \S+ after the deploy \(.*Z\): anytime-valid test certain of a rise beyond tolerance \S+, evidence (over )?[\d.]+x of the [\d.]+x needed \(p [<=] [\d.e-]+\); rate /,
      );
      expect(series.pValue).toBeLessThanOrEqual(0.05);
      // The rates the gate saw are the service's: 1% over ~8000 requests (sd 0.11 points) and 20%
      // over at least 1000 (sd 1.3 points); the bounds are more than 4 sd away.
      expect(series.baseline.rate).toBeGreaterThan(0.005);
      expect(series.baseline.rate).toBeLessThan(0.02);
      expect(series.candidate.rate).toBeGreaterThan(0.14);
      expect(series.candidate.rate).toBeLessThan(0.26);
    },
  },
];

/** The control carries every check: the regressions' and the mean latency (a value check, with its own looks). */
const CONTROL_CHECKS: LiveCheck[] = [ERRORS, MEAN_LATENCY];
const CONTROL_JOB = 'live-control';
const specs = createSpecDir();
const services = new Map<string, LiveService>();
let prometheus: ScrapingPrometheus | undefined;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Waits for the next whole second, applies the change there, and returns that second (the --deployed-at). */
async function deployAtNextSecond(service: LiveService, change: Partial<ServiceBehaviour>): Promise<number> {
  const at = Math.floor(Date.now() / 1000) + 1;
  await sleep(at * 1000 - Date.now());
  service.setBehaviour(change);
  return at;
}

/** `run` of the spec for a deploy at `deployedAt`, interrupted if it is still running `deadlineSeconds` after the deploy. */
function runGate(
  specFile: string,
  deployedAt: number,
  deadlineSeconds = RUN_DEADLINE_SECONDS,
): Promise<DeadlineResult> {
  const url = prometheus?.url;
  if (!url) throw new Error('the scraping Prometheus did not start (see beforeAll)');
  const args = [
    'run',
    specFile,
    '--deployed-at',
    String(deployedAt),
    '--format',
    'json',
    '--var',
    `PROMETHEUS_URL=${url}`,
  ];
  return runCli(args, {}, undefined, { ms: deployedAt * 1000 + deadlineSeconds * 1000 - Date.now() });
}

/** Fails with the CLI's output when the deadline interrupted the run. */
function expectNoDeadline(result: DeadlineResult, deadlineSeconds = RUN_DEADLINE_SECONDS): void {
  if (result.hitDeadline)
    throw new Error(
      `the run was still going ${deadlineSeconds} s after the deploy and was interrupted: ${describeRun(result)}`,
    );
  expect(result.hitDeadline).toBe(false);
}

function serviceOf(job: string): LiveService {
  const service = services.get(job);
  if (!service) throw new Error(`no live service for job ${job} (see beforeAll)`);
  return service;
}

beforeAll(
  async () => {
    requireTools();
    for (const job of [CONTROL_JOB, ...REGRESSIONS.map((c) => c.job)]) {
      const seed = seedFromString(job);
      services.set(
        job,
        await startLiveService({
          seed,
          requestsPerSecond: REQUESTS_PER_SECOND,
          batchMs: BATCH_MS,
          behaviour: HEALTHY,
          historySeconds: HISTORY_SECONDS,
        }),
      );
    }
    prometheus = await startScrapingPrometheus(
      [...services].map(([job, service]) => ({ job, target: service.target, history: service.history })),
    );
    await sleep(LIVE_BEFORE_DEPLOY_SECONDS * 1000);
  },
  (LIVE_BEFORE_DEPLOY_SECONDS + 60) * 1000,
);

afterAll(async () => {
  // The Prometheus first, so it does not log failed scrapes of services already closed.
  await prometheus?.stop();
  await Promise.all([...services.values()].map((service) => service.stop()));
  specs.remove();
});

/** The progress lines of the looks at one check: the lines after "waiting ..." that name it. */
function lookLines(stderr: string, checkName: string): string[] {
  return stderr.split('\n').filter((line) => !line.startsWith('waiting ') && line.includes(` ${checkName}`));
}

for (const regression of REGRESSIONS) {
  test.concurrent(
    `${regression.title} at the deploy: stops early, exit 1 by the sequential test, long before the 10m window ends`,
    async () => {
      const windows = {
        baseline: `${BASELINE_SECONDS}s`,
        warmup: '5s',
        post: `${REGRESSION_POST_SECONDS}s`,
        step: STEP,
      };
      const specFile = specs.write(`${regression.job}.yaml`, liveSpec(windows, regression.checks(regression.job)));
      const deployedAt = await deployAtNextSecond(serviceOf(regression.job), regression.change);
      const result = await runGate(specFile, deployedAt);

      // Stopped early: a gate that waited for the 10m window would have hit the deadline.
      expectNoDeadline(result);
      expectExit(result, 1);
      const report = parseReport(result) as Report;
      expect(report.verdict).toBe('fail');
      expect(report.checks[0]).toMatchObject({ name: regression.checkName, verdict: 'fail', critical: true });
      regression.expectStoppedSeries(report.checks[0]!.series[0] as unknown as SeriesJson);
      expect(report.warnings.some((w) => w.startsWith('stopped early '))).toBe(true);
      // Progress while waiting: the wait, then the looks, the last one stopping.
      expect(result.stderr).toMatch(/^waiting .+ until /m);
      const looks = lookLines(result.stderr, regression.checkName);
      expect(looks.length).toBeGreaterThanOrEqual(1);
      expect(looks[looks.length - 1]).toMatch(/certain of a regression, stopping early$/);
    },
    (RUN_DEADLINE_SECONDS + 30) * 1000,
  );
}

test.concurrent(
  'no change at the deploy: the looks never stop, the run ends with the 30s window, and nothing fails (exit 0, or 3 on thin data)',
  async () => {
    const windows = { baseline: `${BASELINE_SECONDS}s`, warmup: '5s', post: CONTROL_POST, step: STEP };
    const specFile = specs.write(
      `${CONTROL_JOB}.yaml`,
      liveSpec(
        windows,
        CONTROL_CHECKS.flatMap((c) => c.checks(CONTROL_JOB)),
      ),
    );
    const deployedAt = await deployAtNextSecond(serviceOf(CONTROL_JOB), {});
    const result = await runGate(specFile, deployedAt);
    const endedAt = Date.now() / 1000;

    expectNoDeadline(result);
    // Never 1: a fail here is a gate that fails on noise. The latency check's 9 and 7 points are too
    // few to show how persistent the series is, so the judge assumes a conservative persistence and
    // says inconclusive (3) when that leaves no p below alpha: the judge refusing thin data, as
    // designed (on a loaded machine consecutive 5s rate() windows also share their samples).
    if (result.code !== 0 && result.code !== 3) throw new Error(`expected exit 0 or 3: ${describeRun(result)}`);
    expect([0, 3]).toContain(result.code);
    const report = parseReport(result) as Report;
    // It waited for the window: judged after the post window's end, not on a part of it.
    expect(endedAt).toBeGreaterThanOrEqual(Date.parse(report.windows.post.end) / 1000);
    expect(report.warnings.filter((w) => w.startsWith('stopped early'))).toEqual([]);
    expect(result.stderr).toMatch(/^waiting .+ until /m);
    expect(result.stderr).not.toContain('stopping early');
    expect(report.checks).toHaveLength(CONTROL_CHECKS.length);
    CONTROL_CHECKS.forEach((watched, i) => {
      const check = report.checks[i]!;
      const series = check.series[0] as unknown as SeriesJson;
      expect(check.name).toBe(watched.checkName);
      // The fixed test of the whole window judged it, not the sequential one.
      expect(series.test).toBe(watched.fixedTest);
      // 9 + 7 latency points are too few to tell slow wandering from a shift (window-too-short);
      // a check with more points may still find too few effective samples.
      if (check.verdict !== 'pass') {
        expect(check.verdict).toBe('inconclusive');
        expect(['too-few-effective-samples', 'window-too-short']).toContain(series.rule);
      }
      // Looks at 0 s, 15 s and 30 s of a ~35 s wait: at least two looked at the check without stopping.
      expect(lookLines(result.stderr, watched.checkName).length).toBeGreaterThanOrEqual(2);
    });
    // The error check's counts are thousands of requests a side: it passes whatever the scrapes did.
    expect(report.checks[0]).toMatchObject({ name: 'errors', verdict: 'pass' });
  },
  120_000,
);
