/**
 * The pipeline recipes in examples/pipelines/ are copied into real pipelines, where a wrong key or
 * a flag the CLI does not have is found only at the first deploy. Each recipe is parsed, its
 * structure checked against what its platform needs, every `verify-deploy run` in it held against
 * `verify-deploy run --help`, and every spec validated by the built CLI without warnings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { PIPELINES, runCli, runOptions } from './cli.js';
import { parseRun, runCommandInArgv, runCommandsInShell, type ParsedRun, type RunCommand } from './run-commands.js';

// Parsed YAML: the tests reach into it and fail on a missing key.
type Yaml = any;

const read = (path: string): string => readFileSync(join(PIPELINES, path), 'utf8');
const parseOne = (path: string): Yaml => parse(read(path));
function parseMany(path: string): Yaml[] {
  return parseAllDocuments(read(path)).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS();
  });
}
const byKind = (docs: Yaml[], kind: string): Yaml[] => docs.filter((doc) => doc.kind === kind);

/** `${VAR}` names a spec reads (not `$${VAR}`, which stays literal). */
function specVars(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))];
}

/** A stand-in value for each variable: URLs for *_URL, a long token otherwise (a short one would be redacted everywhere). */
function stubVars(names: string[]): string[] {
  return names.flatMap((name) => [
    '--var',
    `${name}=${name.endsWith('_URL') ? 'http://127.0.0.1:9090' : `value-of-${name.toLowerCase()}`}`,
  ]);
}

let runFlags: Map<string, boolean>;
let scratch: string;
beforeAll(async () => {
  runFlags = await runOptions();
  scratch = mkdtempSync(join(tmpdir(), 'verify-deploy-pipelines-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Validates spec text with the built CLI: exit 0 and nothing on stderr (warnings go there). */
async function expectValidSpec(text: string, name: string): Promise<void> {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const result = await runCli(['validate', file, ...stubVars(specVars(text))]);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  expect(result.stdout).toContain(': valid (');
}

const parseAll = (commands: RunCommand[]): ParsedRun[] => commands.map((command) => parseRun(command, runFlags));

describe('examples/pipelines/ against the real CLI', () => {
  it('`run --help` lists the options the recipes use (the flag checks below read this list)', () => {
    for (const option of ['--deployed-at', '--report', '--var', '--on-inconclusive'])
      expect(runFlags.get(option)).toBe(true);
    expect(runFlags.get('--dry-run')).toBe(false);
  });

  it('a flag the CLI does not have is caught', () => {
    const [command] = runCommandsInShell(
      'npx verify-deploy run verify.yaml --deployed-at now --junit gate.xml || status=$?',
      'test',
    );
    expect(() => parseRun(command!, runFlags)).toThrow('verify-deploy run has no option --junit');
  });

  it.each(['github-actions/verify.yaml', 'gitlab-ci/verify.yaml', 'shell/verify.yaml'])(
    '%s validates without warnings',
    async (path) => {
      await expectValidSpec(read(path), path.replace('/', '-'));
    },
  );
});

describe('GitHub Actions (github-actions/verify-deploy.yml)', () => {
  const workflow = parseOne('github-actions/verify-deploy.yml');
  const jobs = workflow.jobs;
  const steps: Yaml[] = Object.values(jobs).flatMap((job: Yaml) => job.steps ?? []);
  const gate = jobs.verify.steps.find((step: Yaml) => step.id === 'gate');

  it('deploys, then verifies, then rolls back only on exit 1', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push']));
    expect(jobs.verify.needs).toBe('deploy');
    expect(jobs.rollback.needs).toEqual(['deploy', 'verify']);
    expect(jobs.rollback.if).toMatch(/failure\(\) && needs\.verify\.outputs\.exit-code == '1'/);
    expect(jobs.verify.outputs['exit-code']).toBe('${{ steps.gate.outputs.exit-code }}');
  });

  it('pins every action to a version', () => {
    const uses: string[] = steps.filter((step) => step.uses).map((step) => step.uses);
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+(\.\d+){0,2}$/);
  });

  it('passes secrets as env, never on the command line', () => {
    expect(gate.env.PROMETHEUS_URL).toBe('${{ secrets.PROMETHEUS_URL }}');
    expect(gate.env.PROM_TOKEN).toBe('${{ secrets.PROM_TOKEN }}');
    expect(gate.run).not.toContain('secrets.');
    // Every ${VAR} of the spec reaches the gate step.
    expect(Object.keys(gate.env)).toEqual(expect.arrayContaining(specVars(read('github-actions/verify.yaml'))));
  });

  it('runs the spec next to it, with real flags, and keeps every report it writes even on failure', () => {
    const runs = parseAll(
      steps.filter((step) => step.run).flatMap((step) => runCommandsInShell(step.run, `step ${step.name ?? step.id}`)),
    );
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.spec).toBe('verify.yaml');
    expect(run.values.get('--deployed-at')).toEqual(['$DEPLOYED_AT']);
    expect(run.values.get('--report')).toEqual(['gate.xml', 'gate.md', 'gate.html']);

    const upload = steps.find((step) => String(step.uses).startsWith('actions/upload-artifact@'));
    expect(upload.uses).toBe('actions/upload-artifact@v4');
    expect(upload.if).toBe('always()');
    expect(upload.with.path.trim().split('\n')).toEqual(run.values.get('--report'));

    const junit = steps.find((step) => String(step.uses).startsWith('mikepenz/action-junit-report@'));
    expect(junit.if).toBe('always()');
    expect(junit.with.report_paths).toBe('gate.xml');
    expect(workflow.permissions.checks).toBe('write');
  });

  it('maps every exit code in the gate step, failing the job on 1, 2, 3 and 4; "warn" lets only too little data through (--on-inconclusive pass), never an unread backend', () => {
    expect(gate.run).toContain('|| status=$?');
    expect(gate.run).toMatch(/1\) .*exit 1 ;;/);
    expect(gate.run).toContain('if [ "$ON_INCONCLUSIVE" = warn ]; then set -- --on-inconclusive pass; fi');
    expect(gate.run).toMatch(/3\) .*exit 3 ;;/);
    expect(gate.run).toMatch(/\*\) .*exit "\$status" ;;/);
  });
});

