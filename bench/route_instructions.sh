#!/usr/bin/env bash
# Instructions the server spends per message on the message route, all threads, counted by
# callgrind: steady where req/s on a shared machine is not. Starts `tierdesk serve --demo`
# under valgrind, creates 40 sessions, posts 20 messages to warm the caches, zeroes the
# counters, posts MESSAGES (300) more one at a time (post_message.lua's ten texts in turn)
# and prints the instructions per message. One request at a time, so each group commit
# holds one message: the commit's share is larger than under load.
# Usage: bench/route_instructions.sh [path/to/tierdesk]   (env: MESSAGES=300, PORT=18123,
#        KEEP_PROFILE=DIR keeps the callgrind dumps there for callgrind_annotate)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
messages=${MESSAGES:-300}
port=${PORT:-18123}
data=$(mktemp -d)
trap 'kill "$vpid" 2>/dev/null || true; rm -rf "$data"' EXIT

valgrind --tool=callgrind --callgrind-out-file="$data/callgrind.%p" \
  "$bin" --data-dir "$data" serve --port "$port" --demo --no-rate-limit >"$data/serve.log" 2>&1 &
vpid=$!
for _ in $(seq 600); do grep -q "Admin token" "$data/serve.log" 2>/dev/null && break; sleep 0.2; done
token=$(awk '/Admin token/ {print $NF}' "$data/serve.log")
company=$(awk '/Demo company/ {print $3}' "$data/serve.log")
base="http://127.0.0.1:$port/api/cs"

sessions=()
for i in $(seq 40); do
  sessions+=("$(curl -s -X POST "$base/sessions" -H "Authorization: Bearer $token" \
    -d "{\"companyId\":\"$company\",\"customerId\":\"route-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" \
    | grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4)")
done
texts=("Where is my order?" "When will my package arrive?" "How do I return a jacket that doesn't fit?"
       "Can I change my shipping address?" "I was charged twice for my order" "How long does a refund take?"
       "Thanks, that's helpful!" "What payment methods do you accept?" "I can't log into my account"
       "How do I pause my Trail Club subscription?")
post() { # message number; prints the HTTP status
  curl -s -o /dev/null -w "%{http_code}\n" -X POST "$base/sessions/${sessions[$(($1 % 40))]}/messages" \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "{\"message\":\"${texts[$(($1 % 10))]}\"}"
}

for i in $(seq 20); do post "$i" >/dev/null; done
callgrind_control -z "$vpid" >/dev/null 2>&1
created=0
for i in $(seq "$messages"); do [ "$(post "$i")" = 201 ] && created=$((created + 1)); done
callgrind_control -d "$vpid" >/dev/null 2>&1
sleep 1
total=$(awk '/^summary:/ {print $2}' "$data"/callgrind.*.1)
echo "$created of $messages messages created; $total instructions: $((total / messages)) per message"
if [ -n "${KEEP_PROFILE:-}" ]; then
  mkdir -p "$KEEP_PROFILE" && cp "$data"/callgrind.*.1 "$KEEP_PROFILE"/ && echo "profile kept in $KEEP_PROFILE"
fi
