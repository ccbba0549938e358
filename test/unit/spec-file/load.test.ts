import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecError, UsageError } from '../../../src/errors.js';
import { loadSpec } from '../../../src/spec-file/load.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/specs/', import.meta.url));
const OPTS = { vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090' }, env: {} };

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('loadSpec', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verify-deploy-spec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and validates a spec file', async () => {
    const file = join(FIXTURES, 'valid.yaml');
    const spec = await loadSpec(file, OPTS);
    expect(spec.file).toBe(file);
    expect(spec.sources.prom?.url).toBe('http://127.0.0.1:9090');
    expect(spec.checks.map((check) => check.name)).toEqual(['error ratio']);
  });

  it('throws a SpecError carrying every issue, each with file:line:col', async () => {
    const file = join(FIXTURES, 'invalid-many.yaml');
    const error = await rejection(loadSpec(file, OPTS));
    expect(error).toBeInstanceOf(SpecError);
    const issues = (error as SpecError).issues;
    expect(issues.map((issue) => `${issue.line}:${issue.col}`)).toEqual(['6:14', '10:22', '12:5']);
    expect(issues.every((issue) => issue.file === file)).toBe(true);
    expect((error as SpecError).message.split('\n')[0]).toBe(
      `${file}:6:14: "timeout" in source "prom" must be a duration like 30s, 5m or 1h30m (greater than zero) (got "soon")`,
    );
  });

  it('throws a UsageError naming a missing file', async () => {
    const file = join(dir, 'nope.yaml');
    const error = await rejection(loadSpec(file, OPTS));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`cannot read spec file "${file}": no such file; check the path`);
  });

  it('throws a UsageError for a directory', async () => {
    const error = await rejection(loadSpec(dir, OPTS));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('is a directory');
  });

  it('refuses a file over 1 MiB without reading it whole', async () => {
    const file = join(dir, 'big.yaml');
    await writeFile(file, `version: 1\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const error = await rejection(loadSpec(file, OPTS));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues).toEqual([
      { file, line: 1, col: 1, message: 'the spec file is over the 1 MiB limit: check that this is the right file' },
    ]);
  });

  it('refuses a file that is not UTF-8 text', async () => {
    const file = join(dir, 'binary.yaml');
    await writeFile(file, Buffer.from([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const error = await rejection(loadSpec(file, OPTS));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues[0]?.message).toBe('the spec file is not UTF-8 text');
  });
});
