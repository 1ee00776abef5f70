#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
have="$(cat node_modules/.titipan-lock 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
  # A node_modules linked from another checkout (a git worktree sharing the main one's) is never reinstalled
  # from here: npm ci empties the link's target, the packages every other checkout is using.
  if [[ -L node_modules ]]; then
    echo "node_modules links to $(readlink node_modules): not installing from this checkout (run npm ci where it lives)" >&2
    exit 0
  fi
  echo "installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund
  echo "$want" > node_modules/.titipan-lock
fi
