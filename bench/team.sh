#!/usr/bin/env bash
# Team mode on PostgreSQL beside SQLite, in one run: the message route
# (POST /api/cs/sessions/:id/messages, wrk with post_message.lua, CONNECTIONS connections) on
#   a. SQLite (`tierdesk serve --demo`, one instance, as bench/run.sh)
#   b. PostgreSQL, one instance (`serve --demo --database URL`)
#   c. PostgreSQL, INSTANCES (2) instances on one database, the same keys (secrets export /
#      import), one wrk process per instance at once, the connections split between them
# each on a fresh store (b and c: fresh databases of one PostgreSQL 15 server this script
# starts, fsync on). For every run: req/s, p50/p99, the CPU of every tierdesk process and of
# PostgreSQL (all its processes), how busy the machine was, and a durability check: every
# tierdesk is killed with SIGKILL (and PostgreSQL stopped with -m immediate and started again,
# a crash and its recovery), then the customer messages in the store are counted against the
# 201s wrk received. For the PostgreSQL runs also where the time goes: CPU a message of
# tierdesk and of PostgreSQL, commits and WAL fsyncs a second, WAL bytes a message, the
# database's growth a session and a message, its biggest tables.
# With STATEMENTS=1 (the default) PostgreSQL loads pg_stat_statements: the statements tierdesk
# sends a message, their execution time, the slowest; and pg_stat_activity is sampled every
# 0.2 s during the load: what the instances' connections were doing (running, waiting for the
# client, for a lock, for the WAL).
# With PERF=1, `perf record -a` samples the whole machine for 5 s in the middle of each load and
# the profile is printed by program and library (perf report --sort comm,dso).
# PG_CPUS and APP_CPUS (taskset lists, e.g. 1 and 0) pin PostgreSQL's processes to some cores
# and tierdesk and wrk to others: PostgreSQL with cores of its own, to see what it carries alone.
# MIXED=1: in the run with several instances every wrk posts to all the sessions (those created
# through each instance), as a proxy without session affinity would spread them.
# Usage: bench/team.sh [path/to/tierdesk]
#   env: DURATION=15s CONNECTIONS=50 INSTANCES=2 SESSIONS=400 PORT=18110 RUNS="a b c"
#        STATEMENTS=1 PERF=0 PG_CPUS APP_CPUS MIXED=0 KEEP_DATA
set -euo pipefail
bin=$(realpath "${1:-build/app/tierdesk}")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/pg_server.sh
. "$here/lib/pg_server.sh"
duration=${DURATION:-15s}
conns=${CONNECTIONS:-50}
instances=${INSTANCES:-2}
nsessions=${SESSIONS:-400}
port0=${PORT:-18110}
runs=${RUNS:-a b c}
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
mkdir -p "$here/results"
out="$here/results/team-$(date -u +%Y%m%dT%H%M%SZ).txt"
table="$work/table.txt"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  pg_stop
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
exec > >(tee "$out") 2>&1

# max_connections: each instance keeps a few connections (its store, the readers, the relay's
# LISTEN, the leader lock); 300 leaves room for INSTANCES up to dozens.
statements=${STATEMENTS:-1}
if [ "$statements" = 1 ]; then
  pg_start "$work" max_connections=300 shared_preload_libraries=pg_stat_statements
else
  pg_start "$work" max_connections=300
fi
app=()
[ -n "${APP_CPUS:-}" ] && app=(taskset -c "$APP_CPUS")
# PostgreSQL's processes on PG_CPUS: the postmaster and what runs now; backends forked later inherit it.
pin_pg() {
  [ -n "${PG_CPUS:-}" ] || return 0
  local p
  for p in $(pg_postmaster_pid) $(ps -o pid= --ppid "$(pg_postmaster_pid)"); do taskset -a -c -p "$PG_CPUS" "$p" >/dev/null; done
}
pin_pg

# `tierdesk serve --demo --no-rate-limit` on data directory $work/NAME, port PORT, [database URL];
# waits for its admin token. Sets inst_pid; keeps TOKEN and company from the first one.
start_instance() {
  local name=$1 port=$2 url=${3:-}
  local data="$work/$name" args=()
  mkdir -p "$data"
  [ -n "$url" ] && args=(--database "$url")
  "${app[@]}" "$bin" --data-dir "$data" "${args[@]}" serve --port "$port" --demo --no-rate-limit >"$data/serve.log" 2>&1 &
  inst_pid=$!
  pids+=("$inst_pid")
  for _ in $(seq 600); do grep -q "Admin token" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q "Admin token" "$data/serve.log"; then
    echo "tierdesk serve ($name) did not start:" >&2
    cat "$data/serve.log" >&2
    exit 1
  fi
  TOKEN=$(awk '/Admin token/ {print $NF}' "$data/serve.log")
  export TOKEN
  company=$(awk '/Demo company/ {print $3}' "$data/serve.log")
}

