import { createSource, sourceFactories } from '../../../src/sources/index.js';
import { matrixBody, sendJson, startServer } from './prometheus/loopback-server.js';

describe('createSource', () => {
  test('every source type has a factory', () => {
    expect(Object.keys(sourceFactories)).toEqual(['prometheus', 'logs']);
  });

  test('builds the source the spec names, which then reads from it', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 200, matrixBody([{ metric: {}, values: [[10, '1']] }])),
    );
    try {
      const source = createSource({
        type: 'prometheus',
        name: 'p',
        url: server.url,
        headers: {},
        timeout: 5,
        retries: 0,
      });
      expect(source.describe()).toBe(`prometheus source "p" at ${server.url}/`);
      const result = await source.fetchRange('up', { start: 0, end: 20, step: 10 });
      expect(result.series).toEqual([{ labels: {}, points: [{ t: 10, v: 1 }] }]);
    } finally {
      await server.close();
    }
  });
});
