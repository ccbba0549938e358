/** Wording for series a backend returned more than once with identical labels. */
import type { Labels } from '../types.js';
import { formatLabels } from './wording.js';

/** Why a series holding duplicated label sets is inconclusive. */
export function describeDuplicates(duplicated: readonly Labels[]): string {
  // The same label set may come twice on both sides: name it once.
  const named = [...new Set(duplicated.map((labels) => `{${formatLabels(labels)}}`))].join(', ');
  return (
    `the backend returned more than one series with the labels ${named}: series with identical labels cannot be told apart, ` +
    'and judging them merged would be a guess; check the query and whatever sits between verify-deploy and the backend (a proxy merging answers)'
  );
}
