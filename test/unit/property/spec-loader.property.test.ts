/** Property: the spec loader answers any text with a Spec or with located issues, never with a crash. */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { SpecError, UsageError } from '../../../src/errors.js';
import { parseSpec } from '../../../src/spec-file/parse.js';

const OPTS = { vars: { PROMETHEUS_URL: 'http://127.0.0.1:9090', APP: 'x"} or vector(1) #' }, env: {} };

/** Parse, and fail the property if anything but a spec error (or usage error) escapes. */
function parseOrIssues(text: string): void {
  let result: ReturnType<typeof parseSpec>;
  try {
    result = parseSpec(text, 'spec.yaml', OPTS);
  } catch (error) {
    if (error instanceof SpecError || error instanceof UsageError) return;
    throw error;
  }
  if (result.spec === undefined) {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.col).toBeGreaterThanOrEqual(1);
    }
  }
}

const KEYS = [
  'version',
  'name',
  'sources',
  'checks',
  'defaults',
  'deploy',
  'baseline',
  'post',
  'type',
  'url',
  'query',
  'direction',
  'step',
  'tolerance',
  'tls',
  'ca',
  'auth',
  'bearer',
  'headers',
  '__proto__',
  'constructor',
  '${APP}',
];
const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('prometheus', '30s', '10%', 'increase', 'up{a="${APP}"}', '${UNSET}', '${PROMETHEUS_URL}'),
);
const yamlish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 5 }),
})).map;

test('arbitrary text: a spec or issues with line and column', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), parseOrIssues), { numRuns: 300 });
});

test('text made of YAML punctuation (anchors, tags, flow collections, documents)', () => {
  const piece = fc.constantFrom(
    'version: 1\n',
    'sources:\n',
    '  p: {type: prometheus, url: x}\n',
    '&a ',
    '*a',
    '!tag ',
    '!!binary ',
    '[',
    ']',
    '{',
    '}',
    ': ',
    '- ',
    '\n',
    '  ',
    '---\n',
    '"',
    "'",
    '#',
    '<<: ',
    '__proto__: ',
    'x',
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
      parseOrIssues,
    ),
    { numRuns: 300 },
  );
});

test('arbitrary YAML-ish objects with spec keys', () => {
  fc.assert(
    fc.property(yamlish, (object) => parseOrIssues(stringify(object))),
    { numRuns: 200 },
  );
});
