/** Serves the files of one folder on 127.0.0.1 and records every path asked for (the page must ask for itself only). */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>/<file>` for a file of the folder. */
  urlOf(file: string): string;
  /** Every request path, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; only plain file names of `dir` are served. */
export async function serveFolder(dir: string): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    requested.push(path);
    readFile(join(dir, basename(path)))
      .then((body) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    urlOf: (file) => `http://127.0.0.1:${port}/${encodeURIComponent(file)}`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
