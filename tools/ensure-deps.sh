#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
have="$(cat node_modules/.titipan-lock 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
  echo "installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund
  echo "$want" > node_modules/.titipan-lock
fi

