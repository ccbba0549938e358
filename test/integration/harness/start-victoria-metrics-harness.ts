/** Brings up VictoriaMetrics with the fixture day, beside the Prometheus of start-harness.ts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchInstantSeriesCount } from './prometheus-api.js';
import { renderOpenMetrics } from './render-openmetrics.js';
import { SCENARIO_LIST, deploySeconds } from './scenarios.js';
import { simulateScenario } from './simulate.js';
import {
  importSamples,
  requireVictoriaMetrics,
  startVictoriaMetrics,
  toPrometheusImport,
  type VictoriaMetricsProcess,
} from './victoria-metrics.js';

export interface RunningVictoriaMetrics {
  victoriaMetrics: VictoriaMetricsProcess;
  workDir: string;
  stop(): Promise<void>;
}

/** Polls until every scenario's series answer (the import is asynchronous until flushed and indexed). */
async function waitForData(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const counts = await Promise.all(
      SCENARIO_LIST.map((s) =>
        fetchInstantSeriesCount(url, `count(http_requests_total{job="${s.job}"})`, deploySeconds(s) - 60),
      ),
    );
    if (counts.every((count) => count > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`imported data is not queryable in victoria-metrics at ${url}`);
}

/** Starts VictoriaMetrics, imports the same simulated scenarios as Prometheus serves, and waits for them. */
export async function startVictoriaMetricsHarness(): Promise<RunningVictoriaMetrics> {
  requireVictoriaMetrics();
  const workDir = mkdtempSync(join(tmpdir(), 'verify-deploy-vm-'));
  let victoriaMetrics: VictoriaMetricsProcess | undefined;
  try {
    victoriaMetrics = await startVictoriaMetrics(join(workDir, 'data'));
    const lines = toPrometheusImport(
      renderOpenMetrics(SCENARIO_LIST.flatMap((scenario) => simulateScenario(scenario))),
    );
    await importSamples(victoriaMetrics.url, lines);
    await waitForData(victoriaMetrics.url);
    const running = victoriaMetrics;
    return {
      victoriaMetrics: running,
      workDir,
      stop: async () => {
        await running.stop();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await victoriaMetrics?.stop();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
