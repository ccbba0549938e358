/** `verify-deploy demo` end to end through the built CLI: a real service, a good deploy that passes, a bad one that fails. */
import { describeRun, runCli } from './harness/run-cli.js';

describe('verify-deploy demo', () => {
  it('passes the good deploy, fails the bad one, and exits 0 in under a minute', async () => {
    const started = Date.now();
    const result = await runCli(['demo']);
    const seconds = (Date.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`the demo did not behave as designed: ${describeRun(result)}`);
    expect(seconds).toBeLessThan(60);
    // Both reports are printed as a real run prints them, with the verdict lines a user reads.
    expect(result.stdout).toContain('verify-deploy snapshot demo.yaml --out baseline.json');
    expect(result.stdout).toMatch(/-> exit 0[\s\S]*-> exit 1/);
    expect(result.stdout).toMatch(/FAIL +checkout error ratio \(scraped\)/);
    expect(result.stdout).toMatch(/FAIL +checkout p95 latency \(scraped\)/);
    // The service's own access log judges the bad deploy too.
    expect(result.stdout).toMatch(/FAIL +checkout errors \(access log\)/);
    expect(result.stdout).toMatch(/FAIL +checkout latency \(access log\)/);
    expect(result.stdout).toContain('as designed: the good deploy passed (exit 0) and the bad one failed (exit 1)');
    expect(result.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
    // The sampling line names the address probed and the interval as the spec writes durations.
    expect(result.stdout + result.stderr).toMatch(
      /sampling checkout: 50 probes, one every 200ms, of http:\/\/127\.0\.0\.1:\d+\/api\/checkout/,
    );
  }, 90_000);
});
