#!/usr/bin/env bash
# The code checks in npm test: formatting (Prettier), lint (typescript-eslint, type-checked) and the
# boundaries between features, layers and services (dependency-cruiser). Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
echo "prettier: formatting" >&2
npx prettier --check --log-level warn "**/*.{ts,js,mjs}" || status=1
echo "eslint: typescript-eslint recommended-type-checked" >&2
npx eslint --max-warnings 0 . || status=1
echo "dependency-cruiser: boundaries" >&2
npx depcruise apps libs tools test bench --config .dependency-cruiser.js --output-type err || status=1
exit $status
