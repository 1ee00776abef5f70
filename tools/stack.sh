#!/usr/bin/env bash
# The README's first command (npm start): Kafka, database, build, and the three services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-deps.sh
bash infra/kafka/kafka.sh start
npx ts-node tools/setup.ts
npm run build --silent
exec npx ts-node tools/run-stack.ts
