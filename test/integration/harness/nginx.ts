/**
 * A real nginx (the Debian package) started by a test as an ordinary process: its own prefix,
 * config, pid file and logs in a temporary folder, `daemon off` so the process started is the
 * master, listening on a free loopback port and proxying to one upstream. stop() ends that pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './port.js';

export const NGINX = '/usr/sbin/nginx';
export const NGINX_INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends nginx';

/** The access logs the test nginx writes, one per format. */
export const NGINX_FORMATS = {
  /** nginx's default: `access_log <file>;` writes the combined format. */
  combined: null,
  timed:
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time $upstream_response_time',
  json: '{"time":"$time_iso8601","status":$status,"method":"$request_method","path":"$uri","request_time":$request_time,"agent":"$http_user_agent"}',
} as const;

export interface NginxProcess {
  url: string;
  /** The access log of each format. */
  logs: Record<keyof typeof NGINX_FORMATS, string>;
  /** The log_format line of a format as written in nginx.conf (to paste into a spec). */
  logFormatLine(format: 'timed' | 'json'): string;
  pid: number;
  stop(): Promise<void>;
}

/** Throws (never skips) when nginx is not installed, with the command that installs it. */
export function requireNginx(): void {
  if (existsSync(NGINX)) return;
  throw new Error(
    `these tests need nginx at ${NGINX} (Debian package "nginx"). Install it with: sudo sh -c '${NGINX_INSTALL_COMMAND}'`,
  );
}

function formatLine(name: 'timed' | 'json'): string {
  return `log_format ${name}${name === 'json' ? ' escape=json' : ''} '${NGINX_FORMATS[name]}';`;
}

function config(dir: string, port: number, upstream: string): string {
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    `  client_body_temp_path ${join(dir, 'tmp', 'body')};`,
    `  proxy_temp_path ${join(dir, 'tmp', 'proxy')};`,
    `  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};`,
    `  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};`,
    `  scgi_temp_path ${join(dir, 'tmp', 'scgi')};`,
    `  ${formatLine('timed')}`,
    `  ${formatLine('json')}`,
    `  access_log ${join(dir, 'combined.log')};`,
    `  access_log ${join(dir, 'timed.log')} timed;`,
    `  access_log ${join(dir, 'json.log')} json;`,
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    location / { proxy_pass ${upstream}; }`,
    '  }',
    '}',
    '',
  ].join('\n');
}

async function waitForPort(url: string, child: ChildProcess, errorLog: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${url}/__nginx_ready`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
  throw new Error(`nginx did not answer on ${url} (exit ${child.exitCode}); error.log:\n${log}`);
}

/** Start nginx proxying to `upstream` (http://127.0.0.1:port); the caller must call stop(). */
export async function startNginx(upstream: string): Promise<NginxProcess> {
  requireNginx();
  const dir = mkdtempSync(join(tmpdir(), 'verify-deploy-nginx-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'));
  const port = await findFreePort();
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, config(dir, port, upstream));
  const test = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-c', configFile, '-e', join(dir, 'error.log')], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx -t refused the test config: ${test.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', configFile, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForPort(url, child, join(dir, 'error.log'));
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    pid: child.pid as number,
    logs: { combined: join(dir, 'combined.log'), timed: join(dir, 'timed.log'), json: join(dir, 'json.log') },
    logFormatLine: formatLine,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
