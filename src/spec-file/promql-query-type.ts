/** The value type of query fields: a string whose `${VAR}`s are escaped as PromQL (promql-template.ts). */
import { anyString } from '../fields/scalars.js';
import type { ScalarType } from '../fields/value-types.js';

/** A PromQL expression; its syntax is checked later by validate-queries.ts, after interpolation. */
export const promqlQuery: ScalarType<string> = { ...anyString, template: 'promql' };
