/**
 * The built CLI against real loopback servers that misbehave the way backends and proxies do
 * (README, "Hostile input, secrets and TLS"). Each case states its exit class (0 judged, 2 the spec's fault, 3
 * inconclusive) and the words that tell the user what to do. Every run carries a sentinel token
 * and API key, and neither may appear in stdout, stderr or any report (json, xml, md, html).
 */
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import {
  closedPort,
  sendJson,
  startServer,
  type Handler,
  type LoopbackServer,
} from '../unit/sources/prometheus/loopback-server.js';
import {
  API_KEY,
  SENTINEL,
  allOutput,
  rangeOf,
  renderFaultSpec,
  sendSteady,
  seriesBody,
  steady,
  type FaultSpecOptions,
} from './faults-support/fault-spec.js';
import { describeRun, runCli, type CliResult } from './harness/run-cli.js';
import { createSpecDir } from './harness/temp-specs.js';

const specs = createSpecDir();
afterAll(() => specs.remove());
const servers: LoopbackServer[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  timers.splice(0).forEach(clearInterval);
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

interface Outcome {
  result: CliResult;
  /** The JSON report and the text a user sees about the failure (check errors, warnings, stderr). */
  said: string;
}

let counter = 0;
/** Run the gate at `url` (deployed an hour ago, so nothing waits), with every report format. */
async function runGate(url: string, spec: FaultSpecOptions = {}, extraArgs: string[] = []): Promise<Outcome> {
  const name = `fault-${++counter}`;
  const file = specs.write(`${name}.yaml`, renderFaultSpec(spec));
  const reports = ['json', 'xml', 'md', 'html'].map((ext) => join(file, `../${name}.${ext}`));
  const result = await runCli([
    'run',
    file,
    '--deployed-at',
    '-1h',
    '--format',
    'json',
    ...reports.flatMap((r) => ['--report', r]),
    '--var',
    `PROMETHEUS_URL=${url}`,
    '--var',
    `PROM_TOKEN=${SENTINEL}`,
    '--var',
    `API_KEY=${API_KEY}`,
    ...extraArgs,
  ]);
  const everything = allOutput(result, reports);
  if (everything.includes(SENTINEL) || everything.includes(API_KEY))
    throw new Error(`a secret leaked:\n${describeRun(result)}`);
  return { result, said: `${readableStrings(result.stdout)}\n${result.stderr}` };
}

/** The strings of a JSON report, unescaped (so messages read as users see them); raw text otherwise. */
function readableStrings(stdout: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return stdout;
  }
  const out: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') out.push(key === 'verdict' ? `verdict: ${value}` : value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(parsed);
  return out.join('\n');
}

/** The `errorKind` of each check of the JSON report on stdout. */
function checkErrorKinds(outcome: Outcome): Array<string | undefined> {
  return (JSON.parse(outcome.result.stdout) as { checks: { errorKind?: string }[] }).checks.map((c) => c.errorKind);
}

function expectOutcome(outcome: Outcome, code: number, message: RegExp): void {
  if (outcome.result.code !== code || !message.test(outcome.said)) {
    throw new Error(`expected exit ${code} and ${message}, got ${describeRun(outcome.result)}`);
  }
}

/** What a careless server echoes back: the credential it was sent and the API key. */
const echoSecrets = (req: { headers: Record<string, unknown> }): string =>
  `(saw ${String(req.headers['authorization'])} and key ${String(req.headers['x-api-key'])})`;

