#!/usr/bin/env bash
# End to end in an encrypted workspace (key file): import a small dataset, save it as a version, train a
# tiny LoRA on stories260K, evaluate it, record and register the run, approve and promote it, `serve --group`
# it and send one chat completion over HTTP. The run folder's adapters and checkpoints are encrypted and
# read back (resume, generate, export out of the workspace); full fine-tuning is refused there. Afterwards
# no byte of the records' text, no adapter or checkpoint plaintext is anywhere under the workspace, and the
# same commands without the key fail with "... is encrypted: unlock".
# Usage: encrypted_flow_check.sh TUNEBENCH_EXE WORK_DIR SHARED_DIR
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
[[ -f $MODEL/model.safetensors ]] || fail "missing $MODEL"
WS=$WORK/ws
head -c 32 /dev/urandom > "$WORK/ws.key"
# Records whose text must never reach the workspace in plaintext: a rare marker in every prompt, another in
# every completion.
animals=(cat dog fox owl bee ant elk yak emu cod eel jay hen ram pig cow)
for i in "${!animals[@]}"; do
    printf '{"prompt":"Tell me about the %s of Pemberly-Quokka number %d.","completion":" The %s sang to Zorblatine at dawn."}\n' \
        "${animals[$i]}" "$((i * 37 % 101))" "${animals[$i]}"
done > "$WORK/stories.jsonl"
SECRET_PROMPT=Pemberly-Quokka
SECRET_COMPLETION=Zorblatine

