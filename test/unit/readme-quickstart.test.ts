/** The README's quickstart spec is what new users copy first: it must validate as printed, without warnings. */
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../src/spec-file/parse.js';
import { findSpecWarnings } from '../../src/spec-file/spec-warnings.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first ```yaml block after the Quickstart heading, without the list item's indentation. */
function quickstartSpec(): string {
  const section = readme.slice(readme.indexOf('## Quickstart'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no yaml block under ## Quickstart');
  const indent = /^( *)/.exec(block)?.[1]?.length ?? 0;
  return block
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

test('the quickstart spec validates and raises no warnings', () => {
  const { spec, issues } = parseSpec(quickstartSpec(), 'README.md', {
    vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090' },
    env: {},
  });
  expect(issues).toEqual([]);
  expect(findSpecWarnings(spec!)).toEqual([]);
  expect(spec?.checks.map((c) => c.name)).toEqual(['errors', 'p95 latency', 'throughput']);
});
