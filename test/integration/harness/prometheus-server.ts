/** Starts and stops one real Prometheus process on a loopback port, serving a backfilled TSDB. */
import { spawn, type ChildProcess } from 'node:child_process';
import { findFreePort } from './port.js';

export interface PrometheusProcess {
  url: string;
  pid: number;
  /** Stops the process this module started (SIGTERM, then SIGKILL after 10 s) and waits for it. */
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  configFile: string;
  tsdbDir: string;
  port: number;
}

const READY_TIMEOUT_MS = 30_000;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** Spawns prometheus and resolves once /-/ready answers 200; rejects with its log if it dies first. */
export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.tsdbDir}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${options.port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.once('error', (error) => {
    log += `\n${error.message}`;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const started: PrometheusProcess = { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      throw new Error(`prometheus exited before it was ready (${child.exitCode ?? child.signalCode}):\n${log}`);
    }
    if (await isReady(url)) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await started.stop();
  throw new Error(`prometheus was not ready at ${url} after ${READY_TIMEOUT_MS / 1000}s:\n${log}`);
}

/** startPrometheus on a free port; another process may take the port before Prometheus binds it, so a few are tried. */
export async function startPrometheusOnFreePort(configFile: string, tsdbDir: string): Promise<PrometheusProcess> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startPrometheus({ configFile, tsdbDir, port: await findFreePort() });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
