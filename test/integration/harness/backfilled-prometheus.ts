/**
 * A real Prometheus of one test file's own, serving OpenMetrics text backfilled with promtool and
 * scraping nothing: the set-up the files with data of their own each wrote out (a temporary folder,
 * the backfill, a config, a free port, and a wait until the blocks answer, since they load shortly
 * after /-/ready).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillBlocks } from './backfill.js';
import { fetchInstantSeriesCount } from './prometheus-api.js';
import { startPrometheusOnFreePort } from './prometheus-server.js';
import { requireTools } from './require-tools.js';

export interface BackfilledPrometheus {
  url: string;
  pid: number;
  /** Stops the process and removes its folder. */
  stop(): Promise<void>;
}

/** A query that answers once the data is loaded: at least one series for `query` at `time` (unix seconds). */
export interface DataLoaded {
  query: string;
  time: number;
}

const LOAD_ATTEMPTS = 100;

/** Backfills `openMetrics` (a whole exposition, `# EOF` included) and serves it; the caller must call stop(). */
export async function startBackfilledPrometheus(
  openMetrics: string,
  loaded: DataLoaded,
): Promise<BackfilledPrometheus> {
  requireTools();
  const workDir = mkdtempSync(join(tmpdir(), 'verify-deploy-backfilled-'));
  const removeDir = (): void => rmSync(workDir, { recursive: true, force: true });
  try {
    const data = join(workDir, 'data.om');
    writeFileSync(data, openMetrics);
    backfillBlocks(data, join(workDir, 'tsdb'));
    const config = join(workDir, 'prometheus.yml');
    writeFileSync(config, 'global:\n  scrape_interval: 15s\nscrape_configs: []\n');
    const prometheus = await startPrometheusOnFreePort(config, join(workDir, 'tsdb'));
    const stop = async (): Promise<void> => {
      await prometheus.stop();
      removeDir();
    };
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
      if ((await fetchInstantSeriesCount(prometheus.url, loaded.query, loaded.time)) > 0) {
        return { url: prometheus.url, pid: prometheus.pid, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stop();
    throw new Error(`the backfilled data is not queryable at ${prometheus.url}: ${loaded.query} at ${loaded.time}`);
  } catch (error) {
    removeDir();
    throw error;
  }
}
