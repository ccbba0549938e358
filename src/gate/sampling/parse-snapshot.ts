/** Read a snapshot file's JSON strictly: a truncated or hand-edited file is refused, never half-used. */
import type { Sampling } from '../../sources/sampled-types.js';
import type { Series } from '../../types.js';
import { decodeValue, SNAPSHOT_FORMAT, type Snapshot } from './snapshot-format.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Parse snapshot text; throws Error with a short reason (the caller names the file). */
export function parseSnapshot(text: string): Snapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON (truncated or not a snapshot)');
  }
  if (!isObject(raw) || raw.format !== SNAPSHOT_FORMAT)
    throw new Error(`it is not a verify-deploy snapshot (no "format": "${SNAPSHOT_FORMAT}")`);
  if (raw.version !== 1)
    throw new Error(`its version ${JSON.stringify(raw.version)} is not supported (this verify-deploy reads version 1)`);
  if (
    typeof raw.specHash !== 'string' ||
    typeof raw.takenAt !== 'string' ||
    Number.isNaN(Date.parse(raw.takenAt)) ||
    !isObject(raw.sources)
  ) {
    throw new Error('it lacks "specHash", "takenAt" or "sources"');
  }
  const sources: Record<string, Sampling> = Object.create(null);
  for (const [name, sampling] of Object.entries(raw.sources)) sources[name] = parseSampling(sampling, name);
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    specHash: raw.specHash,
    ...(typeof raw.specName === 'string' ? { specName: raw.specName } : {}),
    takenAt: raw.takenAt,
    sources,
  };
}

function parseSampling(raw: unknown, name: string): Sampling {
  const bad = (what: string): never => {
    throw new Error(`source "${name}" has ${what}`);
  };
  if (
    !isObject(raw) ||
    !isTime(raw.startedAt) ||
    !isTime(raw.endedAt) ||
    !isObject(raw.measures) ||
    !isObject(raw.failures)
  )
    return bad('a malformed entry');
  if (!Number.isInteger(raw.planned) || !Number.isInteger(raw.taken)) return bad('no sample counts');
  const measures: Record<string, Series[]> = Object.create(null);
  for (const [key, list] of Object.entries(raw.measures)) {
    if (!Array.isArray(list)) return bad(`a malformed measure "${key}"`);
    measures[key] = list.map((series: unknown) => {
      if (!isObject(series) || !isObject(series.labels) || !Array.isArray(series.points))
        return bad(`a malformed series in "${key}"`);
      if (!Object.values(series.labels).every((v) => typeof v === 'string'))
        bad(`a label that is not a string in "${key}"`);
      const points = series.points.map((p: unknown) => {
        const v = Array.isArray(p) && p.length === 2 && isTime(p[0]) ? decodeValue(p[1]) : undefined;
        return v === undefined ? bad(`a malformed point in "${key}"`) : { t: (p as number[])[0] as number, v };
      });
      return { labels: { ...(series.labels as Record<string, string>) }, points };
    });
  }
  const failures: Record<string, number> = {};
  for (const [why, count] of Object.entries(raw.failures))
    failures[why] = Number.isInteger(count) ? (count as number) : bad('a malformed failure count');
  return {
    startedAt: raw.startedAt,
    endedAt: raw.endedAt,
    planned: raw.planned as number,
    taken: raw.taken as number,
    measures,
    failures,
  };
}
