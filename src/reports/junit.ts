/**
 * JUnit XML for CI test viewers (GitHub actions that read JUnit, GitLab, Jenkins): one testsuite
 * per run, one testcase per check, and one per series when a check judged several (named
 * `check {labels}`, so a viewer lists exactly which route or pod regressed). The mapping keeps
 * CI's idea of "broken" aligned with the exit code:
 * - a critical check (or series) that fails -> <failure type="regression">
 * - a critical inconclusive one -> <error type="inconclusive"> (it could not be measured: never
 *   shown as passed or skipped, just as exit 3 is never a pass)
 * - a non-critical one that fails or is inconclusive -> <skipped>: a warning, because Jenkins marks
 *   a build unstable on any failure and a non-critical check must not change the outcome.
 * A check whose own verdict no series carries (no series at all, or a fault that made the check
 * inconclusive) also gets a testcase of its own, so the counts never look better than the exit code.
 *
 * Valid against the Jenkins xunit plugin's junit-10.xsd (test/fixtures/junit/), whose
 * <testsuites> takes no `skipped` attribute: the skipped count is on <testsuite> only.
 */
import type { CheckResult, CommandRun, RunResult, SeriesResult, Verdict } from '../types.js';
import { commandBlocks } from './commands-text.js';
import { wordNotes } from './notes.js';
import { sanitizeText } from '../sanitize-text.js';
import { escapeXml, escapeXmlMultiline } from './escape.js';
import { formatLabels, formatSeriesName } from './format.js';
import { describeReportError } from './report-errors.js';
import { renderSeriesDetails } from './series-details.js';
import { renderSeriesText } from './series-text.js';
import { countChecks, describeCounts, describeExitCode, describeHiddenSeries, selectSeries } from './summary.js';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

/** Unmatched series listed per testcase before the rest are counted. */
const MAX_UNMATCHED_LISTED = 10;

interface Testcase {
  name: string;
  outcome: Outcome;
  verdict: Verdict;
  /** The reason, for the failure / error / skipped message. */
  message: string;
  /** The body: the numbers behind the verdict. */
  details: string[];
}

function outcomeOf(verdict: Verdict, critical: boolean): Outcome {
  if (verdict === 'pass') return 'passed';
  if (!critical) return 'skipped';
  return verdict === 'fail' ? 'failure' : 'error';
}

function listUnmatched(check: CheckResult): string[] {
  return (['baseline', 'candidate'] as const).flatMap((side) => {
    const labels = check.unmatched[side];
    if (labels.length === 0) return [];
    const listed = labels.slice(0, MAX_UNMATCHED_LISTED).map(formatLabels).join(', ');
    const more = labels.length > MAX_UNMATCHED_LISTED ? ` and ${labels.length - MAX_UNMATCHED_LISTED} more` : '';
    return [`unmatched, only in ${side}: ${listed}${more}`];
  });
}

/** What every testcase of a check says about the check itself. */
function describeCheck(check: CheckResult): string[] {
  const lines = [
    `${check.critical ? 'critical' : 'non-critical'} check "${sanitizeText(check.name)}", verdict ${check.verdict}: ${sanitizeText(check.reason)}`,
  ];
  if (check.error !== undefined) lines.push(`error: ${sanitizeText(check.error)}`);
  for (const note of check.notes ?? []) lines.push(`note: ${sanitizeText(note)}`);
  return [...lines, ...listUnmatched(check)];
}

/** The check as one testcase: its context and its series (listed in full when there is one). */
function checkTestcase(check: CheckResult): Testcase {
  const details = describeCheck(check);
  if (check.series.length === 1) {
    details.push(...renderSeriesDetails(check.series[0] as SeriesResult));
  } else {
    const selection = selectSeries(check.series);
    for (const series of selection.shown) details.push(...renderSeriesText(series, check.reason));
    const hidden = describeHiddenSeries(selection);
    if (hidden !== '') details.push(hidden);
  }
  return {
    name: sanitizeText(check.name),
    outcome: outcomeOf(check.verdict, check.critical),
    verdict: check.verdict,
    message: sanitizeText(check.reason),
    details,
  };
}

function seriesTestcase(check: CheckResult, series: SeriesResult): Testcase {
  return {
    name: sanitizeText(formatSeriesName(check.name, series.labels)),
    outcome: outcomeOf(series.verdict, check.critical),
    verdict: series.verdict,
    message: sanitizeText(series.reason),
    details: [...describeCheck(check), ...renderSeriesDetails(series)],
  };
}

