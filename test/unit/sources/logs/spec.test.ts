import { issuesOf, lines, validSpec } from '../../spec-file/helpers.js';

function logsSpec(sourceLines: string[], checkLines: string[]): string {
  return lines(
    'version: 1',
    'sources:',
    '  web:',
    '    type: logs',
    ...sourceLines,
    'checks:',
    '  - name: c',
    '    source: web',
    '    direction: increase',
    ...checkLines,
  );
}

describe('logs sources in the spec', () => {
  test('a glob or a list, a command or a list of commands; each check form plans its query', () => {
    const spec = validSpec(
      logsSpec(
        [
          '    files: /var/log/nginx/access.log*',
          `    format: '$remote_addr [$time_local] "$request" $status $request_time'`,
        ],
        [
          '    query: request_time{path!="/healthz"}',
          '    by: [path]',
          '  - {name: d, source: web, direction: increase, numerator: "{status=~\\"5..\\"}"}',
        ],
      ),
    );
    expect(spec.checks.map((c) => [c.query, c.numerator])).toEqual([
      ['request_time{path!="/healthz"} by (path)', undefined],
      ['rate({status=~"5.."}[30s])', undefined],
    ]);
    const fleet = validSpec(
      logsSpec(
        ['    command:', '      - [ssh, web-1, cat, /var/log/a]', '      - [ssh, web-2, cat, /var/log/a]'],
        ['    signatures: \'{level="error"}\''],
      ),
    );
    expect(fleet.sources.web).toMatchObject({
      command: [
        ['ssh', 'web-1', 'cat', '/var/log/a'],
        ['ssh', 'web-2', 'cat', '/var/log/a'],
      ],
    });
    expect(fleet.checks[0]?.query).toBe('signatures({level="error"}[30s])');
  });

  test('a log_format that cannot split a line, and a selector that does not parse, point at their line and column', () => {
    expect(
      issuesOf(
        logsSpec(
          ['    files: a.log', "    format: '$remote_addr$status [$time_local]'"],
          ["    numerator: '{status=~5}'"],
        ),
      ),
    ).toEqual([
      '6:26: invalid format in "format" in source "web" at column 13: $remote_addr and $status have nothing between them: a line cannot be split there',
      '11:26: invalid selector in numerator of check "c" at column 10: expected a quoted value',
    ]);
  });

  test('files or command, one check form, and the keys that go with it', () => {
    expect(
      issuesOf(
        logsSpec(
          ['    files: a.log', '    command: [cat, a.log]', '    pattern: x'],
          ['    query: "{}"', '    measure: success', '    message: m'],
        ),
      ),
    ).toEqual([
      '6:14: source "web" needs either "files" (globs) or "command" (an argv printing the log), not both',
      '7:14: "pattern" in source "web" is read only with "format: regex"',
      '12:13: invalid selector in query of check "c" at column 1: a query on a logs source reads a field, e.g. request_time{path=~"/api/.*"}; to count lines use "numerator"',
      '13:14: "measure" in check "c" does not apply to a logs source: use "query" (a field\'s values), "numerator" (and "denominator") or "signatures"',
      '14:14: "message" in check "c" applies only to "signatures"',
    ]);
  });

  test('a selector naming a field the nginx format does not have is refused, with the fields it has', () => {
    expect(
      issuesOf(
        logsSpec(
          ['    files: a.log', `    format: '$remote_addr [$time_local] "$request_method $uri" $status'`],
          ['    numerator: \'{method="GET"}\''],
        ),
      ),
    ).toEqual([
      '11:18: invalid selector in numerator of check "c" at column 2: the source\'s format has no field "method" (its fields: remote_addr, time_local, request_method, uri, status)',
    ]);
  });
});
