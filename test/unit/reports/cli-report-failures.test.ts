/**
 * A report that cannot be written never replaces the verdict (built CLI, real HTTP instances on
 * 127.0.0.1). A --report path that cannot work is a usage error before anything is fetched; a
 * write that fails after judging (a full disk: here a file-size limit, which stops root too, since
 * directory permissions do not) keeps the verdict's exit code, says so on stderr, and is named in
 * every report that could be written. snapshot --out is checked the same way.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../examples/cli.js';
import { explainRun, useBlueGreenFixture } from './blue-green.js';
import { strictErrors } from './report-schema.js';

const BLOCK = 512;

describe('reports that cannot be written', () => {
  const fixture = useBlueGreenFixture();

  function freshDir(name: string): string {
    const path = join(fixture.dir, name);
    mkdirSync(path);
    return path;
  }

  describe.each([
    ['FAIL', () => fixture.failSpec, 1],
    ['PASS', () => fixture.passSpec, 0],
  ])('a %s run whose HTML report hits a full disk', (label, specOf, verdictCode) => {
    test(`still exits ${verdictCode}, writes the other reports naming the failure, and says so on stderr`, async () => {
      // The sizes of this run's reports, to set a file-size limit the HTML report cannot fit in.
      const reference = freshDir(`reference-${label}`);
      const sized = await runCli([
        'run',
        specOf(),
        '--report',
        join(reference, 'gate.json'),
        '--report',
        join(reference, 'gate.md'),
        '--report',
        join(reference, 'gate.html'),
      ]);
      expect(sized.code).toBe(verdictCode);
      const size = (name: string): number => statSync(join(reference, name)).size;
      const limitBlocks = Math.ceil((Math.max(size('gate.json'), size('gate.md')) * 2 + 4096) / BLOCK);
      expect(size('gate.html')).toBeGreaterThan(limitBlocks * BLOCK + 8192);

      const out = freshDir(`full-${label}`);
      const [json, md, html, summary] = ['gate.json', 'gate.md', 'gate.html', 'summary.md'].map((name) =>
        join(out, name),
      ) as [string, string, string, string];
      const run = await runCli(
        ['run', specOf(), '--format', 'json', '--report', json, '--report', html, '--report', md],
        { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
        { fileSizeBlocks: limitBlocks },
      );
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: verdictCode, why: explainRun(run) });
      // Loud: an error line on stderr naming the report and the reason, and an ::error annotation.
      expect(run.stderr).toMatch(/^error: .*gate\.html.*EFBIG/m);
      expect(run.stderr).toMatch(/^::error title=verify-deploy%3A report not written::.*gate\.html/m);
      // Nothing half written: no HTML report and no temporary file left behind.
      expect(readdirSync(out).sort()).toEqual(['gate.json', 'gate.md', 'summary.md']);

      for (const text of [run.stdout, readFileSync(json, 'utf8')]) {
        const report = JSON.parse(text) as { exitCode: number; reportErrors?: { path: string; error: string }[] };
        expect(report.exitCode).toBe(verdictCode);
        expect(report.reportErrors).toEqual([{ path: html, error: expect.stringMatching(/^EFBIG/) }]);
        expect(strictErrors(text)).toEqual([]);
      }
      for (const text of [readFileSync(md, 'utf8'), readFileSync(summary, 'utf8')]) {
        expect(text).toContain('gate.html');
        expect(text).toMatch(/EFBIG/);
      }
    });
  });

  describe('a --report path that cannot work is a usage error before anything is fetched', () => {
    const cases: Array<[string, (base: string) => string, RegExp]> = [
      ['under a missing directory', (base) => join(base, 'missing', 'gate.json'), /does not exist/],
      [
        'a directory',
        (base) => {
          mkdirSync(join(base, 'gate.json'));
          return join(base, 'gate.json');
        },
        /is a directory/,
      ],
      [
        'under a regular file',
        (base) => {
          writeFileSync(join(base, 'file'), 'x');
          return join(base, 'file', 'gate.json');
        },
        /is not a directory/,
      ],
    ];
    test.each(cases)('%s', async (name, pathOf, message) => {
      const path = pathOf(freshDir(`bad-${name.replace(/ /g, '-')}`));
      const before = fixture.broken.requests() + fixture.blue.requests();
      const run = await runCli(['run', fixture.failSpec, '--report', join(fixture.dir, 'ok.json'), '--report', path]);
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 2, why: explainRun(run) });
      expect(run.stderr).toContain(path);
      expect(run.stderr).toMatch(message);
      expect(fixture.broken.requests() + fixture.blue.requests()).toBe(before);
    });
  });

  describe('snapshot --out', () => {
    const snapshotSpec = (url: string): string => `version: 1
sources:
  app:
    type: http
    url: ${url}/healthz
    samples: 4
    interval: 10ms
    timeout: 2s
checks:
  - name: availability
    source: app
    measure: success
    direction: increase
`;

    test('into a missing directory is a usage error before any sample is taken', async () => {
      const file = join(fixture.dir, 'snapshot-spec.yaml');
      writeFileSync(file, snapshotSpec(fixture.healthy.url));
      const before = fixture.healthy.requests();
      const out = join(fixture.dir, 'no-such-dir', 'base.json');
      const run = await runCli(['snapshot', file, '--out', out]);
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 2, why: explainRun(run) });
      expect(run.stderr).toContain(out);
      expect(fixture.healthy.requests()).toBe(before);
    });

    test('that cannot be written after sampling exits 2 and leaves no partial file', async () => {
      const file = join(fixture.dir, 'snapshot-spec-full.yaml');
      writeFileSync(file, snapshotSpec(fixture.healthy.url));
      const out = freshDir('snapshot-full');
      const run = await runCli(['snapshot', file, '--out', join(out, 'base.json')], {}, { fileSizeBlocks: 1 });
      expect({ code: run.code, why: explainRun(run) }).toEqual({ code: 2, why: explainRun(run) });
      expect(run.stderr).toMatch(/base\.json.*EFBIG/);
      expect(readdirSync(out)).toEqual([]);
      expect(existsSync(join(out, 'base.json'))).toBe(false);
    });
  });
});
