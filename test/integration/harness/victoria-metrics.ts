/**
 * The second backend of the integration suite: a real VictoriaMetrics (Debian package
 * `victoria-metrics`) on a free loopback port with a temporary -storageDataPath, loaded with the
 * same generated fixture day through /api/v1/import/prometheus (millisecond timestamps).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from './port.js';

export const VM_INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends victoria-metrics';

export interface VictoriaMetricsProcess {
  url: string;
  pid: number;
  /** Stops the process this module started (SIGTERM, then SIGKILL) and waits for it. */
  stop(): Promise<void>;
}

function isOnPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** Throws (never skips) when victoria-metrics is missing; installs it with apt-get when root. */
export function requireVictoriaMetrics(): void {
  if (isOnPath('victoria-metrics')) return;
  if (process.getuid?.() === 0 && isOnPath('apt-get')) {
    process.stderr.write(`[integration] victoria-metrics missing; running: ${VM_INSTALL_COMMAND}\n`);
    spawnSync('sh', ['-c', VM_INSTALL_COMMAND], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!isOnPath('victoria-metrics')) {
    throw new Error(
      `integration tests need victoria-metrics on PATH (Debian package "victoria-metrics"). Install it with: sudo sh -c '${VM_INSTALL_COMMAND}'`,
    );
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** Spawns victoria-metrics and resolves once /health answers; data older than a month needs the long retention. */
export async function startVictoriaMetrics(dataDir: string): Promise<VictoriaMetricsProcess> {
  mkdirSync(dataDir, { recursive: true });
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'victoria-metrics',
    [
      `-storageDataPath=${dataDir}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      '-retentionPeriod=100y',
      '-search.disableCache',
      '-loggerLevel=ERROR',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.once('error', (error) => (log += `\n${error.message}`));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const started = { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited(child) || child.pid === undefined)
      throw new Error(`victoria-metrics exited before it was ready:\n${log}`);
    if (await isHealthy(url)) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await started.stop();
  throw new Error(`victoria-metrics was not ready at ${url} after 30s:\n${log}`);
}

/** OpenMetrics sample lines (seconds) to Prometheus text lines with millisecond timestamps, as VM imports them. */
export function toPrometheusImport(openMetrics: string): string[] {
  const lines: string[] = [];
  for (const line of openMetrics.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    lines.push(`${line.slice(0, cut)} ${Math.round(Number(line.slice(cut + 1)) * 1000)}`);
  }
  return lines;
}

/** POSTs the samples in chunks, then forces a flush so they are searchable at once. */
export async function importSamples(url: string, lines: string[], chunkLines = 50_000): Promise<void> {
  for (let i = 0; i < lines.length; i += chunkLines) {
    const body = `${lines.slice(i, i + chunkLines).join('\n')}\n`;
    const response = await fetch(`${url}/api/v1/import/prometheus`, {
      method: 'POST',
      body,
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`victoria-metrics import failed (${response.status}): ${await response.text()}`);
  }
  const flush = await fetch(`${url}/internal/force_flush`, { signal: AbortSignal.timeout(30_000) });
  if (!flush.ok) throw new Error(`victoria-metrics force_flush failed (${flush.status})`);
}

/** Where VictoriaMetrics keeps its data inside the harness work folder. */
export function victoriaMetricsDataDir(workDir: string): string {
  return join(workDir, 'victoria-metrics');
}
