/** The shape of the simulated traffic: what a route normally looks like and how load varies by hour. */

/** Upper bounds of the histogram buckets (the Prometheus client defaults; +Inf is implied). */
export const BUCKET_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Log-scale spread of latencies: p95 = median * exp(1.645 * 0.5), about 2.3x the median. */
export const LATENCY_SIGMA = 0.5;

/** Share of 5xx answers that are 503 (the rest are 500), so `code=~"5.."` has two series to match. */
export const SHARE_503 = 0.2;

interface RouteProfile {
  /** Requests per second per instance at the daily mean. */
  rps: number;
  /** Median latency in seconds. */
  median: number;
}

const PROFILES: Record<string, RouteProfile> = {
  '/checkout': { rps: 20, median: 0.12 },
  '/cart': { rps: 30, median: 0.06 },
  '/search': { rps: 40, median: 0.08 },
  '/pay': { rps: 15, median: 0.15 },
};

/** The normal traffic and latency of a route. */
export function routeProfile(route: string): RouteProfile {
  const profile = PROFILES[route];
  if (!profile) throw new Error(`no traffic profile for route ${route}`);
  return profile;
}

/** A mild diurnal load curve (+-15%, peak at 15:00 UTC): about 4% change per hour at most. */
export function diurnalFactor(unixSeconds: number): number {
  const hour = (unixSeconds % 86400) / 3600;
  return 1 + 0.15 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
}
