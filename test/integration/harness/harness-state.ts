/** Where the running test Prometheus is, shared from globalSetup with the test workers and teardown. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HarnessState {
  url: string;
  pid: number;
  workDir: string;
  /** The VictoriaMetrics serving the same fixture day (start-victoria-metrics-harness.ts). */
  victoriaMetricsUrl?: string;
}

/** Environment variable globalSetup sets; workers inherit it. */
export const URL_ENV = 'PROMETHEUS_URL';
/** Environment variable naming the state file (one per jest run, keyed by its pid). */
export const STATE_FILE_ENV = 'VERIFY_DEPLOY_IT_STATE';

/** Writes the state file and exports both environment variables. */
export function saveHarnessState(state: HarnessState): string {
  const file = join(tmpdir(), `verify-deploy-it-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(state));
  process.env[URL_ENV] = state.url;
  process.env[STATE_FILE_ENV] = file;
  return file;
}

/** The state of this run: from the environment first, else from the state file. */
export function loadHarnessState(): HarnessState {
  const file = process.env[STATE_FILE_ENV];
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as HarnessState;
  const url = process.env[URL_ENV];
  if (url) return { url, pid: -1, workDir: '' };
  throw new Error(
    'the test Prometheus is not running: run the integration project through jest (globalSetup starts it)',
  );
}

/** Removes the state file, if any. */
export function removeHarnessState(): void {
  const file = process.env[STATE_FILE_ENV];
  if (file) rmSync(file, { force: true });
}
