/** Property: a sample value is a finite number, NaN or ±Inf, or a SourceError; never 0 from "" or NaN from "+Inf". */
import fc from 'fast-check';
import { SourceError } from '../../../src/errors.js';
import { parseSampleValue } from '../../../src/sources/prometheus/values.js';

function classify(raw: unknown): 'finite' | 'nan' | 'infinite' | 'refused' {
  try {
    const value = parseSampleValue(raw);
    if (Number.isNaN(value)) return 'nan';
    return Number.isFinite(value) ? 'finite' : 'infinite';
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return 'refused';
  }
}

test('anything at all: a number of a known class, or a SourceError', () => {
  fc.assert(
    fc.property(fc.anything(), (raw) => expect(['finite', 'nan', 'infinite', 'refused']).toContain(classify(raw))),
    { numRuns: 500 },
  );
});

test('strings: NaN only from "NaN", infinities only from "Inf", "+Inf", "-Inf"', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), (raw) => {
      const kind = classify(raw);
      if (kind === 'nan') expect(raw).toBe('NaN');
      if (kind === 'infinite') expect(['Inf', '+Inf', '-Inf']).toContain(raw);
      if (raw.trim() === '') expect(kind).toBe('refused');
    }),
    { numRuns: 500 },
  );
});

test('every finite double, written as Go/Prometheus write it, reads back exactly', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
      expect(parseSampleValue(String(x))).toBe(x === 0 ? 0 : x),
    ),
    { numRuns: 500 },
  );
});

test('non-strings are refused: a JSON number is not a Prometheus value', () => {
  fc.assert(
    fc.property(fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (raw) =>
      expect(classify(raw)).toBe('refused'),
    ),
    { numRuns: 200 },
  );
});
