/** The starter spec `verify-deploy init --source prometheus` writes (init adds the common header and defaults). */
import type { StarterParts } from '../source-kind.js';

export function prometheusStarter({ header, defaults }: StarterParts): string {
  return `${header}deploy:
  warmup: 1m                        # the post window starts this long after the deploy
baseline:
  window: 30m                       # ends at the deploy time (--deployed-at, default now)
post:
  window: 10m                       # run waits until it has ended
${defaults}  step: 1m                          # query resolution; equal to the [1m] ranges below, so points do not overlap
sources:
  prom:
    type: prometheus                # Prometheus, Thanos, Mimir, VictoriaMetrics
    url: \${PROMETHEUS_URL:-http://localhost:9090}   # --var PROMETHEUS_URL=... or the environment; this default otherwise
    # auth: { bearer: "\${PROM_TOKEN}" }
checks:
  - name: errors                    # judged as counts (errors out of requests), not as a ratio series
    source: prom
    numerator: sum(increase(http_requests_total{job="my-service",code=~"5.."}[1m]))
    denominator: sum(increase(http_requests_total{job="my-service"}[1m]))   # ranges equal the step
    direction: increase             # the change that is bad: increase | decrease | either
    max: 0.01                       # and never above 1%, whatever the baseline was
  - name: p95 latency
    source: prom
    query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="my-service"}[1m])))
    direction: increase
  - name: throughput
    source: prom
    query: sum(rate(http_requests_total{job="my-service"}[1m]))
    direction: decrease
    tolerance: 20%
    critical: false                 # a failing non-critical check warns but does not fail the run
`;
}
