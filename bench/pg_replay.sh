#!/usr/bin/env bash
# What PostgreSQL alone carries of the message route's writes: the statements an instance sends
# for a message (pg_stat_statements under bench/team.sh: a session read, the customer's message,
# its sentiment reading, the session's update, the reply and the message count, the team event
# with its NOTIFY, the audit row, each request part under SAVEPOINT w ... RELEASE w), ten
# messages a transaction as the group commit makes them, replayed by pgbench on a database
# tierdesk migrated (its tables, indexes and analytics triggers), with CLIENTS (1 2 4 8)
# connections in turn, each one connection working serially as an instance's engine does, on
# 50 sessions of its own (an instance's sessions, as behind a proxy with session affinity:
# transactions of ten messages on shared sessions would deadlock, see bench/README.md).
# pgbench uses far less CPU than tierdesk, so this shows where PostgreSQL itself saturates on
# this machine. MODE prepared (the extended protocol, the cheapest) or simple (every statement
# parsed and planned, dearer than Qt's EXECUTE of a prepared statement): the two bracket it.
# Usage: bench/pg_replay.sh [path/to/tierdesk]   (env: CLIENTS="1 2 4 8" DURATION=15 MODE=prepared KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/pg_server.sh
. "$here/lib/pg_server.sh"
clients=${CLIENTS:-1 2 4 8}
duration=${DURATION:-15}
mode=${MODE:-prepared}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
cleanup() {
  pg_stop
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

most=$(tr ' ' '\n' <<<"$clients" | sort -n | tail -n 1)
pg_start "$work" max_connections=300
pg_createdb replay
company=$("$bin" --data-dir "$work/data" --database "$(pg_url replay)" demo seed 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["companyId"])')
pg_psql replay -c "INSERT INTO sessions(id, company_id, customer_id, channel, current_tier, status,
  customer_sentiment, created_at, updated_at, last_activity_at)
  SELECT 'sess_bench_' || g, '$company', 'bench-' || g, 'chat', 'AI_REP', 'ACTIVE', 'NEUTRAL',
  (extract(epoch FROM now()) * 1000)::bigint, (extract(epoch FROM now()) * 1000)::bigint,
  (extract(epoch FROM now()) * 1000)::bigint FROM generate_series(0, $((50 * most)) - 1) g" -c ANALYZE

# One message as an instance writes it; the texts about as long as post_message.lua's and a reply's.
now="(extract(epoch FROM now()) * 1000)::bigint"
reply=$(printf 'Thanks for waiting. Your order %.0s' 1; printf 'is on its way with the carrier and should arrive within two business days. %.0s' 1 2 3 4)
# No colon right before a digit or letter in the texts: pgbench would take it for a variable.
meta='{"confidence": 0.82,"intent":"order_status","sources":["kb/shipping-times"],"suggestions":[{"kind":"read_article","id":"shipping-times"}],"model":"local"}'
event=$(printf '{"type":"message","sessionId":"sess_bench","message":{"role":"ai_rep","content":"%s","metadata":%s}}' "$reply" "$meta")
message() {
  cat <<EOF
\\set n :client_id * 50 + random(0, 49)
\\set seq random(1, 1000000)
SAVEPOINT w;
SELECT id, company_id, customer_id, channel, current_tier, status, message_count FROM sessions WHERE id = 'sess_bench_' || :n;
INSERT INTO messages(id, session_id, seq, role, content, timestamp, sentiment, metadata) VALUES ('msg_' || :seq || '_' || :n, 'sess_bench_' || :n, :seq, 'customer', 'How do I return a jacket that does not fit?', $now, 'NEUTRAL', NULL);
INSERT INTO sentiment_points(session_id, sentiment, score, timestamp, trigger) VALUES ('sess_bench_' || :n, 'NEUTRAL', 0.1, $now, 'message');
UPDATE sessions SET issue_summary = 'Customer asks how to return a jacket', customer_sentiment = 'NEUTRAL', updated_at = $now, last_activity_at = $now, resolved_at = 0, resolution = NULL, irate_count = 0, unconfident_turns = 0, message_count = :seq WHERE id = 'sess_bench_' || :n;
RELEASE w;
SAVEPOINT w;
INSERT INTO messages(id, session_id, seq, role, content, timestamp, sentiment, metadata) VALUES ('msg_r' || :seq || '_' || :n, 'sess_bench_' || :n, :seq + 1, 'ai_rep', '$reply', $now, NULL, '$meta');
UPDATE sessions SET message_count = :seq + 1 WHERE id = 'sess_bench_' || :n;
RELEASE w;
SAVEPOINT w;
INSERT INTO team_events(origin, payload, created_at) VALUES ('replay', '$event', $now);
NOTIFY tierdesk_events;
INSERT INTO audit_log(at, company_id, actor, role, action, resource, client_address, status, details) VALUES ($now, '$company', 'demo-admin', 'admin', 'session.message', 'sess_bench_' || :n, '127.0.0.1', 201, NULL);
RELEASE w;
EOF
}
{
  echo "BEGIN;"
  for _ in $(seq 10); do message; done
  echo "COMMIT;"
} >"$work/batch.sql"

