/**
 * Headless Debian Chromium for the HTML report test: no browser download, no background network
 * chatter. When it is missing, it is installed with apt-get as root (as require-tools.ts does for
 * Prometheus); otherwise the test fails, never skips, with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

// Without the background-networking flags Chromium keeps trying Google services on a closed network.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function tryAptInstall(): void {
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0)
    return;
  process.stderr.write(`[integration] chromium missing; running: ${CHROMIUM_INSTALL}\n`);
  spawnSync('sh', ['-c', CHROMIUM_INSTALL], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Launches Chromium, or throws saying how to install it: the test fails rather than skips. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) tryAptInstall();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `the HTML report test needs Chromium at ${CHROMIUM_PATH} (Debian package "chromium"). Install it with: sudo sh -c '${CHROMIUM_INSTALL}'`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
