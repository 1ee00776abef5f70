#!/usr/bin/env bash
# The README's first command (npm start): Kafka, the identity provider (Keycloak) with the realm, the database,
# the build, and the four services.
set -euo pipefail
cd "$(dirname "$0")/.."
# development mode (the development JWT secret) only because it is asked for here: unset, the services run as production
export NODE_ENV="${NODE_ENV:-development}"
bash tools/ensure-deps.sh
bash infra/kafka/kafka.sh start

# Keycloak's start is the slow one (minutes on a first start, see the README): it starts in the background
# while the database is prepared and the services are built, and is waited for after.
mkdir -p .local
KEYCLOAK_START_LOG=.local/keycloak-start.log
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-900}" bash infra/keycloak/keycloak.sh start >"$KEYCLOAK_START_LOG" 2>&1 &
keycloak_job=$!
echo "identity provider: starting Keycloak in the background (progress: $KEYCLOAK_START_LOG)" >&2

npx ts-node tools/setup.ts
npm run build --silent

if ! wait "$keycloak_job"; then
  cat "$KEYCLOAK_START_LOG" >&2
  echo "identity provider: Keycloak did not start (npm run keycloak:logs shows its log)" >&2
  exit 1
fi
cat "$KEYCLOAK_START_LOG" >&2
# the realm as code, applied at every start: idempotent, and puts back what was changed by hand
npm run --silent idp:realm

exec npx ts-node tools/run-stack.ts
