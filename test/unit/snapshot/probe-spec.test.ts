/** The spec side of sources without history: source keys, check measures, selector and JSON errors at line:col. */
import { parse, PROBE_SPEC, validSpec } from './helpers.js';

describe('specs with http and scrape sources', () => {
  it('resolves sources and measures with defaults', () => {
    const spec = validSpec(PROBE_SPEC);
    expect(spec.sources.app).toMatchObject({
      type: 'http',
      method: 'GET',
      timeout: 5,
      samples: 200,
      interval: 1,
      expectStatus: [[200, 299]],
      condition: '$.status == "UP"',
    });
    expect(spec.sources.metrics).toMatchObject({ type: 'scrape', samples: 11, interval: 5 });
    expect(spec.checks.map((c) => c.probe?.kind)).toEqual(['success', 'value', 'ratio', 'quantile']);
    expect(spec.checks[3]?.probe).toEqual({
      kind: 'quantile',
      q: 0.95,
      histogram: { metric: 'http_request_duration_seconds', matchers: [] },
      by: ['route'],
    });
    expect(spec.secrets).toContain('s3cr3t');
  });

  it('reads expectStatus as a status, a class, a range or a list', () => {
    const spec = validSpec(
      PROBE_SPEC.replace(
        '    value: $.queue.depth\n',
        '    value: $.queue.depth\n    expectStatus: "200-204, 3xx, 418"\n',
      ),
    );
    expect(spec.sources.app).toMatchObject({
      expectStatus: [
        [200, 204],
        [300, 399],
        [418, 418],
      ],
    });
    expect(
      parse(PROBE_SPEC.replace('    value: $.queue.depth\n', '    value: $.queue.depth\n    expectStatus: 2xxx\n'))
        .issues,
    ).toEqual([expect.stringMatching(/^10:19: "expectStatus" in source "app" must be an HTTP status/)]);
  });

  it('points at the column of a bad condition, JSON path or selector', () => {
    const broken = PROBE_SPEC.replace('$.status == "UP"', '$.status = "UP"')
      .replace('$.queue.depth', '$.queue[*]')
      .replace('code=~"5.."', 'code=~"5..');
    expect(parse(broken).issues).toEqual([
      '8:25: invalid condition in "condition" in source "app" at column 10: expected a comparison (==, !=, <, <=, >, >=) after the path, found "="',
      '9:20: invalid JSON path in "value" in source "app" at column 9: expected a quoted string, found "*"',
      '24:52: invalid selector in "ratio.numerator" of check "errors" at column 27: the string is not closed',
    ]);
  });

  it('asks each check for the keys its source type needs', () => {
    const text = `version: 1
sources:
  app: { type: http, url: "http://127.0.0.1:1/" }
  metrics: { type: scrape, url: "http://127.0.0.1:1/metrics" }
  prom: { type: prometheus, url: "http://127.0.0.1:9090" }
defaults: { direction: increase }
checks:
  - { name: a, source: app, query: up }
  - { name: b, source: metrics, rate: x_total, quantile: { q: 0.5, histogram: h } }
  - { name: c, source: prom, measure: latency }
  - { name: d, source: app, measure: value }
  - { name: e, source: metrics }
`;
    expect(parse(text).issues).toEqual([
      '8:5: check "a" reads an http source and needs "measure": success, latency or value',
      '8:36: "query" in check "a" does not apply to an http source: use "measure: success | latency | value"',
      '9:58: check "b" has both "rate" and "quantile": give exactly one',
      expect.stringMatching(/^10:5: check "c" needs a "query"/),
      // "measure" is an http check's key only: neither scrape nor logs checks take it.
      '10:39: "measure" in check "c" applies only to checks on http sources',
      '11:38: check "d" has "measure: value" but its source has no "value" JSON path (e.g. value: $.queue.depth)',
      '12:5: check "e" reads a scrape source and needs one of "rate", "ratio" or "quantile"',
    ]);
  });

  it('names, for a key foreign to a Prometheus check, the source types whose checks take it', () => {
    const text = `version: 1
sources:
  prom: { type: prometheus, url: "http://127.0.0.1:9090" }
defaults: { direction: increase }
checks:
  - { name: a, source: prom, query: up, rate: x_total }
  - { name: b, source: prom, query: up, signatures: "{}" }
`;
    expect(parse(text).issues).toEqual([
      '6:47: "rate" in check "a" applies only to checks on scrape sources',
      '7:53: "signatures" in check "b" applies only to checks on logs sources',
    ]);
  });
});
