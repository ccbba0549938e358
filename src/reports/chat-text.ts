/**
 * The one-paragraph summary posted to a chat webhook (`--notify`): Slack, Mattermost and
 * Rocket.Chat incoming webhooks show a body's `text` as it is. It names the verdict and the exit
 * code, each check that did not pass (or all of them when all passed) with its change and interval,
 * the impact in the post window's own numbers (baseline mean -> post mean) where there is one, what
 * ran around the deploy, and where the report files are.
 */
import { sanitizeText } from '../sanitize-text.js';
import type { CheckResult, CommandRun, RunResult } from '../types.js';
import { describeCommandRun } from './commands-text.js';
import { formatChange, formatNumber } from './format.js';
import { describeExitCode, representativeSeries, verdictLabel } from './summary.js';

/** Checks named one by one before the rest are counted. */
const MAX_CHECKS_NAMED = 6;

function describeCheck(check: CheckResult): string {
  const series = representativeSeries(check);
  const verdict = `${verdictLabel(check.verdict)}${check.critical ? '' : ', non-critical'}`;
  if (series === undefined || series.relativeChange === null) return `${check.name} (${verdict}: ${check.reason})`;
  const change = formatChange(series.relativeChange, series.relativeChangeInterval);
  const impact =
    series.baseline.mean !== null && series.candidate.mean !== null
      ? `, mean ${formatNumber(series.baseline.mean)} -> ${formatNumber(series.candidate.mean)}`
      : '';
  return `${check.name} (${verdict}: ${change}${impact})`;
}

/** The summary of a judged run; `reports` are the report files written, for "report: ...". */
export function renderChatText(result: RunResult, reports: readonly string[] = []): string {
  const title = result.name !== undefined ? `verify-deploy ${result.name}` : 'verify-deploy';
  const parts = [
    `${title}: ${verdictLabel(result.verdict)} (${describeExitCode(result)}), deployed ${result.deployedAt}.`,
  ];
  const notPassing = result.checks.filter((c) => c.verdict !== 'pass');
  const named = notPassing.length > 0 ? notPassing : result.checks;
  if (named.length > 0) {
    const listed = named.slice(0, MAX_CHECKS_NAMED).map(describeCheck).join('; ');
    const more = named.length > MAX_CHECKS_NAMED ? `; and ${named.length - MAX_CHECKS_NAMED} more` : '';
    parts.push(`${notPassing.length > 0 ? 'Checks not passing' : 'Checks'}: ${listed}${more}.`);
  }
  if (result.cutShort !== undefined) parts.push(`${result.cutShort}.`);
  const commands = result.commands;
  if (commands !== undefined) {
    parts.push(`${capitalise(describeCommandRun('deploy', commands.deploy))}.`);
    if (commands.rollback !== undefined)
      parts.push(`Rolled back: ${describeCommandRun('rollback', commands.rollback)}.`);
    if (commands.rollbackNote !== undefined) parts.push(`${capitalise(commands.rollbackNote)}.`);
  }
  if (result.detected !== undefined)
    parts.push(`Deploy time detected on ${result.detected.source}: ${result.detected.detail}.`);
  if (reports.length > 0) parts.push(`Report: ${reports.join(', ')}.`);
  return sanitizeText(parts.join(' '));
}

/** The summary of a deploy command that failed: nothing was judged. */
export function renderFailedDeployText(name: string | undefined, deploy: CommandRun): string {
  const title = name !== undefined ? `verify-deploy ${name}` : 'verify-deploy';
  const tail = deploy.outputTail.split('\n').slice(-5).join(' | ');
  return sanitizeText(
    `${title}: DEPLOY FAILED (exit 5): ${describeCommandRun('deploy', deploy)}; nothing was judged and nothing was rolled back.${tail !== '' ? ` Last output: ${tail}` : ''}`,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
