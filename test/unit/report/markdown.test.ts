import { renderMarkdown } from '../../../src/report/markdown.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

/** Split a GFM table row into cells the way GFM does: on `|` not preceded by a backslash. */
function cells(row: string): string[] {
  return row
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('renderMarkdown', () => {
  const text = renderMarkdown(buildRunResult());

  test('heading with the verdict, the counts, the exit meaning and the windows', () => {
    expect(text.startsWith('## verify-deploy: checkout: FAIL\n')).toBe(true);
    expect(text).toContain('**FAIL**: 1 failed, 1 inconclusive, 1 passed of 3 checks (1 non-critical warning). exit 1: at least one critical check found a regression.');
    expect(text).toContain('baseline 2026-11-26T09:30:00Z → 10:00:00Z, post 10:01:00Z → 10:11:00Z');
  });

  test('a table per check with series, medians, change, p and verdict', () => {
    expect(text).toContain('### FAIL: error ratio');
    expect(text).toContain('| series | baseline median | candidate median | change | p | verdict |');
    const row = text.split('\n').find((line) => line.includes('{route="/pay"}'));
    expect(cells(row ?? '')).toEqual(['` {route="/pay"} `', '0.002', '0.0065', '+240.0% [+180.2%, +310.5%]', '< 0.001', 'FAIL']);
    expect(text).toContain('### WARN: queue depth (non-critical)');
  });

  test('a pipe in a label or a name cannot split a table cell', () => {
    const hostile = renderMarkdown(buildHostileRunResult());
    const seriesRow = hostile.split('\n').find((line) => line.includes('note='));
    expect(cells(seriesRow ?? '')).toHaveLength(6);
    expect(seriesRow).toContain('note="a\\|b & \\"c\\" \'d\' `e`"');
    // A label containing a backtick gets a longer code fence, so the span is not cut short.
    expect(seriesRow?.startsWith('| `` {')).toBe(true);
    const checkRow = hostile.split('\n').find((line) => line.startsWith('| errors'));
    expect(cells(checkRow ?? '')).toHaveLength(3);
    // `<` before `&` starts no tag and `&` before `>` no entity: they stay as they are, readable.
    expect(checkRow).toContain('errors <&> "quoted" \\| piped');
  });

  test('HTML in free text is escaped, so it renders as text', () => {
    const hostile = renderMarkdown(buildHostileRunResult());
    expect(hostile).toContain('\\<b>infinite\\</b> change');
    expect(hostile).toContain('server said: \\<html>\\&nbsp;\\</html>');
    // Outside code spans (where nothing is markup), no tag survives unescaped.
    const outsideCode = hostile.replace(/(`+) .*? \1/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)<[a-z/]/i);
  });

  test('a wide check lists the failing series and summarises the passing ones', () => {
    const wide = renderMarkdown(buildRunResult({ checks: [buildWideCheck(40, [1, 2, 3])] }));
    expect(wide.split('\n').filter((line) => line.startsWith('| ` {route='))).toHaveLength(3);
    expect(wide).toContain('_and 37 more series passed_');
  });
});
