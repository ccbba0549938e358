import { renderHtml } from '../../../src/report/html.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

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
    expect(html.match(/<tr><td><code>/g)).toHaveLength(40);
  });
});
