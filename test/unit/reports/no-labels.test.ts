/**
 * A series with no labels (the one series of `sum(rate(...))`, labels {}) is named the same way in
 * every report: "(no labels)" where a series is listed under its check, and the check's name alone
 * where a test case or chart stands on its own. Never the empty selector `{}`.
 */
import { renderHtml } from '../../../src/reports/html/render-html.js';
import { renderHuman } from '../../../src/reports/human.js';
import { renderJunit } from '../../../src/reports/junit.js';
import { renderMarkdown } from '../../../src/reports/markdown.js';
import { renderSeriesDetails } from '../../../src/reports/series-details.js';
import type { RunResult } from '../../../src/types.js';
import { buildSeries } from '../../fixtures/reports/run-result.js';
import { buildChartRun, buildCheckWithSamples } from './html-chart-fixtures.js';
import { findAll, parseXml } from './xml.js';

/** One check, "error ratio", whose query has no grouping: one series, labels {}. */
function unlabelled(): RunResult {
  const check = buildCheckWithSamples('error ratio');
  check.series[0]!.labels = {};
  return buildChartRun([check]);
}

test('Markdown, HTML, JUnit and the details lines never show `{}` for an unlabelled series', () => {
  const run = unlabelled();
  expect(renderMarkdown(run)).not.toMatch(/\{\}/);
  expect(renderHtml(run)).not.toMatch(/\{\}/);
  expect(renderJunit(run)).not.toMatch(/\{\}/);
  expect(renderHuman(run, { color: false, unicode: false })).not.toMatch(/\{\}/);
  expect(renderSeriesDetails(buildSeries({}))[0]).toMatch(/^PASS \(no labels\): /);
});

test('the JUnit test case of an unlabelled series is named by the check alone', () => {
  const cases = findAll(parseXml(renderJunit(unlabelled())), 'testcase');
  expect(cases.map((c) => c.attrs.name)).toEqual(['error ratio']);
});

test('the Markdown series table names an unlabelled series "(no labels)"', () => {
  const row = renderMarkdown(unlabelled())
    .split('\n')
    .find((line) => line.startsWith('| ') && line.includes('→'));
  expect(row).toMatch(/^\| \(no labels\) \|/);
});
