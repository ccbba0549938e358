/** How long `run` waits: the post window's end, capped by --max-wait, or not at all with --no-wait. */
import { expect, test } from '@jest/globals';
import { waitLimit } from '../../../src/gate/wait-limit.js';

const NOW = 1_000;
const READY = NOW + 600; // the post window ends in 10 minutes

test('by default the wait lasts until the post window ends, and may not end before it', () => {
  expect(waitLimit(READY, NOW, {})).toEqual({ until: READY, why: null });
});

test('--no-wait ends the wait now and says so, since the window is cut short', () => {
  expect(waitLimit(READY, NOW, { wait: false })).toEqual({ until: NOW, why: '--no-wait' });
});

test('--no-wait on a window already ended is an ordinary run', () => {
  expect(waitLimit(NOW - 5, NOW, { wait: false })).toEqual({ until: NOW - 5, why: '--no-wait' });
});

test('--max-wait shorter than the wait caps it; longer changes nothing', () => {
  expect(waitLimit(READY, NOW, { maxWait: 120 })).toEqual({ until: NOW + 120, why: '--max-wait 2m reached' });
  expect(waitLimit(READY, NOW, { maxWait: 900 })).toEqual({ until: READY, why: null });
});
