/** --on-inconclusive: `pass` maps too little data to exit 0, never a critical check whose source could not be read. */
import { exitCodeFor } from '../../../src/exit-code.js';
import { assembleRun } from '../../../src/gate/assemble-result.js';
import type { InconclusivePolicy } from '../../../src/gate/inconclusive-policy.js';
import { wordNote } from '../../../src/reports/notes.js';
import type { CheckResult, CutShortCause, RunResult } from '../../../src/types.js';

function check(name: string, critical: boolean, errorKind?: CheckResult['errorKind']): CheckResult {
  const unread = errorKind === undefined ? {} : { error: 'the backend could not be read', errorKind };
  return {
    name,
    verdict: 'inconclusive',
    critical,
    reason: 'too few samples',
    series: [],
    unmatched: { baseline: [], candidate: [] },
    ...unread,
  };
}

/** The checks of a run (and why its window was cut short), before any policy. */
interface Judged {
  checks: CheckResult[];
  cutShort?: CutShortCause;
}

function inconclusive(checks: CheckResult[]): Judged {
  return { checks };
}

/** The run assembled with --on-inconclusive `policy` (src/gate/assemble-result.ts). */
function applyInconclusivePolicy(run: Judged, policy: InconclusivePolicy | undefined): RunResult {
  return assembleRun([{ checks: run.checks, notes: [], ...(run.cutShort ? { cutShort: run.cutShort } : {}) }], {
    deployedAt: 0,
    startedAt: 0,
    now: () => 0,
    ...(policy !== undefined ? { onInconclusive: policy } : {}),
  });
}

test('too little data: pass maps to 0, fail to 1, no policy keeps 3', () => {
  const run = inconclusive([check('latency', true)]);
  expect(applyInconclusivePolicy(run, 'pass').exitCode).toBe(0);
  expect(applyInconclusivePolicy(run, 'fail').exitCode).toBe(1);
  expect(applyInconclusivePolicy(run, undefined).exitCode).toBe(3);
});

test.each(['network', 'timeout', 'http', 'protocol', 'interrupted'] as const)(
  'a critical check whose source failed (%s) keeps exit 3 under pass, with a warning',
  (kind) => {
    const mapped = applyInconclusivePolicy(inconclusive([check('latency', true), check('errors', true, kind)]), 'pass');
    expect(mapped.exitCode).toBe(3);
    expect(wordNote(mapped.notes[0]!)).toBe(
      `--on-inconclusive pass maps only too little data to exit 0: the critical check "errors" could not read its source (${kind}), so nothing was measured there; exit 3`,
    );
    expect(applyInconclusivePolicy(inconclusive([check('errors', true, kind)]), 'fail').exitCode).toBe(1);
  },
);

test('a non-critical check whose source failed is a warning only: pass still maps the run to 0', () => {
  expect(
    applyInconclusivePolicy(inconclusive([check('latency', true), check('extra', false, 'network')]), 'pass').exitCode,
  ).toBe(0);
});

test('a run judged before its post window ended (interrupt, --max-wait, --no-wait) keeps exit 3 under pass: an aborted run never passes', () => {
  // Data: one critical check with too few samples (no source error), but the window was cut short.
  const mapped = applyInconclusivePolicy(
    { ...inconclusive([check('latency', true)]), cutShort: { kind: 'interrupted' } },
    'pass',
  );
  expect(mapped.exitCode).toBe(3);
  expect(wordNote(mapped.notes[0]!)).toBe(
    '--on-inconclusive pass maps only too little data to exit 0: the post window was cut short (interrupted before the post window ended); exit 3',
  );
  expect(
    applyInconclusivePolicy({ ...inconclusive([check('latency', true)]), cutShort: { kind: 'interrupted' } }, 'fail')
      .exitCode,
  ).toBe(1);
});

test('a run that is not inconclusive is left as it is', () => {
  expect(exitCodeFor({ verdict: 'fail', onInconclusive: 'pass' })).toBe(1);
  expect(exitCodeFor({ verdict: 'pass', onInconclusive: 'fail' })).toBe(0);
});
