/** The starter spec `verify-deploy init --source scrape` writes (init adds the common header and defaults). */
import type { StarterParts } from '../source-kind.js';

export function scrapeStarter({ header, defaults }: StarterParts): string {
  return `${header}# No metrics server needed: the app's own /metrics page is scraped now and rates, ratios and
# quantiles are computed locally. Before the deploy:
#   verify-deploy snapshot verify.yaml --out base.json
# after it:
#   verify-deploy run verify.yaml --baseline-from base.json
${defaults}sources:
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
}
