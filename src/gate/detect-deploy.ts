/**
 * `deploy.detect`: the deploys a source's marks show (src/sources/types.ts, findDeployMarks).
 * Marks closer together than `settle` are one deploy (a rolling restart, the new version
 * appearing and the old one leaving); its time is the last mark of the group, when the rollout
 * was complete. Finding nothing is the spec's problem, said with the query: never a guess.
 */
import { UsageError } from '../errors.js';
import { createSource } from '../sources/index.js';
import type { DeployMark } from '../sources/types.js';
import type { DeployDetectSpec, Spec } from '../spec-model.js';
import { formatDuration } from '../time/duration.js';
import { formatTime } from '../time/format-time.js';
import type { DetectedDeploy } from '../types.js';

/** Points a detection query asks for at most: the step grows with the range (1h: 4s, 1d: 87s). */
const DETECT_POINTS = 1000;

/** The step of a detection query over `seconds`. */
export function detectStep(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / DETECT_POINTS));
}

/** The detection spec, or a usage error saying how to write one. */
export function detectSpecOf(spec: Spec, option: string): DeployDetectSpec {
  const detect = spec.deploy.detect;
  if (detect === undefined)
    throw new UsageError(
      `${option} needs deploy.detect in the spec (a source and a query such as max by (version) (app_build_info{job="x"}))`,
    );
  return detect;
}

/** Every deploy the source shows in [start, end], oldest first. */
export async function detectDeploys(
  spec: Spec,
  detect: DeployDetectSpec,
  span: { start: number; end: number },
  signal: AbortSignal,
): Promise<DetectedDeploy[]> {
  const sourceSpec = spec.sources[detect.source];
  if (sourceSpec === undefined)
    throw new UsageError(`deploy.detect uses source "${detect.source}", which is not defined`);
  const source = createSource(sourceSpec);
  const query = detect.query ?? detect.match ?? '';
  if (source.findDeployMarks === undefined)
    throw new UsageError(
      `deploy.detect: source "${detect.source}" (${sourceSpec.type}) cannot find deploys; use a Prometheus source with a query, or a logs source with match`,
    );
  const step = detectStep(span.end - span.start);
  const start = Math.floor(span.start / step) * step;
  const marks = await source.findDeployMarks(
    {
      ...(detect.query !== undefined ? { query: detect.query } : {}),
      ...(detect.match !== undefined ? { match: detect.match } : {}),
    },
    { start, end: span.end, step },
    signal,
  );
  return groupMarks(
    marks.filter((m) => m.at >= span.start && m.at <= span.end),
    detect.settle,
  ).map((group) => toDeploy(group, detect.source, query));
}

/** The last deploy in the `within` before `now`; a usage error (exit 2) naming the query when there is none. */
export async function detectLastDeploy(spec: Spec, now: number, signal: AbortSignal): Promise<DetectedDeploy> {
  const detect = detectSpecOf(spec, '--deployed-at detect');
  const deploys = await detectDeploys(spec, detect, { start: now - detect.within, end: now }, signal);
  const last = deploys[deploys.length - 1];
  if (last === undefined)
    throw new UsageError(
      `deploy.detect found no deploy in the last ${formatDuration(detect.within)}: ${searched(detect)}; ` +
        'nothing was judged. Give the time with --deployed-at, or widen deploy.detect.within',
    );
  return last;
}

/** What detection searched, in words: the query and what it shows, or the match and the lines. */
export function searched(detect: DeployDetectSpec): string {
  return detect.query !== undefined
    ? `query \`${detect.query}\` on source "${detect.source}" shows no series that appeared, disappeared or jumped`
    : `match \`${detect.match ?? ''}\` on source "${detect.source}" matches no line`;
}

/** Marks closer together than `settle` seconds, grouped. */
export function groupMarks(marks: readonly DeployMark[], settle: number): DeployMark[][] {
  const groups: DeployMark[][] = [];
  for (const mark of [...marks].sort((a, b) => a.at - b.at)) {
    const current = groups[groups.length - 1];
    if (current !== undefined && mark.at - current[current.length - 1]!.at <= settle) current.push(mark);
    else groups.push([mark]);
  }
  return groups;
}

const DETAILS_LISTED = 3;

function toDeploy(group: readonly DeployMark[], source: string, query: string): DetectedDeploy {
  const last = group[group.length - 1]!;
  const how = group.some((m) => m.how === 'version') ? 'version' : last.how;
  const words = how === 'version' ? 'version change' : how === 'restart' ? 'restart' : 'log line';
  const listed = group.slice(-DETAILS_LISTED).map((m) => m.detail);
  const more = group.length > DETAILS_LISTED ? ` (and ${group.length - DETAILS_LISTED} earlier changes)` : '';
  const span =
    group.length > 1
      ? ` over ${formatDuration(Math.round(last.at - group[0]!.at))} from ${formatTime(group[0]!.at)}`
      : '';
  return {
    source,
    query,
    how,
    at: Math.ceil(last.at),
    detail: `${words} at ${formatTime(Math.ceil(last.at))}${span}: ${listed.join('; ')}${more} (\`${query}\`)`,
  };
}
