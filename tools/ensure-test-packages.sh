#!/usr/bin/env bash
# Debian packages the tests use, installed when missing (as root with apt-get, as on a fresh machine):
#   pdftotext and pdftoppm (poppler-utils) read the statement PDF back in apps/reporting/test/exports.e2e-spec.ts and
#   the printed documents in test/consignment/documents.e2e-spec.ts;
#   chromium runs the console's browser tests (test/console/), driven by playwright-core.
set -euo pipefail
missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
if ((${#missing[@]} > 0)); then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing ${missing[*]}: install them (Debian: apt-get install ${missing[*]}); the tests that need them will fail" >&2
  fi
fi
