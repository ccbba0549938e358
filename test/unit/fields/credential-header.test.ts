import { collectSecrets } from '../../../src/sources/prometheus/auth.js';
import { parseEndpoint } from '../../../src/sources/prometheus/endpoint.js';
import type { PrometheusSourceSpec } from '../../../src/sources/prometheus/spec.js';
import { lines, validSpec } from '../spec-file/helpers.js';

const NAMES = [
  'Authorization',
  'X-Auth-Key',
  'X-Api-Key',
  'Api-Key',
  'X-Session',
  'Cookie',
  'X-Vault-Token',
  'X-Client-Secret',
  'X-Password',
  'X-Credential',
  'X-Scope-OrgID',
  'X-Plain',
  'Accept',
];

test('the spec and the Prometheus source treat the same literal headers as credentials', () => {
  const headers = NAMES.map((name, i) => `      ${name}: literal-value-${i}`);
  const spec = validSpec(
    lines(
      'version: 1',
      'sources:',
      '  prom:',
      '    type: prometheus',
      '    url: http://127.0.0.1:9090',
      '    headers:',
      ...headers,
      'checks:',
      '  - name: up',
      '    source: prom',
      '    query: up',
      '    direction: decrease',
    ),
  );
  const source = spec.sources.prom as PrometheusSourceSpec;
  const fromSource = collectSecrets(source, parseEndpoint(source.url, 'prom'));
  expect([...spec.secrets].sort()).toEqual([...fromSource].sort());
  // Everything but the tenant and the two plain headers is a credential.
  expect(spec.secrets).toHaveLength(NAMES.length - 3);
  expect(spec.secrets).toContain(`literal-value-${NAMES.indexOf('X-Auth-Key')}`);
});
