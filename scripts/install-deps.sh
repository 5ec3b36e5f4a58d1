#!/usr/bin/env bash
# Installs every Debian package Tunebench needs to build, test and run its GUI checks.
# Idempotent: when everything is present it only checks (about a second). Fails with a clear message
# when a package cannot be installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  libgl1-mesa-dev libxkbcommon-dev
  libeigen3-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libssl-dev libpcre2-dev libsimdjson-dev libutf8proc-dev
  libcli11-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev wrk
  xvfb xauth x11-apps fonts-noto-cjk
  python3 python3-numpy python3-jinja2
)
# Only needed to regenerate the golden fixtures in tests/reference/ (never at build or test time).
REFERENCE_PACKAGES=(python3-torch)

missing=()
want=("${PACKAGES[@]}")
if [[ "${TUNEBENCH_WITH_REFERENCE:-0}" == 1 ]]; then want+=("${REFERENCE_PACKAGES[@]}"); fi
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#want[@]} packages present."
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
  echo "install-deps: 'apt-get update' failed; check the network and /etc/apt/sources.list" >&2; exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "install-deps: could not install: ${missing[*]}" >&2
  echo "install-deps: Tunebench needs Debian 12 (bookworm) or newer with these packages available." >&2
  exit 1
fi
echo "install-deps: done."
