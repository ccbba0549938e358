/** Brings up the fixture Prometheus: tools, data, backfill, process, and a query that proves the data is in. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillBlocks } from './backfill.js';
import { generateOpenMetrics } from './generate-openmetrics.js';
import { fetchInstantSeriesCount } from './prometheus-api.js';
import { startPrometheusOnFreePort, type PrometheusProcess } from './prometheus-server.js';
import { requireTools } from './require-tools.js';
import { SCENARIO_LIST, deploySeconds } from './scenarios.js';

export interface RunningHarness {
  prometheus: PrometheusProcess;
  workDir: string;
  /** Stops Prometheus and removes the temporary directory. */
  stop(): Promise<void>;
}

/** Prometheus keeps no scrape targets: every sample comes from the backfilled blocks. */
const CONFIG = 'global:\n  scrape_interval: 15s\nscrape_configs: []\n';

/** Polls until the last scenario's series answer: blocks load shortly after /-/ready. */
async function waitForData(url: string): Promise<void> {
  const last = SCENARIO_LIST[SCENARIO_LIST.length - 1];
  if (!last) return;
  const query = `count(http_requests_total{job="${last.job}"})`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await fetchInstantSeriesCount(url, query, deploySeconds(last) - 60)) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`backfilled data is not queryable at ${url} (${query})`);
}

/** Generates the fixture day, backfills it and serves it; the caller must call stop(). */
export async function startHarness(): Promise<RunningHarness> {
  requireTools();
  const workDir = mkdtempSync(join(tmpdir(), 'verify-deploy-prom-'));
  const cleanUp = (): void => rmSync(workDir, { recursive: true, force: true });
  try {
    const dataFile = join(workDir, 'fixture.om');
    generateOpenMetrics(dataFile);
    backfillBlocks(dataFile, join(workDir, 'tsdb'));
    rmSync(dataFile);
    const configFile = join(workDir, 'prometheus.yml');
    writeFileSync(configFile, CONFIG);
    const prometheus = await startPrometheusOnFreePort(configFile, join(workDir, 'tsdb'));
    const stop = async (): Promise<void> => {
      await prometheus.stop();
      cleanUp();
    };
    try {
      await waitForData(prometheus.url);
    } catch (error) {
      await stop();
      throw error;
    }
    return { prometheus, workDir, stop };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
