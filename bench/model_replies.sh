#!/usr/bin/env bash
# Replies worded by a language model, against bench/fake_model.py (an OpenAI-compatible server):
#   1. POST /api/cs/sessions/:id/messages with the local responder, then with a model that answers
#      at once (wrk -c50): the model's path must be no slower.
#   2. 200 simultaneous conversations with a model that takes 1 s a reply (wrk -c200), while
#      /api/cs/health is measured alone (wrk -c1): reply p99, health p99, the server's peak RSS.
# Usage: bench/model_replies.sh [path/to/tierdesk]   (env: DURATION=15s, PORT=18097, MODEL_PORT=18098)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/demo_server.sh"
duration=${DURATION:-15s}
port=${PORT:-18097}
model_port=${MODEL_PORT:-18098}
data=$(mktemp -d)
out="$here/results/model-$(date -u +%Y%m%dT%H%M%SZ).txt"
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

curl -sf -X POST "$base/api/cs/ai/providers" "${auth[@]}" \
  -d "{\"companyId\":\"$company\",\"name\":\"bench\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$model_port/v1\",\"timeoutMs\":5000}" >/dev/null
new_sessions 400 a >"$data/sessions-a.txt"
new_sessions 800 b >"$data/sessions-b.txt" # few collisions: a session answers one message at a time
{
  echo "Tierdesk model-reply benchmark, $(date -u +%FT%TZ), $(nproc) cores; server, provider and wrk share this machine"
  echo
  echo "== local responder: POST messages, wrk -c50"
  use_ai local
  SESSIONS_FILE="$data/sessions-a.txt" wrk -t2 -c50 -d"$duration" --latency -s "$here/post_message.lua" "$base"
  echo
  echo "== a model answering at once: POST messages, wrk -c50"
  start_model 0
  use_ai bench
  SESSIONS_FILE="$data/sessions-a.txt" wrk -t2 -c50 -d"$duration" --latency -s "$here/post_message.lua" "$base"
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
