/** The scrape source against a real app instrumented with prom-client, restarted mid-way (a counter reset). */
import { Counter, Registry } from 'prom-client';
import { deriveSeries } from '../../../../src/sources/scrape/derive.js';
import { createScrapeSource } from '../../../../src/sources/scrape/source.js';
import { parseMetricSelector } from '../../../../src/sources/scrape/metric-selector.js';
import { startServer, type LoopbackServer } from '../prometheus/loopback-server.js';

describe('scrape source', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => server?.close());

  it('keeps the named metrics of each scrape, and a restart of the app does not read as negative traffic', async () => {
    let registry = new Registry();
    let counter = new Counter({ name: 'jobs_total', help: 'h', registers: [registry] });
    let scrape = 0;
    server = await startServer((_req, res) => {
      scrape++;
      if (scrape === 3) {
        // The app restarts between scrapes 2 and 3: its counter starts again from 0.
        registry = new Registry();
        counter = new Counter({ name: 'jobs_total', help: 'h', registers: [registry] });
      }
      counter.inc(10);
      void registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text));
    });
    const source = createScrapeSource(
      { type: 'scrape', name: 'm', url: `${server.url}/metrics`, headers: {}, timeout: 2, samples: 4, interval: 0.05 },
      { metrics: ['jobs_total'] },
    );
    const { url } = await source.collect(['url'], new AbortController().signal);
    expect(Object.keys(url?.measures ?? {})).toEqual(['jobs_total']);
    expect(url?.measures.jobs_total?.[0]?.points.map((p) => p.v)).toEqual([10, 20, 10, 20]);
    const rates = deriveSeries({ kind: 'rate', series: parseMetricSelector('jobs_total'), by: [] }, url!);
    expect(rates[0]?.points.every((p) => p.v > 0)).toBe(true);
  });

  it('records an HTML error page or a failed scrape as a failure, not as data', async () => {
    server = await startServer((_req, res, i) =>
      i === 0
        ? res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>')
        : res.writeHead(502).end(),
    );
    const source = createScrapeSource({
      type: 'scrape',
      name: 'm',
      url: server.url,
      headers: {},
      timeout: 2,
      samples: 2,
      interval: 0.01,
    });
    const { url } = await source.collect(['url'], new AbortController().signal);
    expect(url?.measures).toEqual({});
    expect(url?.failures).toEqual({ 'not a metrics page (text/html)': 1, 'status 502': 1 });
  });
});
