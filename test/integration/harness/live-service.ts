/**
 * A loopback HTTP service for live-scrape tests: it simulates its own traffic (no real load) and
 * serves Prometheus text format on /metrics, so a real Prometheus can scrape it while a test
 * changes its behaviour mid-run (a "deploy").
 *
 * Exposed: `http_requests_total{code="200"|"500"}` counters and the histogram
 * `http_request_duration_seconds` (`_bucket{le}`, `_sum`, `_count`; the buckets of traffic-model.ts).
 * Each request draws its outcome and latency from a seeded PRNG, in request order, so the data is
 * the same given the same timing. Batches are due by the wall clock, not by timer ticks: a tick
 * that a busy machine delays catches up, so the request rate holds.
 */
import { createServer, type Server } from 'node:http';
import { createNormalStream, createUniform } from './prng.js';
import type { Scrape } from './simulate.js';
import { BUCKET_BOUNDS, LATENCY_SIGMA } from './traffic-model.js';

/** What the service does now; a test switches it with `setBehaviour`. */
export interface ServiceBehaviour {
  /** Share of requests answered 500, in [0, 1]. */
  errorShare: number;
  /** Median latency in seconds (log-normal spread LATENCY_SIGMA, as the fixture day's routes). */
  medianLatency: number;
}

export interface LiveServiceOptions {
  seed: number;
  requestsPerSecond: number;
  /** A batch of requestsPerSecond * batchMs / 1000 requests is simulated every batchMs. */
  batchMs: number;
  behaviour: ServiceBehaviour;
  /**
   * Seconds of traffic the service had served before it started, simulated at once by the same
   * model (history()): backfilled, they stand for the baseline a test would otherwise wait for.
   */
  historySeconds?: number;
}

export interface LiveService {
  /** Base URL, e.g. http://127.0.0.1:40123 (metrics at /metrics). */
  url: string;
  /** host:port, as a Prometheus static target. */
  target: string;
  /** Changes behaviour from the next batch on. */
  setBehaviour(change: Partial<ServiceBehaviour>): void;
  /**
   * The historySeconds before the start as a scrape every second would have read them (the last
   * scrape at the start): the counters then go on from there, so backfilled history and live
   * scrapes are one series.
   */
  history: Scrape[];
  /** Stops the traffic timer and closes the server. */
  stop(): Promise<void>;
}

const LE_VALUES = [...BUCKET_BOUNDS.map(String), '+Inf'];

function assertBehaviour(behaviour: ServiceBehaviour): void {
  if (!(behaviour.errorShare >= 0 && behaviour.errorShare <= 1))
    throw new Error(`errorShare must be in [0, 1], got ${behaviour.errorShare}`);
  if (!(behaviour.medianLatency > 0)) throw new Error(`medianLatency must be positive, got ${behaviour.medianLatency}`);
}

/** The counters the service exposes, advanced one simulated request at a time. */
export class TrafficCounters {
  ok = 0;
  errors = 0;
  readonly buckets = new Array<number>(BUCKET_BOUNDS.length).fill(0);
  latencySum = 0;
  private readonly uniform;
  private readonly normal;

  constructor(seed: number) {
    this.uniform = createUniform(seed);
    this.normal = createNormalStream(createUniform(seed ^ 0x5bd1e995));
  }

  simulate(requests: number, behaviour: ServiceBehaviour): void {
    for (let i = 0; i < requests; i++) {
      if (this.uniform() < behaviour.errorShare) this.errors++;
      else this.ok++;
      const latency = behaviour.medianLatency * Math.exp(LATENCY_SIGMA * this.normal());
      this.latencySum += latency;
      // Non-cumulative here; render() accumulates. Above the last bound, only +Inf (= count) holds it.
      const bucket = BUCKET_BOUNDS.findIndex((bound) => latency <= bound);
      if (bucket >= 0) this.buckets[bucket]!++;
    }
  }

  /** The counters as a scrape at `t` (unix seconds) reads them, in the shape render-openmetrics.ts renders. */
  scrape(t: number): Scrape {
    const count = this.ok + this.errors;
    const inBuckets = this.buckets.reduce((a, b) => a + b, 0);
    return {
      t,
      requests: { '200': this.ok, '500': this.errors, '503': 0 },
      buckets: [...this.buckets, count - inBuckets],
      count,
      sum: this.latencySum,
    };
  }