/** One testcase per check, or per series when the check has several. */
export function testcasesOf(check: CheckResult): Testcase[] {
  if (check.series.length <= 1) return [checkTestcase(check)];
  const cases = check.series.map((series) => seriesTestcase(check, series));
  const outcome = outcomeOf(check.verdict, check.critical);
  if (outcome !== 'passed' && !cases.some((c) => c.outcome === outcome)) cases.unshift(checkTestcase(check));
  return cases;
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function renderTestcase(testcase: Testcase, classname: string): string[] {
  const details = escapeXmlMultiline(testcase.details.join('\n'));
  // Per-check time is not measured; "0" keeps readers that parse it (dorny/test-reporter) from showing NaN.
  const open = `    <testcase${attrs({ name: testcase.name, classname, time: '0' })}>`;
  const { outcome, message } = testcase;
  if (outcome === 'failure' || outcome === 'error') {
    const type = outcome === 'failure' ? 'regression' : 'inconclusive';
    return [open, `      <${outcome}${attrs({ message, type })}>${details}</${outcome}>`, '    </testcase>'];
  }
  const skipped =
    outcome === 'skipped'
      ? [
          `      <skipped${attrs({ message: `non-critical check ${testcase.verdict === 'fail' ? 'failed' : 'was inconclusive'}: ${message}` })}/>`,
        ]
      : [];
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
    ...wordNotes(result.notes).map((warning): [string, string] => ['warning', warning]),
    ...(result.reportErrors ?? []).map((failure): [string, string] => ['reportError', describeReportError(failure)]),
    ...(result.detected !== undefined ? [['deployDetected', result.detected.detail] as [string, string]] : []),
    ...commandProperties(result),
  ];
  return [
    '    <properties>',
    ...properties.map(([name, value]) => `      <property${attrs({ name, value: sanitizeText(value) })}/>`),
    '    </properties>',
  ];
}

/** The commands of a wrapped run, one line each, as properties. */
function commandProperties(result: RunResult): Array<[string, string]> {
  const commands = result.commands;
  if (commands === undefined) return [];
  const of = (what: string, run: CommandRun): Array<[string, string]> => [
    [`${what}.command`, run.argv.join(' ')],
    [
      `${what}.exitCode`,
      run.exitCode === null ? `none (${run.error ?? run.signal ?? 'no exit code'})` : String(run.exitCode),
    ],
    [`${what}.seconds`, (Math.round((run.endedAt - run.startedAt) * 1000) / 1000).toFixed(3)],
  ];
  return [
    ...of('deploy', commands.deploy),
    ...(commands.rollback !== undefined ? of('rollback', commands.rollback) : []),
    ...(commands.rollbackNote !== undefined ? [['rollbackNote', commands.rollbackNote] as [string, string]] : []),
  ];
}

/** The tails of the commands' output, as the suite's own output. */
function renderCommandOutput(result: RunResult): string[] {
  const blocks = commandBlocks(result);
  if (blocks.length === 0) return [];
  const text = blocks.map((b) => `${b.line} (${b.when})${b.tail !== '' ? `\n${b.tail}` : ''}`).join('\n\n');
  return [`    <system-out>${escapeXmlMultiline(text)}</system-out>`];
}

/** Render the run as a JUnit XML document. */
export function renderJunit(result: RunResult): string {
  const cases = result.checks.flatMap(testcasesOf);
  const count = (outcome: Outcome): number => cases.filter((c) => c.outcome === outcome).length;
  const suiteName = sanitizeText(result.name ?? 'verify-deploy');
  const totals = {
    tests: cases.length,
    failures: count('failure'),
    errors: count('error'),
    time: Number.isFinite(result.durationSeconds) ? result.durationSeconds.toFixed(3) : '0',
  };
  const classname = `verify-deploy.${suiteName}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- verify-deploy: ${escapeXml(`${result.verdict.toUpperCase()}, ${describeCounts(countChecks(result))}`).replace(/--/g, '- -')} -->`,
    `<testsuites${attrs({ name: 'verify-deploy', ...totals })}>`,
    `  <testsuite${attrs({ name: suiteName, tests: totals.tests, failures: totals.failures, errors: totals.errors, skipped: count('skipped'), time: totals.time })}>`,
    ...renderProperties(result),
    ...cases.flatMap((testcase) => renderTestcase(testcase, classname)),
    ...renderCommandOutput(result),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
