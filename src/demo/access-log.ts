/** The demo service's access log, written as nginx writes its own: combined plus `$request_time`. */
import { appendFileSync } from 'node:fs';

/** The log_format of the lines, as it would stand in nginx.conf. */
export const DEMO_LOG_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function timeLocal(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Append one request's line to `file` (synchronously: a line is written when its request ends, as nginx does). */
export function writeAccessLine(
  file: string,
  request: { path: string; status: number; bytes: number; seconds: number },
): void {
  appendFileSync(
    file,
    `127.0.0.1 - - [${timeLocal(Date.now())}] "GET ${request.path} HTTP/1.1" ${request.status} ${request.bytes} "-" "verify-deploy-demo" ${request.seconds.toFixed(3)}\n`,
  );
}
