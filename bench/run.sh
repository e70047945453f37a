#!/usr/bin/env bash
# Load benchmark of the canonical CS API with wrk at 50 connections:
#   1. GET /api/cs/health               (trivial route, the baseline)
#   2. POST /api/cs/sessions/:id/messages (local responder, group commit); with MESSAGE_ROUTE=agent
#      POST /api/cs/sessions/:id/agent-messages instead, a person's replies on sessions escalated to
#      the human tier first (the route a login token posts on: TOKEN_KIND=login)
#   3. GET /api/cs/sessions/:id
# then a durability check: every acknowledged (201) message must be in the
# database after the server is killed with SIGKILL.
# Usage: bench/run.sh [path/to/tierdesk]   (env: DURATION=15s, CONNECTIONS=50, PORT=18099,
#   TOKEN_KIND=api|login, MESSAGE_ROUTE=customer|agent)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/demo_server.sh"
duration=${DURATION:-15s}
conns=${CONNECTIONS:-50}
port=${PORT:-18099}
data=$(mktemp -d)
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$here/results"
trap 'kill -9 $pid 2>/dev/null || true; [ -n "${KEEP_DATA:-}" ] || rm -rf "$data"' EXIT

start_demo_server "$bin" "$data" "$port"

# utime + stime of the server, in clock ticks.
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

# Sessions to spread the load over (the per-session history stays short).
new_sessions() {
  for i in $(seq "$1"); do
    curl -s -X POST "$base/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
      -d "{\"companyId\":\"$company\",\"customerId\":\"bench-$2-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" \
      | grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
  done
}
new_sessions 400 post >"$data/post-sessions.txt"
new_sessions 200 get >"$data/get-sessions.txt"
export MESSAGE_ROUTE=${MESSAGE_ROUTE:-customer}
if [ "$MESSAGE_ROUTE" = agent ]; then
  while read -r id; do
    curl -s -o /dev/null -X POST "$base/api/cs/sessions/$id/escalate" -H "Authorization: Bearer $API_TOKEN" \
      -d '{"reason":"CUSTOMER_REQUEST","targetTier":"HUMAN_AGENT"}'
  done <"$data/post-sessions.txt"
  message_role=human_agent
else
  message_role=customer
fi

{
  echo "Tierdesk load benchmark, $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$conns -d$duration --latency"
  echo "server and wrk share this machine"
  echo
  echo "== GET /api/cs/health (trivial route)"
  wrk -t2 -c"$conns" -d"$duration" --latency "$base/api/cs/health"
  echo
  echo "== POST /api/cs/sessions/:id/messages (MESSAGE_ROUTE=$MESSAGE_ROUTE, TOKEN_KIND=${TOKEN_KIND:-api})"
  cpu_before=$(server_cpu_ticks)
  SESSIONS_FILE="$data/post-sessions.txt" wrk -t2 -c"$conns" -d"$duration" --latency -s "$here/post_message.lua" "$base" \
    | tee "$data/post.txt"
  # CPU the server spent per message (all its threads): steadier than req/s on a shared machine.
  awk -v ticks=$(( $(server_cpu_ticks) - cpu_before )) -v hz="$(getconf CLK_TCK)" \
    '/requests in/ {printf "server CPU per message: %.0f us\n", ticks * 1e6 / hz / $1}' "$data/post.txt"
  echo
  echo "== GET /api/cs/sessions/:id"
  SESSIONS_FILE="$data/get-sessions.txt" wrk -t2 -c"$conns" -d"$duration" --latency -s "$here/get_session.lua" "$base"
} | tee "$out"

# Durability: acknowledged = 201s counted by wrk; stored = rows after SIGKILL.
acked=$(awk '/== POST/{p=1} p && /requests in/{print $1; exit}' "$out")
errors=$(awk '/== POST/{p=1} p && /non-201 responses/{print $3; exit}' "$out")
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
stored=$(sqlite3 "$data/tierdesk.db" "SELECT COUNT(*) FROM messages m JOIN sessions s ON s.id = m.session_id
  WHERE s.customer_id LIKE 'bench-post-%' AND m.role = '$message_role' AND m.content <> 'Hello'")
{
  echo
  echo "== Durability after SIGKILL"
  echo "message requests completed by wrk: $acked (non-201: ${errors:-0}); $message_role messages on disk: $stored"
  echo "(on disk >= acknowledged: requests still in flight when wrk stopped may be stored too)"
} | tee -a "$out"
echo "results: $out"
