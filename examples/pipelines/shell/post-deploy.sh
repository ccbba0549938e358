#!/usr/bin/env bash
# After a manual deploy: run the verify-deploy gate and act on its verdict.
#
#   DEPLOYED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)   # just before traffic reaches the new version
#   ./deploy.sh
#   ROLLBACK_CMD='./rollback.sh' ./post-deploy.sh "$DEPLOYED_AT"
#
# Environment:
#   ROLLBACK_CMD  run with bash -c when the gate finds a regression (exit 1), with
#                 VERIFY_DEPLOY_REPORT set to the JSON report; unset: say so and do nothing
#   VERIFY_SPEC   the spec (default: verify.yaml next to this script)
#   REPORT_DIR    where the reports go (default: ./verify-deploy-report)
#   plus whatever the spec reads, e.g. PROMETHEUS_URL and PROM_TOKEN
# verify-deploy must be on PATH: npm install -g verify-deploy, or, in a project that has it as a
# devDependency, PATH="$PWD/node_modules/.bin:$PATH".
#
# Exits with the gate's code: 0 pass, 1 regression (rolled back), 2 usage or spec error,
# 3 inconclusive, 4 internal error; 127 when verify-deploy is not installed.
set -euo pipefail

if [ "$#" -ne 1 ]; then
  echo "usage: $0 <deployed-at>   (RFC 3339 like 2026-11-26T10:00:00Z, unix seconds, or -15m)" >&2
  exit 2
fi
deployed_at=$1
spec=${VERIFY_SPEC:-"$(dirname "$0")/verify.yaml"}
report_dir=${REPORT_DIR:-./verify-deploy-report}

if ! command -v verify-deploy >/dev/null 2>&1; then
  echo "verify-deploy is not on PATH: npm install -g verify-deploy (or add node_modules/.bin to PATH)" >&2
  exit 127
fi
mkdir -p "$report_dir"

# `|| status=$?` keeps set -e from ending the script on the verdicts that are not 0.
status=0
verify-deploy run "$spec" --deployed-at "$deployed_at" \
  --report "$report_dir/gate.html" --report "$report_dir/gate.json" || status=$?

case "$status" in
  0)
    echo "deploy verified: no check found a regression"
    ;;
  1)
    echo "regression: at least one critical check failed" >&2
    if [ -n "${ROLLBACK_CMD:-}" ]; then
      echo "rolling back: $ROLLBACK_CMD" >&2
      rollback_status=0
      VERIFY_DEPLOY_REPORT="$report_dir/gate.json" bash -c "$ROLLBACK_CMD" || rollback_status=$?
      if [ "$rollback_status" -ne 0 ]; then
        echo "THE ROLLBACK FAILED (exit $rollback_status): the regressed version is still serving" >&2
      fi
    else
      echo "ROLLBACK_CMD is not set: roll back by hand" >&2
    fi
    ;;
  2)
    echo "the spec or the command line is wrong: nothing was judged, nothing rolled back" >&2
    ;;
  3)
    echo "inconclusive: too little data, or a source could not be read; not a pass" >&2
    echo "a person decides: read the report, then keep or roll back the deploy" >&2
    ;;
  4)
    echo "verify-deploy failed internally (a bug): the deploy was not judged" >&2
    ;;
  *)
    echo "verify-deploy ended with exit $status (interrupted?): the deploy was not judged" >&2
    ;;
esac

if [ -f "$report_dir/gate.html" ]; then
  echo "report: $report_dir/gate.html"
fi
exit "$status"
