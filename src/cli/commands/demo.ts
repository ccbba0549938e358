/** `demo`: the main job on an embedded default. */
import type { CommandRegistration } from './types.js';

const DEMO_HELP = `
Starts a demo service on a free 127.0.0.1 port (instrumented with prom-client: /api/checkout,
/healthz, /metrics) with generated traffic, snapshots it, "deploys" a good version and then one
with a latency and error regression, and judges each with the real gate over http and scrape
sources, printing both reports. About 30 seconds; nothing to install, nothing beyond loopback.

Exit codes: 0 the demo behaved as designed (the good deploy passed, the bad one failed),
1 it did not, 3 interrupted.`;

export const registerDemo: CommandRegistration = (program, io, setCode) => {
  program
    .command('demo')
    .description('the gate on an embedded service: a good and a bad deploy, judged for real, nothing to install')
    .addHelpText('after', DEMO_HELP)
    .exitOverride()
    .action(async () => {
      const { demoCommand } = await import('../../demo/command.js');
      setCode(await demoCommand(io));
    });
};
