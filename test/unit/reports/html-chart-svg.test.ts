import { boxStats, histogram, renderDistributionChart } from '../../../src/reports/html/chart/distribution.js';
import { PLOT_UNITS } from '../../../src/reports/html/chart/layout.js';
import { linearScale } from '../../../src/reports/html/chart/scale.js';
import { renderTimeSeriesChart } from '../../../src/reports/html/chart/time-series.js';
import { planTimeline, type Timeline } from '../../../src/reports/html/chart/timeline.js';
import { buildChartRun, DEPLOY, pointsEvery } from './html-chart-fixtures.js';

// Axis 09:30 -> 10:10 (2400 s): the deploy at 10:00 is at 75%, the warmup 10:00 -> 10:01 spans 2.5%.
const timeline: Timeline = {
  mode: 'before-after',
  start: DEPLOY - 1800,
  end: DEPLOY + 600,
  baselineShift: 0,
  deployAt: DEPLOY,
  warmup: [DEPLOY, DEPLOY + 60],
  note: null,
};
// Values 0..1 onto pixels 200 (bottom) .. 0 (top).
const scale = linearScale([0, 1], [200, 0], 4);

function chart(overrides: Partial<Parameters<typeof renderTimeSeriesChart>[0]> = {}): string {
  return renderTimeSeriesChart({
    timeline,
    scale,
    baseline: pointsEvery(DEPLOY - 1800, DEPLOY, 30, () => 0.25),
    candidate: pointsEvery(DEPLOY + 60, DEPLOY + 600, 30, () => 0.5),
    title: 'latency',
    description: 'two lines',
    ...overrides,
  });
}