  render(): string {
    const lines = [
      '# HELP http_requests_total Requests served.',
      '# TYPE http_requests_total counter',
      `http_requests_total{code="200"} ${this.ok}`,
      `http_requests_total{code="500"} ${this.errors}`,
      '# HELP http_request_duration_seconds Request latency.',
      '# TYPE http_request_duration_seconds histogram',
    ];
    const count = this.ok + this.errors;
    let cumulative = 0;
    LE_VALUES.forEach((le, i) => {
      cumulative += i < this.buckets.length ? this.buckets[i]! : 0;
      lines.push(`http_request_duration_seconds_bucket{le="${le}"} ${le === '+Inf' ? count : cumulative}`);
    });
    lines.push(
      `http_request_duration_seconds_sum ${this.latencySum.toFixed(6)}`,
      `http_request_duration_seconds_count ${count}`,
      '',
    );
    return lines.join('\n');
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the kernel picks a free port at bind time, so no other process can take it first.
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('the live service got no port'));
    });
  });
}

/** Requests per batch, a whole number. */
function batchSize(requestsPerSecond: number, batchMs: number): number {
  const perBatch = (requestsPerSecond * batchMs) / 1000;
  if (!Number.isInteger(perBatch) || perBatch < 1 || 1000 % batchMs !== 0) {
    throw new Error(
      `requestsPerSecond * batchMs / 1000 must be a whole number of requests and batchMs divide a second, got ${perBatch} and ${batchMs}`,
    );
  }
  return perBatch;
}

/**
 * Simulated traffic from `fromMs` for `seconds`, as a scrape every second reads it (the first
 * scrape at fromMs, before any request, the last at fromMs + seconds): what a live service and a
 * Prometheus scraping it every second would have stored, without waiting for it.
 * `behaviourAt(ms)`: what the service does in the batch starting at ms.
 */
export function simulateScrapes(
  counters: TrafficCounters,
  options: { requestsPerSecond: number; batchMs: number },
  fromMs: number,
  seconds: number,
  behaviourAt: (ms: number) => ServiceBehaviour,
): Scrape[] {
  const perBatch = batchSize(options.requestsPerSecond, options.batchMs);
  const batchesPerSecond = 1000 / options.batchMs;
  const scrapes = [counters.scrape(fromMs / 1000)];
  for (let second = 0; second < seconds; second++) {
    for (let b = 0; b < batchesPerSecond; b++) {
      const at = fromMs + second * 1000 + b * options.batchMs;
      counters.simulate(perBatch, behaviourAt(at));
    }
    scrapes.push(counters.scrape((fromMs + (second + 1) * 1000) / 1000));
  }
  return scrapes;
}

/** Starts the service on a free loopback port; the caller must call stop(). */
export async function startLiveService(options: LiveServiceOptions): Promise<LiveService> {
  assertBehaviour(options.behaviour);
  const perBatch = batchSize(options.requestsPerSecond, options.batchMs);
  let behaviour = { ...options.behaviour };
  const counters = new TrafficCounters(options.seed);
  // On a whole second, so the history's scrapes are whole seconds.
  const startedAt = Math.floor(Date.now() / 1000) * 1000;
  const historySeconds = options.historySeconds ?? 0;
  const history =
    historySeconds > 0
      ? simulateScrapes(counters, options, startedAt - historySeconds * 1000, historySeconds, () => behaviour)
      : [];
  let batchesDone = 0;
  const catchUp = (): void => {
    const due = Math.floor((Date.now() - startedAt) / options.batchMs);
    for (; batchesDone < due; batchesDone++) counters.simulate(perBatch, behaviour);
  };
  const timer = setInterval(catchUp, options.batchMs);

  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      // A scrape sees every batch due by now, whatever the timer's lag.
      catchUp();
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(counters.render());
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found\n');
  });
  let port: number;
  try {
    port = await listen(server);
  } catch (error) {
    clearInterval(timer);
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    history,
    setBehaviour(change) {
      const next = { ...behaviour, ...change };
      assertBehaviour(next);
      // Batches already due ran under the old behaviour; the change applies from now on.
      catchUp();
      behaviour = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
