/** Finds a loopback port nothing listens on (for the test Prometheus, and for a dead backend). */
import { createServer } from 'node:net';

/** Binds 127.0.0.1:0, reads the port the kernel chose, and releases it. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