describe('GitLab CI (gitlab-ci/.gitlab-ci.yml)', () => {
  const pipeline = parseOne('gitlab-ci/.gitlab-ci.yml');
  const job = pipeline['verify-deploy'];

  it('keeps the JUnit report for the Tests tab and the HTML report, whatever the verdict', () => {
    expect(pipeline.stages).toEqual(['deploy', 'verify', 'rollback']);
    expect(job.stage).toBe('verify');
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.junit).toBe('gate.xml');
    expect(job.artifacts.paths).toEqual(expect.arrayContaining(['gate.html']));
  });

  it('lets only too little data pass, with a warning (--on-inconclusive pass), never an unreadable backend (allow_failure: [3] would)', () => {
    expect(job.allow_failure).toBeUndefined();
    const runs = parseAll(job.script.flatMap((line: string) => runCommandsInShell(line, 'verify-deploy script')));
    expect(runs[0]?.values.get('--on-inconclusive')).toEqual(['pass']);
  });

  it('runs the spec next to it with real flags and writes the reports it keeps', () => {
    const runs = parseAll(job.script.flatMap((line: string) => runCommandsInShell(line, 'verify-deploy script')));
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.spec).toBe('verify.yaml');
    expect(run.values.get('--deployed-at')).toEqual(['$DEPLOYED_AT']);
    expect(run.values.get('--report')).toEqual(
      expect.arrayContaining([job.artifacts.reports.junit, ...job.artifacts.paths]),
    );
  });

  it('hands the deploy time over and rolls back only when the JSON report says exit 1', () => {
    expect(pipeline.deploy.artifacts.reports.dotenv).toBe('deploy.env');
    expect(pipeline.deploy.script.join('\n')).toContain('DEPLOYED_AT=');
    expect(pipeline.rollback.when).toBe('on_failure');
    expect(pipeline.rollback.needs).toEqual([{ job: 'verify-deploy', artifacts: true }]);
    expect(pipeline.rollback.script.join('\n')).toMatch(/require\("\.\/gate\.json"\)\.exitCode'\)" = 1/);
  });
});

