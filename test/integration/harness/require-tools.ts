/** Makes sure `prometheus` and `promtool` are on PATH: installs them with apt-get as root, or fails saying how. */
import { spawnSync } from 'node:child_process';

const TOOLS = ['prometheus', 'promtool'] as const;
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends prometheus';

function isOnPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function missingTools(): string[] {
  return TOOLS.filter((tool) => !isOnPath(tool));
}

function tryAptInstall(): void {
  if (process.getuid?.() !== 0 || !isOnPath('apt-get')) return;
  process.stderr.write(`[integration] prometheus/promtool missing; running: ${INSTALL_COMMAND}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: ['ignore', 'inherit', 'inherit'], env });
}

/** Throws (never skips) when the real Prometheus cannot be had: these tests exist to run against it. */
export function requireTools(): void {
  if (missingTools().length === 0) return;
  tryAptInstall();
  const missing = missingTools();
  if (missing.length > 0) {
    throw new Error(
      `integration tests need ${missing.join(' and ')} on PATH (Debian package "prometheus"). ` +
        `Install it with: sudo sh -c '${INSTALL_COMMAND}'`,
    );
  }
}
