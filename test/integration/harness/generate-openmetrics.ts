/** Writes the fixture day (every scenario of scenarios.ts) as one OpenMetrics file. */
import { writeFileSync } from 'node:fs';
import { renderOpenMetrics } from './render-openmetrics.js';
import { SCENARIO_LIST, type Scenario } from './scenarios.js';
import { simulateScenario } from './simulate.js';

/** Simulates the scenarios and writes them to `file`; returns the number of targets written. */
export function generateOpenMetrics(file: string, scenarios: Scenario[] = SCENARIO_LIST): number {
  // Scenarios follow each other through the day, so concatenating keeps every series in time order.
  const targets = scenarios.flatMap((scenario) => simulateScenario(scenario));
  writeFileSync(file, renderOpenMetrics(targets));
  return targets.length;
}
