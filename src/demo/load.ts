/**
 * The demo's traffic: a bounded load generator against the demo service on loopback, a fixed
 * number of requests per second from a few keep-alive connections, stopped by the demo (and by
 * itself after `maxSeconds`, so it can never run on).
 */
import { Agent, request } from 'node:http';

export interface LoadGenerator {
  /** Requests answered so far. */
  sent(): number;
  stop(): Promise<void>;
}

/** Send GET `url` `perSecond` times a second until stopped or `maxSeconds` passed. */
export function startLoad(url: string, perSecond: number, maxSeconds: number): LoadGenerator {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const inFlight = new Set<Promise<void>>();
  let answered = 0;
  const fire = (): void => {
    const done = new Promise<void>((resolve) => {
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          answered++;
          resolve();
        });
      });
      req.on('error', () => resolve());
      req.end();
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  const timer = setInterval(fire, 1000 / perSecond);
  const limit = setTimeout(() => clearInterval(timer), maxSeconds * 1000);
  return {
    sent: () => answered,
    stop: async () => {
      clearInterval(timer);
      clearTimeout(limit);
      await Promise.all(inFlight);
      agent.destroy();
    },
  };
}
