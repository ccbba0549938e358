/**
 * The range source of `type: logs`. Queries asked in the same turn (a run asks every check's
 * baseline and post window at once) are read in one pass over the logs: the lines are parsed
 * once and each goes to every query whose range holds it.
 */
import { SourceError } from '../../errors.js';
import { ExpressionError } from '../../fields/text-cursor.js';
import type { TimeRange } from '../../types.js';
import type { QueryResult, Source } from '../types.js';
import { createAggregator, type Aggregator } from './aggregate.js';
import { findLogMarks } from './deploy-marks.js';
import { commandInputs, listFiles, type LogInput } from './inputs.js';
import { compileFormat } from './line-format.js';
import { readPass, type PassConsumer, type PassReport } from './pass.js';
import { parseLogsQuery } from './query.js';
import type { LogsSourceSpec } from './spec.js';
import { describeRead, describeWindow, newSignatureNotes, unparsedProblem } from './window-words.js';

interface Pending {
  query: string;
  range: TimeRange;
  aggregator: Aggregator;
  consumer: PassConsumer;
  done: (result: QueryResult) => void;
  fail: (error: unknown) => void;
  /** A failure of this query alone (too many series), kept until the pass ends. */
  error?: unknown;
}

/** Create the source (its globs are absolute: build.ts anchored them at the spec file). */
export function createLogsSource(spec: LogsSourceSpec): Source {
  const format = compileFormat(spec.format, {
    ...(spec.pattern !== undefined ? { pattern: spec.pattern } : {}),
    ...(spec.timeField !== undefined ? { timeField: spec.timeField } : {}),
  });
  let batch: Pending[] = [];
  let signal: AbortSignal | undefined;
  const listInputs = (): Promise<LogInput[]> =>
    spec.command ? Promise.resolve(commandInputs(spec.command)) : listFiles(spec.files ?? [], '/');

  const flush = async (pending: Pending[]): Promise<void> => {
    try {
      const inputs = await listInputs();
      const from = Math.min(...pending.map((p) => p.consumer.start));
      const to = Math.max(...pending.map((p) => p.consumer.end));
      const report = await readPass(
        inputs,
        format.parse,
        from,
        to,
        pending.map((p) => p.consumer),
        spec.timeout,
        signal,
      );
      const notes = newSignatureNotes(pending);
      for (const p of pending) settle(p, report, notes);
    } catch (error) {
      for (const p of pending) p.fail(error);
    }
  };

  const settle = (p: Pending, report: PassReport, notes: Map<Pending, string[]>): void => {
    try {
      if (p.error !== undefined) throw p.error;
      const problem = unparsedProblem(p, report, spec);
      if (problem !== undefined) throw new SourceError(problem, { retryable: false, kind: 'protocol' });
      const series = p.aggregator.series({
        ...(report.earliest !== undefined ? { from: report.earliest } : {}),
        ...(report.latest !== undefined ? { to: report.latest } : {}),
      });
      p.done({
        series,
        warnings: [...describeWindow(p, report, spec), ...(notes.get(p) ?? [])],
        facts: describeRead(p, report, format.fields),
      });
    } catch (error) {
      p.fail(error);
    }
  };

  return {
    fetchRange(query: string, range: TimeRange, runSignal?: AbortSignal): Promise<QueryResult> {
      signal = runSignal;
      return new Promise<QueryResult>((done, fail) => {
        let parsed;
        try {
          parsed = parseLogsQuery(query);
        } catch (error) {
          const why = error instanceof ExpressionError ? error.message : String(error);
          throw new SourceError(`the logs query ${query} cannot be read: ${why}`, { retryable: false, kind: 'query' });
        }
        const aggregator = createAggregator(parsed, range, `the query ${query}`);
        const consumer: PassConsumer = {
          start: aggregator.start,
          end: aggregator.end,
          lines: 0,
          unparsed: 0,
          onLine: (line, raw) => {
            if (pending.error !== undefined) return;
            try {
              aggregator.add(line, raw);
            } catch (error) {
              pending.error = error;
            }
          },
        };
        const pending: Pending = { query, range, aggregator, consumer, done, fail };
        if (batch.length === 0)
          setImmediate(() => {
            const pending = batch;
            batch = [];
            void flush(pending);
          });
        batch.push(pending);
      });
    },
    findDeployMarks: (probe, range, runSignal) =>
      findLogMarks(
        probe,
        range,
        { name: spec.name, inputs: listInputs, parse: format.parse, timeout: spec.timeout },
        runSignal,
      ),
    describe: () =>
      spec.command
        ? `logs from ${commandInputs(spec.command)
            .map((c) => c.name)
            .join(', ')} (${spec.format})`
        : `logs ${(spec.files ?? []).join(', ')} (${formatName(spec.format)})`,
  };
}

function formatName(format: string): string {
  return format.includes('$') ? 'nginx log_format' : format;
}
