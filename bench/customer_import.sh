#!/usr/bin/env bash
# Customer import at scale: a CSV of ROWS customers (default 100,000; id, name, email, phone,
# tier, isVIP, lifetimeValue and two attribute columns), imported three ways into a fresh demo
# data directory, each timed with /usr/bin/time -v (wall clock, peak RSS):
#   1. `tierdesk customers import --dry-run` (read, checked and matched, nothing written)
#   2. `tierdesk customers import` (every row created)
#   3. the same file again over POST /api/cs/customers/import of a running server (every row
#      matched and unchanged), with /api/cs/health's latency measured meanwhile (curl, 20 probes)
# Usage: bench/customer_import.sh [BUILD_DIR]   (env: ROWS, KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build}/app/tierdesk")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/demo_server.sh
. "$here/lib/demo_server.sh"
rows=${ROWS:-100000}
work=$(mktemp -d)
data="$work/data"
mkdir -p "$data"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

python3 - "$rows" >"$work/customers.csv" <<'PY'
import sys
n = int(sys.argv[1])
tiers = ["BRONZE", "SILVER", "GOLD", "PLATINUM"]
print("id,name,email,phone,tier,isVIP,lifetimeValue,shopifyId,segment")
for i in range(n):
    print(f"cus_{i:07d},Customer {i},customer{i}@example.com,+1555{i:07d},{tiers[i % 4]},"
          f"{'true' if i % 50 == 0 else 'false'},{(i % 1000) * 1.25:.2f},gid://shopify/Customer/{i},s{i % 7}")
PY
echo "$rows rows, $(du -h "$work/customers.csv" | cut -f1) of CSV"

"$bin" --data-dir "$data" demo seed >"$work/demo.json"
company=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["companyId"])' "$work/demo.json")

timed() { # label, command...
  local label=$1
  shift
  /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>/dev/null
  printf '%-28s %s  wall %s  peak RSS %s kB\n' "$label" "$(head -c 200 "$work/out")" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$work/time")" "$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")"
}
timed "cli import --dry-run" "$bin" --data-dir "$data" customers import "$work/customers.csv" --company "$company" --dry-run
timed "cli import" "$bin" --data-dir "$data" customers import "$work/customers.csv" --company "$company"

start_demo_server "$bin" "$data" 18931
(for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' "$base/api/cs/health"; sleep 0.1; done) >"$work/health" &
probe=$!
timed "http import (unchanged)" curl -s -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \
  --data-binary "@$work/customers.csv" "$base/api/cs/customers/import?companyId=$company"
wait "$probe"
sort -n "$work/health" | awk '{a[NR]=$1} END {printf "health during the import: median %.1f ms, max %.1f ms\n", a[int((NR+1)/2)]*1000, a[NR]*1000}'
