#!/usr/bin/env bash
# Analytics at scale: `demo seed --sessions N` (default 1,000,000) on a fresh data
# directory, then `GET /api/cs/analytics` CALLS times (default 20) for each range
# below against `tierdesk serve --no-rate-limit`; prints median and p95 (curl's
# time_total), and the same for a range whose current hour keeps changing while
# messages arrive (wrk on POST /messages at a low rate in the background).
# BACKEND=postgresql: the same on PostgreSQL 15 (team mode): a server of the script's own
# (bench/lib/pg_server.sh, fsync on), the sessions seeded into SQLite and moved there with
# `tierdesk db copy --to` (much faster than seeding PostgreSQL row by row; both timed), then
# `ANALYZE` (as autovacuum would do soon after such a load) and the server on `--database`.
# Usage: bench/analytics.sh [path/to/tierdesk]   (env: SESSIONS CALLS PORT BACKEND KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-18097}
calls=${CALLS:-20}
backend=${BACKEND:-sqlite}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
pgwork=$(mktemp -d)
pid=
wrk_pid=
log_mark=0
# shellcheck source=bench/lib/pg_server.sh
. "$here/lib/pg_server.sh"
cleanup() {
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pg_stop
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$data" "$pgwork"
}
trap cleanup EXIT
export TIERDESK_DATA_DIR="$data"

start=$(date +%s%N)
seed=$("$bin" demo seed --sessions "${SESSIONS:-1000000}" 2>/dev/null)
echo "seeded in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["load"])')"
company=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["companyId"])')
case $backend in
  sqlite) ;;
  postgresql)
    # Statements over 100 ms are logged, and listed at the end.
    pg_start "$pgwork" log_min_duration_statement=100 shared_preload_libraries=pg_stat_statements
    pg_createdb analytics
    pg_psql analytics -c "CREATE EXTENSION pg_stat_statements"
    start=$(date +%s%N)
    "$bin" db copy --to "$(pg_url analytics)" >"$data/copy.txt" 2>&1
    echo "copied to PostgreSQL in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(grep -E 'rows in' "$data/copy.txt")"
    rm -f "$data"/tierdesk.db*
    start=$(date +%s%N)
    pg_psql analytics -c ANALYZE
    echo "ANALYZE in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
      "database $(pg_psql analytics -tA -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
    log_mark=$(wc -l <"$pg_log")
    TIERDESK_DATABASE_URL=$(pg_url analytics)
    export TIERDESK_DATABASE_URL
    ;;
  *) echo "BACKEND is sqlite or postgresql" >&2; exit 2 ;;
esac
TOKEN=$("$bin" token create --company "$company" --role admin --subject analytics-bench --ttl 7200 2>/dev/null)
export TOKEN

"$bin" serve --port "$port" --no-rate-limit >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "serving" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done

# time_total of $calls calls in ms, then "median p95" (nearest rank) and the first call's.
# On PostgreSQL also the statements of those calls (pg_stat_statements): how many a call and
# their execution time a call.
measure() {
  [ "$backend" = postgresql ] && pg_psql analytics -tA -c "SELECT pg_stat_statements_reset()" >/dev/null
  for _ in $(seq "$calls"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$base/api/cs/analytics?$1"
  done | python3 -c '
import sys, math
first = None
t = []
for x in sys.stdin:
    t.append(float(x) * 1000)
    first = t[0]
t.sort()
print("median %.1f ms  p95 %.1f ms  max %.1f ms  first %.1f ms" % (t[len(t) // 2] if len(t) % 2 else (t[len(t)//2 - 1] + t[len(t)//2]) / 2,
      t[math.ceil(0.95 * len(t)) - 1], t[-1], first), end="")'
  if [ "$backend" = postgresql ]; then
    pg_psql analytics -tA -c "SELECT '  | in PostgreSQL a call: ' || round(SUM(calls)::numeric / $calls, 1) || ' statements, '
      || round((SUM(total_exec_time) / $calls)::numeric, 2) || ' ms executing, the slowest '
      || round(MAX(max_exec_time)::numeric, 1) || ' ms' FROM pg_stat_statements
      WHERE query !~ 'pg_stat_statements' AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
  else
    echo
  fi
}

today=$(date -u +%F)
month_ago=$(date -u -d '31 days ago' +%F)
now=$(date -u +%FT%TZ)
hours_ago=$(date -u -d '36 hours ago' +%FT%H:%M:%SZ)
total=$(curl -s -H "Authorization: Bearer $TOKEN" "$base/api/cs/analytics?companyId=$company&startDate=$month_ago&endDate=$today" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["overview"]["totalSessions"])')
echo "sessions in the last 31 days: $total"
echo "31 days, whole days:               $(measure "companyId=$company&startDate=$month_ago&endDate=$today")"
echo "31 days by day (timeline):         $(measure "companyId=$company&startDate=$month_ago&endDate=$today&groupBy=day")"
echo "36 hours to the second:            $(measure "companyId=$company&startDate=$hours_ago&endDate=$now&groupBy=day")"

# Sessions written to while measuring: their hours are recomputed on the next call.
for i in $(seq 50); do
  curl -s -X POST "$base/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
    -d "{\"companyId\":\"$company\",\"customerId\":\"bench-a-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" |
    grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
done >"$data/sessions.txt"
SESSIONS_FILE="$data/sessions.txt" wrk -t1 -c4 -d60s -s "$here/post_message.lua" "$base" >"$data/wrk.txt" &
wrk_pid=$!
sleep 1
echo "31 days while messages arrive:     $(measure "companyId=$company&startDate=$month_ago&endDate=$now&groupBy=day")"
kill -INT "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true
echo "messages posted meanwhile: $(awk '/requests in/ {print $1}' "$data/wrk.txt")"
if [ "$backend" = postgresql ]; then
  tail -n +"$((log_mark + 1))" "$pg_log" >"$data/pg-serving.log"
  echo "statements over 100 ms in PostgreSQL's log while serving: $(grep -c 'duration:' "$data/pg-serving.log" || true)"
  grep 'duration:' "$data/pg-serving.log" | sed 's/.*duration: //' | sort -rn | head -n 5 | cut -c1-300 || true
fi
