/** Help text appended to --help: exit codes and examples, the things scripts need. */

export const EXIT_CODES_HELP = `
Exit codes:
  0  pass: no critical check found a regression
  1  fail: at least one critical check found a regression
  2  usage or spec error: fix the spec, an option or a source's configuration. A bad spec or
     option judges nothing; when a backend refuses a critical check's query or the credentials,
     or a source's url has no query API (a host that does not resolve, HTTP 404, a login page),
     the checks that could be read are still reported
  3  inconclusive: too little data, or a source could not be read, or the run was cut short
     (never reported as pass; --on-inconclusive pass maps only too little data to 0)
  4  internal error (a bug in verify-deploy): never reported as pass or as a regression
  5  run ... -- <deploy command>: the deploy command failed or could not start; nothing was
     judged and nothing was rolled back`;

export const RUN_HELP = `
The baseline window ends at the deploy; the post window starts at deploy + warmup. If the post
window has not ended yet, run waits for it and shows progress on stderr. stdout carries only the
report, so \`--format json | jq\` works. At most 8 queries go to one source at once; the others
wait their turn, and a query's timeout starts when it is sent.

Examples:
  $ verify-deploy run verify.yaml --deployed-at 2026-11-26T10:00:00Z
  $ verify-deploy run verify.yaml --deployed-at -15m --format json > report.json
  $ verify-deploy run verify.yaml --var PROMETHEUS_URL=http://prometheus:9090 --report gate.xml
  $ verify-deploy run verify.yaml --dry-run

Around a deploy: everything after -- is the deploy command, run as argv (no shell; write
sh -c '...' for one):
  $ verify-deploy run verify.yaml --rollback ./rollback.sh --notify "$SLACK_WEBHOOK" -- ./deploy.sh v1.4.2
1. preflight: the spec is validated and every query is read once; on an error nothing is
   deployed (exit 2, or 3 when a source cannot be read);
2. baseline: sources with history keep it; sources without (http, scrape) are sampled now, before
   the deploy, with progress on stderr;
3. the deploy command runs, its stdout and stderr on stderr (stdout stays the report); the deploy
   time is the moment it exits 0. A non-zero exit ends the run with exit 5: nothing is judged,
   nothing rolled back. --deployed-at and deploy.at cannot be combined with a command;
4. the post window is judged as usual, with early stops;
5. on a fail, the rollback runs (--rollback "<command>", split into words without a shell, or
   deploy.rollback as an argv list); --rollback-on inconclusive also rolls back an inconclusive
   run. The exit code stays the verdict's (1 or 3), whatever the rollback's;
6. SIGINT or SIGTERM while the deploy command runs is passed on to it; the run then ends as
   aborted (inconclusive, exit 3), never as a pass.
Every report gives each command's argv, duration, exit code and the tail of its output (secrets
redacted; JSON: commands).

--deployed-at detect finds the deploy time with deploy.detect (a version label that changed, a
restart, or a logs source's last matching line); detection that finds nothing is a spec error
(exit 2). --notify <url> (repeatable; or notify: in the spec) posts the verdict when the run ends:
{"text": <summary>, "report": <the JSON report>}, as Slack, Mattermost and Rocket.Chat webhooks
accept; retried with backoff, a failing webhook is a warning and never changes the exit code, and
its URL is never printed.

--report paths are checked before anything is fetched: a missing directory or a directory is a
usage error (exit 2). Reports are written whole (a new file renamed into place; a link at the
path is replaced, never followed). A report, the step summary or stdout that cannot be written
after the verdict (a full disk) is an error on stderr, and the reports that were written name it
(JSON: reportErrors); the exit code stays the verdict's. A closed pipe (| head) is not an error.
${EXIT_CODES_HELP}`;

export const VALIDATE_HELP = `
Checks the spec offline (no network): YAML syntax, unknown keys, types, durations, percentages,
sources, duplicate check names, \${VAR} interpolation and PromQL syntax. Every problem is reported
as file:line:col, all together.

Examples:
  $ verify-deploy validate verify.yaml
  $ verify-deploy validate verify.yaml --var PROMETHEUS_URL=http://localhost:9090

Exit codes: 0 valid, 2 invalid.`;
