import { UsageError } from '../../../src/errors.js';
import { formatForPath, renderers, renderReport } from '../../../src/reports/index.js';
import { renderJson } from '../../../src/reports/json.js';
import { buildRunResult } from '../../fixtures/reports/run-result.js';
import { withSamples } from '../../fixtures/reports/samples.js';

describe('formatForPath', () => {
  test.each([
    ['report.json', 'json'],
    ['out/gate.xml', 'junit'],
    ['summary.md', 'markdown'],
    ['REPORT.HTML', 'html'],
    ['r.htm', 'html'],
  ])('%s -> %s', (path, format) => {
    expect(formatForPath(path)).toBe(format);
  });

  test.each(['report.txt', 'report', 'json'])(
    '%s is a usage error naming the path and the accepted extensions',
    (path) => {
      expect(() => formatForPath(path)).toThrow(UsageError);
      expect(() => formatForPath(path)).toThrow(`"${path}"`);
      expect(() => formatForPath(path)).toThrow('.json, .xml (JUnit), .md (Markdown) or .html');
    },
  );
});

describe('renderReport', () => {
  test('dispatches to the renderer of the format', () => {
    const result = buildRunResult();
    expect(renderReport('json', result, { color: true })).toBe(renderJson(result));
    expect(renderReport('junit', result, { color: false })).toMatch(/^<\?xml/);
    expect(renderReport('markdown', result, { color: false })).toMatch(/^## /);
    expect(renderReport('html', result, { color: false })).toMatch(/^<!DOCTYPE html>/);
    expect(renderReport('human', result, { color: false })).toMatch(/^verify-deploy: checkout/);
  });

  test('every format has a renderer', () => {
    expect(Object.keys(renderers).sort()).toEqual(['html', 'human', 'json', 'junit', 'markdown']);
  });

  test('the human report draws Unicode sparklines only when asked to, ASCII otherwise', () => {
    const result = withSamples(buildRunResult());
    expect(renderReport('human', result, { color: false, unicode: true })).toContain(
      'baseline ▁▁▁▁▁▁▁▁ | candidate ▇▇▇',
    );
    expect(renderReport('human', result, { color: false })).toContain('baseline ________ | candidate ***');
  });

  test('only the human report changes with colour', () => {
    const result = buildRunResult();
    for (const format of ['json', 'junit', 'markdown', 'html'] as const) {
      expect(renderReport(format, result, { color: true })).toBe(renderReport(format, result, { color: false }));
    }
  });
});
