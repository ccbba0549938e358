/** The typed spec of a Prometheus source, from the validated read tree. */
import { dirname, resolve } from 'node:path';
import type { ReadObject } from '../../fields/read-value.js';
import type { PrometheusSourceSpec } from './spec.js';

type Values = Record<string, unknown>;

/** Build a Prometheus source spec; only called on a block without issues. */
export function buildPrometheusSource(name: string, source: ReadObject, specFile: string): PrometheusSourceSpec {
  const v = source.values;
  const result: PrometheusSourceSpec = {
    type: 'prometheus',
    name,
    url: v.url as string,
    headers: v.headers as Record<string, string>,
    timeout: v.timeout as number,
    retries: v.retries as number,
  };
  const auth = v.auth as ReadObject | undefined;
  if (auth !== undefined && 'auth' in source.nodes) {
    const a = auth.values;
    result.auth =
      typeof a.bearer === 'string'
        ? { bearer: a.bearer }
        : { username: a.username as string, password: a.password as string };
  }
  const tls = v.tls as ReadObject | undefined;
  if (tls !== undefined && 'tls' in source.nodes) result.tls = buildTls(tls.values, specFile);
  return result;
}

/** A relative CA path means "next to the spec", as in Prometheus' own configuration files. */
function buildTls(values: Values, specFile: string): NonNullable<PrometheusSourceSpec['tls']> {
  const tls: NonNullable<PrometheusSourceSpec['tls']> = {};
  if (typeof values.ca === 'string') tls.ca = resolve(dirname(specFile), values.ca);
  if (typeof values.serverName === 'string') tls.serverName = values.serverName;
  return tls;
}
