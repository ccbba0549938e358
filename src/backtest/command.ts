/**
 * `verify-deploy backtest`: replay the gate at past moments as if a deploy had happened then, and
 * report each check's false-alarm rate on the user's own data. It is a report, not a gate: it
 * exits 0 when it ran, 3 when no moment could be judged (or it was interrupted), 2 on bad input.
 */
import { withHistoryChecksOnly } from '../gate/sampling/plan-sampling.js';
import { extname } from 'node:path';
import { replayMoments } from './replay.js';
import { measureSpreads } from './spread.js';
import { parseMoments, type MomentOptions } from './moments.js';
import { backtestNotes } from './notes.js';
import { renderBacktestHuman, renderBacktestJson, renderBacktestMarkdown } from './render.js';
import { summarizeBacktest, summarizeDeploys } from './summarize.js';
import { findDeployMoments, withoutDeployMoments } from './deploy-moments.js';
import type { BacktestResult } from './types.js';
import type { CommandIO } from '../command-io.js';
import type { ReportError } from '../types.js';
import { UsageError } from '../errors.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { writeReportFiles } from '../output/write-report-files.js';
import { redact, redactDeep } from '../redact.js';
import { createSource } from '../sources/index.js';
import type { Source } from '../sources/types.js';
import { loadSpec } from '../spec-file/load.js';
import { formatTime } from '../time/format-time.js';

export interface BacktestOptions extends MomentOptions {
  format: 'human' | 'json';
  report: string[];
  var: Record<string, string>;
  concurrency: number;
  /** Replay the gate at every deploy deploy.detect finds in --from .. --to. */
  deploys?: boolean;
}

/** Run the backtest and return the exit code; spec and usage errors are thrown (exit 2). */
export async function backtestCommand(specPath: string, options: BacktestOptions, io: CommandIO): Promise<number> {
  const startedAt = io.now();
  // Sources without history (HTTP probes, scrapes) have no past to replay: their checks are left out, and said.
  const { spec, skipped } = withHistoryChecksOnly(
    await loadSpec(specPath, { vars: options.var, env: io.env }),
    'backtest',
  );
  const reports = options.report.map((path) => ({ path, render: rendererForPath(path) }));
  // Before replaying: a report that cannot be written is a usage error now, not lost work later.
  for (const report of reports) await checkOutputPath(report.path, '--report');
  const stderr = (text: string): void => io.stderr(redact(text, spec.secrets));
  // With deploy.detect: --deploys replays the deploys found; a plain backtest leaves out the moments near one.
  const found = options.deploys === true ? await findDeployMoments(spec, options, io.now(), io.signal) : undefined;
  const plain =
    found === undefined
      ? await withoutDeployMoments(spec, parseMoments(options, spec, io.now()), io.signal)
      : undefined;
  const moments = found !== undefined ? found.deploys.map((d) => d.at) : (plain?.moments ?? []);
  const momentNotes = found?.notes ?? plain?.notes ?? [];
  for (const note of momentNotes) stderr(`${note}\n`);
  const sources: Record<string, Source> = {};
  for (const [name, sourceSpec] of Object.entries(spec.sources)) sources[name] = createSource(sourceSpec);
  stderr(`replaying ${moments.length} moment${moments.length === 1 ? '' : 's'}, ${options.concurrency} at a time\n`);
  const replayed = await replayMoments(spec, moments, sources, {
    concurrency: options.concurrency,
    signal: io.signal,
    now: io.now,
    onMoment: (done, total) => {
      if (io.stderrIsTTY) stderr(`\r  ${done}/${total}${done === total ? '\n' : ''}`);
    },
  });
  const spreads = await measureSpreads(spec, moments, sources, io.signal);
  const summary = summarizeBacktest({
    spreads,
    spec,
    moments,
    replayed,
    formatTime,
    notes: [...skipped, ...momentNotes, ...(found === undefined ? backtestNotes(spec, moments) : [])],
    durationSeconds: Math.round((io.now() - startedAt) * 1000) / 1000,
  });
  if (found !== undefined) summary.deploys = summarizeDeploys(found.deploys, replayed);
  // Redacted as data before rendering, so no secret can rewrite the JSON's keys or the text's layout.
  const result = redactDeep(summary, spec.secrets);
  const withErrors = (reportErrors: readonly ReportError[]): BacktestResult =>
    reportErrors.length === 0 ? result : { ...result, reportErrors: [...reportErrors] };
  // Files first, stdout last, so stdout names a report that could not be written; none changes the exit code.
  const files = reports.map((report) => ({
    path: report.path,
    render: (errors: readonly ReportError[]) => report.render(withErrors(errors)),
  }));
  const reportErrors = await writeReportFiles(files);
  for (const failure of reportErrors)
    stderr(
      `error: the report ${failure.path} could not be written (${failure.error}); the other reports name it, and the exit code is unchanged (${result.exitCode})\n`,
    );
  const delivered = withErrors(reportErrors);
  io.stdout(options.format === 'json' ? renderBacktestJson(delivered) : renderBacktestHuman(delivered));
  return result.exitCode;
}

/** `.json` gets JSON; `.txt` and `.log` get the human text; `.md` gets it in a code block. */
function rendererForPath(path: string): (result: BacktestResult) => string {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return renderBacktestJson;
  if (ext === '.md') return renderBacktestMarkdown;
  if (['.txt', '.log'].includes(ext)) return renderBacktestHuman;
  throw new UsageError(`--report ${path}: a backtest report is .json, or .txt/.log/.md for the text form`);
}
