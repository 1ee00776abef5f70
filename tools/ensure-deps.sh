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

# pdftotext (poppler-utils) reads the statement PDF back in apps/reporting/test/exports.e2e-spec.ts
if ! command -v pdftotext >/dev/null; then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    echo "installing poppler-utils (pdftotext)" >&2
    apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "pdftotext is missing: install poppler-utils (the export test reads the statement PDF with it)" >&2
  fi
fi
