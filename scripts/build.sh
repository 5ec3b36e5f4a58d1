#!/usr/bin/env bash
# Configures and builds Tunebench into build/ (Release, optimised for this CPU). Extra arguments go to
# CMake, e.g. scripts/build.sh -DTUNEBENCH_NATIVE=OFF for a portable build.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${TUNEBENCH_BUILD_DIR:-build}
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD_DIR" "${gen[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
elif [[ $# -gt 0 ]]; then
  cmake -S . -B "$BUILD_DIR" "$@"
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
