/**
 * The HTML report in a real browser: reports written by the built CLI against the test Prometheus
 * (before/after with a failing, a passing, a count and a multi-series check; canary; an offset
 * baseline) and one rendered in-process from hostile strings and a long, holey series. Each is
 * opened in headless Chromium at desktop and phone size over a loopback server: no console or
 * page errors, no request but the page, charts drawn, no horizontal overflow, no overlapping tick
 * labels, no table cut off. An early stop (one candidate point) is drawn as a marker after the
 * deploy with the baseline before it. Screenshots stay in a temporary folder whose path the test prints.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderHtml } from '../../src/reports/html/render-html.js';
import type { Point, RunResult } from '../../src/types.js';
import { buildHostileRunResult, buildRunResult, buildSeries } from '../fixtures/reports/run-result.js';
import { launchChromium } from './harness/chromium.js';
import { expectExit } from './harness/expect-exit.js';
import { loadHarnessState } from './harness/harness-state.js';
import { BEFORE_AFTER, CANARY, OFFSET, type ReportSpec } from './harness/html-report-specs.js';
import { measureReportLayout, type ReportLayout } from './harness/report-page-layout.js';
import { runCli } from './harness/run-cli.js';
import { serveFolder, type StaticServer } from './harness/static-server.js';
import { createSpecDir } from './harness/temp-specs.js';

const url = loadHarnessState().url;
const specs = createSpecDir();
const outDir = mkdtempSync(join(tmpdir(), 'verify-deploy-html-report-'));
/** Set to keep the reports and screenshots for a look (they are removed otherwise). */
const KEEP = process.env.VERIFY_DEPLOY_KEEP_SCREENSHOTS !== undefined;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let browser: Browser | undefined;
let server: StaticServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFolder(outDir);
  if (KEEP) process.stderr.write(`[html-chromium] reports and screenshots in ${outDir}\n`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  specs.remove();
  if (!KEEP) rmSync(outDir, { recursive: true, force: true });
});

interface OpenedReport {
  viewport: string;
  layout: ReportLayout;
  problems: string[];
  requests: string[];
}

/** Runs the built CLI with `--report <name>.html` and returns the report's path. */
async function writeCliReport(spec: ReportSpec): Promise<string> {
  const file = join(outDir, `${spec.name}.html`);
  const specFile = specs.write(`${spec.name}.yaml`, spec.yaml);
  const result = await runCli([
    'run',
    specFile,
    '--deployed-at',
    spec.deployedAt,
    '--format',
    'json',
    '--report',
    file,
    '--var',
    `PROMETHEUS_URL=${url}`,
  ]);
  expectExit(result, spec.exitCode);
  process.stderr.write(`[html-chromium] ${file}: ${statSync(file).size} bytes\n`);
  return file;
}

/** Opens the report at each viewport, collects what went wrong, measures it and takes a full-page screenshot. */
async function openReport(file: string): Promise<OpenedReport[]> {
  if (browser === undefined || server === undefined) throw new Error('Chromium did not start (see beforeAll)');
  const opened: OpenedReport[] = [];
  for (const viewport of VIEWPORTS) {
    const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`a script opened a dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(server.urlOf(basename(file)), { waitUntil: 'load' });
    const layout = await measureReportLayout(page);
    const screenshot = file.replace(/\.html$/, `-${viewport.name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.close();
    if (KEEP) process.stderr.write(`[html-chromium] screenshot ${screenshot}\n`);
    opened.push({ viewport: viewport.name, layout, problems, requests });
  }
  return opened;
}

/** What every report must satisfy at every size. */
function expectCleanPage(file: string, opened: OpenedReport): void {
  expect({ viewport: opened.viewport, problems: opened.problems }).toEqual({ viewport: opened.viewport, problems: [] });
  expect(opened.requests).toEqual([server!.urlOf(basename(file))]);
  const { layout } = opened;
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.textOutsideSection).toEqual([]);
  // Every table fits its box (on a phone its rows stack): no column is cut off or hidden off to the side.
  expect(layout.clippedTables).toEqual([]);
  for (const chart of [...layout.timeCharts, ...layout.distributionCharts]) {
    expect(chart.box.width).toBeGreaterThan(200);
    expect(chart.box.height).toBeGreaterThan(200);
  }
  for (const chart of layout.timeCharts)
    expect({ title: chart.title, overlapping: chart.overlappingTicks }).toEqual({
      title: chart.title,
      overlapping: [],
    });
}

