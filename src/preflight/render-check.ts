/** `check` reports for people and for scripts. Pure: the CLI writes them. */
import { sanitizeText } from '../sanitize-text.js';
import type { CheckReport, QueryTest } from './types.js';

const MARK: Record<QueryTest['status'], string> = {
  ok: 'ok   ',
  empty: 'EMPTY',
  sparse: 'FEW  ',
  unreadable: 'ERROR',
  refused: 'ERROR',
};

function describeData(probe: QueryTest): string {
  if (probe.status === 'refused' || probe.status === 'unreadable') return 'could not be read';
  if (probe.points === null) return '0 series';
  const { min, max, expected } = probe.points;
  const points = min === max ? `${min}` : `${min}-${max}`;
  const nan = probe.nanShare ? `, ${Math.round(probe.nanShare * 1000) / 10}% NaN` : '';
  return `${probe.series} series, ${points} of ${expected} points each${nan}, resultType ${probe.resultType ?? '-'}`;
}

/**
 * Lines for a terminal: one per query, its problems indented under it, then a summary. Names,
 * queries and backend warnings are escaped as the run reports escape them: one line each.
 */
export function renderCheckHuman(report: CheckReport): string {
  const lines = [
    `check${report.name ? ` of ${report.name}` : ''}: every query over ${report.range.start} .. ${report.range.end}`,
    '',
  ];
  for (const probe of report.queries) {
    lines.push(
      `${MARK[probe.status]} ${probe.check} (${probe.field}, source ${probe.source}, step ${probe.step}s): ${describeData(probe)}`,
    );
    for (const fact of probe.facts ?? []) lines.push(`      - ${fact}`);
    for (const problem of probe.problems) lines.push(`      - ${problem}`);
    for (const warning of probe.warnings) lines.push(`      - backend warning: ${warning}`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  const good = report.queries.filter((q) => q.status === 'ok').length;
  const verdict =
    report.exitCode === 0
      ? 'every query returned data'
      : report.exitCode === 2
        ? 'a query, the credentials or the source url were refused: fix the spec'
        : report.queries.some((q) => q.status === 'sparse')
          ? 'some checks would not reach a verdict: too little data, or nothing, or unreadable (see the causes above)'
          : 'some queries returned nothing or could not be read';
  lines.push('', `${good} of ${report.queries.length} queries returned data: ${verdict} (exit ${report.exitCode})`);
  return `${lines.map(sanitizeText).join('\n')}\n`;
}

/** The report as JSON; NaN shares are numbers or null, never NaN. */
export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
