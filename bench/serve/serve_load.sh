#!/usr/bin/env bash
# Load test of the local OpenAI-compatible endpoint (`tunebench serve`) on the demo model, driven by wrk:
# concurrency 1, 8 and 32 (requests/s, latency p50/p99, failed requests), then a soak at concurrency 8
# sampling the server's resident memory to show it stays flat. Prints the figures; never run by CTest.
#
# Usage: bench/serve/serve_load.sh [BUILD_DIR=build] [SECONDS_PER_LEVEL=30] [SOAK_SECONDS=600]
# Needs wrk (scripts/install-deps.sh installs it). The demo workspace is made in a temp folder first.
set -euo pipefail

BUILD=${1:-build}
LEVEL_SECONDS=${2:-30}
SOAK_SECONDS=${3:-600}
EXE="$BUILD/app/tunebench"
PORT=${TUNEBENCH_BENCH_PORT:-18181}
[[ -x "$EXE" ]] || { echo "serve_load: $EXE not built (build the tunebench target first)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "serve_load: wrk is not installed (run scripts/install-deps.sh)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/tunebench-serve-load.XXXXXX)
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
    [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export OMP_WAIT_POLICY=PASSIVE  # wrk shares the 2 cores with the server: spinning OpenMP threads would starve it

# A plain HTTP GET over bash's /dev/tcp, so the harness needs nothing but wrk.
http_get() {
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$1" >&3
    cat <&3
    exec 3<&-
}

echo "== demo workspace (base model, LoRA fine-tune, register, approve, promote) in $WORK/ws"
"$EXE" --workspace "$WORK/ws" demo --no-serve > "$WORK/demo.log" 2>&1 || { cat "$WORK/demo.log"; exit 1; }

echo "== tunebench serve --group support-triage on 127.0.0.1:$PORT"
"$EXE" --workspace "$WORK/ws" serve --group support-triage --port "$PORT" --no-auth --max-queue 64 --rate-limit 0 \
    > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if http_get /health 2>/dev/null | grep -q '200 OK'; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
    sleep 0.2
done
# The Production version's adapter is served under the group's name (the base under its folder name).
MODEL=support-triage
http_get /v1/models | grep -q "\"id\":\"$MODEL\"" || { echo "serve_load: '$MODEL' not served" >&2; exit 1; }
echo "   serving model '$MODEL' (the demo's LoRA adapter on the demo base; pid $SERVER_PID)"

cat > "$WORK/request.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local tickets = {
  "I was charged twice for my subscription this month, please refund the duplicate payment.",
  "The app crashes every time I open the settings screen on Android 14.",
  "How do I change the email address on my account?",
  "Do you have an office in Berlin I could visit?",
}
local i = 0
request = function()
  i = i + 1
  local body = '{"model":"$MODEL","messages":[{"role":"user","content":"' .. tickets[(i % #tickets) + 1] ..
               '"}],"max_tokens":8,"temperature":0}'
  return wrk.format(nil, nil, nil, body)
end
LUA

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }

run_level() {  # concurrency seconds
    local c=$1 s=$2 out="$WORK/wrk-c$1.txt"
    wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${s}s" --timeout 30s --latency -s "$WORK/request.lua" \
        "http://127.0.0.1:$PORT/v1/chat/completions" > "$out"
    local rps p50 p99 total non2xx sockerr
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p50=$(awk '$1 == "50%" {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    total=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
    sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$out"); sockerr=${sockerr:-0}
    printf "concurrency %2d: %8s req/s  p50 %8s  p99 %8s  requests %6s  non-2xx %s  socket errors %s  rss %s MiB\n" \
        "$c" "$rps" "$p50" "$p99" "$total" "$non2xx" "$sockerr" "$(( $(rss_kib) / 1024 ))"
}

echo "== levels (${LEVEL_SECONDS}s each, max_tokens 8, greedy)"
run_level 1 "$LEVEL_SECONDS"
run_level 8 "$LEVEL_SECONDS"
run_level 32 "$LEVEL_SECONDS"

if (( SOAK_SECONDS > 0 )); then
    echo "== soak: concurrency 8 for ${SOAK_SECONDS}s, server RSS sampled every 10 s"
    ( while kill -0 "$SERVER_PID" 2>/dev/null; do echo "$(date +%s) $(rss_kib)"; sleep 10; done ) > "$WORK/rss.txt" &
    SAMPLER_PID=$!
    run_level 8 "$SOAK_SECONDS"
    kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
    awk 'NR == 1 {first = $2; min = $2; max = $2} {if ($2 < min) min = $2; if ($2 > max) max = $2; last = $2}
         END {printf "soak RSS: first %.1f MiB, last %.1f MiB, min %.1f, max %.1f, drift %+.1f MiB over %d samples\n",
              first / 1024, last / 1024, min / 1024, max / 1024, (last - first) / 1024, NR}' "$WORK/rss.txt"
fi
echo "== server log tail"; tail -3 "$WORK/serve.log"
