/** The README's spec reference is generated from the field tables; this keeps the committed copy current. */
import { readFileSync } from 'node:fs';
import { renderSpecReference } from '../../../src/spec-file/markdown-reference.js';
import { checkFields } from '../../../src/spec-file/fields.js';
import { prometheusSourceFields } from '../../../src/sources/prometheus/fields.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

test('README.md holds the current spec reference (run npm run build to refresh it)', () => {
  const start = readme.indexOf('<!-- spec-reference:start');
  const end = readme.indexOf('<!-- spec-reference:end -->');
  const section = readme.slice(readme.indexOf('\n', start) + 1, end);
  expect(section).toBe(renderSpecReference());
});

test('every check and Prometheus source key appears with its description', () => {
  const reference = renderSpecReference();
  for (const field of [...checkFields, ...prometheusSourceFields]) {
    expect(reference).toContain(field.key);
    expect(reference).toContain(field.description.replace(/\|/g, '\\|'));
  }
});
