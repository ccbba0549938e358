import { renderCheckHuman } from '../../../src/preflight/render-check.js';
import type { CheckReport } from '../../../src/preflight/types.js';

test('the human form keeps a backend warning and the names on their own line, controls shown as \\uXXXX', () => {
  const report: CheckReport = {
    version: 1,
    name: 'shop\n::error::owned',
    range: { start: '2026-11-26T10:00:00Z', end: '2026-11-26T10:10:00Z', seconds: 600 },
    exitCode: 0,
    queries: [
      {
        check: 'errors\r::add-mask::x',
        field: 'query',
        source: 'prom',
        query: 'up',
        step: 30,
        status: 'ok',
        resultType: 'matrix',
        series: 1,
        points: { min: 21, max: 21, expected: 21 },
        nanShare: 0,
        infiniteShare: 0,
        problems: [],
        warnings: ['partial\n::error::from the backend \u001b[31m'],
      },
    ],
    warnings: [],
  };
  const text = renderCheckHuman(report);
  expect(text).toContain('check of shop ::error::owned: every query');
  expect(text).toContain('ok    errors ::add-mask::x (query, source prom');
  expect(text).toContain('      - backend warning: partial ::error::from the backend \\u001b[31m\n');
  expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
});
