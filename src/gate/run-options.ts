/** The options of `verify-deploy run` (src/cli/commands/run.ts parses them). */
import type { StdoutFormat } from '../reports/index.js';
import type { InconclusivePolicy } from './inconclusive-policy.js';

export interface RunOptions {
  deployedAt?: string;
  format: StdoutFormat;
  report: string[];
  var: Record<string, string>;
  dryRun: boolean;
  onInconclusive?: InconclusivePolicy;
  /** A snapshot (`verify-deploy snapshot`) as the baseline of the sources without history. */
  baselineFrom?: string;
  /** false (--no-early-stop): wait for the whole post window even when a regression is certain. */
  earlyStop?: boolean;
  /** false (--no-wait): judge the data already there instead of waiting for the post window. */
  wait?: boolean;
  /** --max-wait, in seconds: wait at most this long, then judge the data so far. */
  maxWait?: number;
  /** --notify: webhooks the verdict is posted to when the run ends (secrets). */
  notify?: string[];
}
