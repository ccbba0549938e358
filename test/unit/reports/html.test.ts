import { renderHtml } from '../../../src/reports/html/render-html.js';
import type { CheckResult } from '../../../src/types.js';
import {
  buildHostileRunResult,
  buildRunResult,
  buildSeries,
  buildWideCheck,
} from '../../fixtures/reports/run-result.js';
import { buildChartRun, buildCheckWithSamples, DEPLOY, pointsEvery } from './html-chart-fixtures.js';

describe('renderHtml', () => {
  test('a label value like <script> is escaped, and the page carries no script at all', () => {
    const html = renderHtml(buildHostileRunResult());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('route=&quot;&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;&quot;');
    expect(html).toContain('{pod=&quot;&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;&quot;}');
    expect(html).toContain('<title>FAIL: pay &amp; &lt;ship&gt;</title>');
    expect(html).toContain('server said: &lt;html&gt;&amp;nbsp;&lt;/html&gt;');
  });

  test('self-contained: inline CSS only, no external assets, scripts blocked by CSP', () => {
    const html = renderHtml(buildRunResult());
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/https?:\/\/|<link|<img|src=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  test('shows the verdict, the numbers and the exit meaning', () => {
    const html = renderHtml(buildRunResult());
    expect(html).toContain('<span class="badge fail">FAIL</span> verify-deploy: checkout');
    expect(html).toContain('+240.0% [+180.2%, +310.5%]');
    expect(html).toContain('0.002 → 0.0065');
    expect(html).toContain('exit 1: at least one critical check found a regression');
    expect(html).toContain('<span class="badge warn">WARN</span> queue depth');
  });

  test('a wide check keeps every series in the file, the passing ones folded', () => {
    const html = renderHtml(buildRunResult({ checks: [buildWideCheck(40, [7])] }));
    expect(html).toContain('<details><summary>39 passing series</summary>');
    expect(html.match(/<tr><td data-label="series"><code>/g)).toHaveLength(40);
  });

  test('a check with judged points gets a time-series and a distribution chart, with its explanation beside them', () => {
    const html = renderHtml(buildChartRun([buildCheckWithSamples()]));
    expect(html.match(/<svg class="chart chart-time" role="img"/g)).toHaveLength(1);
    expect(html.match(/<svg class="chart chart-dist" role="img"/g)).toHaveLength(1);
    const figure = /<figure class="series-figure series-fail">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure).toContain('<span class="badge fail">FAIL</span> <code>{route=&quot;/pay&quot;}</code>');
    // The series' reason is the check's: written once, above the figure, not again in its caption or the table.
    expect(figure).not.toContain('median up 100% (tolerance 10%)');
    expect(html.split('median up 100% (tolerance 10%)')).toHaveLength(2);
    expect(html).toContain("same as the check's reason");
    expect(figure).toContain('+100.0% [+90.0%, +110.0%]');
    expect(figure).toContain('p &lt; 0.001');
    expect(figure).toContain('baseline (before the deploy)');
  });

  test("a series reason other than the check's is in the series' caption and its table row", () => {
    const check = buildCheckWithSamples();
    check.reason = '1 of 1 series regressed';
    const html = renderHtml(buildChartRun([check]));
    const figure = /<figure class="series-figure series-fail">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure).toContain('<p class="reason">median up 100% (tolerance 10%)</p>');
    expect(html).toContain('<td class="reason" data-label="reason">median up 100% (tolerance 10%)</td>');
  });

  test('the page stays free of scripts and network references with charts in it', () => {
    const html = renderHtml(buildChartRun([buildCheckWithSamples()]));
    expect(html).not.toMatch(/<script|https?:\/\/|<link|<img|src=|xlink:href|url\(/i);
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  test('hostile check names and labels are escaped inside the charts too', () => {
    const check = buildCheckWithSamples('errors </title><script>alert(1)</script>');
    check.series[0]!.labels = { route: '</desc><svg onload=alert(1)>' };
    const html = renderHtml(buildChartRun([check]));
    expect(html).not.toMatch(/<script|<svg onload/i);
    expect(html).toContain(
      '<title>errors &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {route=&quot;&lt;/desc&gt;&lt;svg onload=alert(1)&gt;&quot;}: baseline and candidate over time</title>',
    );
  });

  test('a series without judged points gets no chart and a sentence saying why', () => {
    const html = renderHtml(buildRunResult());
    expect(html).not.toContain('<svg class="chart');
    expect(html).toContain('No chart for {route=&quot;/pay&quot;}: the result carries no judged points for it.');
    expect(html).toContain('(the check errored)');
  });

  test('a check that could not be read at all says there is nothing to draw', () => {
    const failed: CheckResult = {
      name: 'down',
      verdict: 'inconclusive',
      critical: true,
      reason: 'source error',
      series: [],
      unmatched: { baseline: [], candidate: [] },
      error: 'connect ECONNREFUSED 127.0.0.1:9',
    };
    expect(renderHtml(buildChartRun([failed]))).toContain(
      'No chart: the source could not be read, so there are no points to draw.',
    );
  });

  test('a series whose points are all NaN says so instead of drawing an empty chart', () => {
    const check = buildCheckWithSamples();
    check.series[0]!.samples = {
      baseline: [{ t: DEPLOY - 30, v: Number.NaN }],
      candidate: [{ t: DEPLOY + 60, v: Infinity }],
    };
    expect(renderHtml(buildChartRun([check]))).toContain('every point was NaN or infinite');
  });

  test('a series judged on no points at all (both sides empty) says so', () => {
    const check = buildCheckWithSamples();
    check.series[0]!.samples = { baseline: [], candidate: [] };
    expect(renderHtml(buildChartRun([check]))).toContain(
      'No chart for {route=&quot;/pay&quot;}: neither side had any points.',
    );
  });

  test('a wide check over a long window charts the regressions and a few others, and stays small', () => {
    // 40 routes, 2 regressed, 2 days of 10s points per side: 17281 + 61 points each.
    const baseline = pointsEvery(DEPLOY - 2 * 86400, DEPLOY, 10, (i) => 1 + (i % 13) / 10);
    const candidate = pointsEvery(DEPLOY + 60, DEPLOY + 660, 10, (i) => 1 + (i % 11) / 10);
    const check = buildWideCheck(40, [5, 30]);
    check.series = check.series.map((s) => ({ ...s, samples: { baseline, candidate } }));
    const html = renderHtml(buildChartRun([check]));
    // Both regressions plus 3 passing series for comparison; every series is still in the tables.
    expect(html.match(/<svg class="chart chart-time"/g)).toHaveLength(5);
    expect(html).toContain(
      'Charts of 35 more series are left out to keep the page small; the table below lists every series.',
    );
    expect(html.match(/<tr><td data-label="series"><code>/g)).toHaveLength(40);
    for (const d of html.match(/<path class="line [a-z]+" d="[^"]*"/g) ?? [])
      expect(d.match(/,/g)!.length).toBeLessThanOrEqual(300);
    expect(html.length).toBeLessThan(200_000);
  });

  test('a series with no candidate points (the service stopped at the deploy) still charts its baseline', () => {
    const check = buildCheckWithSamples();
    check.series[0]!.samples = { baseline: check.series[0]!.samples!.baseline, candidate: [] };
    const html = renderHtml(buildChartRun([check]));
    expect(html).toMatch(/<path class="line baseline" d="M/);
    expect(html).not.toContain('<path class="line candidate"');
    expect(html).toContain('>no points</text>');
    expect(html).toContain('candidate (solid): no finite points');
  });

  test('check and series notes are shown', () => {
    const check: CheckResult = { ...buildCheckWithSamples(), notes: ['the baseline has a trend'] };
    check.series[0] = buildSeries(
      { route: '/pay' },
      { ...check.series[0], notes: ['40% of points repeat the previous one'] },
    );
    const html = renderHtml(buildChartRun([check]));
    expect(html).toContain('<li>the baseline has a trend</li>');
    expect(html).toContain('<li>40% of points repeat the previous one</li>');
  });
});

describe('renderHtml: when the verdict was reached', () => {
  test('a dated check says how far into the post window; an undated one says nothing', () => {
    const result = buildRunResult();
    // The post window opened a minute after the deploy (10:00:00Z); the verdict came 2m15s into it.
    result.checks[0]!.decidedAfter = 135;
    result.checks[0]!.decidedAt = Date.parse('2026-11-26T10:00:00Z') / 1000 + 195;
    result.checks[1]!.decidedAfter = null;
    result.checks[1]!.decidedAt = null;
    const html = renderHtml(result);
    expect(html).toContain('<p class="muted">Decided 3m15s after the deploy (10:03:15Z).</p>');
    expect(html.match(/Decided /g)).toHaveLength(1);
  });
});
