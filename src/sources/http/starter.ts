/** The starter spec `verify-deploy init --source http` writes (init adds the common header and defaults). */
import type { StarterParts } from '../source-kind.js';

export function httpStarter({ header, defaults }: StarterParts): string {
  return `${header}# No metrics server needed: the endpoint is probed now. Before the deploy:
#   verify-deploy snapshot verify.yaml --out base.json
# after it:
#   verify-deploy run verify.yaml --baseline-from base.json
${defaults}sources:
  app:
    type: http
    url: http://localhost:8080/healthz
    # baselineUrl: http://localhost:8081/healthz  # blue/green: probe the old instance side by side, no snapshot
    method: GET
    timeout: 5s                     # a slower probe fails
    samples: 200                    # probes per side: enough to pass a healthy availability check
    interval: 1s                    # (validate says what the planned samples decide)
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
}