describe('the backend cannot be reached or does not answer in time: inconclusive (3)', () => {
  test('connection refused', async () => {
    const outcome = await runGate(`http://127.0.0.1:${await closedPort()}`, { retries: 0 });
    expectOutcome(outcome, 3, /refused the connection: is it running and is `url` right\?/);
  });

  test('--on-inconclusive pass does not pass a run that never reached its backend: still 3, and says why', async () => {
    const outcome = await runGate(`http://127.0.0.1:${await closedPort()}`, { retries: 0 }, [
      '--on-inconclusive',
      'pass',
    ]);
    expectOutcome(
      outcome,
      3,
      /--on-inconclusive pass maps only too little data to exit 0: the critical check "latency" could not read its source \(network\)/,
    );
    expect(checkErrorKinds(outcome)).toEqual(['network']);
  });

  test('a server that never sends headers is cut off at the timeout', async () => {
    const server = await serve(() => undefined);
    const outcome = await runGate(server.url, { timeout: '1s', retries: 0 });
    expectOutcome(outcome, 3, /did not answer completely within the 1s timeout: raise `timeout`/);
  });

  test('a slow-drip body (a byte every 100 ms) is cut off at the total deadline', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      timers.push(setInterval(() => res.write(' '), 100));
    });
    const started = Date.now();
    const outcome = await runGate(server.url, { timeout: '1s', retries: 0 });
    expectOutcome(outcome, 3, /did not answer completely within the 1s timeout/);
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('transient failures are retried, then judged', () => {
  test('one 500 then success: retried and judged (exit 0, pass)', async () => {
    const server = await serve((req, res, i) =>
      i === 0 ? sendJson(res, 500, echoSecrets(req), { 'Content-Type': 'text/plain' }) : sendSteady(req.body, res),
    );
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 0, /verdict: pass/);
    expect(server.requests.length).toBe(3); // baseline, post, and the one retry
  });

  test('429 with Retry-After: 1 is waited for, then judged', async () => {
    const times: number[] = [];
    const server = await serve((req, res, i) => {
      times.push(Date.now());
      if (i === 0)
        sendJson(
          res,
          429,
          { status: 'error', errorType: 'too_many_requests', error: 'slow down' },
          { 'Retry-After': '1' },
        );
      else sendSteady(req.body, res);
    });
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 0, /verdict: pass/);
    const retriedAfter = (times[2] ?? 0) - (times[0] ?? 0);
    expect(retriedAfter).toBeGreaterThanOrEqual(950);
  });
});

describe('answers that are not the Prometheus API: inconclusive (3) when waiting may help, a spec error (2) when `url` is wrong', () => {
  test('an HTML 502 from a load balancer (echoing the credentials)', async () => {
    const server = await serve((req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end(`<html><body><h1>502 Bad Gateway</h1><!-- ${echoSecrets(req)} --></body></html>`);
    });
    const outcome = await runGate(server.url, { retries: 1 });
    expectOutcome(
      outcome,
      3,
      /HTTP 502 with an HTML page: a proxy or load balancer answered, not Prometheus; the backend is unwell or overloaded: run again later/,
    );
  });

  test("a 200 login page: the spec's `url` (2)", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><form action="/login"><input name="password"></form></html>');
    });
    expectOutcome(
      await runGate(server.url),
      2,
      /text\/html instead of JSON: the URL probably points at a proxy or login page, not the Prometheus API; check `url` and `auth`/,
    );
  });

  test('a cross-origin redirect is not followed (2: `url` must name the API): the other origin receives nothing, credentials included', async () => {
    const other = await serve((req, res) => sendSteady(req.body, res));
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: `${other.url}/api/v1/query_range` });
      res.end();
    });
    const outcome = await runGate(server.url);
    expectOutcome(
      outcome,
      2,
      /redirect to http:\/\/127\.0\.0\.1:\d+; redirects are not followed .*set `url` of source "prom" to the final URL/,
    );
    expect(other.requests).toHaveLength(0);
  });

  test('truncated JSON', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"'),
    );
    expectOutcome(
      await runGate(server.url),
      3,
      /truncated or invalid JSON \(\d+ characters\): the connection was cut or a proxy changed the answer; run again/,
    );
  });

  test('status "error" with HTTP 200', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' }),
    );
    expectOutcome(
      await runGate(server.url),
      3,
      /refused the query \(timeout\): query timed out in expression evaluation; the backend failed to run it; run again later/,
    );
  });

  test("the wrong resultType: the spec's `url` (2)", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { status: 'success', data: { resultType: 'vector', result: [] } }),
    );
    expectOutcome(
      await runGate(server.url),
      2,
      /resultType "vector", not "matrix": `url` must point at a Prometheus-compatible query API/,
    );
  });

  test('a Thanos partial-response warning', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 200, {
        ...(seriesBody(req.body, steady) as object),
        warnings: ['No StoreAPIs matched for this query'],
      }),
    );
    const outcome = await runGate(server.url);
    expectOutcome(
      outcome,
      3,
      /partial data \(No StoreAPIs matched for this query\): some of the data is missing, so nothing is judged; run again once every store is up/,
    );
    expect(new URLSearchParams(server.requests[0]?.body).get('partial_response')).toBe('false');
  });

  test('VictoriaMetrics isPartial: true', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 200, { ...(seriesBody(req.body, steady) as object), isPartial: true }),
    );
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 3, /partial data \(isPartial: true\).*run again once every store is up/);
    expect(new URLSearchParams(server.requests[0]?.body).get('deny_partial_response')).toBe('1');
  });
});

