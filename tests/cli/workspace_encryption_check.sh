#!/usr/bin/env bash
# `tunebench workspace encrypt|info` and unlocking from the command line: the passphrase comes from
# TUNEBENCH_PASSPHRASE_FILE (never an argument); a wrong one is refused by name before any work; with no
# passphrase and no terminal the error says how to give one; a key-file workspace needs --key-file.
# Usage: workspace_encryption_check.sh TUNEBENCH_EXE WORK_DIR
set -euo pipefail
EXE=$1
WORK=$2
rm -rf "$WORK" && mkdir -p "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expected_rc pattern -- command...
    local rc=$1 pattern=$2; shift 3
    set +e; out=$("$@" 2>&1); got=$?; set -e
    [[ $got == "$rc" ]] || fail "exit $got (wanted $rc) from: $* :: $out"
    [[ "$out" =~ $pattern ]] || fail "output of '$*' does not match /$pattern/ :: $out"
}
WS=$WORK/ws
printf 'correct horse battery\n' > "$WORK/pass"
printf 'wrong horse battery\n' > "$WORK/wrong"
printf 'short\n' > "$WORK/short"

expect 0 '"encrypted": ?false' -- "$EXE" --json --workspace "$WS" workspace info
expect 1 'at least 8 characters' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/short" "$EXE" --workspace "$WS" workspace encrypt
expect 0 '"encrypted": ?true' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/pass" "$EXE" --json --workspace "$WS" workspace encrypt
grep -q 'correct horse' "$WS/encryption.json" && fail "the passphrase was written to encryption.json"
expect 0 '"encrypted": ?true' -- "$EXE" --json --workspace "$WS" workspace info
expect 1 'already enabled' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/pass" "$EXE" --workspace "$WS" workspace encrypt
# serve unlocks before it loads anything: a wrong passphrase is named, the right one gets as far as the model.
expect 1 'wrong passphrase or key' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/wrong" "$EXE" --workspace "$WS" serve --model "$WORK/no-model"
expect 1 'no-model' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/pass" "$EXE" --workspace "$WS" serve --model "$WORK/no-model"
expect 1 'TUNEBENCH_PASSPHRASE_FILE' -- setsid "$EXE" --workspace "$WS" serve --model "$WORK/no-model" </dev/null
# A key-file workspace.
head -c 32 /dev/urandom > "$WORK/key.bin"
head -c 32 /dev/urandom > "$WORK/other.bin"
expect 0 '"kdf": ?"keyfile"' -- "$EXE" --json --workspace "$WORK/ws2" workspace encrypt --key-file "$WORK/key.bin"
expect 1 'give --key-file' -- env TUNEBENCH_PASSPHRASE_FILE="$WORK/pass" "$EXE" --workspace "$WORK/ws2" serve --model "$WORK/no-model"
expect 1 'wrong passphrase or key' -- "$EXE" --workspace "$WORK/ws2" --key-file "$WORK/other.bin" serve --model "$WORK/no-model"
expect 1 'no-model' -- env TUNEBENCH_KEY_FILE="$WORK/key.bin" "$EXE" --workspace "$WORK/ws2" serve --model "$WORK/no-model"
grep -rq "correct horse" "$WS" "$WORK/ws2" && fail "a passphrase reached the workspace (logs?)"
echo "workspace encryption CLI: all checks passed"
