#!/usr/bin/env bash
# Render config A and B into one file per image, inside each image's build context.
set -euo pipefail
for image in image-a image-b; do
  mkdir -p "services/$image/rendered"
  {
    echo "# rendered for $image (MODE=${MODE:-dev})"
    cat config/a/settings.yaml config/b/features.yaml
  } > "services/$image/rendered/app.yaml"
done