describe('limits: inconclusive (3) with a request to aggregate', () => {
  test('an oversized body (65 MiB)', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < 65; i++) res.write(chunk);
      res.end('{}');
    });
    expectOutcome(await runGate(server.url), 3, /answered more than 64 MiB: aggregate the query/);
  });

  test('a gzip bomb (small on the wire, over 64 MiB decoded)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 80) {
          sent++;
          if (!gzip.write(zeros)) return void gzip.once('drain', more);
        }
        gzip.end();
      };
      more();
    });
    expectOutcome(await runGate(server.url), 3, /answered more than 64 MiB: aggregate the query/);
  });

  test('10,001 series: a clear request to aggregate', async () => {
    const server = await serve((req, res) => {
      const { start } = rangeOf(req.body);
      const result = Array.from({ length: 10001 }, (_, i) => ({ metric: { pod: `p${i}` }, values: [[start, '1']] }));
      sendJson(res, 200, { status: 'success', data: { resultType: 'matrix', result } });
    });
    expectOutcome(
      await runGate(server.url),
      3,
      /returned 10001 series, more than the 10000 verify-deploy reads: aggregate it \(e\.g\. `sum by \(route\)/,
    );
  });
});

describe("the spec's fault: exit 2, sent once, never retried", () => {
  test.each([
    [
      400,
      { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected character' },
      /refused the query \(HTTP 400, bad_data\): parse error: unexpected character .*; fix the query/,
    ],
    [
      422,
      { status: 'error', errorType: 'execution', error: 'query processing would load too many samples into memory' },
      /could not execute the query \(HTTP 422, execution\).*make the query cheaper/,
    ],
    [
      401,
      { status: 'error', errorType: 'unauthorized', error: 'bad token' },
      /HTTP 401: the credentials were missing or refused; check `auth` and `headers` of source "prom"/,
    ],
    [
      403,
      { status: 'error', errorType: 'forbidden', error: 'no' },
      /HTTP 403: the credentials lack permission; check `auth` and `headers`/,
    ],
  ] as const)('HTTP %i', async (status, body, message) => {
    const server = await serve((req, res) =>
      sendJson(res, status, { ...body, error: `${body.error} ${echoSecrets(req)}` }),
    );
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 2, message);
    expect(server.requests).toHaveLength(2); // the baseline and the post query, once each
  });

  test.each([
    ['a plain-text 404', 'text/plain', '404 page not found'],
    ['an HTML 404 page', 'text/html', '<html><body><h1>Not Found</h1></body></html>'],
  ])('%s (no query API at `url`), even with --on-inconclusive pass', async (_what, type, body) => {
    const server = await serve((_req, res) => {
      res.writeHead(404, { 'Content-Type': type });
      res.end(body);
    });
    for (const extra of [[], ['--on-inconclusive', 'pass']]) {
      const outcome = await runGate(server.url, {}, extra);
      expectOutcome(outcome, 2, /has no query API \(HTTP 404\): check `url` of source "prom"/);
      expect(checkErrorKinds(outcome)).toEqual(['endpoint']);
    }
    expect(server.requests).toHaveLength(4); // two runs, the baseline and the post query once each
  });

  test('Mimir without a tenant ("no org id") says to set X-Scope-OrgID', async () => {
    const server = await serve((_req, res) => sendJson(res, 401, 'no org id\n', { 'Content-Type': 'text/plain' }));
    expectOutcome(
      await runGate(server.url),
      2,
      /no tenant given \(Mimir\/Cortex "no org id"\); set `headers: \{ X-Scope-OrgID: <tenant> \}`/,
    );
  });

  test.each(['data:application/json,{}', 'file:///etc/passwd'])(
    '%s as the URL is refused before any request',
    async (url) => {
      const outcome = await runGate(url);
      expectOutcome(outcome, 2, /must use http:\/\/ or https:\/\/ \(not (data|file):\)/);
    },
  );
});

describe('values the judge must classify, not compare', () => {
  test('all NaN: inconclusive (3), never pass', async () => {
    const server = await serve((req, res) =>
      sendJson(
        res,
        200,
        seriesBody(req.body, () => 'NaN'),
      ),
    );
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 3, /verdict: inconclusive/);
    const report = JSON.parse(outcome.result.stdout) as {
      checks: { series: { baseline: { nan: number } }[]; reason: string }[];
    };
    expect(report.checks[0]?.series[0]?.baseline.nan).toBeGreaterThan(50);
  });

  test('all NaN with --on-inconclusive pass: too little data, so mapped to exit 0 as asked', async () => {
    const server = await serve((req, res) =>
      sendJson(
        res,
        200,
        seriesBody(req.body, () => 'NaN'),
      ),
    );
    const outcome = await runGate(server.url, {}, ['--on-inconclusive', 'pass']);
    expectOutcome(outcome, 0, /verdict: inconclusive/);
    expect(checkErrorKinds(outcome)).toEqual([undefined]);
  });

  test('+Inf after the deploy on a check where up is bad: inconclusive (3), counted as infinite', async () => {
    const server = await serve((req, res) => {
      const { end } = rangeOf(req.body);
      const post = end > Date.now() / 1000 - 3000; // the post window ends 50 minutes ago
      sendJson(
        res,
        200,
        seriesBody(req.body, (t) => (post && t % 60 === 0 ? '+Inf' : steady(t))),
      );
    });
    const outcome = await runGate(server.url);
    expectOutcome(outcome, 3, /\+Inf/);
    const report = JSON.parse(outcome.result.stdout) as { checks: { series: { candidate: { infinite: number } }[] }[] };
    expect(report.checks[0]?.series[0]?.candidate.infinite).toBeGreaterThan(0);
  });
});

describe('the runner clock', () => {
  test('a server whose clock is 2h behind: the windows lie in its future, inconclusive (3)', async () => {
    const server = await serve((req, res) => {
      res.setHeader('Date', new Date(Date.now() - 2 * 3600 * 1000).toUTCString());
      sendSteady(req.body, res);
    });
    expectOutcome(
      await runGate(server.url),
      3,
      /this machine's clock is 2h ahead of the server's, so the end of the window has no data yet; sync this machine's clock \(NTP\)/,
    );
  });

  test('a server whose clock is 5m ahead: judged, with a warning', async () => {
    const server = await serve((req, res) => {
      res.setHeader('Date', new Date(Date.now() + 5 * 60 * 1000).toUTCString());
      sendSteady(req.body, res);
    });
    expectOutcome(await runGate(server.url), 0, /this machine's clock is 5m behind the server's/);
  });
});

describe('the environment', () => {
  test('NODE_TLS_REJECT_UNAUTHORIZED=0 is flagged on stderr and in the report', async () => {
    const server = await serve((req, res) => sendSteady(req.body, res));
    const file = specs.write('tls-env.yaml', renderFaultSpec());
    const result = await runCli(
      [
        'run',
        file,
        '--deployed-at',
        '-1h',
        '--format',
        'json',
        '--var',
        `PROMETHEUS_URL=${server.url}`,
        '--var',
        `PROM_TOKEN=${SENTINEL}`,
        '--var',
        `API_KEY=${API_KEY}`,
      ],
      { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: NODE_TLS_REJECT_UNAUTHORIZED=0 is set');
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings[0]).toContain(
      'NODE_TLS_REJECT_UNAUTHORIZED=0',
    );
  });

  test('--dry-run shows the source and queries but no secret', async () => {
    const outcome = await runGate(`http://127.0.0.1:${await closedPort()}`, {}, ['--dry-run']);
    expectOutcome(outcome, 0, /sum\(rate\(x_total\[30s\]\)\)/);
  });
});
