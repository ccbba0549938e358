/** CLI start (`verify-deploy --version`) against a bare `node -e 0`, interleaved so load hits both alike. */
import { median, ms, timeCommand } from './measure.js';

export interface StartupResult {
  cli: number;
  bare: number;
  ratio: number;
  runs: number;
}

export function benchStartup(binPath: string, runs = 30): StartupResult {
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeCommand(process.execPath, ['-e', '0']));
    cli.push(timeCommand(process.execPath, [binPath, '--version']));
  }
  const result = { cli: median(cli), bare: median(bare), runs, ratio: 0 };
  result.ratio = result.cli / result.bare;
  return result;
}

export function renderStartup(r: StartupResult): string {
  return `| CLI start (\`verify-deploy --version\`) vs \`node -e 0\` | ${ms(r.cli)} vs ${ms(r.bare)} (median of ${r.runs}) | ${r.ratio.toFixed(2)}x | <= 1.5x |`;
}