expect 0 '"kdf": ?"keyfile"' -- "$EXE" --json --workspace "$WS" workspace encrypt --key-file "$WORK/ws.key"
# Import: split in the user's folder, then the version is what enters the workspace (encrypted).
expect 0 'Wrote' -- "$EXE" --workspace "$WS" data split "$WORK/stories.jsonl" --out "$WORK/split" --val 0.125 --test 0.25 --no-group
expect 1 'encrypted with a key file: give --key-file' -- "$EXE" --workspace "$WS" data version "$WORK/split" --name stories
expect 0 '"ok": ?true' -- "$EXE" --json --workspace "$WS" --key-file "$WORK/ws.key" data version "$WORK/split" --name stories
V=$(ls -d "$WS"/datasets/stories/*/ | head -1)
V=${V%/}
head -c 6 "$V/train.jsonl" | grep -q TBENC1 || fail "train.jsonl is not an encrypted blob"
expect 0 '"records": ?[0-9]' -- env TUNEBENCH_KEY_FILE="$WORK/ws.key" "$EXE" --json --workspace "$WS" data inspect "$V/train.jsonl" --no-near --no-pii

# Train a tiny LoRA (a few steps), evaluate it, record and register the run.
expect 0 'trained 4 steps' -- "$EXE" --workspace "$WS" --key-file "$WORK/ws.key" train --model "$MODEL" --data "$V/train.jsonl" \
    --val "$V/validation.jsonl" --out "$WS/runs/enc-run" --max-steps 4 --batch 2 --max-seq-len 64 --lora-r 4
# The run folder's adapter and checkpoints are encrypted blobs (run.json and metrics.jsonl stay plain).
for f in "$WS"/runs/enc-run/adapter/adapter_model.safetensors "$WS"/runs/enc-run/adapter/adapter_config.json \
         "$WS"/runs/enc-run/checkpoints/*.ckpt; do
    head -c 6 "$f" | grep -q TBENC1 || fail "$f is not an encrypted blob"
done
ls "$WS"/runs/enc-run/checkpoints/*.ckpt > /dev/null || fail "no checkpoint written"
# Resume reads the encrypted checkpoint back; the adapter is read back by generate and by export.
expect 0 '"resumed_from_step": ?4' -- "$EXE" --json --workspace "$WS" --key-file "$WORK/ws.key" train --model "$MODEL" \
    --data "$V/train.jsonl" --val "$V/validation.jsonl" --out "$WS/runs/enc-run" --max-steps 4 --batch 2 --max-seq-len 64 \
    --lora-r 4 --resume
expect 0 '"text"' -- "$EXE" --json --workspace "$WS" --key-file "$WORK/ws.key" model generate "$MODEL" --prompt "Once" \
    --adapter "$WS/runs/enc-run/adapter" --max-tokens 3
expect 0 'parity' -- "$EXE" --workspace "$WS" --key-file "$WORK/ws.key" export --model "$MODEL" --adapter "$WS/runs/enc-run/adapter" \
    --format peft --out "$WORK/exported-peft" --parity-tokens 4
grep -q '"peft_type": "LORA"' "$WORK/exported-peft/adapter_config.json" || fail "the export out of the workspace is not a plain PEFT folder"
expect 1 '--method full: the tuned model would be written as a plain model folder' -- "$EXE" --workspace "$WS" \
    --key-file "$WORK/ws.key" train --model "$MODEL" --data "$V/train.jsonl" --out "$WS/runs/full" --method full --max-steps 1
[[ ! -e "$WS/runs/full" ]] || fail "the refused full fine-tune created $WS/runs/full"
expect 0 'predictions:' -- "$EXE" --workspace "$WS" --key-file "$WORK/ws.key" eval run --model "$MODEL" --adapter "$WS/runs/enc-run/adapter" \
    --data "$V/test.jsonl" --out "$WS/evaluations/enc-run.predictions.jsonl" --max-tokens 4
head -c 6 "$WS/evaluations/enc-run.predictions.jsonl" | grep -q TBENC1 || fail "predictions are not encrypted"
expect 0 'examples' -- "$EXE" --workspace "$WS" --key-file "$WORK/ws.key" eval score "$WS/evaluations/enc-run.predictions.jsonl"
expect 0 'is admin' -- "$EXE" --workspace "$WS" registry user add boss --role admin --user boss
expect 0 'is reviewer' -- "$EXE" --workspace "$WS" registry user add rita --role reviewer --user boss
expect 0 'recorded run enc-run' -- "$EXE" --workspace "$WS" registry record-run "$WS/runs/enc-run" --dataset stories --user ana
expect 0 'registered' -- "$EXE" --workspace "$WS" --key-file "$WORK/ws.key" registry register --run enc-run --group tales \
    --adapter "$WS/runs/enc-run/adapter" --user ana
expect 0 'Approved' -- "$EXE" --workspace "$WS" registry approve 1 --comment "read the test predictions" --user rita
expect 0 'Production' -- "$EXE" --workspace "$WS" registry promote 1 --user rita

# Serve the group and send one chat completion.
SECRET=$("$EXE" --json --workspace "$WS" serve keys create e2e | sed -n 's/.*"key": *"\([^"]*\)".*/\1/p')
[[ -n $SECRET ]] || fail "no API key"
: > "$WORK/serve.err"
"$EXE" --workspace "$WS" --key-file "$WORK/ws.key" serve --group tales --port 0 --sample-rate 1 > "$WORK/serve.out" 2> "$WORK/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q 'Serving' "$WORK/serve.err" && break; kill -0 $PID 2>/dev/null || break; sleep 0.1; done
URL=$(sed -n 's/.* at \(http[^ ]*\/v1\).*/\1/p' "$WORK/serve.err" | head -1)
[[ -n $URL ]] || fail "serve did not start: $(cat "$WORK/serve.err")"
REPLY=$(curl -sS --max-time 60 -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' \
    -d '{"model":"tales","messages":[{"role":"user","content":"Tell me about the cat."}],"max_tokens":5,"temperature":0}' \
    "$URL/chat/completions")
[[ $REPLY =~ \"chat.completion\" && $REPLY =~ \"content\" ]] || fail "unexpected reply: $REPLY"
kill -INT $PID
wait $PID || fail "serve did not stop cleanly: $(cat "$WORK/serve.err")"
grep -q 'stopped after 1 requests' "$WORK/serve.out" || fail "serve did not count the request: $(cat "$WORK/serve.out")"
# --sample-rate 1: the exchange is in the monitoring log, encrypted (the plaintext scan below covers it).
[[ -s "$WS/serve/samples.jsonl" ]] || fail "--sample-rate 1 wrote no sample to $WS/serve/samples.jsonl"
trap - EXIT
expect 0 'verdict: insufficient data \(1 sampled requests against [0-9]+ training examples\)' -- "$EXE" --workspace "$WS" \
    --key-file "$WORK/ws.key" serve drift --model "$MODEL" --training "$V/train.jsonl"
# Registered adapters are read in memory: no decrypted copy anywhere.
[[ ! -e "$WS/serve/adapters" ]] || fail "serve wrote adapter copies to $WS/serve/adapters"

# No plaintext record text anywhere under the workspace (every file's bytes, including the registry).
# lora_A / peft_type / TBCKPT01: a plaintext adapter's safetensors header, its config, a plain checkpoint.
for secret in "$SECRET_PROMPT" "$SECRET_COMPLETION" "ws.key" "lora_A" "peft_type" "TBCKPT01"; do
    hits=$(grep -rl --binary-files=text -- "$secret" "$WS" || true)
    [[ -z $hits ]] || fail "'$secret' found in plaintext: $hits"
done
# The key itself never lands in the workspace.
KEYHEX=$(od -An -tx1 "$WORK/ws.key" | tr -d ' \n')
grep -rlq --binary-files=text -- "$KEYHEX" "$WS" && fail "the key reached the workspace"

# Without the key the same commands fail with the clear message (setsid: no terminal to ask on).
LOCKED='dataset version stories@[0-9a-f]{12} \((train|test).jsonl\) is encrypted: unlock the workspace \(--key-file'
expect 1 "$LOCKED" -- setsid "$EXE" --workspace "$WS" train --model "$MODEL" --data "$V/train.jsonl" --out "$WORK/run2" --max-steps 1
expect 1 "$LOCKED" -- setsid "$EXE" --workspace "$WS" eval run --model "$MODEL" --data "$V/test.jsonl" --out "$WORK/p.jsonl"
expect 1 "$LOCKED" -- setsid "$EXE" --workspace "$WS" data inspect "$V/train.jsonl"
expect 1 'enc-run.predictions.jsonl is encrypted: unlock the workspace' -- setsid "$EXE" --workspace "$WS" eval score "$WS/evaluations/enc-run.predictions.jsonl"
expect 1 'encrypted with a key file: give --key-file' -- setsid "$EXE" --workspace "$WS" serve --group tales --port 0
expect 1 'is encrypted: unlock the workspace' -- setsid "$EXE" --workspace "$WS" serve drift --model "$MODEL" \
    --training "$WORK/stories.jsonl"
expect 1 'enc-run/adapter/adapter_model.safetensors is encrypted: unlock the workspace' -- setsid "$EXE" --workspace "$WS" \
    model generate "$MODEL" --prompt "Once" --adapter "$WS/runs/enc-run/adapter"
expect 1 'enc-run/adapter/adapter_model.safetensors is encrypted: unlock the workspace' -- setsid "$EXE" --workspace "$WS" \
    export --model "$MODEL" --adapter "$WS/runs/enc-run/adapter" --format peft --out "$WORK/exported-2"
echo "encrypted workspace end to end: all checks passed"
