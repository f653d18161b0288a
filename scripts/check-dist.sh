#!/usr/bin/env bash
# dist/ is what the runner executes: rebuild it and fail when the committed copy differs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bundle >/dev/null 2>&1 || { npm run bundle; exit 1; }
if ! git diff --quiet -- dist/ || [ -n "$(git ls-files --others --exclude-standard -- dist/)" ]; then
  echo "dist/ is stale: run 'npm run bundle' and commit dist/." >&2
  git --no-pager diff --stat -- dist/ >&2
  exit 1
fi
echo "dist/ matches the sources."
