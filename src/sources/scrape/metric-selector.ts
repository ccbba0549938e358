/**
 * The selector of a scrape check: a metric name and optional PromQL label matchers, like
 * `http_requests_total{code=~"5..", route!="/healthz"}`. Strict: anything else is an error at
 * an offset. Regexes are fully anchored, as in Prometheus.
 */
import type { LabelMatcher, MetricSelector } from './spec.js';
import { TextCursor } from '../../fields/text-cursor.js';

const METRIC = /[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /[a-zA-Z_][a-zA-Z0-9_]*/;

/** Parse a selector; throws ExpressionError (with the offset) when it is not one. */
export function parseMetricSelector(text: string): MetricSelector {
  const cursor = new TextCursor(text);
  cursor.skipSpaces();
  const metric = cursor.match(METRIC);
  if (metric === undefined)
    return cursor.fail(`expected a metric name (letters, digits, "_" and ":"), found ${cursor.describeHere()}`);
  cursor.skipSpaces();
  const matchers: LabelMatcher[] = [];
  if (cursor.take('{')) {
    cursor.skipSpaces();
    while (!cursor.take('}')) {
      matchers.push(readMatcher(cursor));
      cursor.skipSpaces();
      if (cursor.take(',')) {
        cursor.skipSpaces();
        continue;
      }
      if (cursor.peek() !== '}')
        cursor.fail(`expected "," or "}" after a label matcher, found ${cursor.describeHere()}`);
    }
    cursor.skipSpaces();
  }
  if (!cursor.atEnd())
    cursor.fail(
      `unexpected ${cursor.describeHere()} after the selector: write a metric name with optional {label="value"} matchers`,
    );
  return { metric, matchers };
}

function readMatcher(cursor: TextCursor): LabelMatcher {
  const name = cursor.match(LABEL);
  if (name === undefined) cursor.fail(`expected a label name, found ${cursor.describeHere()}`);
  cursor.skipSpaces();
  const op = cursor.match(/=~|!~|!=|=/) as LabelMatcher['op'] | undefined;
  if (op === undefined) cursor.fail(`expected =, !=, =~ or !~ after label "${name}", found ${cursor.describeHere()}`);
  cursor.skipSpaces();
  const at = cursor.pos;
  const value = cursor.readQuoted();
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(`^(?:${value})$`);
    } catch {
      cursor.fail(`the regular expression for label "${name}" does not compile`, at);
    }
  }
  return { name, op, value };
}

/** The selector written back in PromQL form (stable: used in snapshot hashes and reports). */
export function formatMetricSelector(selector: MetricSelector): string {
  if (selector.matchers.length === 0) return selector.metric;
  const inner = selector.matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(',');
  return `${selector.metric}{${inner}}`;
}
