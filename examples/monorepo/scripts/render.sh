#!/usr/bin/env bash
# Render config A and B into one file per image.
set -euo pipefail
mkdir -p build/rendered
{
  echo "# rendered (MODE=${MODE:-dev})"
  cat config/a/settings.yaml config/b/features.yaml
} > build/rendered/app.yaml
