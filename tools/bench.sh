#!/usr/bin/env bash
# npm run bench: installs, starts Kafka when it is not running (and stops it afterwards), builds the
# service bundles, and runs every benchmark (bench/run-benchmarks.ts). Arguments: `short`, or
# key=value settings such as ingestSeconds=120 (see FULL in bench/run-benchmarks.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
source tools/kafka-if-needed.sh
npm run build --silent
npx ts-node bench/run-benchmarks.ts "$@"
