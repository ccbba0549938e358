/** The scipy reference values (see generatedBy in the JSON for the command that wrote them). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Reference {
  generatedBy: string;
  mannWhitney: {
    name: string;
    x: number[];
    y: number[];
    ties: boolean;
    results: {
      method: 'exact' | 'asymptotic';
      alternative: 'greater' | 'less' | 'two-sided';
      u: number;
      pValue: number;
    }[];
  }[];
  smallestExactGreater: { n: number; pValue: number }[];
  hodgesLehmann: {
    name: string;
    baseline: number[];
    candidate: number[];
    estimate: number;
    intervals: { confidence: number; lower: number; upper: number }[];
  }[];
  normal: {
    survival: { z: number; p: number }[];
    quantile: { p: number; z: number }[];
    erfc: { x: number; value: number }[];
  };
  binomial: { k: number; n: number; p: number; greater: number; less: number; ci95: [number, number] }[];
  betainc: { x: number; a: number; b: number; value: number }[];
}

/** Read test/fixtures/stats/reference.json (jest runs from the repository root). */
export function loadReference(): Reference {
  return JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/stats/reference.json'), 'utf8')) as Reference;
}

/** |actual - expected| <= rel * |expected| (+ abs for values near 0). */
export function expectClose(actual: number, expected: number, rel: number, abs = 0): void {
  const error = Math.abs(actual - expected);
  if (!(error <= rel * Math.abs(expected) + abs)) {
    throw new Error(
      `expected ${actual} to be within ${rel} relative (${abs} absolute) of ${expected}; off by ${error}`,
    );
  }
}
