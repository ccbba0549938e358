import { editDistance, suggestKey } from '../../../src/fields/suggest.js';

describe('suggestKey', () => {
  const keys = ['tolerance', 'confidence', 'direction', 'step', 'max', 'min'];

  it('finds typos, transpositions and case slips', () => {
    expect(suggestKey('tolerence', keys)).toBe('tolerance');
    expect(suggestKey('dirceton', keys)).toBe('direction');
    expect(suggestKey('Step', keys)).toBe('step');
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  it('suggests nothing for unrelated words', () => {
    expect(suggestKey('colour', keys)).toBeUndefined();
    expect(suggestKey('xyzzy', keys)).toBeUndefined();
  });
});
