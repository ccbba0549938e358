/** The starter spec `verify-deploy init --source logs` writes: nginx access logs (init adds the common header and defaults). */
import type { StarterParts } from '../source-kind.js';

export function logsStarter({ header, defaults }: StarterParts): string {
  return `${header}# No metrics server needed: the gate reads the access log nginx already writes.
deploy:
  warmup: 1m                        # the post window starts this long after the deploy
baseline:
  window: 30m                       # ends at the deploy time (--deployed-at, default now)
post:
  window: 10m                       # run waits for it while the log grows
${defaults}  step: 30s                         # lines are counted per step
sources:
  web:
    type: logs
    files: /var/log/nginx/access.log*   # rotated .1 and .gz files are read too, oldest first
    format: combined                # or your log_format pasted as written, e.g.
    # format: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time'
    # command: [ssh, web-1, cat, /var/log/nginx/access.log]   # instead of files: argv, no shell
checks:
  - name: server errors             # 5xx lines out of lines, judged as counts
    source: web
    numerator: '{status=~"5.."}'
    denominator: '{path!="/healthz"}'
    direction: increase             # the change that is bad: increase | decrease | either
    max: 0.01                       # and never above 1%
  - name: traffic                   # a numerator alone: lines per second
    source: web
    numerator: '{path!="/healthz"}'
    direction: decrease
    tolerance: 30%
    critical: false                 # a failing non-critical check warns but does not fail the run
  # - name: latency                 # needs $request_time in the log_format
  #   source: web
  #   query: 'request_time{path!="/healthz"}'
  #   by: [path]                    # one series per route; ids in paths fold to :id
  #   direction: increase
`;
}
