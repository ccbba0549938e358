/**
 * For `run ... -- <deploy command>`: a loopback service whose behaviour is the content of a mode
 * file (so a real deploy shell script changes it by writing the file), real deploy and rollback
 * scripts, and a loopback webhook receiver that records what it is sent (or fails every request).
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export interface ModeService {
  url: string;
  modeFile: string;
  mode(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `good`: answers 200 in about 5-10 ms; `bad`: about 60-80 ms, and every third request 500.
 * The mode is read from the file on every request.
 */
export async function startModeService(dir: string): Promise<ModeService> {
  const modeFile = join(dir, 'mode');
  await writeFile(modeFile, 'good\n');
  let count = 0;
  const server = createServer((_request, response) => {
    readFile(modeFile, 'utf8')
      .catch(() => 'good')
      .then((text) => {
        const bad = text.trim() === 'bad';
        count++;
        const delay = bad ? 60 + (count % 5) * 5 : 5 + (count % 5);
        setTimeout(() => {
          if (bad && count % 3 === 0) response.writeHead(500).end('error');
          else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        }, delay);
      });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    modeFile,
    mode: async () => (await readFile(modeFile, 'utf8')).trim(),
    stop: () => close(server),
  };
}

export interface Webhook {
  url: string;
  /** The JSON bodies received, in order. */
  received: Array<{ text: string; report: { verdict: string; exitCode: number; commands?: unknown } | null }>;
  /** Requests answered, failing or not. */
  requests: number;
  stop(): Promise<void>;
}

/** A webhook receiver on loopback; `failWith` answers every request with that status. */
export async function startWebhook(failWith?: number): Promise<Webhook> {
  const hook: Omit<Webhook, 'url' | 'stop'> = { received: [], requests: 0 };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      hook.requests++;
      if (failWith !== undefined) {
        response.writeHead(failWith).end('no');
        return;
      }
      hook.received.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  const port = await listen(server);
  return Object.assign(hook, {
    // A path like Slack's, which carries the token: the URL is a secret.
    url: `http://127.0.0.1:${port}/services/T000/B000/xoxb-secret-token-123456`,
    stop: () => close(server),
  }) as Webhook;
}

/** A scratch folder with the spec and the scripts. */
export async function wrapScratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'verify-deploy-wrap-'));
}

export async function writeScript(dir: string, name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

/** A spec probing the service: latency (increase is bad), 40 probes 50 ms apart on each side. */
export function modeSpec(url: string): string {
  return `version: 1
name: checkout
deploy:
  warmup: 0s
defaults:
  confidence: 0.95
  tolerance: 25%
sources:
  app:
    type: http
    url: ${url}/api
    samples: 40
    interval: 50ms
checks:
  - name: latency
    source: app
    measure: latency
    direction: increase
`;
}
