import { renderMarkdown } from '../../../src/reports/markdown.js';
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
    expect(text).toContain(
      '**FAIL**: 1 failed, 1 inconclusive, 1 passed of 3 checks (1 non-critical warning). exit 1: at least one critical check found a regression.',
    );
    expect(text).toContain('baseline 2026-11-26T09:30:00Z → 10:00:00Z, post 10:01:00Z → 10:11:00Z');
  });

  test('a summary table: each check with its verdict, change, p and reason', () => {
    const lines = text.split('\n');
    const at = lines.indexOf('| check | verdict | change | p | reason |');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2, at + 5).map(cells)).toEqual([
      ['error ratio', 'FAIL', '+240.0%', '< 0.001', 'mean up 240% (tolerance 10%), p < 0.001'],
      ['canary p95 latency', 'PASS', '+2.9%', '0.123', 'no regression'],
      ['queue depth', 'WARN', 'n/a', 'n/a', 'too few samples in the post window (3 < 10)'],
    ]);
  });

  test('a table per check with series, n, medians, change, p (Holm beside it when it differs) and verdict', () => {
    const result = buildRunResult();
    result.checks[0]!.series[1]!.pValueAdjusted = 1;
    const md = renderMarkdown(result);
    expect(md).toContain('### FAIL: error ratio');
    expect(md).toContain('| series | n | baseline median | candidate median | change | p | verdict |');
    const rows = md.split('\n').filter((line) => line.includes('{route="/pay"}') || line.includes('{route="/cart"}'));
    expect(rows.map(cells)).toEqual([
      ['` {route="/pay"} `', '60 → 20', '0.002', '0.0065', '+240.0% [+180.2%, +310.5%]', '< 0.001', 'FAIL'],
      ['` {route="/cart"} `', '60 → 20', '0.2', '0.199', '-1.2% [-5.0%, +2.0%]', '0.734 (Holm 1.00)', 'PASS'],
    ]);
    expect(md).toContain('### WARN: queue depth (non-critical)');
  });

  test('a pipe in a label or a name cannot split a table cell', () => {
    const hostile = renderMarkdown(buildHostileRunResult());
    const seriesRow = hostile.split('\n').find((line) => line.includes('note='));
    expect(cells(seriesRow ?? '')).toHaveLength(7);
    expect(seriesRow).toContain('note="a\\|b & \\"c\\" \'d\' `e`"');
    // A label containing a backtick gets a longer code fence, so the span is not cut short.
    expect(seriesRow?.startsWith('| `` {')).toBe(true);
    const checkRow = hostile.split('\n').find((line) => line.startsWith('| errors'));
    expect(cells(checkRow ?? '')).toHaveLength(5);
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

describe("renderMarkdown within GitHub's comment limit", () => {
  const manyChecks = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...buildWideCheck(40, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]),
      name: `latency ${i}`,
    }));

  test('an ordinary report is whole and far below the limit', () => {
    const md = renderMarkdown(buildRunResult());
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain('Cut to fit');
  });

  test('a report past 65,536 characters keeps whole sections and ends with a note saying what was left out', () => {
    const result = buildRunResult({ checks: manyChecks(60) });
    const md = renderMarkdown(result);
    expect(md.length).toBeLessThanOrEqual(65_536);
    const sections = md.split('\n').filter((line) => line.startsWith('### ')).length;
    expect(sections).toBeGreaterThan(0);
    expect(sections).toBeLessThan(60);
    // Every summary row is kept: the cut falls on the last checks' details.
    expect(md.split('\n').filter((line) => /^\| latency \d+ \| FAIL/.test(line))).toHaveLength(60);
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      `_Cut to fit GitHub's limit of 65,536 characters: the details of ${60 - sections} of 60 checks left out. The JSON or HTML report (\`--report\`) has every check._`,
    );
    // The last kept section ends with its table whole: every kept table row has its 7 cells.
    const rows = md.split('\n').filter((line) => line.startsWith('| ` {route='));
    expect(rows.length).toBe(sections * 20);
    for (const r of rows) expect(cells(r)).toHaveLength(7);
  });

  test('a smaller limit can cut the summary table too, with the note after a blank line', () => {
    const md = renderMarkdown(buildRunResult({ checks: manyChecks(60) }), { maxLength: 3000 });
    expect(md.length).toBeLessThanOrEqual(3000);
    const lines = md.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toMatch(
      /^_Cut to fit GitHub's limit of 3,000 characters: \d+ rows of the summary table and the details of 60 of 60 checks left out\./,
    );
  });

  test('a long list of unmatched series is cut to 10 and counted', () => {
    const check = buildWideCheck(2, []);
    check.unmatched.baseline = Array.from({ length: 25 }, (_, i) => ({ pod: `p${i}` }));
    const md = renderMarkdown(buildRunResult({ checks: [check] }));
    const line = md.split('\n').find((l) => l.startsWith('Unmatched, only in baseline'));
    expect(line).toContain('` {pod="p9"} ` and 15 more');
    expect(line).not.toContain('p10');
  });
});

describe('renderMarkdown: when the verdict was reached', () => {
  test('a dated check says how far into the post window, in the check details; an undated one says nothing', () => {
    const result = buildRunResult();
    // The post window opened a minute after the deploy (10:00:00Z); the verdict came 2m15s into it.
    result.checks[0]!.decidedAfter = 135;
    result.checks[0]!.decidedAt = Date.parse('2026-11-26T10:00:00Z') / 1000 + 195;
    result.checks[1]!.decidedAfter = null;
    result.checks[1]!.decidedAt = null;
    const text = renderMarkdown(result);
    expect(text).toContain('_Decided 3m15s after the deploy (10:03:15Z)._');
    expect(text.match(/Decided /g)).toHaveLength(1);
  });
});
