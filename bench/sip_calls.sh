#!/usr/bin/env bash
# SIP calls at once on this machine (docs/calls.md, "SIP"): `tierdesk serve --demo --sip-port` takes
# CALLS calls to the demo company's number at the same time from tierdesk_sip_call_bench, over UDP
# with G.722 RTP both ways, each caller Flite's voice sent in real time and answering the AI three
# times. Prints the AI's turn time (end of the caller's speech to the first answer packet that is
# not silence: p50, p95, max), the answer packets that came later than due, and the server's CPU
# per call-second (the SIP thread's codecs and RTP included).
# Usage: bench/sip_calls.sh [build dir]   (env: CALLS=20, PORT=18098, SIP_PORT=15060, DECODERS=2,
# ARRIVAL_MS=0: the calls' starts spread over this many milliseconds, READY=0: voice/readyDecoders,
# the calls start once they are loaded; LOG=file keeps the server's log)
set -euo pipefail
build=$(realpath "${1:-build}")
here=$(cd "$(dirname "$0")" && pwd)
calls=${CALLS:-20}
port=${PORT:-18098}
sip_port=${SIP_PORT:-15060}
number=+15550100
data=$(mktemp -d)
out="$here/results/sip-calls-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$here/results"
pid=
trap 'kill $pid 2>/dev/null || true; [ -z "${LOG:-}" ] || cp "$data/serve.log" "$LOG"; rm -rf "$data"' EXIT

ninja -C "$build" tierdesk tierdesk_sip_call_bench >/dev/null
# Every call comes from this machine's one address: its share of the lines is the whole house here.
printf '[voice]\nmaxCalls=%s\ndecoders=%s\nmaxCallsPerSource=%s\ninvitesPerSourcePerMinute=10000\nreadyDecoders=%s\n' \
  "$((calls + 5))" "${DECODERS:-2}" "$((calls + 5))" "${READY:-0}" >"$data/tierdesk.ini"
QT_LOGGING_RULES="tierdesk.calls.timing.debug=true" \
  "$build/app/tierdesk" --data-dir "$data" serve --port "$port" --sip-port "$sip_port" --demo --no-rate-limit \
  >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q "Admin token" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done
grep -q "SIP calls" "$data/serve.log" || { cat "$data/serve.log" >&2; exit 1; }
if [ "${READY:-0}" -gt 0 ]; then
  for _ in $(seq 1200); do grep -q "speech decoders ready" "$data/serve.log" && break; sleep 0.1; done
fi
token=$(awk '/Admin token/ {print $NF}' "$data/serve.log")
company=$(awk '/Demo company/ {print $3}' "$data/serve.log")
curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"companyId\":\"$company\",\"voice\":{\"numbers\":[\"$number\"]}}" "http://127.0.0.1:$port/api/cs/config" >/dev/null
{
  echo "Tierdesk SIP calls benchmark, $(date -u +%FT%TZ), $(nproc) cores, $calls calls, arriving over ${ARRIVAL_MS:-0} ms, ${READY:-0} decoders ready"
  "$build/bench/tierdesk_sip_call_bench" "$sip_port" "$number" "$calls" "$pid" "${ARRIVAL_MS:-0}"
  echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
  "$here/lib/turn_timing.sh" "$data/serve.log"
} | tee "$out"
echo "results: $out"
