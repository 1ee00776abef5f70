#!/usr/bin/env bash
# The README's second command (npm test): type check, build the service bundles (the end-to-end tests
# run them as processes), and the whole jest suite against real Postgres and Kafka. Starts Kafka when
# it is not running, and stops it again afterwards. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh

source tools/kafka-if-needed.sh

npm run typecheck --silent
npm run build --silent
mkdir -p .run
npx jest --json --outputFile=.run/jest-results.json "$@"
