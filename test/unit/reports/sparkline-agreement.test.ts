/**
 * The summary table's trend and the series line draw one series from the same numbers: the same
 * glyphs, so the two views of one series cannot show different shapes.
 *
 * Data, as in the demo's scraped error ratio: a discrete ratio (each scrape sees 0 or 1 failed
 * request of ~51, so a point is 0 or 0.0196), 19 baseline and 20 candidate points. Bucketed at two
 * widths (2 points per glyph on the series line, 3 in the summary), the medians of these tied
 * values gave "▄▄▄▅▅▅▅▅▄█" in one place and "█▁█▁█▁█" in the other.
 */
import { renderHuman } from '../../../src/reports/human.js';
import type { Point } from '../../../src/types.js';
import { buildRunResult, buildSeries } from '../../fixtures/reports/run-result.js';

const points = (from: number, values: number[]): Point[] => values.map((v, i) => ({ t: from + 10 * i, v }));
const BASELINE = [
  0, 0.0196, 0, 0.0196, 0.0196, 0, 0.0196, 0, 0.0196, 0.0196, 0, 0.0196, 0, 0.0196, 0.0196, 0, 0, 0.0196, 0.0196,
];
const CANDIDATE = [
  0.0196, 0, 0.0196, 0.0196, 0, 0.0196, 0, 0, 0.0196, 0.0196, 0.0196, 0, 0.0196, 0.0196, 0, 0, 0.0196, 0.0196, 0.0196,
  0,
];

function render(unicode: boolean): string[] {
  const result = buildRunResult();
  result.checks = [
    {
      name: 'error ratio',
      verdict: 'pass',
      critical: true,
      reason: 'no regression',
      series: [buildSeries({}, { samples: { baseline: points(0, BASELINE), candidate: points(1000, CANDIDATE) } })],
      unmatched: { baseline: [], candidate: [] },
    },
  ];
  return renderHuman(result, { color: false, unicode }).split('\n');
}

test.each([true, false])('the summary row draws the glyphs of the series line (unicode %s)', (unicode) => {
  const lines = render(unicode);
  const seriesLine = lines.find((line) => line.includes('baseline ') && line.includes(' | candidate '));
  const drawn = /baseline (\S+) \| candidate (\S+)/.exec(seriesLine ?? '');
  expect(drawn).not.toBeNull();
  const summaryRow = lines.find((line) => line.startsWith('  PASS          error ratio'));
  const trend = / {2}(\S+) +\| (\S+)$/.exec(summaryRow ?? '');
  expect({ baseline: trend?.[1], candidate: trend?.[2] }).toEqual({ baseline: drawn![1], candidate: drawn![2] });
});
