#!/usr/bin/env bash
# `tierdesk db copy` at scale: `demo seed --sessions N` (default 100,000) into a fresh data
# directory, then `db copy --to` an empty database of a PostgreSQL 15 server this script starts
# itself (bench/lib/pg_server.sh: initdb in a temporary directory, as the postgres account when
# run as root, a free loopback port, pg_ctl), timed with /usr/bin/time -v (wall clock, peak RSS).
# Usage: bench/db_copy.sh [BUILD_DIR]   (env: SESSIONS, KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build}/app/tierdesk")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/pg_server.sh
. "$here/lib/pg_server.sh"
sessions=${SESSIONS:-100000}
work=$(mktemp -d)
data="$work/data"
cleanup() {
  pg_stop
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

pg_start "$work"
pg_createdb copy

start=$(date +%s%N)
"$bin" --data-dir "$data" demo seed --sessions "$sessions" >/dev/null 2>&1
echo "seeded $sessions sessions in $(( ($(date +%s%N) - start) / 1000000 )) ms; $(du -h "$data/tierdesk.db" | cut -f1) of SQLite"

# The password is in PGPASSFILE (pg_start), as an operator would keep it, never on the command line.
/usr/bin/time -v -o "$work/time" \
  "$bin" --data-dir "$data" db copy --to "$(pg_url copy)" 2>"$work/progress"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time"
