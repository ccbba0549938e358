/** Which moments a backtest replays, and the options it refuses (usage errors, exit 2). */
import { latestMoment, MAX_MOMENTS, parseMoments } from '../../../src/backtest/moments.js';
import { UsageError } from '../../../src/errors.js';
import { QUERY_CHECK, specFrom, TOP } from '../gate/spec-fixture.js';

const spec = specFrom(...TOP, ...QUERY_CHECK); // 30m baseline, 10m post, no warmup, step 30s
const T = 1768471200; // 2026-01-15T10:00:00Z
const NOW = T + 86400;

describe('parseMoments', () => {
  it('steps from --from to --to by --every, both ends included', () => {
    expect(parseMoments({ from: '2026-01-15T10:00:00Z', to: '2026-01-15T13:00:00Z', every: '1h' }, spec, NOW)).toEqual([
      T,
      T + 3600,
      T + 7200,
      T + 10800,
    ]);
  });

  it('takes relative times and defaults --every to 1h and --to to the latest finished moment', () => {
    const moments = parseMoments({ from: '-3h' }, spec, NOW);
    expect(moments[0]).toBe(NOW - 3 * 3600);
    expect(moments).toHaveLength(3);
    // The last moment's post window (10m) must have ended: -3h, -2h, -1h; `now` itself is not finished.
    expect(latestMoment(spec, NOW)).toBe(NOW - 600);
  });

  it('reads --at as a sorted list without duplicates', () => {
    expect(parseMoments({ at: `${T + 60}, 2026-01-15T10:00:00Z,${T}` }, spec, NOW)).toEqual([T, T + 60]);
  });

  it('refuses a moment whose post window has not ended, saying until when moments may go', () => {
    expect(() => parseMoments({ at: `${NOW - 300}` }, spec, NOW)).toThrow(
      new UsageError(
        'the post window of the moment 2026-01-16T09:55:00Z ends at 2026-01-16T10:05:00Z, which has not come yet: ' +
          'a backtest replays the past; end the moments at 2026-01-16T09:50:00Z or earlier',
      ),
    );
  });

  it(`caps the number of moments at ${MAX_MOMENTS}`, () => {
    expect(() => parseMoments({ from: '-7d', to: '-1d', every: '1m' }, spec, NOW)).toThrow(
      /gives 8641 moments, more than the 500 a backtest replays: raise --every or narrow --from\/--to/,
    );
  });

  it('refuses mixed or missing options and bad values', () => {
    expect(() => parseMoments({ at: `${T}`, from: `${T}` }, spec, NOW)).toThrow(
      'give either --at, or --from/--to/--every, not both',
    );
    expect(() => parseMoments({}, spec, NOW)).toThrow('give --from (and --to, --every), or --at with a list of times');
    expect(() => parseMoments({ from: `${T}`, every: '0s' }, spec, NOW)).toThrow(
      '--every: "0s" is not a positive duration like 30m, 1h or 1d',
    );
    expect(() => parseMoments({ from: `${T + 60}`, to: `${T}` }, spec, NOW)).toThrow(
      '--to (2026-01-15T10:00:00Z) is before --from (2026-01-15T10:01:00Z)',
    );
    expect(() => parseMoments({ from: '2026-01-15T10:00:00' }, spec, NOW)).toThrow(
      /--from: "2026-01-15T10:00:00" has no timezone/,
    );
  });
});
