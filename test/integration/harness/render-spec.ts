/** Writes spec v1 YAML for the integration tests: a Prometheus source at ${PROMETHEUS_URL} and some checks. */
import { metricQuery } from './queries.js';
import type { Scenario } from './scenarios.js';

export interface SpecCheck {
  name: string;
  query?: string;
  baselineQuery?: string;
  candidateQuery?: string;
  direction: 'increase' | 'decrease' | 'either';
  tolerance: string;
}

export interface SpecOptions {
  name: string;
  checks: SpecCheck[];
  warmup?: string;
  /** Extra lines under the `prom` source (already indented by four spaces). */
  sourceExtra?: string[];
}

/** YAML single quotes: PromQL is full of `"`, `{` and `:` but never needs a `'` here. */
const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function renderCheck(check: SpecCheck): string[] {
  const lines = [`  - name: ${quote(check.name)}`, '    source: prom'];
  for (const key of ['query', 'baselineQuery', 'candidateQuery'] as const) {
    const value = check[key];
    if (value !== undefined) lines.push(`    ${key}: ${quote(value)}`);
  }
  lines.push(`    direction: ${check.direction}`, `    tolerance: ${check.tolerance}`);
  return lines;
}

/** A whole spec: 30m baseline, 10m post window, 30s step, one Prometheus source. */
export function renderSpec(options: SpecOptions): string {
  return [
    'version: 1',
    `name: ${quote(options.name)}`,
    ...(options.warmup ? ['deploy:', `  warmup: ${options.warmup}`] : []),
    'baseline:',
    '  window: 30m',
    'post:',
    '  window: 10m',
    'defaults:',
    '  step: 30s',
    '  confidence: 0.95',
    'sources:',
    '  prom:',
    '    type: prometheus',
    '    url: ${PROMETHEUS_URL}',
    '    timeout: 10s',
    ...(options.sourceExtra ?? []),
    'checks:',
    ...options.checks.flatMap(renderCheck),
    '',
  ].join('\n');
}

/** The checks a scenario plans, as spec checks over its own job (canary: stable vs canary track). */
export function scenarioChecks(scenario: Scenario): SpecCheck[] {
  return scenario.checks.map((plan) => {
    const base = { name: plan.name, direction: plan.direction, tolerance: plan.tolerance };
    const job = `job="${scenario.job}"`;
    if (plan.canary) {
      return {
        ...base,
        baselineQuery: metricQuery(plan.metric, `${job},track="stable"`, plan.by),
        candidateQuery: metricQuery(plan.metric, `${job},track="canary"`, plan.by),
      };
    }
    return { ...base, query: metricQuery(plan.metric, job, plan.by) };
  });
}

/** The spec a scenario is judged with. */
export function renderScenarioSpec(scenario: Scenario): string {
  return renderSpec({ name: scenario.job, checks: scenarioChecks(scenario) });
}
