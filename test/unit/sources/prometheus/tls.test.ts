/**
 * TLS against a real HTTPS server on 127.0.0.1 with a CA made for the test: a private CA is
 * loaded from `tls.ca`, and verification stays on, even with NODE_TLS_REJECT_UNAUTHORIZED=0.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SourceError, UsageError } from '../../../../src/errors.js';
import { createPrometheusSource } from '../../../../src/sources/prometheus/client.js';
import { tlsEnvironmentWarnings } from '../../../../src/sources/prometheus/tls-environment.js';
import type { PrometheusSourceSpec } from '../../../../src/sources/prometheus/spec.js';
import { matrixBody } from './loopback-server.js';
import { createTestCerts, type TestCerts } from './test-certs.js';

const RANGE = { start: 1000, end: 1060, step: 60 };
let certs: TestCerts;
let server: Server;
let port: number;
const seen: string[] = [];

beforeAll(async () => {
  certs = createTestCerts();
  server = createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    seen.push(req.headers['authorization'] ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(matrixBody([{ metric: {}, values: [[1000, '1']] }])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  certs.remove();
});

function source(tls?: PrometheusSourceSpec['tls'], host = '127.0.0.1') {
  const spec: PrometheusSourceSpec = {
    type: 'prometheus',
    name: 'prom',
    url: `https://${host}:${port}`,
    headers: {},
    auth: { bearer: 'SENTINEL-TLS-TOKEN' },
    timeout: 5,
    retries: 0,
    ...(tls ? { tls } : {}),
  };
  return createPrometheusSource(spec);
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  expect((error as Error).message).not.toContain('SENTINEL-TLS-TOKEN');
  return error as SourceError;
}

test('the CA from tls.ca is trusted: the query is answered', async () => {
  const result = await source({ ca: certs.caFile }).fetchRange('up', RANGE);
  expect(result.series).toEqual([{ labels: {}, points: [{ t: 1000, v: 1 }] }]);
});

test('without tls.ca the private CA is not trusted, and the message says to set tls.ca', async () => {
  const error = await failure(source().fetchRange('up', RANGE));
  expect(error.message).toMatch(
    /TLS verification failed \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/,
  );
  expect(error.message).toContain('`tls.ca` of source "prom"');
  expect(error.retryable).toBe(false);
});

test('another CA is not trusted: an explicit ca replaces the roots, it does not add a way around them', async () => {
  const error = await failure(source({ ca: certs.otherCaFile }).fetchRange('up', RANGE));
  expect(error.message).toContain('TLS verification failed');
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 does not turn verification off', async () => {
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  const emit = process.emitWarning;
  process.emitWarning = () => undefined; // Node's own warning about the variable, not ours to test
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    await failure(source().fetchRange('up', RANGE));
  } finally {
    if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    process.emitWarning = emit;
  }
  expect(tlsEnvironmentWarnings({ NODE_TLS_REJECT_UNAUTHORIZED: '0' })[0]).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0');
  expect(tlsEnvironmentWarnings({ NODE_TLS_REJECT_UNAUTHORIZED: '1' })).toEqual([]);
  expect(tlsEnvironmentWarnings({})).toEqual([]);
});

test('the certificate must name the host: tls.serverName picks the name to check', async () => {
  // The certificate names 127.0.0.1 and prom.test: checking for another name fails, prom.test passes.
  const wrong = await failure(source({ ca: certs.caFile, serverName: 'other.test' }).fetchRange('up', RANGE));
  expect(wrong.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  const right = await source({ ca: certs.caFile, serverName: 'prom.test' }).fetchRange('up', RANGE);
  expect(right.series).toHaveLength(1);
});

test('an unreadable or non-PEM tls.ca is a usage error before any request', () => {
  expect(() => source({ ca: join(certs.dir, 'missing.pem') })).toThrow(UsageError);
  const notPem = join(certs.dir, 'not.pem');
  writeFileSync(notPem, 'hello');
  expect(() => source({ ca: notPem })).toThrow(/holds no PEM certificate/);
});