# N sessions through the instance on PORT, customers bench-post-TAG-i: their ids, one a line.
new_sessions() {
  local n=$1 port=$2 tag=$3 i
  for i in $(seq "$n"); do
    curl -s -X POST "http://127.0.0.1:$port/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
      -d "{\"companyId\":\"$company\",\"customerId\":\"bench-post-$tag-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" |
      grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
  done
}

# utime + stime of a process, in clock ticks (the fields after the command's closing parenthesis).
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# PostgreSQL: the postmaster, its live children, and the children it has reaped (cutime + cstime).
pg_ticks() {
  local pm total child
  pm=$(pg_postmaster_pid)
  total=$(sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}')
  for child in $(ps -o pid= --ppid "$pm"); do
    [ -r "/proc/$child/stat" ] && total=$((total + $(ticks "$child" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
# The machine: busy and all ticks of every core (/proc/stat's first line).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }

pg_value() { pg_psql "$1" -tA -c "$2"; }
# Commits of the database, WAL position, WAL fsyncs, database size: one line.
pg_snapshot() {
  pg_value "$1" "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
    pg_current_wal_lsn(), (SELECT wal_sync FROM pg_stat_wal), pg_database_size(current_database()),
    pg_total_relation_size('team_events')" | tr '|' ' '
}

# wrk's figures of one output file: requests, req/s, p50 ms, p99 ms, non-201.
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms$/, "", v); return v }
                     if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 } return v }
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /non-201 responses/ { bad = $3 }
    END { printf "%d %.0f %.2f %.2f %d\n", n, rps, p50, p99, bad }' "$1"
}

customer_messages_sql="SELECT COUNT(*) FROM messages m JOIN sessions s ON s.id = m.session_id
  WHERE s.customer_id LIKE 'bench-post-%' AND m.role = 'customer' AND m.content <> 'Hello'"

