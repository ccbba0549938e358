/** Every report is tried; one that fails is named in those written, and nothing is thrown. */
import { writeReportFiles, type ReportError } from '../../../src/output/write-report-files.js';

const render = (name: string) => (errors: readonly ReportError[]) =>
  `${name}:${errors.map((e) => `${e.path}=${e.error}`).join(',')}`;

test('a report that cannot be written is named in the others, including what is written between the passes', async () => {
  const files = new Map<string, string>();
  const write = async (path: string, text: string): Promise<void> => {
    if (path === 'b.html') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    files.set(path, text);
  };
  let seenBySummary: readonly ReportError[] = [];
  const errors = await writeReportFiles(
    [
      { path: 'a.json', render: render('a') },
      { path: 'b.html', render: render('b') },
      { path: 'c.md', render: render('c') },
    ],
    async (known) => {
      seenBySummary = known;
      return [{ path: 'summary.md', error: 'EISDIR: illegal operation on a directory' }];
    },
    write,
  );
  const expected = [
    { path: 'b.html', error: 'ENOSPC: no space left on device' },
    { path: 'summary.md', error: 'EISDIR: illegal operation on a directory' },
  ];
  expect(errors).toEqual(expected);
  expect(seenBySummary).toEqual([expected[0]]);
  expect(Object.fromEntries(files)).toEqual({
    'a.json': 'a:b.html=ENOSPC: no space left on device,summary.md=EISDIR: illegal operation on a directory',
    'c.md': 'c:b.html=ENOSPC: no space left on device,summary.md=EISDIR: illegal operation on a directory',
  });
});

test('when every report is written, each is written once and no error is named', async () => {
  const writes: string[] = [];
  const errors = await writeReportFiles(
    [{ path: 'a.json', render: render('a') }],
    undefined,
    async (path, text) => void writes.push(`${path}=${text}`),
  );
  expect([errors, writes]).toEqual([[], ['a.json=a:']]);
});

test('a renderer that throws is a bug and is thrown, not reported as a file that could not be written', async () => {
  const broken = (): string => {
    throw new TypeError('renderer bug');
  };
  await expect(
    writeReportFiles([{ path: 'a.json', render: broken }], undefined, async () => undefined),
  ).rejects.toThrow('renderer bug');
});
