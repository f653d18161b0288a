#!/usr/bin/env bash
set -euo pipefail
mkdir -p build/limits
cp config/c/limits.yaml build/limits/limits.yaml