pg_ticks() {
  local pm total child
  pm=$(pg_postmaster_pid)
  total=$(sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}')
  for child in $(ps -o pid= --ppid "$pm"); do
    [ -r "/proc/$child/stat" ] && total=$((total + $(sed 's/.*) //' "/proc/$child/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0)))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

echo "PostgreSQL replay of the message route's writes, $(date -u +%FT%TZ), $(nproc) cores, pgbench -M $mode," \
  "$duration s a run, 10 messages a transaction, fsync on, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| connections | messages/s | latency of a 10-message transaction (avg) | PostgreSQL CPU | PostgreSQL CPU µs a message | pgbench CPU | machine busy / others | active connections: waiting for |"
echo "|---|---|---|---|---|---|---|---|"
for c in $clients; do
  # What the connections wait for, every 0.2 s.
  printf '%s\n' "SELECT COALESCE(wait_event_type || ':' || wait_event, 'running') FROM pg_stat_activity
    WHERE application_name = 'pgbench' AND state = 'active';" '\watch 0.2' |
    pg_psql replay -tA >"$work/activity-$c.txt" 2>/dev/null &
  sampler=$!
  pg0=$(pg_ticks)
  m0=$(machine_ticks)
  /usr/bin/time -f "%U %S" -o "$work/pgbench-cpu.txt" "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U tierdesk -n \
    -M "$mode" -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$duration" -f "$work/batch.sql" replay >"$work/pgbench.txt" 2>&1 ||
    { cat "$work/pgbench.txt" >&2; exit 1; }
  pg1=$(pg_ticks)
  m1=$(machine_ticks)
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  awk -v c="$c" -v p="$((pg1 - pg0))" -v hz="$hz" -v d="$duration" -v a="$m0" -v b="$m1" \
    -v bench="$(awk '{print $1 + $2}' "$work/pgbench-cpu.txt")" '
    /^tps = / { tps = $3 } /latency average/ { lat = $4 }
    END {
      split(a, x, " "); split(b, y, " ")
      busy = 100 * (y[1] - x[1]) / (y[2] - x[2]); others = 100 * ((y[1] - x[1] - p) / hz - bench) / d
      printf "| %d | %.0f | %s ms | %.0f %% of a core | %.0f | %.0f %% of a core | %.0f %% / %.0f %% | %s |\n",
        c, tps * 10, lat, 100 * p / hz / d, p / hz * 1e6 / (tps * 10 * d), 100 * bench / d, busy, others, waits }' \
    waits="$(grep -v '^$' "$work/activity-$c.txt" | sort | uniq -c | sort -rn | head -n 4 |
      awk -v n="$(grep -c . "$work/activity-$c.txt" || true)" '{printf "%s%s %.0f %%", (NR > 1 ? ", " : ""), $2, 100 * $1 / n}' || true)" \
    "$work/pgbench.txt"
done
