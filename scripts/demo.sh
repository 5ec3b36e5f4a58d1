#!/usr/bin/env bash
# Quick start: installs what is missing, builds, runs the demo lifecycle on the demo workspace and opens
# the workbench on it. On a machine with no display it runs the same demo headless and prints each step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
BUILD_DIR=${TUNEBENCH_BUILD_DIR:-build}
"$BUILD_DIR/app/tunebench" demo "$@"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "$BUILD_DIR/app/tunebench" --demo "$@"
else
  echo "No display found: the demo ran headless (above). Open the workbench later with: $BUILD_DIR/app/tunebench --demo"
fi
