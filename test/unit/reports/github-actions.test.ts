import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishToGitHubActions, renderAnnotations } from '../../../src/reports/github-actions.js';
import { renderMarkdown } from '../../../src/reports/markdown.js';
import {
  escapeWorkflowData,
  escapeWorkflowProperty,
  formatWorkflowCommand,
} from '../../../src/reports/workflow-commands.js';
import type { CheckResult, RunResult } from '../../../src/types.js';
import { buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

/** The runner's unescaping (actions/runner ActionCommand.cs): the inverse of what we write. */
function unescape(text: string, property: boolean): string {
  const pairs: Array<[string, string]> = property
    ? [
        ['%3A', ':'],
        ['%2C', ','],
        ['%0D', '\r'],
        ['%0A', '\n'],
      ]
    : [
        ['%0D', '\r'],
        ['%0A', '\n'],
      ];
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out.split('%25').join('%');
}

/** Parse a workflow command line as the runner does: `::kind title=...::message`. */
function parseCommand(line: string): { kind: string; title: string; message: string } {
  const match = /^::(error|warning) title=([^:]*)::(.*)$/s.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  return { kind: match[1]!, title: unescape(match[2]!, true), message: unescape(match[3]!, false) };
}

describe('workflow command escaping', () => {
  test('message data escapes %, CR and LF; properties also : and ,', () => {
    expect(escapeWorkflowData('50% up\r\nnext: a,b')).toBe('50%25 up%0D%0Anext: a,b');
    expect(escapeWorkflowProperty('FAIL: a,b 5%')).toBe('FAIL%3A a%2Cb 5%25');
    expect(formatWorkflowCommand('warning', { title: 'x:y' }, 'line 1\nline 2')).toBe(
      '::warning title=x%3Ay::line 1%0Aline 2',
    );
  });

  test('untrusted text cannot end the line and start a command of its own, nor smuggle an escape', () => {
    const hostile = 'a\n::error::injected\r%0A';
    const line = formatWorkflowCommand('error', { title: hostile }, hostile);
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseCommand(line)).toEqual({ kind: 'error', title: hostile, message: hostile });
  });
});

describe('renderAnnotations', () => {
  test('a failing critical check is an ::error and a non-critical warning a ::warning; the run warning saying the same is not repeated', () => {
    const lines = renderAnnotations(buildRunResult());
    expect(lines).toHaveLength(2);
    const [error, warning] = lines.map(parseCommand);
    expect(error).toEqual({
      kind: 'error',
      title: 'verify-deploy FAIL: error ratio',
      message: [
        'mean up 240% (tolerance 10%), p < 0.001',
        'FAIL {route="/pay"}: mean up 240% (tolerance 10%)',
        '     n 60 -> 20  median 0.002 -> 0.0065  p95 0.004 -> 0.009  +240.0% [+180.2%, +310.5%]  p < 0.001',
      ].join('\n'),
    });
    expect(warning).toMatchObject({
      kind: 'warning',
      title: 'verify-deploy WARN: queue depth (non-critical, inconclusive)',
    });
    expect(warning?.message).toContain(
      'too few samples in the post window (3 < 10)\nerror: Thanos answered with partial data',
    );
    expect(lines[0]).toContain('mean up 240%25 (tolerance 10%25)');
  });

  test('a run where every check passed has no annotation', () => {
    const result = buildRunResult();
    result.checks = [result.checks[1]!];
    expect(renderAnnotations({ ...result, verdict: 'pass', exitCode: 0, notes: [] })).toEqual([]);
  });

  test('a critical inconclusive check is an ::error (exit 3 fails the step), a ::warning once --on-inconclusive pass made it exit 0', () => {
    const check: CheckResult = {
      name: 'errors',
      verdict: 'inconclusive',
      critical: true,
      reason: 'no data in the post window',
      series: [],
      unmatched: { baseline: [], candidate: [] },
    };
    const exit3 = renderAnnotations(
      buildRunResult({ checks: [check], verdict: 'inconclusive', exitCode: 3, notes: [] }),
    );
    expect(exit3.map(parseCommand)).toEqual([
      { kind: 'error', title: 'verify-deploy INCONCLUSIVE: errors', message: 'no data in the post window' },
    ]);
    const exit0 = renderAnnotations(
      buildRunResult({ checks: [check], verdict: 'inconclusive', exitCode: 0, notes: [] }),
    );
    expect(exit0.map(parseCommand)[0]?.kind).toBe('warning');
  });

  test('run warnings of their own are ::warning annotations', () => {
    const result = buildRunResult({
      notes: [{ kind: 'no-critical-check' }],
    });
    const warnings = renderAnnotations(result)
      .map(parseCommand)
      .filter((a) => a.title === 'verify-deploy warning');
    expect(warnings).toEqual([
      {
        kind: 'warning',
        title: 'verify-deploy warning',
        message: 'no check is critical: nothing gates this run, so it is inconclusive rather than pass',
      },
    ]);
  });

  test('a check with many failing series quotes 5 and counts the rest', () => {
    const message = parseCommand(
      renderAnnotations(buildRunResult({ checks: [buildWideCheck(40, [0, 1, 2, 3, 4, 5, 6, 7])], notes: [] }))[0]!,
    ).message;
    expect(message.split('\n').filter((line) => line.startsWith('FAIL {route='))).toHaveLength(5);
    expect(message.endsWith('and 3 more series that did not pass')).toBe(true);
  });

  test('GitHub shows 10 errors per step: 15 failing checks give 9 annotations and a tenth naming the other 6', () => {
    const checks = Array.from({ length: 15 }, (_, i) => ({ ...buildWideCheck(1, [0]), name: `check ${i}` }));
    const errors = renderAnnotations(buildRunResult({ checks, notes: [] })).map(parseCommand);
    expect(errors).toHaveLength(10);
    expect(errors[9]).toEqual({
      kind: 'error',
      title: 'verify-deploy: 6 more errors',
      message: ['check 9', 'check 10', 'check 11', 'check 12', 'check 13', 'check 14']
        .map((name) => `verify-deploy FAIL: ${name}`)
        .join('\n'),
    });
  });
});

