/**
 * Property: whatever the secret (a letter, a JSON key, a verdict word, XML syntax, a long token),
 * `run` redacts it without touching what the reports are made of. The gate runs in process
 * (runCommand) against a loopback Prometheus API that echoes the secret back in labels, in label
 * text and in a backend warning; every report must still parse, the verdict and exit code must be
 * those of the same run with a harmless secret, the structure of each format must be the same,
 * and a long secret must appear nowhere.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CommandIO } from '../../../src/command-io.js';
import { runCommand } from '../../../src/gate/run-command.js';
import { MIN_REDACTABLE_LENGTH } from '../../../src/redact.js';
import { parseXml, findAll } from '../reports/xml.js';
import { matrixBody, sendJson, startServer, type LoopbackServer } from '../sources/prometheus/loopback-server.js';

const DEPLOY = 1_700_000_000;
const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-redaction-'));
let server: LoopbackServer;
/** The secret the next requests echo (set before each run). */
let echoed = '';
/** Whether the /pay series jumps after the deploy (a fail) or stays steady (a pass). */
let regress = true;

function values(body: string, jump: boolean): [number, string][] {
  const form = new URLSearchParams(body);
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(form.get(k)));
  const out: [number, string][] = [];
  for (let t = start!; t <= end!; t += step!)
    out.push([t, String((jump && t > DEPLOY ? 1000 : 100) + (((t / 30) * 7919) % 13))]);
  return out;
}

