/** `baseline.offset`: parsed as a duration, at least warmup + post window, and refused beside canary checks. */
import { HEADER, issuesOf, lines, validSpec } from './helpers.js';

const check = ['    query: up', '    direction: increase'];

describe('baseline.offset', () => {
  it('is read in seconds, and absent by default', () => {
    expect(
      validSpec(lines('version: 1', 'baseline: {window: 10m, offset: 1d}', ...HEADER.slice(1), ...check)).baseline,
    ).toEqual({ window: 600, offset: 86400 });
    expect(validSpec(lines(...HEADER, ...check)).baseline).toEqual({ window: 1800 });
  });

  it('must reach back past the deploy: at least warmup + post window', () => {
    expect(
      issuesOf(lines('version: 1', 'deploy: {warmup: 1m}', 'baseline: {offset: 10m}', ...HEADER.slice(1), ...check)),
    ).toEqual([
      '3:20: baseline.offset (10m) must be at least deploy.warmup + post.window (11m), so that the baseline window ends before the deploy: use e.g. 1d to compare with the same time yesterday',
    ]);
    expect(
      issuesOf(lines('version: 1', 'deploy: {warmup: 1m}', 'baseline: {offset: 11m}', ...HEADER.slice(1), ...check)),
    ).toEqual([]);
  });

  it('is refused beside a canary check, which reads no baseline window', () => {
    expect(
      issuesOf(
        lines(
          'version: 1',
          'baseline:',
          '  offset: 7d',
          ...HEADER.slice(1),
          '    baselineQuery: up',
          '    candidateQuery: up',
          '    direction: increase',
        ),
      ),
    ).toEqual([
      '11:20: check "errors" is a canary check, which reads both sides over the post window, so baseline.offset (line 3) cannot apply to it: remove baseline.offset, or move this check to a spec of its own',
    ]);
  });

  it('refuses a value that is not a positive duration', () => {
    expect(issuesOf(lines('version: 1', 'baseline: {offset: yesterday}', ...HEADER.slice(1), ...check))).toEqual([
      '2:20: "baseline.offset" must be a duration like 30s, 5m or 1h30m (greater than zero) (got "yesterday")',
    ]);
  });
});
