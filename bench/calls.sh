#!/usr/bin/env bash
# Calls at once on this machine (docs/calls.md, "Measured"): `tierdesk serve --demo` takes CALLS web
# calls at the same time from tierdesk_call_bench, each caller Flite's voice sent in real time and
# answering the AI three times. Prints the AI's turn time (end of the caller's speech to the first
# frame of the answer: p50, p95, max), the answer frames that came later than due, and the server's
# CPU per call-second.
# Usage: bench/calls.sh [build dir]   (env: CALLS=20, PORT=18097, DECODERS=2, ARRIVAL_MS=0: the calls'
# starts spread over this many milliseconds; 0 starts them all at one instant, the worst case)
set -euo pipefail
build=$(realpath "${1:-build}")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/demo_server.sh"
calls=${CALLS:-20}
port=${PORT:-18097}
data=$(mktemp -d)
out="$here/results/calls-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$here/results"
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

ninja -C "$build" tierdesk tierdesk_call_bench >/dev/null
# Every call comes from this machine's one address with one widget key: their shares are the whole house.
printf '[voice]\nmaxCalls=%s\ndecoders=%s\nmaxCallsPerSource=%s\nmaxCallsPerWidgetKey=%s\ninvitesPerSourcePerMinute=10000\n' \
  "$((calls + 5))" "${DECODERS:-2}" "$((calls + 5))" "$((calls + 5))" >"$data/tierdesk.ini"
start_demo_server "$build/app/tierdesk" "$data" "$port"
key=$("$build/app/tierdesk" --data-dir "$data" token create --company "$company" --kind widget)
{
  echo "Tierdesk calls benchmark, $(date -u +%FT%TZ), $(nproc) cores, $calls calls, arriving over ${ARRIVAL_MS:-0} ms"
  "$build/bench/tierdesk_call_bench" "ws://127.0.0.1:$port" "$key" "$calls" "$pid" "${ARRIVAL_MS:-0}"
  echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
} | tee "$out"
echo "results: $out"
