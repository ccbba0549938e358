/** Snapshot files: the spec hash, the round trip of samples (NaN and Inf too), and a snapshot from another spec. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotFile } from '../../../src/snapshot/command.js';
import { UsageError } from '../../../src/errors.js';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../src/gate/sampling/snapshot-format.js';
import { loadSnapshot } from '../../../src/gate/sampling/load-snapshot.js';
import { hashSampledSpec } from '../../../src/gate/sampling/snapshot-spec-hash.js';
import { assertTakenBeforeDeploy, latestSampleTime } from '../../../src/gate/sampling/snapshot-times.js';
import { PROBE_SPEC, validSpec } from './helpers.js';

function snapshotOf(specText: string): Snapshot {
  const spec = validSpec(specText);
  const sampling = {
    startedAt: 1000,
    endedAt: 1010.5,
    planned: 3,
    taken: 3,
    measures: {
      latency: [
        {
          labels: {},
          points: [
            { t: 1000, v: 0.012 },
            { t: 1005, v: 0.5 },
          ],
        },
      ],
      value: [
        {
          labels: { a: 'b' },
          points: [
            { t: 1000, v: Number.NaN },
            { t: 1005, v: Number.POSITIVE_INFINITY },
          ],
        },
      ],
    },
    failures: { 'status 503': 1 },
  };
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    specHash: hashSampledSpec(spec),
    specName: 'shop',
    takenAt: '2026-11-26T10:00:00.000Z',
    sources: { app: sampling, metrics: { ...sampling, measures: {} } },
  };
}

describe('the spec hash', () => {
  const hash = (text: string, vars?: Record<string, string>): string => hashSampledSpec(validSpec(text, vars));

  it('changes with what is sampled, not with secrets or tuning', () => {
    const base = hash(PROBE_SPEC);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hash(PROBE_SPEC, { TOKEN: 'rotated' })).toBe(base);
    expect(hash(PROBE_SPEC.replace('name: shop', 'name: other').replace('defaults', 'x'))).toBe(base);
    expect(
      hash(
        PROBE_SPEC.replace(
          '    direction: increase\n  - name: queue',
          '    direction: increase\n    tolerance: 50%\n  - name: queue',
        ),
      ),
    ).toBe(base);
    expect(hash(PROBE_SPEC.replace('8080/healthz', '8081/healthz'))).not.toBe(base);
    expect(hash(PROBE_SPEC.replace('q: 0.95', 'q: 0.99'))).not.toBe(base);
  });

  it('never contains a secret in its input (the hash is of text with secrets masked)', () => {
    const spec = validSpec(PROBE_SPEC.replace('8080/healthz', '8080/healthz?token=${TOKEN}'));
    expect(hashSampledSpec(spec)).toBe(
      hashSampledSpec(validSpec(PROBE_SPEC.replace('8080/healthz', '8080/healthz?token=${TOKEN}'), { TOKEN: 'other' })),
    );
  });
});

describe('snapshot files', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'vd-snapshot-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('round-trip the samples, NaN and Inf included', async () => {
    const file = join(dir, 'base.json');
    const snapshot = snapshotOf(PROBE_SPEC);
    await writeSnapshotFile(file, snapshot);
    expect(await readFile(file, 'utf8')).toContain('"NaN"');
    expect(await loadSnapshot(file, validSpec(PROBE_SPEC))).toEqual(snapshot);
  });

  it('refuse a snapshot of another spec, naming both hashes', async () => {
    const file = join(dir, 'base.json');
    await writeSnapshotFile(file, snapshotOf(PROBE_SPEC));
    const other = validSpec(PROBE_SPEC.replace('8080/metrics', '9090/metrics'));
    const error = await loadSnapshot(file, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /taken from another spec \("shop"\): its hash is sha256:[0-9a-f]{12}, this spec's is sha256:[0-9a-f]{12}/,
    );
  });

  it.each([
    [
      '{"format":"verify-deploy-snapshot","version":1,"specHash":"x","takenAt":"2026-11-26T10:00:00Z","sources":{"app":',
      'it is not JSON',
    ],
    ['{"hello":1}', 'it is not a verify-deploy snapshot'],
    ['{"format":"verify-deploy-snapshot","version":2}', 'its version 2 is not supported'],
    [
      '{"format":"verify-deploy-snapshot","version":1,"specHash":"x","takenAt":"2026-11-26T10:00:00Z","sources":{"app":{"startedAt":1,"endedAt":2,"planned":1,"taken":1,"failures":{},"measures":{"latency":[{"labels":{},"points":[[1,"fast"]]}]}}}}',
      'source "app" has a malformed point in "latency"',
    ],
  ])('refuse a broken file: %s', async (text, message) => {
    const file = join(dir, 'base.json');
    await writeFile(file, text);
    await expect(loadSnapshot(file, validSpec(PROBE_SPEC))).rejects.toThrow(message);
  });

  it('say how to take one when the file is missing', async () => {
    await expect(loadSnapshot(join(dir, 'none.json'), validSpec(PROBE_SPEC))).rejects.toThrow(
      /no such file \(take one before the deploy with `verify-deploy snapshot/,
    );
  });
});

describe('the snapshot predates the deploy', () => {
  // snapshotOf: samplings end at 1010.5, takenAt is 2026-11-26T10:00:00Z (1795687200).
  const late = snapshotOf(PROBE_SPEC);
  const early = { ...late, takenAt: '1970-01-01T00:16:50.000Z' }; // 1010 s

  it("accepts samples up to the deploy's own second", () => {
    expect(() => assertTakenBeforeDeploy(early, 'base.json', 1010, 5000)).not.toThrow();
    expect(latestSampleTime(early)).toBe(1010.5);
  });

  it('refuses samples after the deploy, naming the file and both times', () => {
    expect(() => assertTakenBeforeDeploy(early, 'base.json', 1009, 5000)).toThrow(
      new UsageError(
        'the snapshot base.json holds samples up to 1970-01-01T00:16:50.500Z, after the deploy at 1970-01-01T00:16:49Z: a baseline must be sampled before the deploy; take the snapshot before deploying, or check --deployed-at / deploy.at',
      ),
    );
  });

  it('refuses a snapshot dated in the future', () => {
    expect(() => assertTakenBeforeDeploy(late, 'base.json', 1795687300, 1795687000)).toThrow(
      /^the snapshot base\.json holds samples up to 2026-11-26T10:00:00Z, in the future \(now 2026-11-26T09:56:40Z\)/,
    );
  });
});
