#!/usr/bin/env bash
# Knowledge gaps at scale: `demo seed --sessions N --gaps N` (default 100,000 each: every loaded
# session with one question the knowledge did not answer, nine in ten of them 20 things asked in
# three wordings each, the rest a long tail), then `GET /api/cs/kb/gaps` CALLS times (default 20)
# over all time and over the last 7 days against `tierdesk serve --no-rate-limit`; prints the
# median and p95 (curl's time_total), the groups found and the three biggest.
# Usage: bench/kb_gaps.sh [path/to/tierdesk]   (env: QUESTIONS CALLS PORT KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
port=${PORT:-18098}
calls=${CALLS:-20}
questions=${QUESTIONS:-100000}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$data"
}
trap cleanup EXIT
export TIERDESK_DATA_DIR="$data"

start=$(date +%s%N)
seed=$("$bin" demo seed --sessions "$questions" --gaps "$questions" 2>/dev/null)
echo "seeded in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["load"])')"
company=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["companyId"])')
TOKEN=$("$bin" token create --company "$company" --role supervisor --subject gaps-bench --ttl 7200 2>/dev/null)

"$bin" serve --port "$port" --no-rate-limit >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "serving" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done

# time_total of $calls calls in ms: "median p95 max first".
measure() {
  for _ in $(seq "$calls"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$base/api/cs/kb/gaps?$1"
  done | python3 -c '
import sys, math
t = [float(x) * 1000 for x in sys.stdin]
first = t[0]
t.sort()
median = t[len(t) // 2] if len(t) % 2 else (t[len(t) // 2 - 1] + t[len(t) // 2]) / 2
print("median %.1f ms  p95 %.1f ms  max %.1f ms  first %.1f ms" % (median, t[math.ceil(0.95 * len(t)) - 1], t[-1], first))'
}

curl -s -H "Authorization: Bearer $TOKEN" "$base/api/cs/kb/gaps?companyId=$company" | python3 -c '
import json, sys
gaps = json.load(sys.stdin)["gaps"]
print("groups listed: %d, questions in them: %d" % (len(gaps), sum(g["questions"] for g in gaps)))
for g in gaps[:3]:
    print("  %6d  %s  (%s)" % (g["questions"], g["label"], "; ".join(g["examples"][:3])))'
week_ago=$(date -u -d '7 days ago' +%F)
echo "all time:     $(measure "companyId=$company")"
echo "last 7 days:  $(measure "companyId=$company&from=$week_ago")"
