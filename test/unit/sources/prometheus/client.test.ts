/**
 * The Prometheus source against real loopback HTTP servers. Every failure must be a SourceError
 * of the right kind, retried only when retrying can help, and never carry a credential.
 */
import { gzipSync } from 'node:zlib';
import { SourceError, UsageError } from '../../../../src/errors.js';
import { createPrometheusSource, type RequestReport } from '../../../../src/sources/prometheus/client.js';
import type { PrometheusSourceSpec } from '../../../../src/sources/prometheus/spec.js';
import { closedPort, type LoopbackServer, matrixBody, sendJson, startServer } from './loopback-server.js';

const TOKEN = 'SENTINEL-TOKEN-5f3a';
const PASSWORD = 'SENTINEL-PASS-9c1e';
const RANGE = { start: 1000, end: 1120, step: 60 };

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function spec(url: string, overrides: Partial<PrometheusSourceSpec> = {}): PrometheusSourceSpec {
  return {
    type: 'prometheus',
    name: 'prom',
    url,
    headers: {},
    auth: { bearer: TOKEN },
    timeout: 5,
    retries: 2,
    ...overrides,
  };
}

/** Fetch and return the SourceError it must throw, checking no secret leaked into it. */
async function fetchError(source: ReturnType<typeof createPrometheusSource>, query = 'up'): Promise<SourceError> {
  try {
    await source.fetchRange(query, RANGE);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    const message = (error as Error).message;
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain('Authorization');
    return error as SourceError;
  }
  throw new Error('expected fetchRange to throw');
}

function fast(url: string, overrides: Partial<PrometheusSourceSpec> = {}, reports?: RequestReport[]) {
  return createPrometheusSource(spec(url, overrides), { retryBaseSeconds: 0.01, onRequest: (r) => reports?.push(r) });
}

describe('success', () => {
  test('POSTs a form with the range and partial-response guards, sends headers and bearer auth', async () => {
    server = await startServer((_req, res) =>
      sendJson(
        res,
        200,
        matrixBody([
          {
            metric: { route: '/pay' },
            values: [
              [1000, '1'],
              [1060, '2.5'],
              [1120, '3'],
            ],
          },
        ]),
      ),
    );
    const reports: RequestReport[] = [];
    const source = fast(`${server.url}/prefix/`, { headers: { 'X-Scope-OrgID': 'team-a' } }, reports);
    const result = await source.fetchRange('sum(rate(x[1m]))', RANGE);

    expect(result.series).toEqual([
      {
        labels: { route: '/pay' },
        points: [
          { t: 1000, v: 1 },
          { t: 1060, v: 2.5 },
          { t: 1120, v: 3 },
        ],
      },
    ]);
    expect(result.warnings).toEqual([]);
    const req = server.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/prefix/api/v1/query_range');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers['x-scope-orgid']).toBe('team-a');
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      query: 'sum(rate(x[1m]))',
      start: '1000',
      end: '1120',
      step: '60',
      partial_response: 'false',
      deny_partial_response: '1',
    });
    expect(reports).toEqual([{ query: 'sum(rate(x[1m]))', seconds: expect.any(Number), attempts: 1 }]);
  });

  test('basic auth sends username:password', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, matrixBody([])));
    await fast(server.url, { auth: { username: 'alice', password: PASSWORD } }).fetchRange('up', RANGE);
    const expected = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
    expect(server.requests[0]?.headers['authorization']).toBe(expected);
  });

  test('an empty result is data (no series), not an error', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, matrixBody([])));
    expect(await fast(server.url).fetchRange('up', RANGE)).toEqual({ series: [], warnings: [] });
  });

  test('NaN, +Inf and -Inf are kept as numbers for the judge to classify', async () => {
    server = await startServer((_req, res) =>
      sendJson(
        res,
        200,
        matrixBody([
          {
            metric: {},
            values: [
              [1000, 'NaN'],
              [1060, '+Inf'],
              [1120, '-Inf'],
            ],
          },
        ]),
      ),
    );
    const { series } = await fast(server.url).fetchRange('up', RANGE);
    expect(series[0]?.points.map((p) => p.v)).toEqual([NaN, Infinity, -Infinity]);
  });

  test('points outside [start, end] (step-aligned query frontends) are dropped', async () => {
    server = await startServer((_req, res) =>
      sendJson(
        res,
        200,
        matrixBody([
          {
            metric: {},
            values: [
              [940, '9'],
              [1000, '1'],
              [1120, '2'],
              [1180, '9'],
            ],
          },
        ]),
      ),
    );
    const { series } = await fast(server.url).fetchRange('up', RANGE);
    expect(series[0]?.points).toEqual([
      { t: 1000, v: 1 },
      { t: 1120, v: 2 },
    ]);
  });

  test('a benign warning is passed through', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, matrixBody([], { warnings: ['some benign note'] })));
    expect((await fast(server.url).fetchRange('up', RANGE)).warnings).toEqual(['some benign note']);
  });

  test('a gzip-encoded answer is decoded', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(matrixBody([{ metric: {}, values: [[1000, '4']] }]))));
    });
    expect((await fast(server.url).fetchRange('up', RANGE)).series[0]?.points).toEqual([{ t: 1000, v: 4 }]);
  });
});