/** A time chart with both lines drawn from many points and the deploy marked. */
function expectFullTimeChart(
  chart: ReportLayout['timeCharts'][number],
  minPoints: { baseline: number; candidate: number },
): void {
  expect(chart.baselinePoints).toBeGreaterThanOrEqual(minPoints.baseline);
  expect(chart.candidatePoints).toBeGreaterThanOrEqual(minPoints.candidate);
  expect(chart.baselineLength).toBeGreaterThan(0);
  expect(chart.candidateLength).toBeGreaterThan(0);
  expect(chart.deploy?.height).toBeGreaterThan(100);
  // The marker lies inside the chart.
  expect(chart.deploy!.left).toBeGreaterThanOrEqual(chart.box.left);
  expect(chart.deploy!.right).toBeLessThanOrEqual(chart.box.right);
}

describe('HTML report in headless Chromium', () => {
  test('before/after from the CLI: four routes (only /pay fails), an error ratio and an error count, all charted', async () => {
    const file = await writeCliReport(BEFORE_AFTER);
    for (const opened of await openReport(file)) {
      expectCleanPage(file, opened);
      const { timeCharts, distributionCharts } = opened.layout;
      // 4 routes + the error ratio + the count check; 30m baseline and 10m post at 30s steps. An
      // unlabelled series' chart is named by its check alone (it was "error ratio {}").
      expect(timeCharts.map((c) => c.title.replace(/: .*/, ''))).toEqual([
        'p95 latency by route {route="/cart"}',
        'p95 latency by route {route="/checkout"}',
        'p95 latency by route {route="/pay"}',
        'p95 latency by route {route="/search"}',
        'error ratio',
        'error count',
      ]);
      for (const chart of timeCharts) expectFullTimeChart(chart, { baseline: 50, candidate: 15 });
      expect(distributionCharts.map((c) => c.boxes)).toEqual([2, 2, 2, 2, 2, 2]);
    }
  });

  test('canary from the CLI: stable and canary over the same window, the deploy at the start of the axis', async () => {
    const file = await writeCliReport(CANARY);
    for (const opened of await openReport(file)) {
      expectCleanPage(file, opened);
      expect(opened.layout.timeCharts).toHaveLength(2);
      for (const chart of opened.layout.timeCharts) {
        expectFullTimeChart(chart, { baseline: 15, candidate: 15 });
        // Side by side the deploy opens the axis: its marker sits in the chart's left part.
        expect(chart.deploy!.left - chart.box.left).toBeLessThan(chart.box.width / 3);
      }
    }
  });

  test("baseline.offset from the CLI: the baseline an hour earlier is drawn on the candidate's clock", async () => {
    const file = await writeCliReport(OFFSET);
    for (const opened of await openReport(file)) {
      expectCleanPage(file, opened);
      expect(opened.layout.timeCharts).toHaveLength(1);
      expectFullTimeChart(opened.layout.timeCharts[0]!, { baseline: 15, candidate: 15 });
    }
  });

  test('an early stop: a one-point candidate is a marker after the deploy, the baseline stays before it, no offset note, nothing clipped', async () => {
    const file = join(outDir, 'early-stop.html');
    writeFileSync(file, renderHtml(buildEarlyStopRunResult()));
    for (const opened of await openReport(file)) {
      expectCleanPage(file, opened);
      const [chart] = opened.layout.timeCharts;
      expect(opened.layout.timeCharts).toHaveLength(1);
      // The one candidate point is a marker a few pixels wide, right of the deploy line.
      expect(chart!.candidateMarkers).toHaveLength(1);
      expect(chart!.candidateMarkers[0]!.width).toBeGreaterThanOrEqual(6);
      expect(chart!.candidateMarkers[0]!.left).toBeGreaterThan(chart!.deploy!.right);
      // The baseline ends at the deploy line: nothing of it is drawn across it.
      expect(chart!.baselinePoints).toBeGreaterThanOrEqual(50);
      expect(chart!.baselineBox!.right).toBeLessThanOrEqual(chart!.deploy!.right + 1);
      // No note or legend about a baseline moved in time: no offset was set.
      expect(opened.layout.pageText).not.toMatch(/shifted|baseline\.offset|read .* earlier/);
      // The check's reason is on the page once.
      expect(opened.layout.pageText.split(EARLY_STOP_REASON).length - 1).toBe(1);
    }
  });

  test('hostile labels and a long series with holes and NaN render without running anything', async () => {
    const result = buildHostileRunResult();
    const deploy = Date.parse(result.deployedAt) / 1000;
    // Three days of 10s points with a spike, a missing hour and NaN/Inf mixed in: thinned to 300 a side.
    const baseline: Point[] = [];
    for (let t = deploy - 3 * 86400; t <= deploy; t += 10) {
      if (Math.abs(t - (deploy - 86400)) < 1800) continue;
      baseline.push({
        t,
        v:
          t % 997 === 0
            ? Number.NaN
            : t % 1009 === 0
              ? Infinity
              : 1 + Math.sin(t / 3600) / 4 + (t === deploy - 7200 ? 40 : 0),
      });
    }
    const candidate = Array.from({ length: 61 }, (_, i) => ({ t: deploy + 60 + 10 * i, v: 1.5 + (i % 5) / 10 }));
    result.checks[0]!.series[0]!.samples = { baseline, candidate };
    const file = join(outDir, 'hostile.html');
    writeFileSync(file, renderHtml(result));
    process.stderr.write(`[html-chromium] ${file}: ${statSync(file).size} bytes\n`);
    for (const opened of await openReport(file)) {
      expectCleanPage(file, opened);
      const [chart] = opened.layout.timeCharts;
      // The label reached the page as text: the <title> reads it back verbatim.
      expect(chart?.title).toContain('route="<script>alert(\\"x\\")</script>"');
      expectFullTimeChart(chart!, { baseline: 100, candidate: 50 });
      expect(chart!.baselinePoints).toBeLessThanOrEqual(300);
    }
  });
});

