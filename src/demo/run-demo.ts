/**
 * The demo, end to end: a real service on loopback with real traffic, a snapshot of the running
 * version, then a good deploy and a bad deploy, each judged by the real `run` command against the
 * snapshot. The gate code is the same a user runs; only the service and its traffic are made up.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandIO } from '../command-io.js';
import { runCommand } from '../gate/run-command.js';
import { snapshotCommand } from '../snapshot/command.js';
import { startLoad } from './load.js';
import { startDemoService } from './service.js';
import { DEMO_SPEC } from './spec.js';
import type { DemoVersion } from './versions.js';

/** Requests per second the load generator sends; a minute of it at most. */
const LOAD_PER_SECOND = 100;
const LOAD_MAX_SECONDS = 90;

export interface DemoOutcome {
  /** Exit codes of the two runs: the good deploy should pass (0), the bad one fail (1). */
  good: number;
  bad: number;
  asDesigned: boolean;
}

/** Run the demo, printing the story and both reports through `io`. */
export async function runDemo(io: CommandIO): Promise<DemoOutcome> {
  const say = (text: string): void => io.stdout(`${text}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'verify-deploy-demo-'));
  const accessLog = join(dir, 'access.log');
  const service = await startDemoService('v1.0', accessLog);
  const load = startLoad(`${service.url}/api/checkout`, LOAD_PER_SECOND, LOAD_MAX_SECONDS);
  try {
    const specFile = join(dir, 'demo.yaml');
    const snapshotFile = join(dir, 'baseline.json');
    await writeFile(specFile, DEMO_SPEC);
    const common = { var: { DEMO_URL: service.url, DEMO_ACCESS_LOG: accessLog } };
    say(
      `demo service v1.0 listening on ${service.url} (/api/checkout, /healthz, /metrics; access log ${accessLog}), ${LOAD_PER_SECOND} requests/s of traffic`,
    );
    say(`spec: ${specFile}\n`);
    say('1. before the deploy: verify-deploy snapshot demo.yaml --out baseline.json');
    await snapshotCommand(specFile, { ...common, out: snapshotFile }, io);
    const judge = async (version: DemoVersion, step: string): Promise<number> => {
      say(`\n${step} deploy ${version}, then: verify-deploy run demo.yaml --baseline-from baseline.json\n`);
      service.deploy(version);
      return runCommand(
        specFile,
        { ...common, format: 'human', report: [], dryRun: false, baselineFrom: snapshotFile },
        io,
      );
    };
    const good = await judge('v1.1-good', '2. a good version:');
    say(`-> exit ${good}`);
    const bad = await judge('v1.2-bad', '3. a version with a latency and error regression:');
    say(`-> exit ${bad}`);
    const asDesigned = good === 0 && bad === 1;
    say(
      `\n${asDesigned ? 'as designed: the good deploy passed (exit 0) and the bad one failed (exit 1)' : `NOT as designed: expected exit 0 then 1, got ${good} then ${bad}`}`,
    );
    say('next: verify-deploy init --source http (or scrape, or prometheus) writes a starter spec for your service');
    return { good, bad, asDesigned };
  } finally {
    await load.stop();
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}