describe('publishToGitHubActions', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verify-deploy-gha-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function capture(env: Record<string, string | undefined>) {
    const annotations: string[] = [];
    const warnings: string[] = [];
    return {
      annotations,
      warnings,
      io: {
        env,
        writeAnnotation: (line: string) => void annotations.push(line),
        appendFile,
        warn: (message: string) => void warnings.push(message),
      },
    };
  }

  test('appends the Markdown report to GITHUB_STEP_SUMMARY, keeping what earlier steps wrote', async () => {
    const path = join(dir, 'summary.md');
    await writeFile(path, '# from an earlier tool\n');
    const { io, warnings } = capture({ GITHUB_STEP_SUMMARY: path });
    const result: RunResult = buildRunResult();
    await publishToGitHubActions(result, io);
    await publishToGitHubActions(result, io);
    const written = await readFile(path, 'utf8');
    expect(written).toBe(`# from an earlier tool\n\n${renderMarkdown(result)}\n${renderMarkdown(result)}`);
    expect(warnings).toEqual([]);
  });

  test('annotates only when GITHUB_ACTIONS=true', async () => {
    const off = capture({ GITHUB_STEP_SUMMARY: join(dir, 's.md') });
    await publishToGitHubActions(buildRunResult(), off.io);
    expect(off.annotations).toEqual([]);
    const on = capture({ GITHUB_ACTIONS: 'true' });
    await publishToGitHubActions(buildRunResult(), on.io);
    expect(on.annotations).toEqual(renderAnnotations(buildRunResult()));
    expect(on.annotations.length).toBeGreaterThan(0);
  });

  test.each([
    ['a directory', (d: string) => d, 'EISDIR'],
    ['a path under a missing directory', (d: string) => join(d, 'missing', 'summary.md'), 'ENOENT'],
  ])('a summary path that is %s is a warning, not a failure; annotations still follow', async (_, pathOf, code) => {
    const { io, warnings, annotations } = capture({ GITHUB_STEP_SUMMARY: pathOf(dir), GITHUB_ACTIONS: 'true' });
    await expect(publishToGitHubActions(buildRunResult(), io)).resolves.toBeUndefined();
    expect(warnings).toEqual([`cannot append the report to GITHUB_STEP_SUMMARY (${pathOf(dir)}): ${code}`]);
    expect(annotations).toHaveLength(2);
  });

  test('nothing at all outside GitHub Actions', async () => {
    const { io, warnings, annotations } = capture({});
    await publishToGitHubActions(buildRunResult(), io);
    expect([warnings, annotations]).toEqual([[], []]);
  });
});
