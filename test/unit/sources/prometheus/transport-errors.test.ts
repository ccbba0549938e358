/**
 * The mapping of transport failures to SourceError kinds. A name that does not resolve is the
 * spec's `url` at fault (exit 2); a refused connection may be a backend restarting (retryable,
 * inconclusive). The DNS case is an AxiosError object as axios raises it: resolving a real
 * unresolvable name would ask this machine's resolver, and the tests stay on loopback.
 */
import { AxiosError } from 'axios';
import { startDeadline } from '../../../../src/sources/prometheus/deadline.js';
import { transportFailure } from '../../../../src/sources/prometheus/transport-errors.js';

function axiosErrorWithCode(code: string): AxiosError {
  const cause = Object.assign(new Error(`getaddrinfo ${code} prometheus.nonexistent.invalid`), { code });
  return new AxiosError(cause.message, code, undefined, undefined, undefined);
}

const deadline = startDeadline(60);
afterAll(() => deadline.dispose());
const ctx = {
  where: 'Prometheus at http://prometheus.nonexistent.invalid:9090/',
  sourceName: 'prom',
  deadline,
  timeoutSeconds: 30,
  maxBytes: 1024,
};

test('a host name that does not resolve (ENOTFOUND) is an endpoint error naming `url`, not retried', () => {
  const error = transportFailure(axiosErrorWithCode('ENOTFOUND'), ctx);
  expect(error.kind).toBe('endpoint');
  expect(error.retryable).toBe(false);
  expect(error.message).toContain('the host name does not resolve; check `url` of source "prom"');
});

test('a DNS server that did not answer (EAI_AGAIN) stays a retryable network error', () => {
  const error = transportFailure(axiosErrorWithCode('EAI_AGAIN'), ctx);
  expect(error.kind).toBe('network');
  expect(error.retryable).toBe(true);
});

test('a refused connection stays a retryable network error: the backend may be restarting', () => {
  const error = transportFailure(axiosErrorWithCode('ECONNREFUSED'), ctx);
  expect(error.kind).toBe('network');
  expect(error.retryable).toBe(true);
});
