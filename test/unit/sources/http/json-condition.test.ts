import { evaluateJsonCondition, parseJsonCondition } from '../../../../src/sources/http/json-condition.js';
import { lookupJsonPath, parseJsonPath } from '../../../../src/sources/http/json-path.js';
import { ExpressionError } from '../../../../src/fields/text-cursor.js';

function errorOf(parse: () => unknown): { message: string; offset: number } {
  try {
    parse();
  } catch (error) {
    if (error instanceof ExpressionError) return { message: error.message, offset: error.offset };
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('JSON paths', () => {
  it('reads keys, indexes and quoted keys, and nothing that is not there', () => {
    const doc = { checks: [{ 'db pool': { free: 3 } }], status: 'UP' };
    expect(lookupJsonPath(doc, parseJsonPath('$.checks[0]["db pool"].free'))).toBe(3);
    expect(lookupJsonPath(doc, parseJsonPath('$.status'))).toBe('UP');
    expect(lookupJsonPath(doc, parseJsonPath('$.checks[1]'))).toBeUndefined();
    expect(lookupJsonPath(doc, parseJsonPath('$.status.length'))).toBeUndefined();
    expect(lookupJsonPath({}, parseJsonPath('$.constructor'))).toBeUndefined();
  });

  it('refuses what it does not support, at the offending column', () => {
    expect(errorOf(() => parseJsonPath('status'))).toEqual({
      offset: 0,
      message: expect.stringContaining('starting with "$"'),
    });
    expect(errorOf(() => parseJsonPath('$.a[*]')).offset).toBe(4);
    expect(errorOf(() => parseJsonPath('$.a b')).offset).toBe(4);
  });
});

describe('JSON conditions', () => {
  const holds = (text: string, doc: unknown): boolean => evaluateJsonCondition(parseJsonCondition(text), doc);

  it('compares strings, numbers, booleans and null', () => {
    expect(holds('$.status == "UP"', { status: 'UP' })).toBe(true);
    expect(holds("$.status == 'UP'", { status: 'DOWN' })).toBe(false);
    expect(holds('$.ready == true && $.queue <= 10', { ready: true, queue: 10 })).toBe(true);
    expect(holds('$.ready == true && $.queue < 10', { ready: true, queue: 10 })).toBe(false);
    expect(holds('$.a == 1 || $.b == null', { a: 2, b: null })).toBe(true);
    expect(holds('$.status != "DOWN"', { status: 'UP' })).toBe(true);
  });

  it('is strict: a missing path is false, and "5" is not the number 5', () => {
    expect(holds('$.status == "UP"', {})).toBe(false);
    expect(holds('$.n > 4', { n: '5' })).toBe(false);
    expect(holds('$.missing != "x"', {})).toBe(false);
  });

  it('reports syntax errors at their column', () => {
    expect(errorOf(() => parseJsonCondition('$.status = "UP"'))).toEqual({
      offset: 9,
      message: expect.stringContaining('expected a comparison'),
    });
    expect(errorOf(() => parseJsonCondition('$.n > "5"'))).toEqual({
      offset: 6,
      message: '">" compares numbers: write a number after it',
    });
    expect(errorOf(() => parseJsonCondition('$.status == UP')).offset).toBe(12);
    expect(errorOf(() => parseJsonCondition('$.status == "UP'))).toEqual({
      offset: 12,
      message: 'the string is not closed',
    });
    expect(errorOf(() => parseJsonCondition('$.a == 1 and $.b == 2')).offset).toBe(9);
  });
});