/** Minutes in a `10m` / `1h` duration, for comparing a pause with a `--deployed-at -10m`. */
function minutes(duration: string): number {
  const match = /^-?(\d+)([mh])$/.exec(duration);
  if (!match) throw new Error(`not a whole-minute duration: ${duration}`);
  return Number(match[1]) * (match[2] === 'h' ? 60 : 1);
}

/** The ConfigMap's spec, written where the container mounts it, and the `verify-deploy run` reading it. */
function expectSpecMounted(podSpec: Yaml, container: Yaml, configMap: Yaml, specPath: string): void {
  const mount = container.volumeMounts.find((m: Yaml) => specPath.startsWith(`${m.mountPath}/`));
  expect(mount).toBeDefined();
  const volume = podSpec.volumes.find((v: Yaml) => v.name === mount.name);
  expect(volume.configMap.name).toBe(configMap.metadata.name);
  expect(Object.keys(configMap.data)).toContain(specPath.slice(mount.mountPath.length + 1));
}

describe('Argo Rollouts (argo-rollouts/)', () => {
  const docs = parseMany('argo-rollouts/analysis-template.yaml');
  const [configMap] = byKind(docs, 'ConfigMap');
  const [template] = byKind(docs, 'AnalysisTemplate');
  const [rollout] = parseMany('argo-rollouts/rollout.yaml');
  const metric = template.spec.metrics[0];
  const jobSpec = metric.provider.job.spec;
  const podSpec = jobSpec.template.spec;
  const container = podSpec.containers[0];

  it('is an AnalysisTemplate with a Job metric that fails on the first failed Job', () => {
    expect(docs.map((doc) => `${doc.apiVersion} ${doc.kind}`)).toEqual([
      'v1 ConfigMap',
      'argoproj.io/v1alpha1 AnalysisTemplate',
    ]);
    expect(template.spec.metrics).toHaveLength(1);
    expect(metric.failureLimit).toBe(0);
    expect(jobSpec.backoffLimit).toBe(0);
    expect(podSpec.restartPolicy).toBe('Never');
  });

  it('runs the mounted spec with real flags, and every {{args.*}} it uses is declared', () => {
    const command = runCommandInArgv(
      [...(container.command ?? []), ...(container.args ?? [])],
      'AnalysisTemplate container',
    );
    expect(command).toBeDefined();
    const run = parseRun(command!, runFlags);
    expectSpecMounted(podSpec, container, configMap, run.spec);
    const used = [...command!.words.join(' ').matchAll(/\{\{args\.([\w-]+)\}\}/g)].map((m) => m[1]);
    expect(template.spec.args.map((arg: Yaml) => arg.name).sort()).toEqual([...new Set(used)].sort());
    // The spec's ${VARS} come from --var or the container's env.
    const given = [
      ...(run.values.get('--var') ?? []).map((v) => v.split('=')[0]),
      ...container.env.map((e: Yaml) => e.name),
    ];
    expect(given).toEqual(expect.arrayContaining(specVars(configMap.data['verify.yaml'])));
    expect(container.env.find((e: Yaml) => e.name === 'PROM_TOKEN').valueFrom.secretKeyRef).toBeDefined();
  });

  it('the ConfigMap spec validates without warnings', async () => {
    await expectValidSpec(configMap.data['verify.yaml'], 'argo-rollouts.yaml');
  });

  it('the Rollout runs it after each pause as long as the gate looks back, with both pod-template hashes', () => {
    expect(`${rollout.apiVersion} ${rollout.kind}`).toBe('argoproj.io/v1alpha1 Rollout');
    const steps: Yaml[] = rollout.spec.strategy.canary.steps;
    const deployedAt = parseRun(runCommandInArgv(container.command, 'container')!, runFlags).values.get(
      '--deployed-at',
    )![0]!;
    const analyses = steps.flatMap((step, i) => (step.analysis ? [i] : []));
    expect(analyses.length).toBeGreaterThan(0);
    for (const i of analyses) {
      const { analysis } = steps[i]!;
      expect(analysis.templates).toEqual([{ templateName: template.metadata.name }]);
      expect(analysis.args).toEqual([
        { name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } },
        { name: 'stable-hash', valueFrom: { podTemplateHashValue: 'Stable' } },
      ]);
      // The gate reads the pause just before it: --deployed-at -10m after a 10m pause.
      expect(minutes(steps[i - 1]!.pause.duration)).toBe(minutes(deployedAt));
    }
  });
});

