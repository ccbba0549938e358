/**
 * A spec with many checks does not fire every query at once: the built CLI keeps at most 8
 * queries of one source in flight (src/sources/limit-in-flight.ts), so a backend is not flooded
 * and no query times out waiting behind the others. The loopback server counts the requests it
 * holds at once; each answer takes 100 ms, so unbounded queries would all overlap.
 */
import { sendSteady, renderFaultSpec } from './faults-support/fault-spec.js';
import { startServer, type LoopbackServer } from '../unit/sources/prometheus/loopback-server.js';
import { describeRun, parseReport, runCli } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
let server: LoopbackServer | undefined;
afterAll(async () => {
  specs.remove();
  await server?.close();
});

/** `count` checks on the fault spec's source, each with its own query (so none is shared). */
function manyChecks(count: number): string {
  const base = renderFaultSpec({ timeout: '30s' });
  const extra = Array.from({ length: count - 1 }, (_, i) => [
    `  - name: check ${i + 2}`,
    '    source: prom',
    `    query: 'sum(rate(x_total{n="${i + 2}"}[30s]))'`,
    '    direction: increase',
    '    step: 30s',
  ]).flat();
  return `${base}${extra.join('\n')}\n`;
}

test('40 checks: at most 8 queries in flight at the source, and every check is judged', async () => {
  let inFlight = 0;
  let most = 0;
  server = await startServer((req, res) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      sendSteady(req.body, res);
    }, 100);
  });
  const file = specs.write('many-checks.yaml', manyChecks(40));
  const result = await runCli([
    'run',
    file,
    '--deployed-at',
    '-1h',
    '--format',
    'json',
    '--var',
    `PROMETHEUS_URL=${server.url}`,
    '--var',
    'PROM_TOKEN=token-5b1e9f',
    '--var',
    'API_KEY=key-0c77d2',
  ]);
  if (result.code !== 0) throw new Error(`expected exit 0, got ${describeRun(result)}`);
  expect(parseReport(result).checks.filter((c) => c.verdict === 'pass')).toHaveLength(40);
  expect(server.requests).toHaveLength(80); // baseline and post of each check
  expect(most).toBe(8);
});
