/** Number, p-value and label formatting shared by the text reporters (not JSON, which keeps raw numbers). */
import { formatMoment } from '../time/moment.js';
import type { CheckResult, Labels, RunResult } from '../types.js';

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A value to 4 significant digits: `0.0023`, `1235`, `12.35k`, `1.5e-7`; `n/a` when missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const rounded = Number(value.toPrecision(4));
  // String() of the rounded number is its shortest form: no trailing zeros, exponent below 1e-6.
  if (Math.abs(rounded) < 1e4) return String(rounded);
  let exponent = Math.floor(Math.log10(Math.abs(rounded)) / 3);
  let scaled = Number((rounded / 10 ** (3 * exponent)).toPrecision(4));
  if (Math.abs(scaled) >= 1000) {
    exponent += 1;
    scaled = Number((rounded / 10 ** (3 * exponent)).toPrecision(4));
  }
  const prefix = SI_PREFIXES[exponent];
  return prefix === undefined ? rounded.toExponential(3).replace(/\.?0+e/, 'e') : `${scaled}${prefix}`;
}

/** A relative change as a signed percentage: 2.4 -> `+240.0%`, -0.05 -> `-5.0%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return 'n/a';
  if (!Number.isFinite(ratio)) return ratio > 0 ? '+Inf%' : '-Inf%';
  const percent = ratio * 100;
  const abs = Math.abs(percent);
  const digits = abs >= 1e4 ? formatNumber(abs) : abs.toFixed(abs >= 1000 ? 0 : 1);
  if (/^0(\.0)?$/.test(digits)) return `${digits}%`;
  return `${percent < 0 ? '-' : '+'}${digits}%`;
}

/** The change with its confidence interval when there is one: `+240.0% [+180.2%, +310.5%]`. */
export function formatChange(ratio: number | null, interval: [number, number] | null): string {
  const change = formatPercent(ratio);
  if (interval === null) return change;
  return `${change} [${formatPercent(interval[0])}, ${formatPercent(interval[1])}]`;
}

/** A p-value as a reader expects it: `p < 0.001`, otherwise 3 significant digits (`p = 0.0412`). */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p) || p < 0.001) return `p ${formatPNumber(p)}`;
  return `p = ${formatPNumber(p)}`;
}

/** The number of a p-value alone: `< 0.001`, `0.0412`, or `n/a`. */
export function formatPNumber(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'n/a';
  if (p < 0.001) return '< 0.001';
  return p.toPrecision(3);
}

function quotePromQL(text: string): string {
  const escaped = text.replace(/[\\"]|[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === '\\' || ch === '"') return `\\${ch}`;
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** Labels in PromQL selector form, sorted, with `__name__` as the metric name: `up{job="api"}`. */
export function formatLabels(labels: Labels): string {
  const names = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort();
  const pairs = names.map((name) => {
    const key = LEGACY_LABEL_NAME.test(name) ? name : quotePromQL(name);
    return `${key}=${quotePromQL(labels[name] ?? '')}`;
  });
  const metric = labels.__name__;
  const prefix = metric !== undefined && LEGACY_LABEL_NAME.test(metric.replace(/:/g, '_')) ? metric : '';
  const extra = metric !== undefined && prefix === '' ? [`__name__=${quotePromQL(metric)}`] : [];
  return `${prefix}{${[...extra, ...pairs].join(', ')}}`;
}

/**
 * A series' labels as every report names it: the selector, or `(no labels)` for the one series of
 * a query without grouping (never the empty selector `{}`).
 */
export function formatSeriesLabels(labels: Labels): string {
  return Object.keys(labels).length === 0 ? '(no labels)' : formatLabels(labels);
}

/** A series standing on its own (a test case, a chart): the check's name, with the labels when there are any. */
export function formatSeriesName(checkName: string, labels: Labels): string {
  return Object.keys(labels).length === 0 ? checkName : `${checkName} ${formatLabels(labels)}`;
}

/** The run's windows on one line; later times drop the date they share with the first. */
export function formatWindows(windows: RunResult['windows'], arrow = '->'): string {
  const date = /^\d{4}-\d{2}-\d{2}T/.exec(windows.baseline.start)?.[0];
  const short = (time: string): string =>
    date !== undefined && time.startsWith(date) ? time.slice(date.length) : time;
  const { baseline, post } = windows;
  return `baseline ${baseline.start} ${arrow} ${short(baseline.end)}, post ${short(post.start)} ${arrow} ${short(post.end)}`;
}

/**
 * "decided 2m15s after the deploy (10:02:15Z)", on the run's one clock (src/time/moment.ts), or
 * null when no verdict was reached (or none was dated). `deployedAt`: the run's, RFC 3339.
 */
export function describeDecisionTime(check: Pick<CheckResult, 'decidedAt'>, deployedAt: string): string | null {
  const deploy = Date.parse(deployedAt) / 1000;
  return typeof check.decidedAt === 'number' && Number.isFinite(check.decidedAt) && Number.isFinite(deploy)
    ? `decided ${formatMoment(check.decidedAt, deploy)}`
    : null;
}

/**
 * The check's error when it adds to its reason. A check whose data could not be read judged no
 * series, and its reason is worded from the error (src/gate/execute.ts): shown apart, the error
 * would repeat it. A check with series and an error (data read in part) shows it apart.
 */
export function errorApart(check: Pick<CheckResult, 'error' | 'series'>): string | undefined {
  return check.series.length > 0 ? check.error : undefined;
}
