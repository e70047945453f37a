#!/usr/bin/env bash
# The agent desk benchmark (issue 6): on a fresh data directory with
# `demo seed --sessions 100000 --escalations 5000`, the real console
# (tierdesk-deskbench, under xvfb-run: xcb, real painting) against
# `tierdesk serve --no-rate-limit`:
#   - the queue view painted from process start (PAINT_RUNS processes)
#   - new escalations (RATE/s for DURATION s) from request to the row in the
#     console's queue model, while wrk drives POST /messages on other sessions
# Usage: bench/desk.sh [build dir]   (env: SESSIONS=100000 ESCALATIONS=5000
#        PAINT_RUNS=5 RATE=5 DURATION=60 CONNECTIONS=20 PORT=18098 KEEP_DATA=)
# Needs: cmake --build build --target tierdesk tierdesk-deskbench tierdesk_export_bench; wrk; xvfb-run.
# Also times the analytics page and its PDF / CSV exports (EXPORT_RUNS, default 5).
# Team mode (TEAM=1 bench/desk.sh [build dir]): 500 escalations waiting and five agents
# working live (bench/desk_agents.js, node with bench's npm packages) while the console
# watches; env and figures in bench/lib/desk_team.sh and bench/README.md.
set -euo pipefail
build=$(realpath "${1:-build}")
bin="$build/app/tierdesk"
driver="$build/bench/tierdesk-deskbench"
here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-18098}
base="http://127.0.0.1:$port"
data=$(mktemp -d)
team=${TEAM:-}
out="$here/results/desk${team:+-team}-$(date -u +%Y%m%dT%H%M%SZ).json"
if [ -n "$team" ]; then
  : "${SESSIONS:=2000}" "${ESCALATIONS:=500}"
  [ -d "$here/node_modules/ws" ] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
  # shellcheck source=bench/lib/desk_team.sh
  . "$here/lib/desk_team.sh"
fi
mkdir -p "$here/results"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "${KEEP_DATA:-}" ] || rm -rf "$data"' EXIT
export TIERDESK_DATA_DIR="$data"

start=$(date +%s%N)
seed=$("$bin" demo seed --sessions "${SESSIONS:-100000}" --escalations "${ESCALATIONS:-5000}" 2>/dev/null)
seed_s=$(python3 -c "print(round(($(date +%s%N) - $start) / 1e9, 2))")
company=$(echo "$seed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["companyId"])')
seed_load=$(echo "$seed" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["load"]))')
echo "seeded in ${seed_s}s: $seed_load"

if [ -n "$team" ]; then
  team_create_agents "$company"
else
  echo 'desk-bench-password' | "$bin" agent create --company "$company" --email bench.agent@example.com \
    --name "Bench Agent" --role agent --queues orders,inquiries,complaints --password-stdin >/dev/null 2>&1
fi
# The load's token (wrk's customer messages, the new sessions): an admin token.
TOKEN=$("$bin" token create --company "$company" --role admin --subject desk-bench --ttl 7200 2>/dev/null)
export TOKEN

"$bin" serve --port "$port" --no-rate-limit >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "serving" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done
if [ -n "$team" ]; then
  team_run "$company"
  exit 0
fi
TIERDESK_BENCH_TOKEN=$(curl -sf -X POST "$base/api/cs/auth/login" \
  -d '{"email":"bench.agent@example.com","password":"desk-bench-password"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export TIERDESK_BENCH_TOKEN

# wrk's sessions: ordinary AI-tier conversations, apart from the escalations.
for i in $(seq 200); do
  curl -s -X POST "$base/api/cs/sessions" -H "Authorization: Bearer $TOKEN" \
    -d "{\"companyId\":\"$company\",\"customerId\":\"bench-post-$i\",\"channel\":\"chat\",\"initialMessage\":\"Hello\"}" |
    grep -o '"id":"sess_[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
done >"$data/wrk-sessions.txt"

xvfb-run -a -s "-screen 0 1600x1000x24" "$driver" --server "$base" --company "$company" \
  --paint-runs "${PAINT_RUNS:-5}" --rate "${RATE:-5}" --duration "${DURATION:-60}" \
  --wrk-script "$here/post_message.lua" --wrk-sessions "$data/wrk-sessions.txt" \
  --wrk-connections "${CONNECTIONS:-20}" 2>"$data/driver.log" >"$data/driver.json" || {
  cat "$data/driver.log" >&2
  exit 1
}

# The analytics page over the last 31 days and its PDF and CSV exports (admin token).
exporter="$build/bench/tierdesk_export_bench"
echo '{}' >"$data/export.json"
if [ -x "$exporter" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "$exporter" --server "$base" --runs "${EXPORT_RUNS:-5}" \
    >"$data/export.json" 2>>"$data/driver.log" || echo '{}' >"$data/export.json"
fi

python3 - "$data/driver.json" "$seed_s" "$seed_load" "$(nproc)" "$data/export.json" >"$out" <<'EOF'
import json, sys, datetime
r = json.load(open(sys.argv[1]))
r["analyticsExport"] = json.load(open(sys.argv[5]))
r["seed"] = {"seconds": round(float(sys.argv[2]), 2), **json.loads(sys.argv[3])}
r["machine"] = {"cores": int(sys.argv[4]), "note": "server, console, Xvfb and wrk share these cores"}
r["date"] = datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
print(json.dumps(r, indent=2))
EOF
python3 - "$out" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
p, e, w, s = r["queuePainted"], r.get("newEscalation", {}), r.get("wrk", {}), r["seed"]
print(f"seed: {s['sessions']} sessions, {s['escalations']} escalations in {s['seconds']} s")
print(f"queue painted from process start: median {p['medianMs']} ms, max {p['maxMs']} ms "
      f"({len(p['runs'])} starts; target < 1500 ms)")
print(f"new escalation into the queue model: p50 {e.get('p50Ms')} ms, p95 {e.get('p95Ms')} ms, "
      f"max {e.get('maxMs')} ms, {e.get('count')}/{e.get('sent')} (target p95 < 100 ms)")
print(f"  to the HTTP answer p95 {e.get('toHttpResponse', {}).get('p95Ms')} ms, "
      f"to a WebSocket client p95 {e.get('toWebSocketClient', {}).get('p95Ms')} ms")
x = r.get("analyticsExport", {})
if x:
    print(f"analytics page (31 days) loaded in {x['analyticsLoadedMs']} ms; PDF export median {x['pdf']['medianMs']} ms "
          f"(max {x['pdf']['maxMs']}, {x['pdf']['bytes']} bytes), CSV median {x['csv']['medianMs']} ms")
print(f"wrk meanwhile: {w.get('requestsPerSec')} req/s POST /messages, p50 {w.get('latencyP50')}, "
      f"p99 {w.get('latencyP99')}, non-201 {w.get('non201')}")
print(f"results: {sys.argv[1]}")
EOF
