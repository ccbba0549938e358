/** The examples for teams without Prometheus are valid specs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from './helpers.js';

const DIR = fileURLToPath(new URL('../../../examples/without-prometheus/', import.meta.url));
const VARS = {
  APP_URL: 'http://127.0.0.1:8080',
  HEALTH_TOKEN: 't',
  GREEN_URL: 'http://127.0.0.1:8081',
  BLUE_URL: 'http://127.0.0.1:8082',
};

describe('examples/without-prometheus/', () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.yaml'));

  it('holds the http, scrape and blue/green examples', () => {
    expect(files.sort()).toEqual(['blue-green.yaml', 'http-health.yaml', 'scrape-metrics.yaml']);
  });

  it.each(files)('%s is valid and reads only sources without history', (name) => {
    const { spec, issues } = parse(readFileSync(join(DIR, name), 'utf8'), VARS);
    expect(issues).toEqual([]);
    expect(spec?.checks.every((check) => check.probe !== undefined)).toBe(true);
  });
});
