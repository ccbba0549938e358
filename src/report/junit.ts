/**
 * JUnit XML for CI test viewers (GitLab, Jenkins, GitHub actions that read JUnit): one testsuite
 * per run, one testcase per check. The mapping keeps CI's idea of "broken" aligned with the exit code:
 * - a critical check that fails -> <failure type="regression">
 * - a critical inconclusive check -> <error type="inconclusive"> (it could not be measured: never
 *   shown as passed or skipped, just as exit 3 is never a pass)
 * - a non-critical check that fails or is inconclusive -> <skipped>: a warning, because Jenkins marks
 *   a build unstable on any failure and a non-critical check must not change the outcome.
 */
import type { CheckResult, RunResult } from '../types.js';
import { escapeXml, escapeXmlMultiline, sanitizeText } from './escape.js';
import { formatLabels } from './format.js';
import { renderSeriesText } from './series-text.js';
import { describeCounts, describeExitCode, describeHiddenSeries, countChecks, selectSeries } from './summary.js';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

function outcomeOf(check: CheckResult): Outcome {
  if (check.verdict === 'pass') return 'passed';
  if (!check.critical) return 'skipped';
  return check.verdict === 'fail' ? 'failure' : 'error';
}

function renderDetails(check: CheckResult): string {
  const lines = [`${check.critical ? 'critical' : 'non-critical'} check, verdict ${check.verdict}: ${sanitizeText(check.reason)}`];
  if (check.error !== undefined) lines.push(`error: ${sanitizeText(check.error)}`);
  const selection = selectSeries(check.series);
  for (const series of selection.shown) lines.push(...renderSeriesText(series, check.reason));
  const hidden = describeHiddenSeries(selection);
  if (hidden !== '') lines.push(hidden);
  for (const side of ['baseline', 'candidate'] as const) {
    const unmatched = check.unmatched[side];
    if (unmatched.length > 0) lines.push(`unmatched, only in ${side}: ${unmatched.map(formatLabels).join(', ')}`);
  }
  return lines.join('\n');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function renderTestcase(check: CheckResult, classname: string): string[] {
  const outcome = outcomeOf(check);
  const details = escapeXmlMultiline(renderDetails(check));
  const open = `    <testcase${attrs({ name: sanitizeText(check.name), classname })}>`;
  const message = sanitizeText(check.reason);
  if (outcome === 'failure' || outcome === 'error') {
    const type = outcome === 'failure' ? 'regression' : 'inconclusive';
    return [open, `      <${outcome}${attrs({ message, type })}>${details}</${outcome}>`, '    </testcase>'];
  }
  const skipped = outcome === 'skipped' ? [`      <skipped${attrs({ message: `non-critical check ${check.verdict === 'fail' ? 'failed' : 'was inconclusive'}: ${message}` })}/>`] : [];
  return [open, ...skipped, `      <system-out>${details}</system-out>`, '    </testcase>'];
}

function renderProperties(result: RunResult): string[] {
  const properties: Array<[string, string]> = [
    ['verdict', result.verdict],
    ['exitCode', String(result.exitCode)],
    ['exitMeaning', describeExitCode(result)],
    ['deployedAt', result.deployedAt],
    ['baseline.start', result.windows.baseline.start],
    ['baseline.end', result.windows.baseline.end],
    ['post.start', result.windows.post.start],
    ['post.end', result.windows.post.end],
    ...result.warnings.map((warning): [string, string] => ['warning', warning]),
  ];
  return ['    <properties>', ...properties.map(([name, value]) => `      <property${attrs({ name, value: sanitizeText(value) })}/>`), '    </properties>'];
}

/** Render the run as a JUnit XML document. */
export function renderJunit(result: RunResult): string {
  const counts = countChecks(result);
  const outcomes = result.checks.map(outcomeOf);
  const count = (outcome: Outcome): number => outcomes.filter((o) => o === outcome).length;
  const suiteName = sanitizeText(result.name ?? 'verify-deploy');
  const totals = {
    tests: counts.total,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
    time: Number.isFinite(result.durationSeconds) ? result.durationSeconds.toFixed(3) : '0',
  };
  const classname = `verify-deploy.${suiteName}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- verify-deploy: ${escapeXml(`${result.verdict.toUpperCase()}, ${describeCounts(counts)}`).replace(/--/g, '- -')} -->`,
    `<testsuites${attrs({ name: 'verify-deploy', ...totals })}>`,
    `  <testsuite${attrs({ name: suiteName, ...totals })}>`,
    ...renderProperties(result),
    ...result.checks.flatMap((check) => renderTestcase(check, classname)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
