import { issuesOf, lines } from './helpers.js';

test('a spec issue that quotes a key with a line break or a control stays on its line', () => {
  const issues = issuesOf(lines('version: 1', '"x\\n::error::owned\\e[31m": 1', 'sources: {}', 'checks: []'));
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(issue).not.toMatch(/[\n\r\u001b]/);
  expect(issues.join('\n')).toContain('x ::error::owned\\u001b[31m');
});
