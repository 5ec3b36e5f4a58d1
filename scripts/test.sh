#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every CTest test (unit, gui, slow, fuzz).
# Pass a CTest label regex to run a subset, e.g. scripts/test.sh -L unit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
BUILD_DIR=${TUNEBENCH_BUILD_DIR:-build}
export QT_QPA_PLATFORM=offscreen
# Tests run two at a time on two cores: OpenMP threads that spin while waiting would starve each other.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
