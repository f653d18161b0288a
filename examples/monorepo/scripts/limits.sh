#!/usr/bin/env bash
# Copy config C into image-c's build context.
set -euo pipefail
mkdir -p services/image-c/limits
cp config/c/limits.yaml services/image-c/limits/limits.yaml
