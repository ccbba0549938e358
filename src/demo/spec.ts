/**
 * The spec the demo judges with: what a team without a metrics server would write for the demo
 * service. `${DEMO_URL}` is filled with the service's loopback address. Sampling is short (about
 * 10 seconds a side, 20 scrape intervals) so the whole demo stays under a minute; a healthy deploy
 * is not failed by chance because a failure needs a significant change beyond the tolerance.
 */
import { DEMO_LOG_FORMAT } from './access-log.js';

export const DEMO_SPEC = `version: 1
name: demo checkout service
deploy:
  warmup: 1s                      # let requests of the old version drain
baseline:
  window: 10s                     # the access log's lines before the deploy
post:
  window: 10s                     # and after it: run waits for it while the probes sample
defaults:
  confidence: 0.95
  tolerance: 25%
sources:
  checkout:
    type: http
    url: \${DEMO_URL}/api/checkout
    samples: 50
    interval: 200ms
  access:
    type: logs                    # the access log the service writes, in nginx's combined format plus $request_time
    files: \${DEMO_ACCESS_LOG}
    format: '${DEMO_LOG_FORMAT}'
  metrics:
    type: scrape
    url: \${DEMO_URL}/metrics
    samples: 21
    interval: 500ms
checks:
  - name: checkout errors (access log)
    source: access
    numerator: '{status=~"5.."}'
    denominator: '{path="/api/checkout"}'
    direction: increase
    tolerance: 50%
    step: 2s
    minSamples: 3
  - name: checkout latency (access log)
    source: access
    query: 'request_time{path="/api/checkout"}'
    direction: increase
    step: 2s
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
