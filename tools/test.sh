#!/usr/bin/env bash
# The README's second command (npm test): type check, lint and boundary checks, build the service bundles
# (the end-to-end tests run them as processes), and the whole jest suite against real Postgres and Kafka. Starts Kafka when
# it is not running, and stops it again afterwards. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
bash tools/ensure-test-packages.sh

source tools/kafka-if-needed.sh

npm run typecheck --silent
mkdir -p .run
# a lint finding fails the run, but the tests still run so their results are not hidden behind it
lint_failed=0
bash tools/lint.sh || lint_failed=1
echo "$lint_failed" >.run/lint-failed
npm run build --silent
jest_status=0
npx jest --json --outputFile=.run/jest-results.json "$@" || jest_status=$?
if [[ $lint_failed == 1 ]]; then echo "npm test: the lint and boundary checks failed (npm run lint)" >&2; exit 1; fi
exit $jest_status
