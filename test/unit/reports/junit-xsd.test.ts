/**
 * The JUnit report against a published schema: the Jenkins xUnit plugin's junit-10.xsd
 * (test/fixtures/junit/SOURCE.md), checked by libxml2 itself (xmllint-wasm), not by our reader.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { renderJunit } from '../../../src/reports/junit.js';
import type { CheckResult, RunResult } from '../../../src/types.js';
import { buildHostileRunResult, buildRunResult, buildWideCheck } from '../../fixtures/reports/run-result.js';

const XSD = readFileSync(new URL('../../fixtures/junit/junit-10.xsd', import.meta.url), 'utf8');

async function schemaErrors(result: RunResult): Promise<string[]> {
  const outcome = await validateXML({
    xml: [{ fileName: 'report.xml', contents: renderJunit(result) }],
    schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
  });
  return outcome.errors.map((error) => error.rawMessage);
}

const noData: CheckResult = {
  name: 'errors',
  verdict: 'inconclusive',
  critical: true,
  reason: 'no data in the post window',
  series: [],
  unmatched: { baseline: [], candidate: [] },
};

describe('the JUnit report is valid against junit-10.xsd', () => {
  test.each([
    ['a failing run with a warning', buildRunResult()],
    ['hostile names, labels and a NaN duration', buildHostileRunResult()],
    ['a wide check: one testcase per series', buildRunResult({ checks: [buildWideCheck(40, [3, 17])] })],
    ['a check without data', buildRunResult({ checks: [noData], verdict: 'inconclusive', exitCode: 3 })],
    ['no checks at all', buildRunResult({ checks: [], verdict: 'inconclusive', exitCode: 3 })],
    ['a long run', buildRunResult({ durationSeconds: 12345.6789 })],
  ])('%s', async (_, result) => {
    expect(await schemaErrors(result)).toEqual([]);
  });

  test('the validator does reject what the schema forbids (a skipped count on <testsuites>)', async () => {
    const broken = renderJunit(buildRunResult()).replace(
      '<testsuites name="verify-deploy"',
      '<testsuites skipped="1" name="verify-deploy"',
    );
    const outcome = await validateXML({
      xml: [{ fileName: 'report.xml', contents: broken }],
      schema: [{ fileName: 'junit-10.xsd', contents: XSD }],
    });
    expect(outcome.valid).toBe(false);
    expect(outcome.errors[0]?.rawMessage).toContain("attribute 'skipped': The attribute 'skipped' is not allowed");
  });
});
