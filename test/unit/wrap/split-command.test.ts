import { UsageError } from '../../../src/errors.js';
import { splitCommandLine } from '../../../src/wrap/split-command.js';

test('--rollback is split into words as a shell would, quotes kept together, nothing expanded', () => {
  expect(splitCommandLine('./rollback.sh v1.4.1', '--rollback')).toEqual(['./rollback.sh', 'v1.4.1']);
  expect(splitCommandLine(`kubectl annotate deploy/x "reason=gate failed" 'a b'`, '--rollback')).toEqual([
    'kubectl',
    'annotate',
    'deploy/x',
    'reason=gate failed',
    'a b',
  ]);
  expect(splitCommandLine(`sh -c 'kubectl rollout undo deploy/x && echo done'`, '--rollback')).toEqual([
    'sh',
    '-c',
    'kubectl rollout undo deploy/x && echo done',
  ]);
  expect(splitCommandLine('a\\ b ""', '--rollback')).toEqual(['a b', '']);
});

test('shell syntax outside quotes is refused, naming the way to a shell', () => {
  for (const line of ['undo.sh && notify.sh', 'undo.sh | tee log', 'undo.sh $VERSION', 'undo.sh > log'])
    expect(() => splitCommandLine(line, '--rollback')).toThrow(UsageError);
  expect(() => splitCommandLine('undo.sh; x', '--rollback')).toThrow(/sh -c/);
  expect(() => splitCommandLine(`undo.sh 'open`, '--rollback')).toThrow(/unclosed/);
  expect(() => splitCommandLine('   ', '--rollback')).toThrow(/needs a command/);
});
