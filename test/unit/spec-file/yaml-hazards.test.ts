/** YAML hazards the existing yaml-safety tests leave out: tags on mappings and keys, and prototype keys inside lists. */
import { HEADER, issuesOf, lines } from './helpers.js';

test('an unknown tag on a mapping (a language-specific constructor) is refused at its line:col', () => {
  expect(
    issuesOf(
      lines(...HEADER, '    query: up', '    direction: increase', 'defaults: !!python/object:os.system {step: 30s}'),
    ),
  ).toEqual(['11:11: unknown tag !!python/object:os.system: remove it (tags are not used in a spec)']);
});

test('__proto__ and constructor inside a check (a list item) are refused with line:col, and nothing is polluted', () => {
  const issues = issuesOf(
    lines(
      ...HEADER,
      '    query: up',
      '    direction: increase',
      '    __proto__: {polluted: yes}',
      '    constructor: x',
    ),
  );
  expect(issues).toEqual([
    '11:5: the key "__proto__" is not allowed: rename it',
    '12:5: the key "constructor" is not allowed: rename it',
  ]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('an anchor on a key and an alias as a key are refused', () => {
  const issues = issuesOf(lines(...HEADER, '    &k query: up', '    *k : down', '    direction: increase'));
  expect(issues.some((i) => i.startsWith('9:5: anchors (&k)'))).toBe(true);
  expect(issues.some((i) => i.startsWith('10:5: aliases (*k)'))).toBe(true);
});
