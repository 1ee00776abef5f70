#!/usr/bin/env bash
# The README's first command (npm start): Kafka, database, build, and the three services.
set -euo pipefail
cd "$(dirname "$0")/.."
# development mode (the development JWT secret) only because it is asked for here: unset, the services run as production
export NODE_ENV="${NODE_ENV:-development}"
bash tools/ensure-deps.sh
bash infra/kafka/kafka.sh start
npx ts-node tools/setup.ts
npm run build --silent
exec npx ts-node tools/run-stack.ts
