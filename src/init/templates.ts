/**
 * The commented starter specs `verify-deploy init` writes, one per kind of source. Each must
 * validate as written (test/unit/snapshot/init.test.ts checks it), so placeholders are real
 * loopback URLs rather than unset ${VARIABLES}.
 */

export const STARTER_SOURCES = ['prometheus', 'http', 'scrape'] as const;
export type StarterSource = (typeof STARTER_SOURCES)[number];

const HEADER = `# yaml-language-server: $schema=./node_modules/verify-deploy/schema/verify-deploy.schema.json
# A verify-deploy spec: every check compares a baseline with the new version and fails the gate
# (exit 1) on a regression beyond its tolerance. Check it with: verify-deploy validate verify.yaml
version: 1
name: my-service                    # shown in reports
`;

const DEFAULTS = `defaults:                           # any check key can be defaulted here
  confidence: 0.95                  # 1 - the false-alarm rate of each test
  tolerance: 10%                    # relative change allowed before it counts as a regression
`;

const PROMETHEUS = `${HEADER}deploy:
  warmup: 1m                        # the post window starts this long after the deploy
baseline:
  window: 30m                       # ends at the deploy time (--deployed-at, default now)
post:
  window: 10m                       # run waits until it has ended
${DEFAULTS}  step: 1m                          # query resolution; equal to the [1m] ranges below, so points do not overlap
sources:
  prom:
    type: prometheus                # Prometheus, Thanos, Mimir, VictoriaMetrics
    url: http://localhost:9090      # or \${PROMETHEUS_URL}, filled from --var or the environment
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

const HTTP = `${HEADER}# No metrics server needed: the endpoint is probed now. Before the deploy:
#   verify-deploy snapshot verify.yaml --out base.json
# after it:
#   verify-deploy run verify.yaml --baseline-from base.json
${DEFAULTS}sources:
  app:
    type: http
    url: http://localhost:8080/healthz
    # baselineUrl: http://localhost:8081/healthz  # blue/green: probe the old instance side by side, no snapshot
    method: GET
    timeout: 5s                     # a slower probe fails
    samples: 60                     # probes per side
    interval: 1s
    expectStatus: 2xx               # or 200, 200-204, "200, 301"
    condition: $.status == "UP"     # optional: a condition on the JSON body
    # value: $.queue.depth          # optional: a number to judge with measure: value
checks:
  - name: availability
    source: app
    measure: success                # the share of failed probes, judged as a proportion
    direction: increase             # more failures is bad
  - name: latency
    source: app
    measure: latency                # seconds per probe
    direction: increase
    tolerance: 20%
`;

const SCRAPE = `${HEADER}# No metrics server needed: the app's own /metrics page is scraped now and rates, ratios and
# quantiles are computed locally. Before the deploy:
#   verify-deploy snapshot verify.yaml --out base.json
# after it:
#   verify-deploy run verify.yaml --baseline-from base.json
${DEFAULTS}sources:
  metrics:
    type: scrape
    url: http://localhost:8080/metrics
    # baselineUrl: http://localhost:8081/metrics  # blue/green: scrape the old instance side by side
    samples: 13                     # scrapes per side: 12 intervals
    interval: 5s
checks:
  - name: error ratio
    source: metrics
    ratio:
      numerator: http_requests_total{code=~"5.."}
      denominator: http_requests_total
    direction: increase
    max: 0.01
  - name: p95 latency
    source: metrics
    quantile: { q: 0.95, histogram: http_request_duration_seconds }
    by: [route]                     # one series per route, like sum by (route)
    direction: increase
  - name: throughput
    source: metrics
    rate: http_requests_total       # per second, counter resets survive
    direction: decrease
    tolerance: 20%
    critical: false
`;

/** The starter spec text for a kind of source. */
export function renderStarterSpec(source: StarterSource): string {
  return { prometheus: PROMETHEUS, http: HTTP, scrape: SCRAPE }[source];
}
