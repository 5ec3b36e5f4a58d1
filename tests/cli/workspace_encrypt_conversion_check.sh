#!/usr/bin/env bash
# `tunebench workspace encrypt` over a workspace that already holds work: a dataset version, a plain
# training run on it (adapter, checkpoints) registered as an artifact, and a serving sample log written before encryption. After the
# conversion the counts are reported, no plaintext of the adapter, checkpoints or samples is left under
# the workspace, the adapter reads back only with the key, and `--resume` finishes a conversion that left
# a file plain (then has nothing left to do).
# Usage: workspace_encrypt_conversion_check.sh TUNEBENCH_EXE WORK_DIR SHARED_DIR
set -euo pipefail
EXE=$1
WORK=$2
MODEL=$3/models/stories260K/hf
rm -rf "$WORK" && mkdir -p "$WORK"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expected_rc pattern -- command...
    local rc=$1 pattern=$2; shift 3
    set +e; out=$("$@" 2>&1); got=$?; set -e
    [[ $got == "$rc" ]] || fail "exit $got (wanted $rc) from: $* :: $out"
    [[ "$out" =~ $pattern ]] || fail "output of '$*' does not match /$pattern/ :: $out"
}
WS=$WORK/ws
RUN=$WS/runs/plain-run
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf '{"prompt":"Once upon a time Quagganlore %s","completion":" there was a little dog."}\n' "$i"
done > "$WORK/tales.jsonl"

# Before encryption: a dataset version, a plain run trained on it, recorded and registered (its adapter
# stored plain in artifacts/).
expect 0 'Wrote' -- "$EXE" --workspace "$WS" data split "$WORK/tales.jsonl" --out "$WORK/split" --val 0.25 --test 0.25 --no-group
expect 0 '"ok": ?true' -- "$EXE" --json --workspace "$WS" data version "$WORK/split" --name tales
V=$(ls -d "$WS"/datasets/tales/*/ | head -1)
V=${V%/}
expect 0 'trained 2 steps' -- "$EXE" --workspace "$WS" train --model "$MODEL" --data "$V/train.jsonl" \
    --out "$RUN" --max-steps 2 --batch 2 --max-seq-len 64 --lora-r 4
ls "$RUN"/checkpoints/*.ckpt > /dev/null || fail "no checkpoint written"
grep -q lora_A "$RUN/adapter/adapter_model.safetensors" || fail "the plain adapter has no lora_A tensor names"
expect 0 'is admin' -- "$EXE" --workspace "$WS" registry user add boss --role admin --user boss
expect 0 'recorded run plain-run' -- "$EXE" --workspace "$WS" registry record-run "$RUN" --dataset tales --user ana
expect 0 'registered' -- "$EXE" --workspace "$WS" registry register --run plain-run --group tales --adapter "$RUN/adapter" --user ana
grep -rlq '"encrypted": false' "$WS"/artifacts/*/*/artifact.json || fail "the registered adapter is not a plain artifact"
# A sample an endpoint logged before encryption (one JSON line, as serve writes it).
mkdir -p "$WS/serve"
printf '{"at":1700000000,"model":"tales","route":"/v1/chat/completions","prompt":"zebra secret prompt","output":"zebra secret answer","prompt_tokens":3,"completion_tokens":3,"latency_s":0.1}\n' \
    > "$WS/serve/samples.jsonl"
cp "$RUN/adapter/adapter_config.json" "$WORK/plain_adapter_config.json"
# A plaintext copy an older serve left behind when it loaded a registered adapter.
mkdir -p "$WS/serve/adapters/0123abcd" && cp "$RUN"/adapter/* "$WS/serve/adapters/0123abcd/"

for needle in lora_A peft_type TBCKPT01 zebra Quagganlore; do  # each is there in plaintext before
    grep -rlaq "$needle" "$WS" || fail "'$needle' is not under the plain workspace: the scan below would prove nothing"
done

head -c 32 /dev/urandom > "$WORK/ws.key"
expect 0 '"adapter_files": ?2' -- "$EXE" --json --workspace "$WS" workspace encrypt --key-file "$WORK/ws.key"
for field in '"removed_plain_adapter_copies": ?1' '"dataset_files": ?[1-9]' '"checkpoint_files": ?[1-9]' '"artifact_files": ?2' '"artifacts": ?1' '"sample_lines": ?1' '"runs": ?1'; do
    [[ "$out" =~ $field ]] || fail "workspace encrypt output lacks /$field/ :: $out"
done
for f in "$RUN"/adapter/* "$RUN"/checkpoints/*.ckpt "$WS"/artifacts/*/*/files/*; do
    head -c 6 "$f" | grep -q TBENC1 || fail "$f is not an encrypted blob"
done
[[ ! -e "$WS/serve/adapters" ]] || fail "the old plaintext adapter copies are still in $WS/serve/adapters"
grep -q '"encrypted": true' "$WS"/artifacts/*/*/artifact.json || fail "the artifact manifest was not switched to encrypted"
for needle in lora_A peft_type TBCKPT01 zebra Quagganlore; do
    hits=$(grep -rla "$needle" "$WS" || true)
    [[ -z $hits ]] || fail "plaintext '$needle' left under the workspace: $hits"
done
# The adapter reads back with the key only.
expect 0 '"text"' -- "$EXE" --json --workspace "$WS" --key-file "$WORK/ws.key" model generate "$MODEL" --prompt "Once" \
    --adapter "$RUN/adapter" --max-tokens 2
expect 1 'is encrypted' -- setsid "$EXE" --workspace "$WS" model generate "$MODEL" --prompt "Once" \
    --adapter "$RUN/adapter" --max-tokens 2 </dev/null

# A conversion that left a file plain is finished by --resume; then there is nothing left to do.
cp "$WORK/plain_adapter_config.json" "$RUN/adapter/adapter_config.json"
expect 1 'already enabled' -- "$EXE" --workspace "$WS" workspace encrypt --key-file "$WORK/ws.key"
expect 0 '"adapter_files": ?1' -- "$EXE" --json --workspace "$WS" workspace encrypt --resume --key-file "$WORK/ws.key"
head -c 6 "$RUN/adapter/adapter_config.json" | grep -q TBENC1 || fail "--resume left adapter_config.json plain"
expect 0 '0 existing files converted .* and 0 serving sample lines' -- "$EXE" --workspace "$WS" workspace encrypt --resume \
    --key-file "$WORK/ws.key"
head -c 32 /dev/urandom > "$WORK/other.key"
expect 1 'wrong passphrase or key' -- "$EXE" --workspace "$WS" workspace encrypt --resume --key-file "$WORK/other.key"
echo "workspace encrypt conversion CLI: all checks passed"
