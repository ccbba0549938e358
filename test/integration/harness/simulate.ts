/** Turns a scenario into the counters a scrape every 15 s would have seen, request by request. */
import { createNormalStream, createUniform, samplePoisson, seedFromString, type Uniform } from './prng.js';
import {
  DATA_AFTER_DEPLOY_SECONDS,
  DATA_BEFORE_DEPLOY_SECONDS,
  SCRAPE_INTERVAL_SECONDS,
  deploySeconds,
  type Fleet,
  type Scenario,
} from './scenarios.js';
import { BUCKET_BOUNDS, LATENCY_SIGMA, SHARE_503, diurnalFactor, routeProfile } from './traffic-model.js';

export const STATUS_CODES = ['200', '500', '503'] as const;

/** The cumulative values of one scrape of one target (one instance, one route). */
export interface Scrape {
  t: number;
  requests: Record<(typeof STATUS_CODES)[number], number>;
  /** Per-bucket (not yet cumulative) counts; the last entry is the +Inf overflow. */
  buckets: number[];
  count: number;
  sum: number;
}

export interface TargetSeries {
  labels: Record<string, string>;
  scrapes: Scrape[];
  /** A status code's series starts at its first request (Scenario.lazyCodeSeries). */
  lazyCodeSeries?: boolean;
}

/** Every target of a scenario with its scrapes, sorted by time. */
export function simulateScenario(scenario: Scenario): TargetSeries[] {
  const targets: TargetSeries[] = [];
  for (const fleet of scenario.fleets) {
    const track = Object.values(fleet.labels).join('-') || 'app';
    for (let i = 0; i < fleet.instances; i++) {
      const instance = `${scenario.job}-${track}-${i}:8080`;
      for (const route of scenario.routes) {
        const labels = { job: scenario.job, instance, route, ...fleet.labels };
        targets.push({
          labels,
          scrapes: simulateTarget(scenario, fleet, route, i, labels),
          ...(scenario.lazyCodeSeries ? { lazyCodeSeries: true } : {}),
        });
      }
    }
  }
  return targets;
}

interface Random {
  uniform: Uniform;
  normal: () => number;
}

/** What one target served between two scrapes. */
interface Interval {
  t: number;
  /** Expected number of requests. */
  requests: number;
  medianLatency: number;
  errorRate: number;
}

function simulateTarget(
  scenario: Scenario,
  fleet: Fleet,
  route: string,
  index: number,
  labels: Record<string, string>,
): Scrape[] {
  const seed = JSON.stringify(labels);
  const random = {
    uniform: createUniform(seedFromString(seed)),
    normal: createNormalStream(createUniform(seedFromString(`latency ${seed}`))),
  };
  const profile = routeProfile(route);
  const deploy = deploySeconds(scenario);
  // Targets are scraped at different offsets, as Prometheus spreads them over the interval.
  const offset = (index * 7) % SCRAPE_INTERVAL_SECONDS;
  const first = deploy - (scenario.dataBeforeDeploySeconds ?? DATA_BEFORE_DEPLOY_SECONDS) + offset;
  const end = scenario.stopsAtDeploy ? deploy - 1 : deploy + DATA_AFTER_DEPLOY_SECONDS;
  const scrapes: Scrape[] = [];
  let current = emptyScrape(first);
  for (let t = first; t <= end; t += SCRAPE_INTERVAL_SECONDS) {
    const previous = t - SCRAPE_INTERVAL_SECONDS;
    if (fleet.startsAtDeploy && t < deploy) continue;
    let seconds = SCRAPE_INTERVAL_SECONDS;
    const startsHere = fleet.startsAtDeploy === true && previous < deploy;
    if (startsHere || (scenario.restartAtDeploy && previous < deploy && t >= deploy)) {
      // A fresh process: counters start at 0 and count only what it served since the deploy.
      current = emptyScrape(t);
      seconds = t - deploy;
    }
    const after = previous + SCRAPE_INTERVAL_SECONDS / 2 >= deploy;
    const behaviour = after
      ? (fleet.afterByRoute?.[route] ?? fleet.after)
      : (fleet.beforeByRoute?.[route] ?? fleet.before);
    current = serveRequests(random, current, {
      t,
      requests: profile.rps * (scenario.trafficFactor ?? 1) * diurnalFactor(t) * seconds,
      medianLatency: profile.median * behaviour.latencyFactor * (scenario.latencyPattern?.(t) ?? 1),
      errorRate: behaviour.errorRate,
    });
    scrapes.push(current);
  }
  return scrapes;
}

function emptyScrape(t: number): Scrape {
  const buckets = new Array<number>(BUCKET_BOUNDS.length + 1).fill(0);
  return { t, requests: { 200: 0, 500: 0, 503: 0 }, buckets, count: 0, sum: 0 };
}

/** Draws the interval's requests one by one and adds them to a copy of the previous scrape. */
function serveRequests({ uniform, normal }: Random, previous: Scrape, interval: Interval): Scrape {
  const next: Scrape = {
    ...previous,
    t: interval.t,
    requests: { ...previous.requests },
    buckets: [...previous.buckets],
  };
  const served = samplePoisson(uniform, interval.requests);
  for (let r = 0; r < served; r++) {
    const latency = interval.medianLatency * Math.exp(LATENCY_SIGMA * normal());
    let bucket = 0;
    while (bucket < BUCKET_BOUNDS.length && latency > (BUCKET_BOUNDS[bucket] ?? Infinity)) bucket++;
    next.buckets[bucket] = (next.buckets[bucket] ?? 0) + 1;
    next.sum += latency;
    if (uniform() >= interval.errorRate) next.requests[200]++;
    else if (uniform() < SHARE_503) next.requests[503]++;
    else next.requests[500]++;
  }
  next.count += served;
  return next;
}