/** The coordinates of a path's points ("M x,y L x,y x,y ..."). */
function pathPoints(svg: string, className: string): Array<[number, number]> {
  const d = new RegExp(`<path class="${className}" d="([^"]*)"`).exec(svg)?.[1] ?? '';
  return [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('time-series chart', () => {
  test('the deploy line is at 75% of the axis and labelled with its UTC time', () => {
    const svg = chart();
    expect(svg).toContain('<line class="deploy" x1="75%" x2="75%"');
    expect(svg).toContain('>deploy 10:00:00</text>');
  });

  test('the warmup rectangle spans 10:00 to 10:01: from 75%, 2.5% wide', () => {
    expect(chart()).toMatch(/<rect class="warmup" x="75%" y="\d+" width="2.5%"/);
  });

  test('each line has one point per sample, at the right time and value', () => {
    const svg = chart();
    const baseline = pathPoints(svg, 'line baseline');
    const candidate = pathPoints(svg, 'line candidate');
    // 61 baseline points 09:30..10:00, 19 candidate points 10:01..10:10.
    expect(baseline).toHaveLength(61);
    expect(candidate).toHaveLength(19);
    // 0.25 is a quarter up from the bottom (150 px); 10:00 is 75% of 1000 units.
    expect(baseline[60]).toEqual([0.75 * PLOT_UNITS, 150]);
    expect(candidate[0]).toEqual([0.775 * PLOT_UNITS, 100]);
  });

  test('the baseline is dashed and the candidate solid, so they differ without colour', () => {
    const svg = chart();
    expect(svg).toMatch(/<path class="line baseline" d="[^"]*" stroke-dasharray="7 4"/);
    expect(svg).not.toMatch(/<path class="line candidate" d="[^"]*" stroke-dasharray/);
  });

  test('NaN and infinite points are skipped, not drawn', () => {
    const candidate = [
      { t: DEPLOY + 60, v: 0.5 },
      { t: DEPLOY + 90, v: Number.NaN },
      { t: DEPLOY + 120, v: Infinity },
      { t: DEPLOY + 150, v: 0.5 },
    ];
    const svg = chart({ candidate });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(pathPoints(svg, 'line candidate')).toHaveLength(2);
  });

  test('it is an accessible image whose title and description are escaped', () => {
    const svg = chart({ title: 'errors <&> "x"', description: '</desc><script>alert(1)</script>' });
    expect(svg).toMatch(/^<svg class="chart chart-time" role="img"/);
    expect(svg).toContain('<title>errors &lt;&amp;&gt; &quot;x&quot;</title>');
    expect(svg).toContain('<desc>&lt;/desc&gt;&lt;script&gt;alert(1)&lt;/script&gt;</desc>');
    expect(svg).not.toContain('<script');
  });

  test('ticks every 10 minutes in UTC and a caption with the date', () => {
    const svg = chart();
    for (const label of ['09:30', '09:40', '09:50', '10:00', '10:10']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>time (UTC, 2026-11-26)</text>');
  });

  test('a lone point (an early stop after one step) is a visible marker at its time and value, not a zero-length line', () => {
    // One candidate point at 10:05 (87.5% of the axis), value 0.5 (y 100).
    const svg = chart({ candidate: [{ t: DEPLOY + 300, v: 0.5 }] });
    expect(svg).toContain('<circle class="marker candidate" cx="87.5%" cy="100" r="4"/>');
    expect(svg).not.toContain('class="line candidate"');
    // The baseline, a whole run, stays a line without markers.
    expect(svg).toContain('class="line baseline"');
    expect(svg).not.toContain('marker baseline');
  });

  test('a shifted baseline is drawn at its time plus the shift', () => {
    // Read an hour early (08:30..09:00), drawn at 09:30..10:00.
    const shifted = { ...timeline, mode: 'shifted-baseline' as const, baselineShift: 3600 };
    const svg = chart({ timeline: shifted, baseline: pointsEvery(DEPLOY - 5400, DEPLOY - 3600, 30, () => 0.25) });
    const baseline = pathPoints(svg, 'line baseline');
    expect(baseline[0]).toEqual([0, 150]);
    expect(baseline[baseline.length - 1]).toEqual([750, 150]);
  });

  test('planTimeline on the fixture run gives exactly the timeline these tests draw on', () => {
    const run = buildChartRun([]);
    const planned = planTimeline(run, [
      {
        baseline: pointsEvery(DEPLOY - 1800, DEPLOY, 30, () => 0.25),
        candidate: pointsEvery(DEPLOY + 60, DEPLOY + 600, 30, () => 0.5),
      },
    ]);
    expect(planned).toEqual(timeline);
  });
});

describe('distribution chart', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  test('box plot numbers are type-7 quantiles: 1..100 gives 5.95, 25.75, 50.5, 75.25, 95.05', () => {
    const stats = boxStats(oneToHundred);
    expect(stats?.p5).toBeCloseTo(5.95, 10);
    expect(stats?.q1).toBeCloseTo(25.75, 10);
    expect(stats?.median).toBeCloseTo(50.5, 10);
    expect(stats?.q3).toBeCloseTo(75.25, 10);
    expect(stats?.p95).toBeCloseTo(95.05, 10);
    expect(boxStats([])).toBeNull();
  });

  test('histogram shares add up to 1 and land in the right bins', () => {
    const shares = histogram([0.01, 0.02, 0.99, 1], scale);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBe(0.5);
    expect(shares[shares.length - 1]).toBe(0.5);
  });

  test('the median line of each side sits at its value on the shared axis', () => {
    // Baseline median 0.25 -> y 150; candidate median 0.75 -> y 50.
    const svg = renderDistributionChart({
      scale,
      sides: [
        { name: 'baseline', values: [0.2, 0.25, 0.3] },
        { name: 'candidate', values: [0.7, 0.75, 0.8] },
      ],
      title: 'spread',
      description: 'two boxes',
    });
    const medians = [...svg.matchAll(/<line class="median" [^>]*y1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(medians).toEqual([150, 50]);
    expect(svg).toMatch(/<rect class="box" [^>]*stroke-dasharray="7 4"/);
    expect(svg).toContain('>baseline</text>');
    expect(svg).toContain('>n 3, median 0.75</text>');
  });

  test('a side without points says so instead of drawing an empty box', () => {
    const svg = renderDistributionChart({
      scale,
      sides: [
        { name: 'baseline', values: [0.2] },
        { name: 'candidate', values: [] },
      ],
      title: 't',
      description: 'd',
    });
    expect(svg).toContain('>no points</text>');
    expect(svg.match(/<rect class="box"/g)).toHaveLength(1);
  });
});
