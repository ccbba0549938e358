/**
 * `npm run bench:ratio-live`: the live measurement of issue 14's item 7. Loopback services serve
 * 20 requests/s with 1% errors; a real Prometheus scrapes them every second; after a 5-minute
 * baseline some services "deploy" a regression to 5% errors and the others do not. For each
 * service `verify-deploy run` waits for the 5-minute post window with early stops, on the error
 * ratio written as a ratio query (`sum(rate(...{code="500"}[1m])) / sum(rate(...[1m]))`).
 * It reports when each run stopped, as a share of the post window, for this build and, with
 * `--before <bin>`, for another build (e.g. the previous release's bin/verify-deploy.js), run side
 * by side on the same services and the same Prometheus.
 *
 * Usage: node .bench-build/bench/ratio-live/run.js [regressed=5] [healthy=2] [--before=/path/to/bin/verify-deploy.js]
 * Takes about 11 minutes (the baseline and the post window are real time). Needs `prometheus` on PATH.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLiveService, type LiveService } from '../../test/integration/harness/live-service.js';
import { startScrapingPrometheus } from '../../test/integration/harness/scraping-prometheus.js';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const regressedCount = Number(positional[0] ?? 5);
const healthyCount = Number(positional[1] ?? 2);
const before = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length);
const after = resolve('bin/verify-deploy.js');
const BASELINE_SECONDS = 300;
const POST_SECONDS = 300;

interface Outcome {
  arm: string;
  service: string;
  regressed: boolean;
  exit: number | null;
  /** Seconds after the post window opened at which the verdict was reached (the report's decidedAfter), else the wall clock. */
  decidedAfter: number;
  test: string;
}

function specFor(job: string): string {
  const ratio = `sum(rate(http_requests_total{job="${job}",code="500"}[1m])) / sum(rate(http_requests_total{job="${job}"}[1m]))`;
  return [
    'version: 1',
    `name: ${job}`,
    'baseline: {window: 5m}',
    'post: {window: 5m}',
    'defaults: {step: 15s}',
    'sources:',
    '  prom: {type: prometheus, url: "${PROMETHEUS_URL}"}',
    'checks:',
    '  - name: error ratio',
    '    source: prom',
    `    query: '${ratio}'`,
    '    direction: increase',
    '',
  ].join('\n');
}

function runGate(
  bin: string,
  spec: string,
  deployedAt: string,
  url: string,
): Promise<{ code: number | null; stdout: string; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, 'run', spec, '--deployed-at', deployedAt, '--format', 'json'], {
      env: { ...process.env, PROMETHEUS_URL: url, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('close', (code) => done({ code, stdout, seconds: (Date.now() - started) / 1000 }));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2 === 1
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const services: { name: string; regressed: boolean; service: LiveService }[] = [];
  for (let i = 0; i < regressedCount + healthyCount; i++) {
    const regressed = i < regressedCount;
    const name = `${regressed ? 'regressed' : 'healthy'}-${i}`;
    const service = await startLiveService({
      seed: 1000 + i,
      requestsPerSecond: 20,
      batchMs: 100,
      behaviour: { errorShare: 0.01, medianLatency: 0.2 },
    });
    services.push({ name, regressed, service });
  }
  const prometheus = await startScrapingPrometheus(services.map((s) => ({ job: s.name, target: s.service.target })));
  const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-ratio-live-'));
  try {
    process.stderr.write(`baseline: ${BASELINE_SECONDS + 5} s of scraping\n`);
    await new Promise((r) => setTimeout(r, (BASELINE_SECONDS + 5) * 1000));
    const deploy = Math.floor(Date.now() / 1000);
    const deployedAt = new Date(deploy * 1000).toISOString().replace('.000Z', 'Z');
    for (const s of services) if (s.regressed) s.service.setBehaviour({ errorShare: 0.05 });
    process.stderr.write(`deployed at ${deployedAt}; waiting for the post window (${POST_SECONDS} s)\n`);
    const arms: [string, string][] = [
      ['after', after],
      ...(before !== undefined ? [['before', before] as [string, string]] : []),
    ];
    const runs = services.flatMap((s) =>
      arms.map(async ([arm, bin]): Promise<Outcome> => {
        const spec = join(dir, `${s.name}.yaml`);
        writeFileSync(spec, specFor(s.name));
        const result = await runGate(bin, spec, deployedAt, prometheus.url);
        let decided = result.seconds;
        let test = '-';
        try {
          const report = JSON.parse(result.stdout) as {
            checks: { decidedAfter?: number | null; series: { test: string }[] }[];
          };
          const check = report.checks[0];
          if (typeof check?.decidedAfter === 'number') decided = check.decidedAfter;
          test = check?.series[0]?.test ?? '-';
        } catch {
          /* no report: the wall clock stands */
        }
        return { arm, service: s.name, regressed: s.regressed, exit: result.code, decidedAfter: decided, test };
      }),
    );
    const outcomes = await Promise.all(runs);
    const lines = [
      `node ${process.version}, ${regressedCount} regressed and ${healthyCount} healthy services, 20 requests/s, errors 1% -> 5%, scrapes every 1 s, 5m baseline, 5m post window, step 15s`,
      '',
      '| build | service | exit | stopped after (share of the post window) | test |',
      '| --- | --- | --- | --- | --- |',
      ...outcomes.map(
        (o) =>
          `| ${o.arm} | ${o.service} | ${o.exit} | ${o.exit === 1 ? `${Math.round(o.decidedAfter)} s (${(o.decidedAfter / POST_SECONDS).toFixed(2)})` : 'not stopped'} | ${o.test} |`,
      ),
      '',
      ...arms.map(([arm]) => {
        const mine = outcomes.filter((o) => o.arm === arm);
        const stops = mine
          .filter((o) => o.regressed)
          .map((o) => (o.exit === 1 ? o.decidedAfter / POST_SECONDS : Infinity));
        const falseStops = mine.filter((o) => !o.regressed && o.exit === 1).length;
        return `${arm}: median stop at ${median(stops).toFixed(2)} of the post window over ${stops.length} regressed runs; healthy runs that failed: ${falseStops} of ${healthyCount}`;
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await prometheus.stop();
    for (const s of services) await s.service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
