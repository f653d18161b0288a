#!/usr/bin/env bash
# `npm test`: system packages when missing, a type check, then every jest suite (unit and
# integration on real git repositories). Ends with a plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
npx tsc --noEmit -p tsconfig.json
# The action tests run dist/index.js as the runner does: bundle first, so they test these sources.
npm run --silent bundle >/dev/null
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --json --outputFile="$results" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""))
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1) }
' "$results" || status=1
exit $status