const EARLY_STOP_REASON =
  'the error rate rose from 0.53% to 5.3% of 3000 requests (tolerance 10%): the anytime-valid sequential test was certain of a regression after one step';

/** A run stopped at its first look: 30 minutes of baseline before the deploy, one candidate point after the warmup. */
function buildEarlyStopRunResult(): RunResult {
  const deploy = Date.parse('2026-11-26T10:00:00Z') / 1000;
  const baseline = Array.from({ length: 61 }, (_, i) => ({ t: deploy - 1800 + 30 * i, v: 0.0053 + (i % 4) / 10000 }));
  const candidate = [{ t: deploy + 90, v: 0.053 }];
  const why =
    'stopped early 1m31s after the deploy (10:01:31Z), before the post window ended 11m00s after the deploy (10:11:00Z): check "error count" was certain of a regression (anytime-valid sequential test); other checks were judged on the post window so far';
  return buildRunResult({
    verdict: 'fail',
    exitCode: 1,
    cutShort: why,
    notes: [
      {
        kind: 'cut-short',
        cause: { kind: 'early-stop', at: deploy + 91, readyAt: deploy + 660, check: 'error count', deployedAt: deploy },
      },
    ],
    checks: [
      {
        name: 'error count',
        verdict: 'fail',
        critical: true,
        reason: EARLY_STOP_REASON,
        decidedAfter: 30,
        series: [
          buildSeries(
            {},
            {
              verdict: 'fail',
              test: 'sequential-binomial',
              baseline: { n: 61, mean: 0.0054, median: 0.0054, p95: 0.0056, nan: 0, infinite: 0 },
              candidate: { n: 1, mean: 0.053, median: 0.053, p95: 0.053, nan: 0, infinite: 0 },
              relativeChange: 9,
              relativeChangeInterval: [6.1, 12.4],
              pValue: 0.00001,
              reason: EARLY_STOP_REASON,
              samples: { baseline, candidate },
            },
          ),
        ],
        unmatched: { baseline: [], candidate: [] },
      },
    ],
  });
}
