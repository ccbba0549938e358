/**
 * A ratio query of counts through the built CLI, live: a real Prometheus scrapes a loopback
 * service every second; at the deploy its error share goes from 1% to 20%. The check is written
 * as a ratio (`sum(rate(...{code="500"}[30s])) / sum(rate(...[30s]))`), not as numerator and
 * denominator: while `run` waits, its looks read the derived per-step counts, so the anytime-valid
 * count test (sequential-binomial) stops the run within a few looks, long before the 10-minute
 * post window ends. --dry-run names the counts the looks read. The baseline is the service's
 * history (live-service.ts), backfilled into the scraping Prometheus, so the file does not wait
 * for it to be scraped; the post window is scraped live.
 */
import { expectExit } from './harness/expect-exit.js';
import { liveSpec } from './harness/live-spec.js';
import { quote } from './harness/count-spec.js';
import { startLiveService, type LiveService } from './harness/live-service.js';
import { seedFromString } from './harness/prng.js';
import { requireTools } from './harness/require-tools.js';
import { describeRun, parseReport, runCli, runSpecArgs } from './harness/run-cli.js';
import { startScrapingPrometheus, type ScrapingPrometheus } from './harness/scraping-prometheus.js';
import { createSpecDir } from './harness/temp-specs.js';

const JOB = 'live-ratio';
/** History before the service starts: the 40s baseline, a step and a margin. */
const HISTORY_SECONDS = 47;
/** Live scrapes before the deploy: a step, so the baseline's last step is scraped as the post window is. */
const LIVE_BEFORE_DEPLOY_SECONDS = 5;
const DEADLINE_SECONDS = 120;
const specs = createSpecDir();
let service: LiveService | undefined;
let prometheus: ScrapingPrometheus | undefined;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const RATIO = `sum(rate(http_requests_total{job="${JOB}",code="500"}[30s])) / sum(rate(http_requests_total{job="${JOB}"}[30s]))`;
const spec = (): string =>
  specs.write(
    'ratio.yaml',
    liveSpec({ baseline: '40s', warmup: '0s', post: '10m', step: '5s' }, [
      '  - name: error ratio',
      '    source: prom',
      `    query: ${quote(RATIO)}`,
      '    direction: increase',
      '    tolerance: 25%',
    ]),
  );

beforeAll(async () => {
  requireTools();
  service = await startLiveService({
    seed: seedFromString(JOB),
    requestsPerSecond: 200,
    batchMs: 100,
    behaviour: { errorShare: 0.01, medianLatency: 0.05 },
    historySeconds: HISTORY_SECONDS,
  });
  prometheus = await startScrapingPrometheus([{ job: JOB, target: service.target, history: service.history }]);
  await sleep(LIVE_BEFORE_DEPLOY_SECONDS * 1000);
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await service?.stop();
  specs.remove();
});

describe('a ratio query of counts', () => {
  test('--dry-run says the looks read it as counts', async () => {
    const result = await runCli(['run', spec(), '--dry-run', '--var', `PROMETHEUS_URL=${prometheus!.url}`]);
    expectExit(result, 0);
    expect(result.stdout).toContain('watched as counts while waiting (a ratio of counts)');
    expect(result.stdout).toContain(`sum(increase(http_requests_total{job="${JOB}",code="500"}[5s]))`);
  });

  test(
    'error share 1% -> 20%: the count test of the looks stops the run early',
    async () => {
      const deployedAt = Math.floor(Date.now() / 1000) + 1;
      await sleep(deployedAt * 1000 - Date.now());
      service!.setBehaviour({ errorShare: 0.2 });
      const result = await runCli(runSpecArgs(spec(), deployedAt, prometheus!.url), {}, undefined, {
        ms: deployedAt * 1000 + DEADLINE_SECONDS * 1000 - Date.now(),
      });
      if (result.hitDeadline)
        throw new Error(`the run did not stop within ${DEADLINE_SECONDS} s: ${describeRun(result)}`);
      expectExit(result, 1);
      const check = parseReport(result).checks[0]!;
      expect(check.series[0]).toMatchObject({ verdict: 'fail', test: 'sequential-binomial', rule: 'sequential' });
    },
    (DEADLINE_SECONDS + 30) * 1000,
  );
});
