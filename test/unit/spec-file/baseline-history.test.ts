/** `baseline.history`: a duration, long enough for five baseline + post spans, refused for checks on sources without history. */
import { HEADER, issuesOf, lines, validSpec } from './helpers.js';

const check = ['    query: up', '    direction: increase'];

describe('baseline.history', () => {
  it('is read in seconds, and absent by default', () => {
    expect(validSpec(lines('version: 1', 'baseline: {history: 24h}', ...HEADER.slice(1), ...check)).baseline).toEqual({
      window: 1800,
      history: 86400,
    });
    expect(validSpec(lines(...HEADER, ...check)).baseline).toEqual({ window: 1800 });
  });

  it('must hold five spans of the windows (30m + 10m by default: 3h20m)', () => {
    expect(issuesOf(lines('version: 1', 'baseline: {history: 3h}', ...HEADER.slice(1), ...check))).toEqual([
      '2:21: baseline.history (3h) must hold at least 5 spans of the baseline and post windows (5 x 40m = 3h20m) to measure how much adjacent windows differ: use 1d or more',
    ]);
    expect(issuesOf(lines('version: 1', 'baseline: {history: 3h20m}', ...HEADER.slice(1), ...check))).toEqual([]);
  });

  it('with baseline.offset, a span reaches from the offset baseline to the post window: 1d + 30m', () => {
    expect(
      issuesOf(lines('version: 1', 'baseline: {offset: 1d, history: 2d}', ...HEADER.slice(1), ...check))[0],
    ).toMatch(
      /^2:33: baseline.history \(2d\) must hold at least 5 spans .* \(5 x 1d30m = 5d2h30m\) .*: use 5d2h30m or more$/,
    );
  });

  it('is refused for a check on a source that keeps no history, at the check', () => {
    expect(
      issuesOf(
        lines(
          'version: 1',
          'baseline: {history: 24h}',
          'sources:',
          '  app:',
          '    type: http',
          '    url: http://127.0.0.1:8080',
          'checks:',
          '  - name: probe latency',
          '    source: app',
          '    measure: latency',
          '    direction: increase',
        ),
      ),
    ).toEqual([
      '9:13: check "probe latency" reads source "app" (http), which keeps no history, so baseline.history (line 2) cannot apply to it: remove baseline.history, or move this check to a spec of its own',
    ]);
  });
});
