import { renderBacktestHuman, renderBacktestMarkdown } from '../../../src/backtest/render.js';
import type { BacktestResult } from '../../../src/backtest/types.js';

const rate = { judged: 1, fails: 1, inconclusive: 0, rate: 1, interval: [0.025, 1] as [number, number] };
const result: BacktestResult = {
  version: 1,
  kind: 'backtest',
  name: 'shop\n::error::owned',
  moments: ['2026-11-26T10:00:00Z'],
  skipped: [],
  run: { ...rate, failedAt: ['2026-11-26T10:00:00Z'] },
  checks: [
    {
      ...rate,
      name: '````latency',
      critical: true,
      alpha: 0.05,
      failedAt: [{ at: '2026-11-26T10:00:00Z', reason: 'route=<script>x</script>\n::add-mask::y \u001b[31m' }],
      inconclusiveAt: [],
    },
  ],
  notes: [],
  exitCode: 0,
  durationSeconds: 1,
};

test('the text form keeps names and reasons on their line, controls shown as \\uXXXX', () => {
  const text = renderBacktestHuman(result);
  expect(text).toContain('backtest of shop ::error::owned: 1 moment');
  expect(text).toContain('    2026-11-26T10:00:00Z  route=<script>x</script> ::add-mask::y \\u001b[31m\n');
  expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
});

test('the Markdown form is the text in one code block whose fence no backtick run in it can close', () => {
  const md = renderBacktestMarkdown(result);
  expect(md).toBe(`\`\`\`\`\`\n${renderBacktestHuman(result)}\`\`\`\`\`\n`);
});
