/** Spec and data helpers for the fault tests: one Prometheus source that carries sentinel secrets. */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../../unit/sources/prometheus/loopback-server.js';

/** Secrets that must never appear in any output: the bearer token and a custom API key header. */
export const SENTINEL = 'SENTINEL-7d41c9-never-print-me';
export const API_KEY = 'APIKEY-5e02aa-never-print-me';

export interface FaultSpecOptions {
  timeout?: string;
  retries?: number;
  query?: string;
  direction?: 'increase' | 'decrease' | 'either';
  extraSource?: string[];
  /** More `headers:` entries of the source, as YAML lines indented six spaces. */
  extraHeaders?: string[];
}

/** A spec with one check against ${PROMETHEUS_URL}, bearer ${PROM_TOKEN} and X-Api-Key ${API_KEY}. */
export function renderFaultSpec(options: FaultSpecOptions = {}): string {
  return [
    'version: 1',
    'name: fault',
    'baseline:',
    '  window: 30m',
    'post:',
    '  window: 10m',
    'sources:',
    '  prom:',
    '    type: prometheus',
    '    url: ${PROMETHEUS_URL}',
    `    timeout: ${options.timeout ?? '5s'}`,
    `    retries: ${options.retries ?? 2}`,
    '    headers:',
    '      X-Api-Key: ${API_KEY}',
    '      X-Scope-OrgID: team-a',
    ...(options.extraHeaders ?? []),
    '    auth:',
    '      bearer: ${PROM_TOKEN}',
    ...(options.extraSource ?? []),
    'checks:',
    '  - name: latency',
    '    source: prom',
    `    query: '${options.query ?? 'sum(rate(x_total[30s]))'}'`,
    `    direction: ${options.direction ?? 'increase'}`,
    '    step: 30s',
    '',
  ].join('\n');
}

/** The range a query_range form asks for. */
export function rangeOf(body: string): { start: number; end: number; step: number } {
  const form = new URLSearchParams(body);
  return { start: Number(form.get('start')), end: Number(form.get('end')), step: Number(form.get('step')) };
}

/** One series over the asked range, each value from `value(t)`. */
export function seriesBody(body: string, value: (t: number) => string, labels: Record<string, string> = {}): unknown {
  const { start, end, step } = rangeOf(body);
  const values: [number, string][] = [];
  for (let t = start; t <= end; t += step) values.push([t, value(t)]);
  return { status: 'success', data: { resultType: 'matrix', result: [{ metric: labels, values }] } };
}

/** Steady data: the same spread of values before and after any deploy (a pass). */
export function steady(t: number): string {
  return String(100 + (((t / 30) * 7919) % 13));
}

/** Answer steady data for the asked range. */
export function sendSteady(body: string, res: ServerResponse): void {
  sendJson(res, 200, seriesBody(body, steady));
}

/** Every text a run produced: stdout, stderr and each report file that exists. */
export function allOutput(result: { stdout: string; stderr: string }, reportFiles: string[]): string {
  return [
    result.stdout,
    result.stderr,
    ...reportFiles.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')),
  ].join('\n');
}