beforeAll(async () => {
  server = await startServer((req, res) =>
    sendJson(
      res,
      200,
      matrixBody(
        [
          { metric: { route: '/pay', echo: echoed, note: `token ${echoed} seen` }, values: values(req.body, regress) },
          { metric: { route: '/cart', echo: echoed, note: `token ${echoed} seen` }, values: values(req.body, false) },
        ],
        { warnings: [`the backend saw ${echoed} in a header`] },
      ),
    ),
  );
  writeFileSync(
    join(dir, 'spec.yaml'),
    [
      'version: 1',
      'name: redaction',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: ${PROMETHEUS_URL}',
      '    auth:',
      '      username: bob',
      '      password: "${PASSWORD}"',
      'checks:',
      '  - name: latency',
      '    source: prom',
      '    query: sum by (route) (rate(x_total[30s]))',
      '    direction: increase',
      '    step: 30s',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Outputs {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<'json' | 'xml' | 'md' | 'html', string>;
}

let runs = 0;
async function runWith(secret: string, format: 'human' | 'json'): Promise<Outputs> {
  echoed = secret;
  const prefix = join(dir, `run-${++runs}`);
  const paths = { json: `${prefix}.json`, xml: `${prefix}.xml`, md: `${prefix}.md`, html: `${prefix}.html` };
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    now: () => DEPLOY + 3600,
    stderrIsTTY: false,
    color: false,
    unicode: true,
    signal: new AbortController().signal,
  };
  const code = await runCommand(
    join(dir, 'spec.yaml'),
    {
      deployedAt: String(DEPLOY),
      format,
      report: Object.values(paths),
      var: { PROMETHEUS_URL: server.url, PASSWORD: secret },
      dryRun: false,
    },
    io,
  );
  const files = Object.fromEntries(
    Object.entries(paths).map(([ext, path]) => [ext, readFileSync(path, 'utf8')]),
  ) as Outputs['files'];
  return { code, stdout, stderr, files };
}

/** What a format is made of, without its text: tags, table cells, lines. */
const shapes = {
  html: (text: string) => [...text.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]).join(' '),
  md: (text: string) =>
    text
      .split('\n')
      .map((line) => (line.replace(/\\\|/g, '').match(/\|/g) ?? []).length)
      .join(','),
  human: (text: string) => text.split('\n').length,
};

interface JsonShape {
  verdict: string;
  exitCode: number;
  warnings: string[];
  checks: { verdict: string; series: { verdict: string; test: string; labels: Record<string, string> }[] }[];
}

function junitShape(xml: string): string {
  const root = parseXml(xml);
  return ['testcase', 'failure', 'error', 'skipped'].map((name) => `${name}:${findAll(root, name).length}`).join(' ');
}

/** Secrets that are words of the reports themselves, JSON and XML syntax, numbers, verdicts. */
const syntaxSecrets = fc.constantFrom(
  'e',
  'a',
  's',
  'series',
  'checks',
  'verdict',
  'labels',
  'true',
  'false',
  'null',
  '0',
  '1',
  '2',
  '-',
  '.',
  'fail',
  'pass',
  'inconclusive',
  'test',
  'mann-whitney',
  'reason',
  'warnings',
  'baseline',
  'candidate',
  'relativeChange',
  '"',
  "'",
  ',',
  ':',
  '<',
  '>',
  '&',
  '{',
  '}',
  '[',
  ']',
  '|',
  '#',
  '*',
  '`',
  '/',
  '=',
  '\\',
  '\n',
  'testcase',
  'failure',
  '&amp;',
  '<td>',
  'route',
  'pay',
);
/** Tokens long enough to be redacted from ordinary text, with the characters escaping turns into entities. */
const longSecrets = fc
  .stringMatching(new RegExp(`^[A-Za-z0-9<>&"'{}:,]{${MIN_REDACTABLE_LENGTH},24}$`))
  .filter((s) => /[A-Za-z]/.test(s) && /\d/.test(s));

describe('redacting a secret never changes what the reports are made of', () => {
  // The same runs with a harmless secret, short (so also warned about) and long.
  const HARMLESS = { short: 'Zq7', long: 'harmless-9f1c2e7d' };
  const reference = new Map<string, Outputs>();
  const key = (fails: boolean, format: string, secret: string): string =>
    `${fails} ${format} ${secret.length < MIN_REDACTABLE_LENGTH}`;
  beforeAll(async () => {
    for (const fails of [true, false]) {
      for (const format of ['human', 'json'] as const) {
        for (const secret of Object.values(HARMLESS)) {
          regress = fails;
          reference.set(key(fails, format, secret), await runWith(secret, format));
        }
      }
    }
  });

  test('the reference runs: a fail (exit 1) and a pass (exit 0); the short harmless secret is warned about', () => {
    expect([true, false].map((fails) => reference.get(key(fails, 'json', HARMLESS.long))?.code)).toEqual([1, 0]);
    const warned = (secret: string): boolean =>
      (JSON.parse(reference.get(key(true, 'json', secret))!.files.json) as JsonShape).warnings.some((w) =>
        w.includes('shorter than'),
      );
    expect([warned(HARMLESS.short), warned(HARMLESS.long)]).toEqual([true, false]);
  });

  test.each([
    ['common words and syntax', syntaxSecrets],
    ['long tokens', longSecrets],
  ])('%s', async (_name, secrets) => {
    await fc.assert(
      fc.asyncProperty(
        secrets,
        fc.boolean(),
        fc.constantFrom('human' as const, 'json' as const),
        async (secret, fails, format) => {
          regress = fails;
          const expected = reference.get(key(fails, format, secret))!;
          const got = await runWith(secret, format);
          expect(got.code).toBe(expected.code);
          const report = JSON.parse(got.files.json) as JsonShape;
          const before = JSON.parse(expected.files.json) as JsonShape;
          expect(report.verdict).toBe(before.verdict);
          expect(report.exitCode).toBe(before.exitCode);
          expect(report.checks.map((c) => [c.verdict, c.series.map((s) => [s.verdict, s.test])])).toEqual(
            before.checks.map((c) => [c.verdict, c.series.map((s) => [s.verdict, s.test])]),
          );
          // A whole value equal to the secret is masked, however short.
          if (!['pass', 'fail', 'inconclusive', 'mann-whitney'].includes(secret)) {
            for (const check of report.checks)
              for (const series of check.series) expect(series.labels.echo).toBe('***');
          }
          if (format === 'json') expect((JSON.parse(got.stdout) as JsonShape).verdict).toBe(before.verdict);
          else expect(shapes.human(got.stdout)).toBe(shapes.human(expected.stdout));
          expect(junitShape(got.files.xml)).toBe(junitShape(expected.files.xml));
          expect(shapes.html(got.files.html)).toBe(shapes.html(expected.files.html));
          expect(shapes.md(got.files.md)).toBe(shapes.md(expected.files.md));
          if (secret.length >= MIN_REDACTABLE_LENGTH && /\d/.test(secret)) {
            for (const text of [got.stdout, got.stderr, ...Object.values(got.files)])
              expect(text).not.toContain(secret);
          }
          if (secret.length < MIN_REDACTABLE_LENGTH) {
            expect(
              report.warnings.some((w) =>
                w.includes(`"auth.password" in source "prom" is shorter than ${MIN_REDACTABLE_LENGTH} characters`),
              ),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
