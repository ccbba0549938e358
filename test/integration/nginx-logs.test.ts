/**
 * The logs source against a real nginx: nginx (the Debian package, started as an ordinary process
 * with its own prefix, config and pid file) proxies real requests to a loopback upstream that a
 * real Prometheus scrapes. Traffic runs through nginx for a healthy minute, then a "deploy"
 * switches the upstream to fail a quarter of its requests and to answer 40 ms later. The built CLI
 * judges nginx's own access logs — the default combined format, a custom log_format with
 * $request_time pasted as written, and an escape=json log_format read both as JSON and as the
 * pasted format — beside the upstream's metrics in Prometheus, for a deploy inside the healthy
 * minute (nothing changed: every check passes) and for the bad deploy (every check fails).
 * The logs and Prometheus count the same requests, so their verdicts must agree.
 */
import { expectExit } from './harness/expect-exit.js';
import { startNginx, type NginxProcess } from './harness/nginx.js';
import { sendTraffic, startUpstream, type Upstream } from './harness/nginx-upstream.js';
import { quote } from './harness/count-spec.js';
import { parseReport, runCli } from './harness/run-cli.js';
import { requireTools } from './harness/require-tools.js';
import { startScrapingPrometheus, type ScrapingPrometheus } from './harness/scraping-prometheus.js';
import { createSpecDir, type SpecDir } from './harness/temp-specs.js';

/** The deploy, seconds after the traffic starts: the 30s baseline window and a step to spare. */
const DEPLOY_AT = 35;
const POST_SECONDS = 20;
const REQUESTS_PER_SECOND = 40;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An upstream, the nginx in front of it, and the Prometheus job scraping the upstream. */
interface Stack {
  job: string;
  upstream: Upstream;
  nginx: NginxProcess;
}

function spec({ nginx, job }: Stack): string {
  return [
    'version: 1',
    'name: nginx logs',
    'baseline: { window: 30s }',
    `post: { window: ${POST_SECONDS}s }`,
    'defaults: { step: 5s, minSamples: 3, tolerance: 25% }',
    'sources:',
    '  prom: { type: prometheus, url: "${PROMETHEUS_URL}", timeout: 10s }',
    '  combined:',
    '    type: logs',
    `    files: ${nginx.logs.combined}`,
    '  timed:',
    '    type: logs',
    `    files: ${nginx.logs.timed}`,
    `    format: ${JSON.stringify(nginx.logFormatLine('timed'))}`,
    '  json:',
    '    type: logs',
    `    files: ${nginx.logs.json}`,
    '    format: json',
    '  jsonFormat:',
    '    type: logs',
    `    files: ${nginx.logs.json}`,
    `    format: ${JSON.stringify(nginx.logFormatLine('json'))}`,
    'checks:',
    '  - name: errors (prometheus)',
    '    source: prom',
    `    numerator: ${quote(`sum(increase(http_requests_total{job="${job}",code="500"}[5s]))`)}`,
    `    denominator: ${quote(`sum(increase(http_requests_total{job="${job}"}[5s]))`)}`,
    '    direction: increase',
    '  - name: errors (combined log)',
    '    source: combined',
    `    numerator: ${quote('{status=~"5.."}')}`,
    `    denominator: ${quote('{path!="/__nginx_ready"}')}`,
    '    direction: increase',
    '  - name: latency (log_format with $request_time)',
    '    source: timed',
    `    query: ${quote('request_time{path=~"/api/.*"}')}`,
    '    direction: increase',
    '  - name: upstream latency by route',
    '    source: timed',
    `    query: ${quote('upstream_response_time{}')}`,
    '    by: [path]',
    '    direction: increase',
    '  - name: errors (escape=json read as json)',
    '    source: json',
    `    numerator: ${quote('{status=~"5.."}')}`,
    `    denominator: ${quote('{}')}`,
    '    direction: increase',
    '  - name: latency (escape=json log_format pasted)',
    '    source: jsonFormat',
    `    query: ${quote('request_time{request_method="GET"}')}`,
    '    direction: increase',
    '',
  ].join('\n');
}

describe('the gate on a real nginx access log', () => {
  const stacks: Partial<Record<'good' | 'bad', Stack>> = {};
  let prometheus: ScrapingPrometheus | undefined;
  let specs: SpecDir | undefined;
  let deployedAt = 0;

  async function startStack(name: 'good' | 'bad', seed: number): Promise<Stack> {
    const upstream = await startUpstream(seed, { errorShare: 0.01, delayMs: 5 });
    try {
      const stack = { job: `upstream-${name}`, upstream, nginx: await startNginx(upstream.url) };
      stacks[name] = stack;
      return stack;
    } catch (error) {
      await upstream.stop();
      throw error;
    }
  }

  beforeAll(async () => {
    requireTools();
    specs = createSpecDir();
    const [good, bad] = await Promise.all([startStack('good', 15), startStack('bad', 16)]);
    prometheus = await startScrapingPrometheus(
      [good, bad].map((stack) => ({ job: stack.job, target: stack.upstream.target })),
    );
    const traffic = [good, bad].map((stack) => sendTraffic(stack.nginx.url, REQUESTS_PER_SECOND));
    try {
      await sleep(DEPLOY_AT * 1000);
      deployedAt = Math.round(Date.now() / 1000);
      bad.upstream.setBehaviour({ errorShare: 0.25, delayMs: 40 });
      // The post window, its last step, and a line after it so the logs cover the window's end.
      await sleep((POST_SECONDS + 8) * 1000);
    } finally {
      await Promise.all(traffic.map((t) => t.stop()));
    }
  }, 180_000);

  afterAll(async () => {
    await prometheus?.stop();
    for (const stack of Object.values(stacks)) {
      await stack.nginx.stop();
      await stack.upstream.stop();
    }
    specs?.remove();
  });

  async function judge(stack: Stack) {
    const file = specs!.write(`nginx-${stack.job}.yaml`, spec(stack));
    const result = await runCli(['run', file, '--deployed-at', String(deployedAt), '--format', 'json'], {
      PROMETHEUS_URL: prometheus!.url,
    });
    return result;
  }

  test('a deploy that changed nothing passes on every log format, as on Prometheus', async () => {
    const result = await judge(stacks.good!);
    const report = parseReport(result);
    // The reason stands beside a verdict that is not the expected one, so a failure says why.
    expect(report.checks.map((c) => [c.name, c.verdict, c.verdict === 'pass' ? '' : (c.error ?? c.reason)])).toEqual(
      report.checks.map((c) => [c.name, 'pass', '']),
    );
    expectExit(result, 0);
  }, 60_000);

  test('the bad deploy fails on every log format, and the logs agree with Prometheus', async () => {
    const result = await judge(stacks.bad!);
    const report = parseReport(result);
    const verdicts = Object.fromEntries(
      report.checks.map((c) => [c.name, c.verdict === 'fail' ? c.verdict : `${c.verdict}: ${c.error ?? c.reason}`]),
    );
    expect(verdicts).toEqual({
      'errors (prometheus)': 'fail',
      'errors (combined log)': 'fail',
      'latency (log_format with $request_time)': 'fail',
      'upstream latency by route': 'fail',
      'errors (escape=json read as json)': 'fail',
      'latency (escape=json log_format pasted)': 'fail',
    });
    expectExit(result, 1);
    const routes = report.checks.find((c) => c.name === 'upstream latency by route')?.series.map((s) => s.labels.path);
    expect(routes?.sort()).toEqual(['/api/orders', '/api/users/:id']);
  }, 60_000);
});
