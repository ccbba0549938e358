/** The `expectStatus` value of an HTTP source: `2xx`, `200`, `200-204`, or a comma list of those. */
import type { StatusRange } from './spec.js';
import type { ScalarType } from '../../fields/value-types.js';

/** Parse `2xx, 301` into ranges; undefined when any part is not a status, a class or a range. */
export function parseStatusSet(raw: unknown): StatusRange[] | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 100 && raw <= 599 ? [[raw, raw]] : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const ranges: StatusRange[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    const cls = /^([1-5])xx$/i.exec(part);
    const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(part);
    if (cls) ranges.push([Number(cls[1]) * 100, Number(cls[1]) * 100 + 99]);
    else if (range && Number(range[1]) <= Number(range[2])) ranges.push([Number(range[1]), Number(range[2])]);
    else if (/^\d{3}$/.test(part)) ranges.push([Number(part), Number(part)]);
    else return undefined;
  }
  return ranges.every(([lo, hi]) => lo >= 100 && hi <= 599) ? ranges : undefined;
}

/** Whether `status` is in one of the ranges. */
export function statusMatches(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some(([lo, hi]) => status >= lo && status <= hi);
}

/** The spec scalar for `expectStatus`. */
export const statusSet: ScalarType<StatusRange[]> = {
  kind: 'scalar',
  expected: 'an HTTP status, a class or a range, or a comma list of them: 200, 2xx, 200-204 or "200, 301"',
  echo: true,
  schema: {
    anyOf: [
      { type: 'integer', minimum: 100, maximum: 599 },
      {
        type: 'string',
        pattern: '^\\s*(?:[1-5]xx|\\d{3}(?:\\s*-\\s*\\d{3})?)(?:\\s*,\\s*(?:[1-5]xx|\\d{3}(?:\\s*-\\s*\\d{3})?))*\\s*$',
      },
    ],
  },
  parse: (raw) => {
    const ranges = parseStatusSet(raw);
    return ranges === undefined ? { ok: false } : { ok: true, value: ranges };
  },
};