describe('Flagger (flagger/)', () => {
  const [canary] = parseMany('flagger/canary.yaml');
  const tester = parseMany('flagger/verify-deploy-tester.yaml');
  const [configMap] = byKind(tester, 'ConfigMap');
  const [deployment] = byKind(tester, 'Deployment');
  const [service] = byKind(tester, 'Service');
  const webhooks: Yaml[] = canary.spec.analysis.webhooks;
  const container = deployment.spec.template.spec.containers[0];

  it('is a Canary whose webhooks call the verify-deploy tester', () => {
    expect(`${canary.apiVersion} ${canary.kind}`).toBe('flagger.app/v1beta1 Canary');
    expect(tester.map((doc) => doc.kind)).toEqual(['ConfigMap', 'Deployment', 'Service']);
    expect(webhooks.map((hook) => hook.type)).toEqual(['rollback', 'confirm-promotion']);
    for (const hook of webhooks) {
      expect(hook.url).toBe(`http://${service.metadata.name}.${service.metadata.namespace}/`);
      expect(service.metadata.namespace).toBe(canary.metadata.namespace);
    }
  });

  it('uses the blocking `bash` task: the load tester runs `cmd` tasks in the background and answers 202 whatever their exit code', () => {
    for (const hook of webhooks) expect(hook.metadata.type).toBe('bash');
  });

  it('rolls back only on exit 1 and promotes only on exit 0', () => {
    const [rollback, promotion] = webhooks.map((hook) => hook.metadata.cmd as string);
    expect(rollback).toMatch(/; test \$\? -eq 1$/);
    expect(promotion).not.toMatch(/[;|&]/);
  });

  it('runs the mounted spec with real flags; its ${VARS} come from the tester env', () => {
    const runs = parseAll(webhooks.flatMap((hook) => runCommandsInShell(hook.metadata.cmd, `webhook ${hook.name}`)));
    expect(runs).toHaveLength(2);
    for (const run of runs) expectSpecMounted(deployment.spec.template.spec, container, configMap, run.spec);
    expect(container.env.map((e: Yaml) => e.name)).toEqual(
      expect.arrayContaining(specVars(configMap.data['verify.yaml'])),
    );
  });

  it('the ConfigMap spec validates without warnings', async () => {
    await expectValidSpec(configMap.data['verify.yaml'], 'flagger.yaml');
  });
});

describe('images', () => {
  it.each(['argo-rollouts/Dockerfile', 'flagger/Dockerfile'])('%s pins its base images and verify-deploy', (path) => {
    const dockerfile = read(path);
    for (const [, image] of dockerfile.matchAll(/^FROM (\S+)/gm)) expect(image).toMatch(/:[\w.-]+$/);
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(dockerfile).toMatch(/npm install --global verify-deploy@\d+\.\d+\.\d+ /);
  });
});