# One run: NAME LABEL COUNT [DB]. COUNT instances (1 on SQLite, where DB is empty).
run_one() {
  local name=$1 label=$2 count=$3 db=${4:-} url='' i port inst_pids=() wrk_pids=()
  local per_conns=$((conns / count)) per_sessions=$((nsessions / count)) threads=2
  [ "$count" -gt 1 ] && threads=1
  echo
  echo "=== $name. $label: wrk -t$threads -c$per_conns x $count -d$duration --latency, post_message.lua"
  if [ -n "$db" ]; then
    pg_createdb "$db"
    [ "$statements" = 1 ] && pg_psql "$db" -c "CREATE EXTENSION pg_stat_statements"
    url=$(pg_url "$db")
  fi
  for i in $(seq "$count"); do
    port=$((port0 + i))
    if [ "$i" -gt 1 ]; then # the same keys as the first instance
      "$bin" --data-dir "$work/$name-1" secrets export >"$work/keys.json"
      mkdir -p "$work/$name-$i"
      "$bin" --data-dir "$work/$name-$i" secrets import <"$work/keys.json" >/dev/null
      rm -f "$work/keys.json"
    fi
    start_instance "$name-$i" "$port" "$url"
    inst_pids+=("$inst_pid")
    echo "instance $i: pid $inst_pid, $(curl -s "http://127.0.0.1:$port/api/cs/health")"
  done

  local before_sessions='' size0=''
  if [ -n "$db" ]; then
    sleep 1
    size0=$(pg_value "$db" "SELECT pg_database_size(current_database())")
    before_sessions=$(pg_value "$db" "SELECT COUNT(*) FROM sessions")
  fi
  for i in $(seq "$count"); do
    new_sessions "$per_sessions" $((port0 + i)) "$i" >"$work/$name-sessions-$i.txt"
  done
  if [ -n "$db" ]; then
    local size1 added
    size1=$(pg_value "$db" "SELECT pg_database_size(current_database())")
    added=$(($(pg_value "$db" "SELECT COUNT(*) FROM sessions") - before_sessions))
    echo "sessions created: $added; database grew $(((size1 - size0) / added)) bytes a session (with its first message and reply)"
    # Statistics reach pg_stat_database within 10 s of a backend going idle.
    sleep 11
  fi

  if [ "$count" -gt 1 ] && [ "${MIXED:-0}" = 1 ]; then
    cat "$work/$name"-sessions-*.txt >"$work/$name-all-sessions.txt"
    for i in $(seq "$count"); do cp "$work/$name-all-sessions.txt" "$work/$name-sessions-$i.txt"; done
    echo "MIXED=1: every wrk posts to all $(wc -l <"$work/$name-all-sessions.txt") sessions, whichever instance created them"
  fi
  local cpu0=() m0 pg0=0 snap0=''
  for i in $(seq "$count"); do cpu0+=("$(ticks "${inst_pids[$((i - 1))]}")"); done
  local sampler=''
  if [ -n "$db" ]; then
    [ "$statements" = 1 ] && pg_value "$db" "SELECT pg_stat_statements_reset()" >/dev/null
    # What the instances' connections are doing, every 0.2 s, on one psql connection.
    printf '%s\n' "SELECT state || ' ' || COALESCE(wait_event_type || ':' || wait_event, 'running')
      FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
      AND pid <> pg_backend_pid() AND application_name = 'tierdesk' AND state <> 'idle in transaction (aborted)';" \
      '\watch 0.2' | pg_psql "$db" -tA >"$work/$name-activity.txt" 2>/dev/null &
    sampler=$!
    pg0=$(pg_ticks)
    snap0=$(pg_snapshot "$db")
  fi
  m0=$(machine_ticks)
  local t0 t1
  t0=$(date +%s%N)
  for i in $(seq "$count"); do
    SESSIONS_FILE="$work/$name-sessions-$i.txt" "${app[@]}" /usr/bin/time -f "%U %S" -o "$work/$name-wrk-cpu-$i.txt" \
      wrk -t"$threads" -c"$per_conns" -d"$duration" --latency \
      -s "$here/post_message.lua" "http://127.0.0.1:$((port0 + i))" >"$work/$name-wrk-$i.txt" &
    wrk_pids+=($!)
  done
  if [ "${PERF:-0}" = 1 ]; then
    local half=$((${duration//[!0-9]/} / 2 - 2))
    [ "$half" -gt 0 ] && sleep "$half"
    perf record -a -F 499 -o "$work/$name-perf.data" -- sleep 5 >/dev/null 2>&1 || true
  fi
  for i in "${wrk_pids[@]}"; do wait "$i"; done
  t1=$(date +%s%N)
  local m1 pg1=0 cpu=() snap1=''
  m1=$(machine_ticks)
  for i in $(seq "$count"); do cpu+=($(($(ticks "${inst_pids[$((i - 1))]}") - cpu0[i - 1]))); done
  if [ -n "$db" ]; then
    pg1=$(pg_ticks)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
  fi

  local requests=0 rps=0 p50s='' p99s='' bad=0 f
  for i in $(seq "$count"); do
    echo "--- wrk on instance $i"
    sed -n '/Latency Distribution/,/Requests\/sec/p;/non-201/p' "$work/$name-wrk-$i.txt"
    read -r -a f <<<"$(wrk_figures "$work/$name-wrk-$i.txt")"
    requests=$((requests + f[0]))
    rps=$((rps + f[1]))
    bad=$((bad + f[4]))
    p50s+="${p50s:+ / }${f[2]}"
    p99s+="${p99s:+ / }${f[3]}"
  done
  local wall_s busy_pct tierdesk_ticks=0 tierdesk_us pg_us c wrk_s others
  wall_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  busy_pct=$(awk -v a="$m0" -v b="$m1" 'BEGIN {split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2])}')
  wrk_s=$(cat "$work/$name"-wrk-cpu-*.txt | awk '{s += $1 + $2} END {printf "%.2f", s}')
  for c in "${cpu[@]}"; do tierdesk_ticks=$((tierdesk_ticks + c)); done
  tierdesk_us=$((tierdesk_ticks * 1000000 / hz / requests))
  pg_us=$(((pg1 - pg0) * 1000000 / hz / requests))
  echo "--- $requests messages in ${wall_s} s: $rps req/s (sum), p50 $p50s ms, p99 $p99s ms, non-201 $bad"
  others=$(awk -v a="$m0" -v b="$m1" -v t="$tierdesk_ticks" -v p="$((pg1 - pg0))" -v hz="$hz" -v w="$wrk_s" -v wall="$wall_s" \
    'BEGIN {split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * ((y[1] - x[1] - t - p) / hz - w) / wall}')
  echo "machine busy: $busy_pct % of $(nproc) cores; wrk $(awk -v w="$wrk_s" -v wall="$wall_s" 'BEGIN {printf "%.0f", 100 * w / wall}') % of a core;" \
    "everything else (other users' work, this script's sampling) $others % of a core"
  for i in $(seq "$count"); do
    echo "tierdesk instance $i CPU: $(awk -v t="${cpu[$((i - 1))]}" -v hz="$hz" -v w="$wall_s" 'BEGIN {printf "%.2f s (%.0f %% of a core)", t / hz, 100 * t / hz / w}')"
  done
  echo "tierdesk CPU a message: $tierdesk_us us ($(awk -v u="$tierdesk_us" 'BEGIN {printf "%.3f", u / 1000}') CPU s per 1,000 messages)"

  local commits_s="-" wal_msg="-" grow_msg="-" fsync_s="-"
  if [ -n "$db" ]; then
    echo "PostgreSQL CPU (all its processes): $(awk -v t="$((pg1 - pg0))" -v hz="$hz" -v w="$wall_s" 'BEGIN {printf "%.2f s (%.0f %% of a core)", t / hz, 100 * t / hz / w}');" \
      "a message: $pg_us us ($(awk -v u="$pg_us" 'BEGIN {printf "%.3f", u / 1000}') CPU s per 1,000 messages)"
    sleep 11 # the backends' statistics
    snap1=$(pg_snapshot "$db")
    local s0 s1
    read -r -a s0 <<<"$snap0"
    read -r -a s1 <<<"$snap1"
    local wal_bytes
    wal_bytes=$(pg_value "$db" "SELECT pg_wal_lsn_diff('${s1[1]}', '${s0[1]}')::bigint")
    commits_s=$(awk -v c="$((s1[0] - s0[0]))" -v w="$wall_s" 'BEGIN {printf "%.0f", c / w}')
    fsync_s=$(awk -v c="$((s1[2] - s0[2]))" -v w="$wall_s" 'BEGIN {printf "%.0f", c / w}')
    wal_msg=$((wal_bytes / requests))
    grow_msg=$(((s1[3] - s0[3]) / requests))
    echo "commits: $((s1[0] - s0[0])) ($commits_s a second, $(awk -v c="$((s1[0] - s0[0]))" -v n="$requests" 'BEGIN {printf "%.2f", c / n}') a message);" \
      "WAL fsyncs: $((s1[2] - s0[2])) ($fsync_s a second)"
    echo "WAL: $wal_bytes bytes, $wal_msg a message; database grew $((s1[3] - s0[3])) bytes, $grow_msg a message," \
      "$(((s1[3] - s0[3] - s1[4] + s0[4]) / requests)) without team_events (the instances' event relay, pruned after minutes)"
    local sessions messages
    sessions=$(pg_value "$db" "SELECT COUNT(*) FROM sessions")
    messages=$(pg_value "$db" "SELECT COUNT(*) FROM messages")
    echo "database: $(pg_value "$db" "SELECT pg_size_pretty(pg_database_size(current_database()))") for $sessions sessions," \
      "$messages messages ($((s1[3] / sessions)) bytes a session, $((s1[3] / messages)) a message row); biggest tables (with indexes and TOAST):"
    pg_value "$db" "SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)), n_live_tup, n_dead_tup
      FROM pg_class c JOIN pg_stat_user_tables t ON t.relid = c.oid ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8" |
      awk -F'|' '{printf "  %-20s %8s  live rows %s, dead %s\n", $1, $2, $3, $4}'
    echo "connections of the instances during the load (samples every 0.2 s; idle ClientRead: waiting for tierdesk):"
    grep -v '^$' "$work/$name-activity.txt" | sort | uniq -c | sort -rn | head -n 8 |
      awk -v n="$(grep -c . "$work/$name-activity.txt")" '{c = $1; $1 = ""; printf "  %5.1f %%  %s\n", 100 * c / n, $0}' || true
    if [ "$statements" = 1 ]; then
      local per
      per=$(pg_value "$db" "SELECT round(SUM(calls)::numeric / $requests, 1) || ' statements a message, executing '
        || round((SUM(total_exec_time) * 1000 / $requests)::numeric) || ' us a message in PostgreSQL'
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_(stat|class|database_size|current_wal|size_pretty)'")
      echo "statements sent by the instances (pg_stat_statements): $per; the most time:"
      pg_value "$db" "SELECT round(calls::numeric / $requests, 2), round((total_exec_time * 1000 / calls)::numeric, 1),
        round((100 * total_exec_time / SUM(total_exec_time) OVER ())::numeric, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 110)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_(stat|class|database_size|current_wal|size_pretty)'
        ORDER BY total_exec_time DESC LIMIT 12" |
        awk -F'|' '{printf "  %6s a message, %8s us each, %5s %%  %s\n", $1, $2, $3, $4}'
    fi
  fi

  if [ -s "$work/$name-perf.data" ]; then
    echo "the machine for 5 s of the load (perf record -a, share of all samples by program and library):"
    perf report -i "$work/$name-perf.data" --sort comm,dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -n 14 | sed 's/^/ /' || true
    echo "tierdesk instance 1 alone, by library and function (share of its samples):"
    perf report -i "$work/$name-perf.data" --pid "${inst_pids[0]}" --percentage relative --sort dso,sym --stdio 2>/dev/null |
      grep -E '^ +[0-9]' | head -n 15 | cut -c1-150 | sed 's/^/ /' || true
    if [ -n "$db" ]; then
      echo "PostgreSQL's processes, by function (share of their samples):"
      perf report -i "$work/$name-perf.data" --comms postgres --percentage relative --sort sym --stdio 2>/dev/null |
        grep -E '^ +[0-9]' | head -n 15 | cut -c1-150 | sed 's/^/ /' || true
    fi
  fi

  # Durability: every tierdesk killed; PostgreSQL crashed and recovered; count what is stored.
  for i in "${inst_pids[@]}"; do kill -9 "$i" 2>/dev/null || true; wait "$i" 2>/dev/null || true; done
  local stored acked=$((requests - bad))
  if [ -n "$db" ]; then
    pg_crash_restart
    pin_pg
    stored=$(pg_value "$db" "$customer_messages_sql")
    grep -E "ERROR|FATAL|PANIC" "$pg_log" | grep -v "terminating connection" | tail -n 5 | sed 's/^/PostgreSQL log: /' || true
  else
    stored=$(sqlite3 "$work/$name-1/tierdesk.db" "$customer_messages_sql")
  fi
  local verdict=ok
  [ "$stored" -ge "$acked" ] || verdict=LOST
  echo "--- durability after SIGKILL${db:+ and a PostgreSQL crash (pg_ctl -m immediate) and restart}:" \
    "201s $acked, customer messages stored $stored: $verdict"
  for i in $(seq "$count"); do
    grep -iE "error|warning|fail" "$work/$name-$i/serve.log" | grep -v "No system keyring\|Secrets are kept" |
      sort | uniq -c | sort -rn | head -n 5 | sed "s/^/instance $i log: /" || true
  done
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50s" "$p99s" "$bad" \
    "$tierdesk_us" "${db:+$pg_us}" "$busy_pct / $others" "$commits_s" "$fsync_s" "$wal_msg" "$verdict ($stored / $acked)" >>"$table"
}

echo "Tierdesk team mode benchmark, $(date -u +%FT%TZ), $(nproc) cores, $("$pg_bin/postgres" --version)," \
  "fsync on, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk, tierdesk and PostgreSQL share this machine"
for r in $runs; do
  case $r in
    a) run_one a "SQLite, 1 instance" 1 ;;
    b) run_one b "PostgreSQL, 1 instance" 1 one ;;
    c) run_one c "PostgreSQL, $instances instances" "$instances" many ;;
    *) echo "unknown run $r (a, b or c)" >&2; exit 2 ;;
  esac
done

echo
echo "=== Summary (POST /api/cs/sessions/:id/messages, $conns connections in all, $duration)"
echo "| store | req/s | p50 ms | p99 ms | non-201 | tierdesk CPU us/msg | PostgreSQL CPU us/msg | machine busy % / others % of a core | commits/s | WAL fsyncs/s | WAL bytes/msg | durability (stored / 201s) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
cat "$table"
echo "results: $out"
