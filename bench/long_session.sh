#!/usr/bin/env bash
# Does one heavy session hold the engine thread? Fills one session to its message
# cap (sessions/maxMessages, 5000 by default), then reads it with wrk on 20
# connections while a second wrk measures GET /api/cs/health on 2 connections.
# The health latency under that load is what every other client would feel.
# Usage: bench/long_session.sh [path/to/tierdesk]   (env: DURATION=15s, PORT=18098)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/demo_server.sh"
duration=${DURATION:-15s}
port=${PORT:-18098}
data=$(mktemp -d)
out="$here/results/long-session-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$here/results"
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

start_demo_server "$bin" "$data" "$port"
curl -s -X POST "$base/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
  -d "{\"companyId\":\"$company\",\"customerId\":\"bench-long\",\"channel\":\"chat\"}" \
  | grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4 >"$data/session.txt"
session=$(cat "$data/session.txt")

# Fill it: the message route answers 409 once the cap is reached.
SESSIONS_FILE="$data/session.txt" wrk -t1 -c4 -d10s -s "$here/post_message.lua" "$base" >/dev/null
total=$(curl -s "$base/api/cs/sessions/$session?messageLimit=1" -H "Authorization: Bearer $TOKEN" \
  | grep -o '"total":[0-9]*' | cut -d: -f2)
bytes=$(curl -s "$base/api/cs/sessions/$session" -H "Authorization: Bearer $TOKEN" | wc -c)
{
  echo "Tierdesk long-session benchmark, $(date -u +%FT%TZ), $(nproc) cores"
  echo "session $session holds $total messages; its GET (default page) is $bytes bytes"
  echo
  echo "== GET /api/cs/sessions/:id, 1 connection (how long one read holds the engine thread, plus loopback)"
  SESSIONS_FILE="$data/session.txt" wrk -t1 -c1 -d5s --latency -s "$here/get_session.lua" "$base"
  echo
  echo "== GET /api/cs/sessions/:id, 20 connections (the heavy readers)"
  SESSIONS_FILE="$data/session.txt" wrk -t1 -c20 -d"$duration" --latency -s "$here/get_session.lua" "$base" >"$data/heavy.txt" &
  heavy=$!
  sleep 1
  echo "== GET /api/cs/health, 2 connections, meanwhile"
  wrk -t1 -c2 -d"$(( ${duration%s} - 2 ))s" --latency "$base/api/cs/health"
  wait $heavy
  cat "$data/heavy.txt"
} | tee "$out"
echo "results: $out"
