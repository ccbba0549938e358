/**
 * The spec the demo judges with: what a team without a metrics server would write for the demo
 * service. `${DEMO_URL}` is filled with the service's loopback address. Sampling is short (about
 * 10 seconds a side, 20 scrape intervals) so the whole demo stays under a minute; a healthy deploy
 * is not failed by chance because a failure needs a significant change beyond the tolerance.
 */
export const DEMO_SPEC = `version: 1
name: demo checkout service
deploy:
  warmup: 1s                      # let requests of the old version drain
defaults:
  confidence: 0.95
  tolerance: 25%
sources:
  checkout:
    type: http
    url: \${DEMO_URL}/api/checkout
    samples: 50
    interval: 200ms
  metrics:
    type: scrape
    url: \${DEMO_URL}/metrics
    samples: 21
    interval: 500ms
checks:
  - name: checkout latency (probed)
    source: checkout
    measure: latency
    direction: increase
  - name: checkout error ratio (scraped)
    source: metrics
    ratio:
      numerator: http_requests_total{route="/api/checkout",code=~"5.."}
      denominator: http_requests_total{route="/api/checkout"}
    direction: increase
    tolerance: 50%
    max: 0.05
  - name: checkout p95 latency (scraped)
    source: metrics
    quantile: { q: 0.95, histogram: 'http_request_duration_seconds{route="/api/checkout"}' }
    direction: increase
`;
