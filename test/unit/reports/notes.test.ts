/** wordNote: each run note (data) in the words every report shows; nothing else words them. */
import { wordCutShort, wordNote, wordNotes } from '../../../src/reports/notes.js';
import type { RunNote } from '../../../src/types.js';

const T = 1768471200; // 2026-01-15T10:00:00Z

test.each<{ note: RunNote; words: string }>([
  {
    note: { kind: 'non-critical-check', check: 'queue', verdict: 'fail', reason: 'mean up 40% (tolerance 10%)' },
    words: 'non-critical check "queue" failed: mean up 40% (tolerance 10%)',
  },
  {
    note: { kind: 'non-critical-check', check: 'queue', verdict: 'inconclusive', reason: 'too few samples' },
    words: 'non-critical check "queue" was inconclusive: too few samples',
  },
  { note: { kind: 'no-checks' }, words: 'the spec has no checks: nothing was judged' },
  {
    note: { kind: 'no-critical-check' },
    words: 'no check is critical: nothing gates this run, so it is inconclusive rather than pass',
  },
  {
    note: { kind: 'cut-short', cause: { kind: 'interrupted' } },
    words: 'interrupted before the post window ended',
  },
  { note: { kind: 'cut-short', cause: { kind: 'interrupted-sampling' } }, words: 'interrupted while sampling' },
  {
    note: {
      kind: 'cut-short',
      cause: {
        kind: 'wait-limit',
        limit: '--max-wait 5m reached',
        judgedAt: T + 300.4,
        readyAt: T + 600,
        deployedAt: T,
      },
    },
    words:
      '--max-wait 5m reached: judged 5m00s after the deploy (10:05:00Z), before the post window ended 10m00s after the deploy (10:10:00Z)',
  },
  {
    note: {
      kind: 'cut-short',
      cause: { kind: 'early-stop', at: T + 180, readyAt: T + 600, check: 'errors', deployedAt: T },
    },
    words:
      'stopped early 3m00s after the deploy (10:03:00Z), before the post window ended 10m00s after the deploy (10:10:00Z): check "errors" was certain of a regression (anytime-valid sequential test); other checks were judged on the post window so far',
  },
  {
    note: { kind: 'backend-warning', check: 'errors', text: 'partial response' },
    words: 'errors: backend warning: partial response',
  },
  {
    note: {
      kind: 'point-density',
      check: 'latency',
      side: 'post',
      labels: { route: '/a' },
      points: 115,
      room: 20,
      step: 30,
    },
    words:
      'latency: the backend returned 115 points for the post series route=/a where the range holds at most 20 at step 30s: it did not honour the step (raw samples, or a proxy merging answers), so the points are not one per step; they were judged as autocorrelated samples',
  },
  {
    note: { kind: 'spec', text: 'step 5s is shorter than the scrape interval' },
    words: 'step 5s is shorter than the scrape interval',
  },
  {
    note: { kind: 'snapshot', path: 'base.json', takenAt: '2026-01-15T09:00:00Z' },
    words: 'baseline of the sampled sources: snapshot base.json taken at 2026-01-15T09:00:00Z',
  },
  {
    note: { kind: 'sampled-windows', baseline: { start: T - 600, end: T }, candidate: { start: T, end: T + 600 } },
    words:
      'sampled sources: baseline 2026-01-15T09:50:00Z .. 2026-01-15T10:00:00Z, candidate 2026-01-15T10:00:00Z .. 2026-01-15T10:10:00Z',
  },
  {
    note: { kind: 'spec-fault', requests: 1, message: 'HTTP 400 bad_data' },
    words: 'the backend refused a query or the credentials (HTTP 400 bad_data): fix the spec; exit 2',
  },
  {
    note: { kind: 'spec-fault', requests: 3, message: 'HTTP 401' },
    words: 'the backend refused 3 requests (HTTP 401): fix the spec; exit 2',
  },
  {
    note: { kind: 'non-critical-spec-fault', check: 'queue', message: 'HTTP 422' },
    words:
      'the backend refused a query of the non-critical check "queue" (HTTP 422): fix the spec; the exit code is left to the critical checks',
  },
  {
    note: { kind: 'inconclusive-policy', because: 'cut-short', cutShort: 'interrupted before the post window ended' },
    words:
      '--on-inconclusive pass maps only too little data to exit 0: the post window was cut short (interrupted before the post window ended); exit 3',
  },
  {
    note: { kind: 'inconclusive-policy', because: 'unread-source', checks: ['a', 'b'], errorKind: 'timeout' },
    words:
      '--on-inconclusive pass maps only too little data to exit 0: 2 critical checks (first "a") could not read its source (timeout), so nothing was measured there; exit 3',
  },
])('$note.kind', ({ note, words }) => {
  expect(wordNote(note)).toBe(words);
});

test('the JSON report cutShort and its note are one wording', () => {
  const cause = { kind: 'early-stop', at: T, readyAt: T + 60, check: 'x', deployedAt: T } as const;
  expect(wordNote({ kind: 'cut-short', cause })).toBe(wordCutShort(cause));
});

test('a note worded twice (two parts saying the same) is listed once, in first-seen order', () => {
  const spec: RunNote = { kind: 'spec', text: 'b' };
  expect(wordNotes([{ kind: 'spec', text: 'a' }, spec, { kind: 'spec', text: 'a' }])).toEqual(['a', 'b']);
});
