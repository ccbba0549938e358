/** Renders simulated targets as OpenMetrics text, the input `promtool tsdb create-blocks-from openmetrics` reads. */
import { STATUS_CODES, type TargetSeries } from './simulate.js';
import { BUCKET_BOUNDS } from './traffic-model.js';

const LE_VALUES = [...BUCKET_BOUNDS.map(String), '+Inf'];

function renderLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${value.replace(/["\\]/g, '\\$&')}"`);
  return `{${pairs.join(',')}}`;
}

/** Counter family `http_requests` (samples named `http_requests_total`), one series per status code. */
function renderRequests(targets: TargetSeries[], out: string[]): void {
  out.push('# TYPE http_requests counter', '# HELP http_requests Requests served.');
  for (const target of targets) {
    for (const code of STATUS_CODES) {
      const labels = renderLabels({ ...target.labels, code });
      for (const scrape of target.scrapes) {
        if (target.lazyCodeSeries && scrape.requests[code] === 0) continue;
        out.push(`http_requests_total${labels} ${scrape.requests[code]} ${scrape.t}`);
      }
    }
  }
}

/** Histogram family `http_request_duration_seconds`: cumulative buckets, count and sum per scrape. */
function renderDurations(targets: TargetSeries[], out: string[]): void {
  out.push('# TYPE http_request_duration_seconds histogram', '# HELP http_request_duration_seconds Request latency.');
  for (const target of targets) {
    const labels = renderLabels(target.labels);
    const bucketLabels = LE_VALUES.map((le) => renderLabels({ ...target.labels, le }));
    for (const scrape of target.scrapes) {
      let cumulative = 0;
      scrape.buckets.forEach((n, i) => {
        cumulative += n;
        out.push(`http_request_duration_seconds_bucket${bucketLabels[i]} ${cumulative} ${scrape.t}`);
      });
      out.push(`http_request_duration_seconds_count${labels} ${scrape.count} ${scrape.t}`);
      out.push(`http_request_duration_seconds_sum${labels} ${scrape.sum.toFixed(6)} ${scrape.t}`);
    }
  }
}

/** The whole exposition: one `# TYPE` per family, each series in time order, `# EOF` last. */
export function renderOpenMetrics(targets: TargetSeries[]): string {
  const out: string[] = [];
  renderRequests(targets, out);
  renderDurations(targets, out);
  out.push('# EOF', '');
  return out.join('\n');
}
