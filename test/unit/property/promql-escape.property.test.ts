/** Property: whatever a variable holds, a query template keeps its parse tree once the value is escaped. */
import fc from 'fast-check';
import { parser } from '@prometheus-io/lezer-promql';
import { interpolatePromQL } from '../../../src/fields/promql-template.js';

const shape = (query: string): string => parser.parse(query).toString();
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc
    .array(fc.constantFrom('"', "'", '\\', '}', '{', ')', '#', '\n', 'or vector(1)', '=~', '`', ' '), { maxLength: 10 })
    .map((p) => p.join('')),
);

test.each([
  ['label value', 'sum(rate(x{a="${V}"}[5m]))', 'sum(rate(x{a="v"}[5m]))'],
  ['regex', 'sum(rate(x{a=~"${V}"}[5m]))', 'sum(rate(x{a=~"v"}[5m]))'],
  ['single-quoted', "sum(rate(x{a='${V}'}[5m]))", "sum(rate(x{a='v'}[5m]))"],
])('%s: the same tree as a harmless value, or refused', (_name, template, harmless) => {
  fc.assert(
    fc.property(hostile, (value) => {
      const result = interpolatePromQL(template, () => value);
      if (result.refused.length === 0) expect(shape(result.value)).toBe(shape(harmless));
    }),
    { numRuns: 300 },
  );
});

test('outside a string a value is either plain (same tree) or refused', () => {
  fc.assert(
    fc.property(hostile, (value) => {
      const result = interpolatePromQL('rate(x[${V}])', () => value);
      if (result.refused.length === 0 && value !== '') expect(/^[\w:.+-]+$/.test(value)).toBe(true);
    }),
    { numRuns: 300 },
  );
});
