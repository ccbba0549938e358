/** The one-paragraph summary a chat webhook shows (--notify). */
import { renderChatText, renderFailedDeployText } from '../../../src/reports/chat-text.js';
import { buildRunResult } from '../../fixtures/reports/run-result.js';

const ran = { startedAt: 1700000000, endedAt: 1700000042.5, signal: null };

test('a failed run rolled back: verdict, failing checks with change and interval, what ran, where the report is', () => {
  const result = buildRunResult({
    commands: {
      deploy: { argv: ['./deploy.sh', 'v1.4.2'], exitCode: 0, ...ran, outputTail: 'done' },
      rollback: { argv: ['./rollback.sh'], exitCode: 0, ...ran, outputTail: 'rolled back', because: 'fail' },
    },
  });
  const text = renderChatText(result, ['gate.html']);
  expect(text).toMatch(/^verify-deploy checkout: FAIL \(exit 1/);
  const failing = result.checks.filter((c) => c.verdict !== 'pass');
  for (const check of failing) expect(text).toContain(check.name);
  expect(text).toMatch(/\(FAIL: [+-][\d.]+% \[[+-][\d.]+%, [+-][\d.]+%\], mean [\d.e-]+ -> [\d.e-]+\)/);
  expect(text).toContain('Deploy command `./deploy.sh v1.4.2` exited 0 after 42.5s');
  expect(text).toContain('Rolled back: rollback command `./rollback.sh` exited 0');
  expect(text).toContain('Report: gate.html.');
  expect(text).not.toContain('\n');
});

test('a deploy command that failed: exit 5 and the last lines of its output, on one line', () => {
  const text = renderFailedDeployText('checkout', {
    argv: ['./deploy.sh', 'v1.4.2'],
    exitCode: 7,
    ...ran,
    outputTail: 'step 1\nssh: connect to host app1 port 22: Connection refused',
  });
  expect(text).toBe(
    'verify-deploy checkout: DEPLOY FAILED (exit 5): deploy command `./deploy.sh v1.4.2` exited 7 after 42.5s; nothing was judged and nothing was rolled back. Last output: step 1 | ssh: connect to host app1 port 22: Connection refused',
  );
});