describe('the query is at fault: no retry', () => {
  test('400 bad_data is a query error, sent once', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 400, { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected "}"' }),
    );
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('bad_data');
    expect(error.message).toContain('parse error');
    expect(server.requests).toHaveLength(1);
  });

  test('422 execution (too many samples) is a query error, sent once', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 422, {
        status: 'error',
        errorType: 'execution',
        error: 'query processing would load too many samples',
      }),
    );
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('too many samples');
    expect(server.requests).toHaveLength(1);
  });

  test('status "error" with HTTP 200 is still an error', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, { status: 'error', errorType: 'execution', error: 'boom' }),
    );
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('query');
    expect(error.message).toContain('execution');
  });
});

describe('credentials', () => {
  test('401 is an auth error, sent once, and the token is not in the message even if echoed', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 401, {
        status: 'error',
        errorType: 'unauthorized',
        error: `bad token ${req.headers['authorization']}`,
      }),
    );
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('`auth`');
    expect(server.requests).toHaveLength(1);
  });

  test('a server error that echoes the Authorization header is shown redacted', async () => {
    server = await startServer((req, res) =>
      sendJson(res, 500, {
        status: 'error',
        errorType: 'internal',
        error: `upstream saw ${req.headers['authorization']}`,
      }),
    );
    const error = await fetchError(fast(server.url, { retries: 0 }));
    expect(error.message).toContain('upstream saw');
    expect(error.message).toContain('***');
  });

  test('403 is an auth error', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 403, { status: 'error', errorType: 'forbidden', error: 'no' }),
    );
    expect((await fetchError(fast(server.url))).kind).toBe('auth');
  });

  test('a cross-origin 302 is not followed: the target origin is named, no credential reaches it', async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, matrixBody([])));
    try {
      server = await startServer((_req, res) => {
        res.writeHead(302, { Location: `${other.url.replace('http://', 'http://user:pw@')}/login?next=${TOKEN}` });
        res.end();
      });
      const error = await fetchError(fast(server.url, { headers: { 'X-Api-Key': 'SENTINEL-KEY-77aa' } }));
      expect(error.message).toContain(other.url);
      expect(error.message).toContain('final URL');
      expect(error.message).not.toContain('user:pw');
      expect(error.message).not.toContain('SENTINEL-KEY-77aa');
      expect(other.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  test('credentials in the URL are sent as basic auth but never shown', async () => {
    server = await startServer((_req, res) => sendJson(res, 500, 'oops', { 'Content-Type': 'text/plain' }));
    const source = fast(server.url.replace('http://', `http://bob:${PASSWORD}@`), { auth: undefined, retries: 0 });
    expect(source.describe()).not.toContain(PASSWORD);
    const error = await fetchError(source);
    expect(error.message).not.toContain('bob');
    expect(server.requests[0]?.headers['authorization']).toBe(
      `Basic ${Buffer.from(`bob:${PASSWORD}`).toString('base64')}`,
    );
  });
});

describe('transient failures are retried', () => {
  test('500 then 200 succeeds on the second attempt', async () => {
    server = await startServer((_req, res, i) =>
      i === 0
        ? sendJson(res, 500, { status: 'error', errorType: 'internal', error: 'x' })
        : sendJson(res, 200, matrixBody([])),
    );
    const reports: RequestReport[] = [];
    expect(await fast(server.url, {}, reports).fetchRange('up', RANGE)).toEqual({ series: [], warnings: [] });
    expect(server.requests).toHaveLength(2);
    expect(reports[0]?.attempts).toBe(2);
  });

  test('503 with Retry-After waits as asked, then succeeds', async () => {
    server = await startServer((_req, res, i) =>
      i === 0
        ? sendJson(
            res,
            503,
            { status: 'error', errorType: 'timeout', error: 'query timed out' },
            { 'Retry-After': '1' },
          )
        : sendJson(res, 200, matrixBody([])),
    );
    const started = Date.now();
    await fast(server.url).fetchRange('up', RANGE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  test('429 every time: retries run out, the error says how many attempts', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 429, { status: 'error', errorType: 'too_many_requests', error: 'slow down' }),
    );
    const error = await fetchError(fast(server.url, { retries: 2 }));
    expect(error.kind).toBe('http');
    expect(error.options.status).toBe(429);
    expect(error.message).toContain('3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  test('a Retry-After longer than the timeout is not waited for', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 503, { status: 'error', errorType: 'unavailable', error: 'x' }, { 'Retry-After': '120' }),
    );
    const error = await fetchError(fast(server.url, { timeout: 2 }));
    expect(error.message).toContain('past the timeout');
    expect(server.requests).toHaveLength(1);
  });

  test('an HTML 502 from a load balancer is retried, then says a proxy answered', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const error = await fetchError(fast(server.url, { retries: 1 }));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('HTTP 502');
    expect(error.message).toContain('proxy');
    expect(server.requests).toHaveLength(2);
  });

  test('connection refused (a port opened then closed) is a network error naming what to check', async () => {
    const port = await closedPort();
    const error = await fetchError(fast(`http://127.0.0.1:${port}`, { retries: 1 }));
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`Prometheus at http://127.0.0.1:${port}/ refused the connection`);
    expect(error.message).toContain('2 attempts');
  });
});

