#!/usr/bin/env bash
# The Debian packages the demo and the tests need. Installs only what is missing (root + apt-get),
# so `npm test` and `npm run demo` work on a fresh machine; `--always` is for CI.
set -euo pipefail
PACKAGES=(git ca-certificates)
COMMANDS=(git)

missing=()
for i in "${!COMMANDS[@]}"; do
  command -v "${COMMANDS[$i]}" >/dev/null 2>&1 || missing+=("${PACKAGES[$i]}")
done
if [ "${1:-}" = "--always" ] || [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "imagegraph needs these packages: ${PACKAGES[*]} (missing: ${missing[*]:-none}); install them and run again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
