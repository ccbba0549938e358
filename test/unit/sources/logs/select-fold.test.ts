import { ExpressionError } from '../../../../src/fields/text-cursor.js';
import { foldPath, messageSignature } from '../../../../src/sources/logs/fold.js';
import { compileFormat } from '../../../../src/sources/logs/line-format.js';
import { parseLogsQuery, writeQuery } from '../../../../src/sources/logs/query.js';
import { matches, parseSelector } from '../../../../src/sources/logs/selector.js';

const line = compileFormat('json').parse('{"time":1791640536,"status":"503","path":"/api/x","level":"error"}')!;

describe('selectors', () => {
  test('Prometheus matchers over fields; regexes are anchored; a missing field reads as ""', () => {
    const yes = (text: string): boolean => matches(line, parseSelector(text).matchers);
    expect(yes('{}')).toBe(true);
    expect(yes('{status=~"5.."}')).toBe(true);
    expect(yes('{status=~"5"}')).toBe(false);
    expect(yes('{path!="/healthz", level="error"}')).toBe(true);
    expect(yes('{user=""}')).toBe(true);
    expect(yes('{path!~"/api/.*"}')).toBe(false);
  });

  test('a selector that cannot be read throws at its offset', () => {
    expect(() => parseSelector('{status=5}')).toThrow(new ExpressionError('expected a quoted value', 8));
    expect(() => parseSelector('{status=~"("}')).toThrow(ExpressionError);
    expect(() => parseSelector('status')).toThrow(ExpressionError);
  });

  test('the query strings a check is planned with read back as what they ask for', () => {
    expect(parseLogsQuery(writeQuery('rate', '{a="b"}', { by: ['path'], step: 30 }))).toMatchObject({
      kind: 'rate',
      by: ['path'],
    });
    expect(parseLogsQuery(writeQuery('signatures', '{level="error"}', { step: 30, message: 'err.msg' }))).toMatchObject(
      {
        kind: 'signatures',
        message: 'err.msg',
      },
    );
    expect(parseLogsQuery('request_time{path=~"/api/.*"} by (path, method)')).toMatchObject({
      kind: 'value',
      field: 'request_time',
      by: ['path', 'method'],
    });
    expect(parseLogsQuery('{status=~"5.."}')).toMatchObject({ kind: 'count', by: [] });
  });
});

describe('folding', () => {
  test('ids, numbers and hashes in paths become :id; the query string goes', () => {
    expect(foldPath('/users/42/orders/9f1c2a7b3d4e5f60?x=1')).toBe('/users/:id/orders/:id');
    expect(foldPath('/items/3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe('/items/:id');
    expect(foldPath('/api/v2/health')).toBe('/api/v2/health');
    expect(foldPath('GET')).toBe('GET');
  });

  test('a message signature masks quoted values, ids, hex and numbers', () => {
    expect(messageSignature("TypeError: cannot read properties of undefined (reading 'id')")).toBe(
      "TypeError: cannot read properties of undefined (reading ':str')",
    );
    expect(
      messageSignature('db timeout after 312 ms on shard 7 (conn 0x7f3a, req 3fa85f64-5717-4562-b3fc-2c963f66afa6)'),
    ).toBe('db timeout after :num ms on shard :num (conn :hex, req :id)');
  });
});
