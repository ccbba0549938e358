import { SourceError } from '../../../../src/errors.js';
import { parseSampleValue, parseTimestamp } from '../../../../src/sources/prometheus/values.js';

describe('parseSampleValue', () => {
  test.each([
    ['1', 1],
    ['0', 0],
    ['-2.5', -2.5],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e-3', 0.001],
    ['1.5E+2', 150],
    ['+Inf', Infinity],
    ['Inf', Infinity],
    ['-Inf', -Infinity],
  ])('%j -> %p', (raw, expected) => {
    expect(parseSampleValue(raw)).toBe(expected);
  });

  test('"NaN" is NaN, kept for the judge to classify', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
  });

  test.each([
    '',
    ' 1',
    '1 ',
    '0x10',
    '1e',
    'e5',
    '.',
    '+',
    'inf',
    'nan',
    'Infinity',
    '1,5',
    'constructor',
    '__proto__',
  ])('%j is a protocol error (Number() would have accepted or misread some of these)', (raw) => {
    expect(() => parseSampleValue(raw)).toThrow(SourceError);
    try {
      parseSampleValue(raw);
    } catch (error) {
      expect((error as SourceError).kind).toBe('protocol');
      expect((error as SourceError).retryable).toBe(false);
    }
  });

  test.each([[1], [null], [undefined], [true], [['1']], [{}]])('a non-string %p is a protocol error', (raw) => {
    expect(() => parseSampleValue(raw)).toThrow(SourceError);
  });
});

describe('parseTimestamp', () => {
  test('integer and fractional seconds', () => {
    expect(parseTimestamp(1795687200)).toBe(1795687200);
    expect(parseTimestamp(1795687200.123)).toBe(1795687200.123);
  });

  test.each([['1795687200'], [null], [NaN], [Infinity]])('%p is a protocol error', (raw) => {
    expect(() => parseTimestamp(raw)).toThrow(SourceError);
  });
});
