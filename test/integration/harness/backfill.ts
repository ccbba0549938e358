/** Turns an OpenMetrics file into TSDB blocks with promtool, the documented way to backfill Prometheus. */
import { spawnSync } from 'node:child_process';

/** Runs `promtool tsdb create-blocks-from openmetrics`; throws with promtool's own output on failure. */
export function backfillBlocks(openMetricsFile: string, tsdbDir: string): void {
  const result = spawnSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', openMetricsFile, tsdbDir],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`promtool backfill failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}
