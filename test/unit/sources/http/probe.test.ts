/** The http source against real loopback servers: success, latency, JSON conditions and values. */
import type { ServerResponse } from 'node:http';
import { createHttpSource } from '../../../../src/sources/http/source.js';
import type { HttpSourceSpec } from '../../../../src/sources/http/spec.js';
import { closedPort, sendJson, startServer, type LoopbackServer } from '../prometheus/loopback-server.js';

function httpSpec(url: string, extra: Partial<HttpSourceSpec> = {}): HttpSourceSpec {
  return {
    type: 'http',
    name: 'app',
    url,
    method: 'GET',
    headers: {},
    timeout: 2,
    samples: 6,
    interval: 0.01,
    expectStatus: [[200, 299]],
    ...extra,
  };
}

function delayed(res: ServerResponse, ms: number, status: number, body: unknown): void {
  setTimeout(() => sendJson(res, status, body), ms);
}

const points = (series: { points: { v: number }[] }[] | undefined): number[] =>
  (series?.[0]?.points ?? []).map((p) => p.v);

describe('http source', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => server?.close());

  it('probes `samples` times: success 1 per 2xx with the condition holding, latency per answer, the JSON value', async () => {
    server = await startServer((_req, res, i) =>
      sendJson(res, 200, { status: i === 2 ? 'DOWN' : 'UP', queue: { depth: i } }),
    );
    const source = createHttpSource(
      httpSpec(`${server.url}/healthz`, { condition: '$.status == "UP"', value: '$.queue.depth' }),
    );
    const { url } = await source.collect(['url'], new AbortController().signal);
    expect(points(url?.measures.success)).toEqual([1, 1, 0, 1, 1, 1]);
    expect(points(url?.measures.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points(url?.measures.latency)).toHaveLength(6);
    expect(url?.failures).toEqual({ 'condition $.status == "UP" is false': 1 });
    expect(server.requests.map((r) => r.method)).toEqual(Array(6).fill('GET'));
  });

  it('sends method, headers and body, and measures latency in seconds', async () => {
    server = await startServer((_req, res) => delayed(res, 60, 200, { ok: true }));
    const source = createHttpSource(
      httpSpec(server.url, { method: 'POST', headers: { 'X-Probe': 'yes' }, body: '{"ping":1}', samples: 2 }),
    );
    const { url } = await source.collect(['url'], new AbortController().signal);
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"ping":1}' });
    expect(server.requests[0]?.headers['x-probe']).toBe('yes');
    for (const latency of points(url?.measures.latency)) expect(latency).toBeGreaterThanOrEqual(0.05);
  });

  it('fails probes on an unexpected status, a timeout, a refused connection, and a non-JSON body under a condition', async () => {
    server = await startServer((_req, res, i) =>
      i === 0 ? sendJson(res, 503, {}) : i === 1 ? delayed(res, 1500, 200, {}) : sendJson(res, 200, '<html>'),
    );
    const source = createHttpSource(httpSpec(server.url, { timeout: 0.3, samples: 3, condition: '$.ok == true' }));
    const { url } = await source.collect(['url'], new AbortController().signal);
    expect(points(url?.measures.success)).toEqual([0, 0, 0]);
    expect(url?.failures).toEqual({ 'status 503': 1, 'timed out after 0.3s': 1, 'body is not JSON': 1 });
    // A timed-out probe got no answer, so it has no latency; the others do.
    expect(points(url?.measures.latency)).toHaveLength(2);
    const refused = createHttpSource(httpSpec(`http://127.0.0.1:${await closedPort()}/`, { samples: 1 }));
    expect((await refused.collect(['url'], new AbortController().signal)).url?.failures).toEqual({
      'connection refused': 1,
    });
  });

  it('does not follow redirects: a 302 is a status like any other', async () => {
    server = await startServer((_req, res) => res.writeHead(302, { Location: 'http://127.0.0.1:1/' }).end());
    const source = createHttpSource(httpSpec(server.url, { samples: 1 }));
    expect((await source.collect(['url'], new AbortController().signal)).url?.failures).toEqual({ 'status 302': 1 });
  });

  it('probes url and baselineUrl at the same moments (blue/green)', async () => {
    const green = await startServer((_req, res) => delayed(res, 30, 200, {}));
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    try {
      const source = createHttpSource(httpSpec(green.url, { baselineUrl: server.url, samples: 4 }));
      const sampled = await source.collect(['url', 'baselineUrl'], new AbortController().signal);
      const times = (target: 'url' | 'baselineUrl'): number[] =>
        (sampled[target]?.measures.success?.[0]?.points ?? []).map((p) => p.t);
      expect(times('url')).toHaveLength(4);
      times('url').forEach((t, i) => expect(Math.abs(t - (times('baselineUrl')[i] as number))).toBeLessThan(0.05));
    } finally {
      await green.close();
    }
  });

  it('stops when interrupted and says how many probes it took', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const controller = new AbortController();
    const source = createHttpSource(httpSpec(server.url, { samples: 100, interval: 0.05 }));
    setTimeout(() => controller.abort(), 120);
    const { url } = await source.collect(['url'], controller.signal);
    expect(url?.planned).toBe(100);
    expect(url?.taken).toBeGreaterThan(0);
    expect(url?.taken).toBeLessThan(10);
  });
});
