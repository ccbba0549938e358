/** exitCodeFor: the one mapping from a judged run to its exit code (README, "Exit codes"). */
import { exitCodeFor, type ExitCodeFacts } from '../../src/exit-code.js';

test.each<{ facts: ExitCodeFacts; code: number; why: string }>([
  { facts: { verdict: 'pass' }, code: 0, why: 'no critical check found a regression' },
  { facts: { verdict: 'fail' }, code: 1, why: 'a critical check found a regression' },
  { facts: { verdict: 'inconclusive' }, code: 3, why: 'too little data, without a policy' },
  {
    facts: { verdict: 'inconclusive', onInconclusive: 'fail' },
    code: 1,
    why: '--on-inconclusive fail maps inconclusive to 1',
  },
  {
    facts: { verdict: 'inconclusive', onInconclusive: 'pass' },
    code: 0,
    why: '--on-inconclusive pass maps too little data to 0',
  },
  {
    facts: { verdict: 'inconclusive', onInconclusive: 'pass', cutShort: true },
    code: 3,
    why: 'a window cut short (interrupt, --max-wait, --no-wait) never passes, whatever the policy',
  },
  {
    facts: { verdict: 'inconclusive', onInconclusive: 'pass', unreadCriticalSource: true },
    code: 3,
    why: 'a critical check whose source could not be read measured nothing: never passes',
  },
  {
    facts: { verdict: 'inconclusive', onInconclusive: 'fail', cutShort: true },
    code: 1,
    why: '--on-inconclusive fail fails a window cut short too: failing is always safe',
  },
  {
    facts: { verdict: 'fail', cutShort: true, onInconclusive: 'pass' },
    code: 1,
    why: 'a regression seen in a window cut short still fails; the policy only maps inconclusive',
  },
  {
    facts: { verdict: 'pass', onInconclusive: 'fail' },
    code: 0,
    why: 'the policy leaves a pass alone',
  },
  {
    facts: { verdict: 'inconclusive', criticalSpecFault: true, onInconclusive: 'pass' },
    code: 2,
    why: 'a backend refused a critical query or the credentials: the spec must be fixed (2), the policy does not map it',
  },
  {
    facts: { verdict: 'fail', criticalSpecFault: true },
    code: 2,
    why: 'a refused critical query is a spec error even when another check failed',
  },
])('$why -> exit $code', ({ facts, code }) => {
  expect(exitCodeFor(facts)).toBe(code);
});
