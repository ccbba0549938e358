/**
 * Exit codes of the interface (README, "Exit codes"). A judged run's code comes from exitCodeFor
 * below, and from nowhere else (src/gate/assemble-result.ts calls it once per run); an error
 * thrown before anything was judged maps to usage (spec or usage error), inconclusive (a source
 * error) or internal in src/cli/errors.ts. Only src/cli/main.ts sets the process's exit code.
 */
export const ExitCode = {
  pass: 0,
  fail: 1,
  usage: 2,
  inconclusive: 3,
  internal: 4,
  /** `run ... -- <deploy command>`: the deploy command failed or could not start; nothing was judged. */
  deployFailed: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What decides a judged run's exit code (README, "Exit codes"), as data. */
export interface ExitCodeFacts {
  verdict: 'pass' | 'fail' | 'inconclusive';
  /** A backend refused a query or the credentials of a critical check: the spec must be fixed. */
  criticalSpecFault?: boolean;
  /** The post window was judged before it ended (interrupt, --max-wait, --no-wait, an early stop). */
  cutShort?: boolean;
  /** Some critical inconclusive check could not read its source (down, timed out, interrupted before the read). */
  unreadCriticalSource?: boolean;
  /** --on-inconclusive. */
  onInconclusive?: 'fail' | 'pass';
}

/**
 * The one mapping from a judged run to its exit code: a critical spec fault is a spec error (2)
 * whatever was judged; pass 0, fail 1; inconclusive 3, or what --on-inconclusive asks: `fail`
 * makes it 1, `pass` makes it 0 only when too little data was the cause (never for a window cut
 * short, never when a critical check's source could not be read).
 */
export function exitCodeFor(facts: ExitCodeFacts): 0 | 1 | 2 | 3 {
  if (facts.criticalSpecFault === true) return ExitCode.usage;
  if (facts.verdict === 'pass') return ExitCode.pass;
  if (facts.verdict === 'fail') return ExitCode.fail;
  if (facts.onInconclusive === 'fail') return ExitCode.fail;
  if (facts.onInconclusive === 'pass' && facts.cutShort !== true && facts.unreadCriticalSource !== true)
    return ExitCode.pass;
  return ExitCode.inconclusive;
}
