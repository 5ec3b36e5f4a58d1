#!/usr/bin/env bash
# `tunebench serve drift` on hand-made sample logs: requests like the training prompts give "stable" (exit 0),
# long requests in words never trained on give "significant drift" (exit 3), and a damaged log line is
# named by number.
# Usage: serve_drift_check.sh TUNEBENCH_EXE WORK_DIR SHARED_DIR
set -euo pipefail
EXE=$1
WORK=$2
MODEL=$3/models/stories260K/hf
rm -rf "$WORK" && mkdir -p "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
animals=(cat dog fox owl bee ant elk yak emu cod eel jay hen ram pig cow)
for i in $(seq 0 39); do
    a=${animals[$((i % 16))]}
    printf '{"prompt":"Tell me a story about the %s.","completion":" The %s was happy."}\n' "$a" "$a"
done > "$WORK/train.jsonl"
for i in $(seq 0 29); do
    a=${animals[$(((i * 7) % 16))]}
    printf '{"at":%d,"model":"m","route":"chat","prompt":"Tell me a story about the %s.","output":"ok","prompt_tokens":9,"completion_tokens":2,"latency_s":0.1}\n' \
        "$((1700000000 + i))" "$a"
done > "$WORK/similar.jsonl"
for i in $(seq 0 29); do
    words=""
    for j in $(seq 1 40); do words+="quarterly invoice reconciliation ledger$((i * 40 + j)) "; done
    printf '{"at":%d,"model":"m","route":"chat","prompt":"%s","output":"ok","prompt_tokens":200,"completion_tokens":2,"latency_s":0.1}\n' \
        "$((1700000000 + i))" "$words"
done > "$WORK/drifted.jsonl"

set +e
out=$("$EXE" --workspace "$WORK/ws" serve drift --model "$MODEL" --training "$WORK/train.jsonl" --samples "$WORK/similar.jsonl" 2>&1); rc=$?
set -e
[[ $rc == 0 && $out =~ "verdict: stable (30 sampled requests against 40 training examples)" ]] || fail "similar: rc $rc :: $out"
set +e
out=$("$EXE" --json --workspace "$WORK/ws" serve drift --model "$MODEL" --training "$WORK/train.jsonl" --samples "$WORK/drifted.jsonl" 2>&1); rc=$?
set -e
[[ $rc == 3 && $out =~ \"verdict\":\ *\"significant\ drift\" ]] || fail "drifted: rc $rc :: $out"
echo '{"at": 1, "prompt": ' >> "$WORK/similar.jsonl"
set +e
out=$("$EXE" --workspace "$WORK/ws" serve drift --model "$MODEL" --training "$WORK/train.jsonl" --samples "$WORK/similar.jsonl" 2>&1); rc=$?
set -e
[[ $rc == 1 && $out =~ "similar.jsonl: line 31" ]] || fail "damaged log: rc $rc :: $out"
echo "serve drift: all checks passed"
