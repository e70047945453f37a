#!/usr/bin/env bash
# Replies worded by a language model, against bench/fake_model.py (an OpenAI-compatible server):
#   1. POST /api/cs/sessions/:id/messages with the local responder, then with a model that answers
#      at once (wrk -c50), each on 400 new conversations: the model's path must be no slower.
#   2. 200 simultaneous conversations with a model that takes 1 s a reply (wrk -c200), while
#      /api/cs/health is measured alone (wrk -c1): reply p99, health p99, the server's peak RSS.
# Usage: bench/model_replies.sh [path/to/tierdesk]   (env: DURATION=15s, PORT=18097, MODEL_PORT=18098)
# PERF=1: `perf record` (call graphs from DWARF: PERF_CALLGRAPH=dwarf,16384) samples the server for 5 s in the middle of each message-route run
# (bench/results/model-*-{local,model}.perf; read with `perf report -i FILE --no-children`).
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/demo_server.sh"
duration=${DURATION:-15s}
port=${PORT:-18097}
model_port=${MODEL_PORT:-18098}
data=$(mktemp -d)
out_base="$here/results/model-$(date -u +%Y%m%dT%H%M%SZ)"
out="$out_base.txt"
mkdir -p "$here/results"
model_pid=""
trap 'kill -9 $pid $model_pid 2>/dev/null || true; rm -rf "$data"' EXIT

# 200 conversations from one address: above the default 64 connections per address.
printf '[ai]\nmaxConcurrent=256\n[replies]\ntimeoutMs=5000\n[http]\nmaxConnectionsPerAddress=512\n' >"$data/tierdesk.ini"
start_demo_server "$bin" "$data" "$port"
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")

start_model() { # delay in milliseconds
  [ -n "$model_pid" ] && kill "$model_pid" 2>/dev/null && wait "$model_pid" 2>/dev/null || true
  node "$here/fake_model.js" "$model_port" "$1" &
  model_pid=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$model_port" -X POST -d '{}' && break; sleep 0.1; done
}
use_ai() { # provider name or local
  curl -sf -X PUT "$base/api/cs/config" "${auth[@]}" -d "{\"companyId\":\"$company\",\"ai\":{\"provider\":\"$1\",\"models\":{\"aiRep\":\"bench-small\",\"aiManager\":\"bench-large\"}}}" >/dev/null
}
new_sessions() {
  for i in $(seq "$1"); do
    curl -s -X POST "$base/api/cs/sessions" "${auth[@]}" \
      -d "{\"companyId\":\"$company\",\"customerId\":\"bench-$2-$i\",\"channel\":\"chat\"}" \
      | grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
  done
}
rss_peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
cpu_ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; } # user + system
# wrk on the message route, then the CPU time each process spent per answered request: the
# server's, and the stand-in model's (which shares these cores, so it costs throughput too).
measured_wrk() { # perf label, sessions file, then wrk's own arguments
  local label=$1 file=$2 server0 model0 out requests sampler=""
  shift 2
  server0=$(cpu_ticks "$pid")
  model0=$(cpu_ticks "$model_pid")
  if [ "${PERF:-0}" = 1 ]; then
    (sleep $((${duration//[!0-9]/} / 2 - 2)) && perf record --call-graph "${PERF_CALLGRAPH:-dwarf,16384}" -F 499 -p "$pid" -o "${out_base}-$label.perf" -- sleep 5 \
      >/dev/null 2>&1) &
    sampler=$!
  fi
  out=$(SESSIONS_FILE="$file" wrk "$@" -s "$here/post_message.lua" "$base")
  [ -z "$sampler" ] || wait "$sampler"
  echo "$out"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v s=$(($(cpu_ticks "$pid") - server0)) -v m=$(($(cpu_ticks "$model_pid") - model0)) -v n="$requests" \
    -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "CPU per request: server %.0f us, stand-in model %.0f us\n", s * 1e6 / hz / n, m * 1e6 / hz / n }'
}

curl -sf -X POST "$base/api/cs/ai/providers" "${auth[@]}" \
  -d "{\"companyId\":\"$company\",\"name\":\"bench\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$model_port/v1\",\"timeoutMs\":5000}" >/dev/null
# Each run has conversations of its own, fresh: a run on the conversations another made longer
# would pay for their longer history (reading it, and a model's prompt carries it).
new_sessions 400 a >"$data/sessions-a.txt"
new_sessions 400 c >"$data/sessions-c.txt"
new_sessions 800 b >"$data/sessions-b.txt" # few collisions: a session answers one message at a time
{
  echo "Tierdesk model-reply benchmark, $(date -u +%FT%TZ), $(nproc) cores; server, provider and wrk share this machine"
  echo
  echo "== local responder: POST messages, wrk -c50"
  use_ai local
  measured_wrk local "$data/sessions-a.txt" -t2 -c50 -d"$duration" --latency
  echo
  echo "== a model answering at once: POST messages, wrk -c50"
  start_model 0
  use_ai bench
  measured_wrk model "$data/sessions-c.txt" -t2 -c50 -d"$duration" --latency
  echo
  echo "== a model taking 1 s a reply: 200 conversations at once (wrk -c200), /api/cs/health alone (wrk -c1)"
  start_model 1000
  SESSIONS_FILE="$data/sessions-b.txt" wrk -t2 -c200 -d"$duration" --timeout 10s --latency -s "$here/post_message.lua" "$base" >"$data/slow.txt" &
  wrk_pid=$!
  sleep 2 # the 200 conversations are under way
  wrk -t1 -c1 -d10s --latency "$base/api/cs/health"
  wait $wrk_pid
  cat "$data/slow.txt"
  echo "server peak RSS: $(( $(rss_peak_kb) / 1024 )) MB"
  # Who worded the replies: the model, or the local responder as a fallback (and why).
  sample=$(head -n 1 "$data/sessions-b.txt")
  curl -s "$base/api/cs/sessions/$sample" "${auth[@]}" | python3 "$here/reply_makers.py"
} | tee "$out"
