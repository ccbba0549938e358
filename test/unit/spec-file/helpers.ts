/** Shared helpers for the spec tests: build YAML line by line so positions are easy to read. */
import { formatSpecIssue } from '../../../src/errors.js';
import { parseSpec, type SpecOptions } from '../../../src/spec-file/parse.js';
import type { Spec } from '../../../src/spec-model.js';

export const FILE = 'spec.yaml';

/** Join lines with "\n": line N of the YAML is element N-1 of the array. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const NO_VARS: SpecOptions = { vars: {}, env: {} };

/** Issues as `line:col: message`, in file order. */
export function issuesOf(text: string, opts: SpecOptions = NO_VARS): string[] {
  return parseSpec(text, FILE, opts).issues.map((issue) => formatSpecIssue(issue).slice(FILE.length + 1));
}

/** Parse text that must be valid; fails the test with the issues otherwise. */
export function validSpec(text: string, opts: SpecOptions = NO_VARS): Spec {
  const { spec, issues } = parseSpec(text, FILE, opts);
  if (spec === undefined) throw new Error(`expected a valid spec, got:\n${issues.map(formatSpecIssue).join('\n')}`);
  return spec;
}

/** The smallest valid spec's header, 8 lines: extra check lines start on line 9. */
export const HEADER = [
  'version: 1',
  'sources:',
  '  prom:',
  '    type: prometheus',
  '    url: http://127.0.0.1:9090',
  'checks:',
  '  - name: errors',
  '    source: prom',
] as const;

/** A minimal valid spec with extra lines for the first check (indented under it). */
export function withCheck(...checkLines: string[]): string {
  return lines(...HEADER, ...checkLines);
}
