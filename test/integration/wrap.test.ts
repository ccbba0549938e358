/**
 * `run ... -- <deploy command>` through the built CLI, with real processes: a loopback service
 * whose behaviour a real deploy script changes, a real rollback script, a loopback webhook, and
 * signals sent to the wrapper while the deploy command runs.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRun, runCli } from './harness/run-cli.js';
import {
  modeSpec,
  startModeService,
  startWebhook,
  wrapScratch,
  writeScript,
  type ModeService,
  type Webhook,
} from './harness/wrap-fixtures.js';

let dir: string;
let service: ModeService;
let spec: string;
let deploy: string;
let rollback: string;

beforeAll(async () => {
  dir = await wrapScratch();
  service = await startModeService(dir);
  spec = join(dir, 'verify.yaml');
  await writeFile(spec, modeSpec(service.url));
  // The deploy echoes the webhook URL it was given: the report must not show it.
  deploy = await writeScript(
    dir,
    'deploy.sh',
    `echo "deploying $1 (hook $HOOK)"
sleep 0.5
case "$1" in *bad*) echo bad > "${service.modeFile}" ;; *) echo good > "${service.modeFile}" ;; esac
echo "deployed $1"`,
  );
  rollback = await writeScript(
    dir,
    'rollback.sh',
    `echo "rolling back"\necho good > "${service.modeFile}"\necho "rolled back"`,
  );
});

afterAll(async () => {
  await service.stop();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await writeFile(service.modeFile, 'good\n');
});

interface WrappedReport {
  verdict: string;
  exitCode: number;
  checks: { name: string; verdict: string }[];
  commands: {
    deploy: { argv: string[]; exitCode: number | null; outputTail: string; durationSeconds: number };
    rollback?: { argv: string[]; exitCode: number | null; outputTail: string; because: string };
    rollbackNote?: string;
  };
  cutShort?: string;
}

async function withHook<T>(failWith: number | undefined, body: (hook: Webhook) => Promise<T>): Promise<T> {
  const hook = await startWebhook(failWith);
  try {
    return await body(hook);
  } finally {
    await hook.stop();
  }
}

test('a good deploy: the command runs, the post window passes, nothing is rolled back, the team is told', async () => {
  await withHook(undefined, async (hook) => {
    const result = await runCli(
      ['run', spec, '--format', 'json', '--rollback', rollback, '--notify', hook.url, '--', deploy, 'v1.1-good'],
      { HOOK: hook.url },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as WrappedReport;
    expect(report.verdict).toBe('pass');
    expect(report.commands.deploy.argv).toEqual([deploy, 'v1.1-good']);
    expect(report.commands.deploy.exitCode).toBe(0);
    expect(report.commands.deploy.outputTail).toContain('deployed v1.1-good');
    expect(report.commands.rollback).toBeUndefined();
    // The deploy output went to stderr, not into the report on stdout; the webhook URL nowhere.
    expect(result.stderr).toContain('deploying v1.1-good');
    for (const text of [result.stdout, result.stderr]) expect(text).not.toContain('xoxb-secret-token-123456');
    expect(report.commands.deploy.outputTail).toContain('***');
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.text).toMatch(/^verify-deploy checkout: PASS \(exit 0/);
    expect(hook.received[0]!.text).toContain('latency');
    expect(hook.received[0]!.report?.verdict).toBe('pass');
    expect(JSON.stringify(hook.received[0])).not.toContain('xoxb-secret-token-123456');
  });
});

test('a bad deploy: the post window fails, the rollback script runs, the report and the webhook say so', async () => {
  await withHook(undefined, async (hook) => {
    const result = await runCli(
      ['run', spec, '--format', 'json', '--rollback', rollback, '--notify', hook.url, '--', deploy, 'v1.2-bad'],
      { HOOK: hook.url },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as WrappedReport;
    expect(report.verdict).toBe('fail');
    expect(report.commands.rollback?.because).toBe('fail');
    expect(report.commands.rollback?.exitCode).toBe(0);
    expect(report.commands.rollback?.outputTail).toContain('rolled back');
    expect(await service.mode()).toBe('good');
    expect(hook.received[0]!.text).toMatch(/^verify-deploy checkout: FAIL \(exit 1/);
    expect(hook.received[0]!.text).toMatch(/latency \(FAIL: \+\d/);
    expect(hook.received[0]!.text).toContain('Rolled back');
  });
});

test('a deploy command that fails: exit 5, nothing judged, nothing rolled back, the webhook told', async () => {
  const failing = await writeScript(dir, 'failing.sh', 'echo "cannot reach the host" >&2\nexit 7');
  const marker = join(dir, 'rolled-back');
  const rollbackMarker = await writeScript(dir, 'rb-marker.sh', `touch "${marker}"`);
  await withHook(undefined, async (hook) => {
    const result = await runCli(['run', spec, '--rollback', rollbackMarker, '--notify', hook.url, '--', failing]);
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot reach the host');
    expect(result.stderr).toMatch(/deploy command .* exited 7/);
    expect(existsSync(marker)).toBe(false);
    expect(hook.received[0]!.text).toContain('DEPLOY FAILED');
    expect(hook.received[0]!.report).toBeNull();
  });
});

test('a webhook that fails is a warning after retries; the exit code is the verdict', async () => {
  await withHook(500, async (hook) => {
    const result = await runCli(['run', spec, '--notify', hook.url, '--', deploy, 'v1.3-good']);
    expect(result.code).toBe(0);
    expect(hook.requests).toBe(3);
    expect(result.stderr).toMatch(/warning: could not notify the webhook \(URL hidden\): HTTP 500 after 3 attempts/);
    expect(result.stderr).not.toContain('xoxb-secret-token-123456');
  });
});

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s while the deploy command runs is passed on to it, and the run ends aborted (exit 3, never 0)',
  async (signal) => {
    const slow = await writeScript(
      dir,
      `slow-${signal}.sh`,
      `trap 'echo "deploy got ${signal}"; exit 130' ${signal.slice(3)}
echo "deploy started"
i=0; while [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
echo "deploy finished"`,
    );
    const result = await runCli(
      ['run', spec, '--format', 'json', '--', slow],
      {},
      {
        signal,
        whenStderrHas: 'deploy started',
      },
    );
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as WrappedReport;
    expect(report.verdict).toBe('inconclusive');
    expect(report.commands.deploy.outputTail).toContain(`deploy got ${signal}`);
    expect(report.commands.deploy.outputTail).not.toContain('deploy finished');
    expect(report.cutShort).toContain(signal);
    expect(result.stderr).toContain(`deploy got ${signal}`);
  },
);

test('--rollback-on inconclusive rolls back an inconclusive run; without it the report says why it did not', async () => {
  // 40 probes a side cannot reach minSamples 100: every run of this spec is inconclusive.
  const unsure = join(dir, 'unsure.yaml');
  await writeFile(
    unsure,
    modeSpec(service.url).replace('direction: increase', 'direction: increase\n    minSamples: 100'),
  );
  const rolled = await runCli([
    'run',
    unsure,
    '--format',
    'json',
    '--rollback',
    rollback,
    '--rollback-on',
    'inconclusive',
    '--',
    deploy,
    'v2',
  ]);
  expect(rolled.code).toBe(3);
  const report = JSON.parse(rolled.stdout) as WrappedReport;
  expect(report.commands.rollback?.because).toBe('inconclusive');
  expect(report.commands.rollback?.argv).toEqual([rollback]);

  const kept = await runCli(['run', unsure, '--format', 'json', '--rollback', rollback, '--', deploy, 'v2']);
  expect(kept.code).toBe(3);
  const keptReport = JSON.parse(kept.stdout) as WrappedReport;
  expect(keptReport.commands.rollback).toBeUndefined();
  expect(keptReport.commands.rollbackNote).toContain('--rollback-on inconclusive');
});

test('a source that cannot be read: nothing is deployed (exit 3)', async () => {
  const downSpec = join(dir, 'down.yaml');
  await writeFile(downSpec, modeSpec('http://127.0.0.1:9'));
  const marker = join(dir, 'deployed');
  const touch = await writeScript(dir, 'touch.sh', `touch "${marker}"`);
  const result = await runCli(['run', downSpec, '--', touch]);
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('nothing was deployed');
  expect(existsSync(marker)).toBe(false);
});

test('--deployed-at with a deploy command, and a deploy command without --, are usage errors', async () => {
  const both = await runCli(['run', spec, '--deployed-at', 'now', '--', deploy, 'v1']);
  expect(both.code).toBe(2);
  expect(both.stderr).toContain('--deployed-at cannot be combined with a deploy command');
  const bare = await runCli(['run', spec, deploy]);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('a deploy command goes after --');
  expect(describeRun(bare)).toContain('exit 2');
});
