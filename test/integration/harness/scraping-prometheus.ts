/**
 * A real Prometheus that scrapes live loopback targets every second (unlike the fixture Prometheus
 * of start-harness.ts, which serves backfilled blocks and scrapes nothing). Its own config file and
 * TSDB live in a temporary folder that stop() removes. A target's history (what it served before
 * the test started, live-service.ts) is backfilled with promtool first, labelled as its scrapes
 * will be, so a test has its baseline at once instead of waiting for it to be scraped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillBlocks } from './backfill.js';
import { fetchInstantSeriesCount } from './prometheus-api.js';
import { startPrometheusOnFreePort, type PrometheusProcess } from './prometheus-server.js';
import { renderOpenMetrics } from './render-openmetrics.js';
import type { Scrape } from './simulate.js';

/** One scrape job: Prometheus labels every series it scrapes from `target` with `job`. */
export interface ScrapeTarget {
  job: string;
  /** host:port; Prometheus reads http://<target>/metrics. */
  target: string;
  /** Scrapes from before the start, backfilled as the series {job, instance: target} (live-service.ts history). */
  history?: Scrape[];
}

export interface ScrapingPrometheus {
  url: string;
  pid: number;
  /** Stops the process (SIGTERM, then SIGKILL) and removes the config and TSDB. */
  stop(): Promise<void>;
}

export const SCRAPE_INTERVAL_SECONDS = 1;
const FIRST_SCRAPE_TIMEOUT_MS = 20_000;

/** The config: every target its own job, scraped every second. Job names are quoted as YAML strings. */
export function scrapeConfig(targets: ScrapeTarget[]): string {
  const jobs = targets.flatMap(({ job, target }) => [
    `  - job_name: ${JSON.stringify(job)}`,
    `    static_configs:`,
    `      - targets: [${JSON.stringify(target)}]`,
  ]);
  return [
    'global:',
    `  scrape_interval: ${SCRAPE_INTERVAL_SECONDS}s`,
    `  scrape_timeout: ${SCRAPE_INTERVAL_SECONDS}s`,
    'scrape_configs:',
    ...jobs,
    '',
  ].join('\n');
}

/** Resolves once every job has a successful scrape stored (`up == 1`), or throws naming the ones without. */
async function waitForFirstScrapes(url: string, targets: ScrapeTarget[]): Promise<void> {
  const deadline = Date.now() + FIRST_SCRAPE_TIMEOUT_MS;
  let missing = targets;
  while (Date.now() < deadline) {
    const now = Date.now() / 1000;
    const counts = await Promise.all(
      missing.map(({ job }) => fetchInstantSeriesCount(url, `up{job=${JSON.stringify(job)}} == 1`, now)),
    );
    missing = missing.filter((_, i) => counts[i] === 0);
    if (missing.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `prometheus at ${url} has no successful scrape of ${missing.map((t) => t.job).join(', ')} after ${FIRST_SCRAPE_TIMEOUT_MS / 1000}s`,
  );
}

/** Starts Prometheus scraping `targets` and waits for the first scrape of each; the caller must call stop(). */
/**
 * `backfill`: OpenMetrics text (`# EOF` included) to backfill besides the targets' histories, for a
 * target that is not a live-service.ts one; its series must carry the labels the scrapes will
 * ({job, instance: target}) for the scrapes to continue them.
 */
export async function startScrapingPrometheus(targets: ScrapeTarget[], backfill?: string): Promise<ScrapingPrometheus> {
  const workDir = mkdtempSync(join(tmpdir(), 'verify-deploy-live-prom-'));
  const removeDir = (): void => rmSync(workDir, { recursive: true, force: true });
  let prometheus: PrometheusProcess | undefined;
  try {
    const configFile = join(workDir, 'prometheus.yml');
    writeFileSync(configFile, scrapeConfig(targets));
    const history = targets.filter((t) => t.history !== undefined && t.history.length > 0);
    if (history.length > 0) {
      const dataFile = join(workDir, 'history.om');
      writeFileSync(
        dataFile,
        renderOpenMetrics(
          history.map(({ job, target, history: scrapes }) => ({
            labels: { job, instance: target },
            scrapes: scrapes!,
            // The live service exposes no 503 series: nor does its history.
            lazyCodeSeries: true,
          })),
        ),
      );
      backfillBlocks(dataFile, join(workDir, 'tsdb'));
    }
    if (backfill !== undefined) {
      const dataFile = join(workDir, 'backfill.om');
      writeFileSync(dataFile, backfill);
      backfillBlocks(dataFile, join(workDir, 'tsdb'));
    }
    prometheus = await startPrometheusOnFreePort(configFile, join(workDir, 'tsdb'));
    await waitForFirstScrapes(prometheus.url, targets);
  } catch (error) {
    await prometheus?.stop();
    removeDir();
    throw error;
  }
  const started = prometheus;
  return {
    url: started.url,
    pid: started.pid,
    stop: async () => {
      await started.stop();
      removeDir();
    },
  };
}
