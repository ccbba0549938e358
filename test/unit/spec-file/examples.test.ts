import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSpecIssue } from '../../../src/errors.js';
import { parseSpec } from '../../../src/spec-file/parse.js';
import { findSpecWarnings } from '../../../src/spec-file/spec-warnings.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const files = readdirSync(EXAMPLES).filter((name) => /\.ya?ml$/.test(name));
const OPTS = { vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090' }, env: {} };

describe('examples/', () => {
  it('holds the documented examples', () => {
    expect(files).toEqual(
      expect.arrayContaining(['canary.yaml', 'error-ratio.yaml', 'p95-latency.yaml', 'throughput.yaml']),
    );
  });

  it.each(files)('%s is a valid spec', (name) => {
    const file = join(EXAMPLES, name);
    const { spec, issues } = parseSpec(readFileSync(file, 'utf8'), file, OPTS);
    expect(issues.map(formatSpecIssue)).toEqual([]);
    expect(spec?.sources.prom?.url).toBe('http://127.0.0.1:9090');
    // Examples are copied: they must not teach overlapping rate() windows or miscounted counts.
    expect(findSpecWarnings(spec!)).toEqual([]);
  });

  it.each(files)('%s starts with the yaml-language-server modeline', (name) => {
    const firstLine = readFileSync(join(EXAMPLES, name), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/verify-deploy.schema.json');
  });

  it('canary.yaml compares a stable baseline with a canary candidate', () => {
    const file = join(EXAMPLES, 'canary.yaml');
    const { spec } = parseSpec(readFileSync(file, 'utf8'), file, OPTS);
    for (const check of spec?.checks ?? []) {
      expect(check.query).toBeUndefined();
      expect(check.baselineQuery).toContain('track="stable"');
      expect(check.candidateQuery).toContain('track="canary"');
    }
  });

  it('throughput.yaml regresses downwards', () => {
    const file = join(EXAMPLES, 'throughput.yaml');
    const { spec } = parseSpec(readFileSync(file, 'utf8'), file, OPTS);
    expect(spec?.checks.map((check) => check.direction)).toEqual(['decrease', 'decrease']);
  });
});
