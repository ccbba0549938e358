/** Seeded access and application log lines for the logs benchmark, written in large chunks. */
import { closeSync, openSync, writeSync } from 'node:fs';

export type BenchFormat = 'combined' | 'timed' | 'json' | 'logfmt';

export const TIMED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PATHS = ['/api/orders', '/api/users/', '/api/cart', '/static/app.js', '/healthz', '/api/search?q=shoes'];
const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

function clf(t: number): string {
  const d = new Date(t * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One line at time `t` (unix seconds), the i-th of the file. */
export function line(format: BenchFormat, t: number, i: number, timeText: string): string {
  const status = i % 97 === 0 ? 502 : i % 13 === 0 ? 404 : 200;
  const path = PATHS[i % PATHS.length] + (i % PATHS.length === 1 ? String(i % 10007) : '');
  const rt = ((i * 7919) % 900) / 1000 + 0.005;
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  switch (format) {
    case 'combined':
      return `${ip} - - [${timeText}] "GET ${path} HTTP/1.1" ${status} ${1000 + (i % 5000)} "-" "${AGENT}"`;
    case 'timed':
      return `${ip} - - [${timeText}] "GET ${path} HTTP/1.1" ${status} ${1000 + (i % 5000)} "-" "${AGENT}" ${rt.toFixed(3)}`;
    case 'json':
      return `{"time":"${new Date(t * 1000).toISOString()}","status":${status},"method":"GET","path":"${path}","request_time":${rt.toFixed(3)},"remote_addr":"${ip}"}`;
    case 'logfmt':
      return `time=${new Date(t * 1000).toISOString()} level=info status=${status} method=GET path=${path} request_time=${rt.toFixed(3)} remote_addr=${ip} msg="request done"`;
  }
}

/** Write `lines` lines from `start`, `perSecond` a second; returns the bytes written and the last time. */
export function generate(
  file: string,
  format: BenchFormat,
  options: { lines?: number; bytes?: number; start: number; perSecond: number },
): { lines: number; bytes: number; end: number } {
  const fd = openSync(file, 'w');
  let chunk: string[] = [];
  let bytes = 0;
  let i = 0;
  let lastSecond = -1;
  let timeText = '';
  let t = options.start;
  try {
    for (; ; i++) {
      if (options.lines !== undefined && i >= options.lines) break;
      if (options.bytes !== undefined && bytes >= options.bytes) break;
      t = options.start + i / options.perSecond;
      const second = Math.floor(t);
      if (second !== lastSecond) {
        lastSecond = second;
        timeText = clf(second);
      }
      const text = line(format, second, i, timeText);
      chunk.push(text);
      bytes += text.length + 1;
      if (chunk.length === 50_000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return { lines: i, bytes, end: t };
}