describe('answers that are not the Prometheus API', () => {
  test('a 200 text/html login page is an endpoint error (fix `url`) pointing at a proxy or login page', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><form action="/login"></form></html>');
    });
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('endpoint');
    expect(error.message).toContain('login page');
    expect(server.requests).toHaveLength(1);
  });

  test('truncated JSON is a protocol error', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, JSON.stringify(matrixBody([])).slice(0, 30)));
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('truncated or invalid JSON');
  });

  test('an empty body is a protocol error', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, ''));
    expect((await fetchError(fast(server.url))).message).toContain('empty body');
  });

  test('a 404 (no query API at that URL) is an endpoint error, not retried', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 page not found');
    });
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('endpoint');
    expect(error.message).toContain('has no query API (HTTP 404)');
    expect(server.requests).toHaveLength(1);
  });

  test('JSON that is not the API envelope is an endpoint error', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { hello: 'world' }));
    expect((await fetchError(fast(server.url))).kind).toBe('endpoint');
  });

  test('a wrong resultType is an endpoint error', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, { status: 'success', data: { resultType: 'vector', result: [] } }),
    );
    const error = await fetchError(fast(server.url));
    expect(error.kind).toBe('endpoint');
    expect(error.message).toContain('"vector"');
  });

  test('a Thanos partial-response warning makes the answer unusable', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, matrixBody([], { warnings: ['partial response: store unavailable'] })),
    );
    expect((await fetchError(fast(server.url))).message).toContain('partial data');
  });

  test('VictoriaMetrics isPartial: true makes the answer unusable', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, matrixBody([], { isPartial: true })));
    expect((await fetchError(fast(server.url))).message).toContain('partial data');
  });
});

describe('limits', () => {
  test('an oversized body is a limit error', async () => {
    server = await startServer((_req, res) =>
      sendJson(res, 200, matrixBody([{ metric: { pad: 'x'.repeat(4096) }, values: [] }])),
    );
    const source = createPrometheusSource(spec(server.url), { maxResponseBytes: 1024 });
    const error = await fetchError(source);
    expect(error.kind).toBe('limit');
    expect(error.message).toContain('1024 bytes');
  });

  test('a gzip bomb is capped after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(bomb);
    });
    const source = createPrometheusSource(spec(server.url), { maxResponseBytes: 1024 * 1024 });
    const error = await fetchError(source);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error.kind).toBe('limit');
    expect(error.message).toContain('1 MiB');
  });
});

describe('the total deadline', () => {
  test('a server that never sends headers is cut off at the timeout', async () => {
    server = await startServer(() => undefined);
    const started = Date.now();
    const error = await fetchError(fast(server.url, { timeout: 0.3 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a slow-drip body (a byte every 50 ms, never idle long) is cut off at the timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      timers.push(setInterval(() => res.write(' '), 50));
    });
    const started = Date.now();
    try {
      const error = await fetchError(fast(server.url, { timeout: 0.3 }));
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  test("the caller's signal cancels the request", async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const source = fast(server.url, { timeout: 10 });
    await expect(source.fetchRange('up', RANGE, controller.signal)).rejects.toThrow('cancelled');
  });
});

describe('configuration', () => {
  test.each(['file:///etc/passwd', 'data:application/json,{}', 'ftp://127.0.0.1/', 'not a url'])(
    '%s is refused before any request',
    (url) => {
      expect(() => createPrometheusSource(spec(url))).toThrow(UsageError);
    },
  );

  test('describe() names the source and URL without credentials', () => {
    const source = createPrometheusSource(spec(`http://carol:${PASSWORD}@127.0.0.1:9090/prom?x=1`));
    expect(source.describe()).toBe('prometheus source "prom" at http://127.0.0.1:9090/prom/');
  });
});
