/**
 * The backtest for people (a table per check, then the moments that failed), as Markdown (that
 * text in a code block) and as JSON. Names, reasons and notes come from the spec and the backend
 * (labels): the text forms escape them as the run reports do, one line each, controls visible.
 */
import { sanitizeText } from '../sanitize-text.js';
import { formatAfterDeploy } from '../time/moment.js';
import type { AlarmRate, BacktestResult, BacktestSpread } from './types.js';

/** How many failing or inconclusive moments to list per check in the human output (JSON has all). */
const LISTED = 50;

/** JSON, stable key order, for scripts. */
export function renderBacktestJson(result: BacktestResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** A plain-text report: rates with intervals, then the moments behind them. */
export function renderBacktestHuman(result: BacktestResult): string {
  const text = sanitizeText;
  const first = result.moments[0] ?? '-';
  const last = result.moments[result.moments.length - 1] ?? '-';
  const lines = [
    `backtest of ${result.name !== undefined ? text(result.name) : 'the spec'}: ${result.moments.length} moment${result.moments.length === 1 ? '' : 's'} from ${first} to ${last}`,
    '',
    ...renderDeploys(result),
    table([
      ['check', 'critical', 'judged', 'fails', 'false alarms', '95% interval', 'alpha', 'inconclusive'],
      ...result.checks.map((c) => [
        text(c.name),
        c.critical ? 'yes' : 'no',
        ...rateCells(c),
        percent(c.alpha),
        String(c.inconclusive),
      ]),
      ['run (critical checks)', '', ...rateCells(result.run), '', String(result.run.inconclusive)],
    ]),
  ];
  const spreads = result.checks.filter((c) => c.spread !== undefined);
  if (spreads.length > 0) {
    lines.push(
      '',
      'natural variability: how much adjacent baseline and post windows differ over the range (baseline.history judges against it):',
    );
    for (const check of spreads) lines.push(`  ${text(check.name)}: ${describeSpread(check.spread!)}`);
  }
  const failing = result.checks.filter((c) => c.failedAt.length > 0);
  lines.push('', failing.length === 0 ? 'no moment would have failed.' : 'moments that would have failed:');
  for (const check of failing) {
    lines.push(`  ${text(check.name)}`);
    for (const m of check.failedAt.slice(0, LISTED))
      lines.push(
        `    ${text(m.at)}  ${m.decidedAt !== undefined ? `(decided ${formatAfterDeploy(Date.parse(m.decidedAt) / 1000, Date.parse(m.at) / 1000)}) ` : ''}${text(m.reason)}`,
      );
    if (check.failedAt.length > LISTED)
      lines.push(`    ... and ${check.failedAt.length - LISTED} more (--format json lists all)`);
  }
  const unsure = result.checks.filter((c) => c.inconclusiveAt.length > 0);
  if (unsure.length > 0) lines.push('', 'inconclusive moments:');
  for (const check of unsure) {
    lines.push(`  ${text(check.name)}`);
    for (const m of check.inconclusiveAt.slice(0, LISTED)) lines.push(`    ${text(m.at)}  ${text(m.reason)}`);
    if (check.inconclusiveAt.length > LISTED)
      lines.push(`    ... and ${check.inconclusiveAt.length - LISTED} more (--format json lists all)`);
  }
  if (result.notes.length > 0) lines.push('', 'notes:', ...result.notes.map((n) => `  - ${text(n)}`));
  const reportErrors = result.reportErrors ?? [];
  if (reportErrors.length > 0)
    lines.push(
      '',
      'reports not written:',
      ...reportErrors.map((e) => `  - ${text(e.path)} could not be written (${text(e.error)})`),
    );
  return `${lines.join('\n')}\n`;
}

/**
 * The text form as Markdown: one fenced code block, so a label's `<script>`, link or emphasis is
 * shown as written and never read as Markdown or HTML, and the table keeps its columns. The
 * fence is longer than any run of backticks in the text, so none can close it.
 */
export function renderBacktestMarkdown(result: BacktestResult): string {
  const body = renderBacktestHuman(result);
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}\n${body}${fence}\n`;
}

/** `--deploys`: the headline and each deploy's verdict. */
function renderDeploys(result: BacktestResult): string[] {
  const d = result.deploys;
  if (d === undefined) return [];
  const lines = [
    `your last ${d.total} deploy${d.total === 1 ? '' : 's'}: ${d.pass} pass, ${d.fail} fail, ${d.inconclusive} inconclusive`,
  ];
  for (const m of d.moments) lines.push(`  ${m.at}  ${m.verdict.toUpperCase().padEnd(12)}  ${sanitizeText(m.detail)}`);
  lines.push('');
  return lines;
}

function describeSpread(spread: BacktestSpread): string {
  if (spread.spread === null) return `not measured (${spread.why ?? 'no data'})`;
  const series = spread.series > 1 ? `, the median of ${spread.series} series` : '';
  return `±${percent(spread.spread)} (root mean square over ${spread.moments ?? 0} moments${series})`;
}

function rateCells(rate: AlarmRate): string[] {
  const interval = rate.interval ? `${percent(rate.interval[0])} .. ${percent(rate.interval[1])}` : '-';
  return [String(rate.judged), String(rate.fails), rate.rate === null ? '-' : percent(rate.rate), interval];
}

function percent(x: number): string {
  const p = x * 100;
  const text = p === 0 || p >= 10 ? p.toFixed(0) : p.toFixed(1);
  return `${text.replace(/\.0$/, '')}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
