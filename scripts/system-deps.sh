#!/usr/bin/env bash
# The Debian packages the demo and the tests need. Installs only what is missing (root + apt-get),
# so `npm test` and `npm run demo` work on a fresh machine; `--always` is for CI.
set -euo pipefail
# PACKAGES[i] provides COMMANDS[i]: git for plans; a registry, builders and skopeo for the
# execution half (busybox-static makes base images offline; openssl and htpasswd make TLS and auth
# setups for the registry tests).
PACKAGES=(git ca-certificates docker-registry buildah podman skopeo busybox-static apache2-utils openssl docker.io uidmap)
COMMANDS=(git update-ca-certificates docker-registry buildah podman skopeo busybox htpasswd openssl dockerd newuidmap)

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
