#!/usr/bin/env bash
# `tierdesk db copy` at scale: `demo seed --sessions N` (default 100,000) into a fresh data
# directory, then `db copy --to` an empty database of a PostgreSQL 15 server this script starts
# itself (initdb in a temporary directory, as the postgres account when run as root, a free
# loopback port, pg_ctl), timed with /usr/bin/time -v (wall clock, peak RSS).
# Usage: bench/db_copy.sh [BUILD_DIR]   (env: SESSIONS, KEEP_DATA)
set -euo pipefail
bin=$(realpath "${1:-build}/app/tierdesk")
sessions=${SESSIONS:-100000}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d)
data="$work/data"
cluster="$work/pg"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(runuser -u postgres --)
  chown postgres: "$work"
fi
pg() { "${as_pg[@]}" "$@"; }
cleanup() {
  pg "$pgbin/pg_ctl" -D "$cluster" -m immediate -w stop >/dev/null 2>&1 || true
  [ -n "${KEEP_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo -n "$password" >"$work/pw"
[ "$(id -u)" = 0 ] && chown postgres: "$work/pw"
pg "$pgbin/initdb" -D "$cluster" -U tierdesk --pwfile="$work/pw" --auth=scram-sha-256 -E UTF8 \
  --locale=C.UTF-8 --no-sync >/dev/null
rm -f "$work/pw"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg "$pgbin/pg_ctl" -D "$cluster" -l "$work/pg.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
PGPASSWORD="$password" "$pgbin/psql" -h 127.0.0.1 -p "$port" -U tierdesk -d postgres -q -c 'CREATE DATABASE copy'

start=$(date +%s%N)
"$bin" --data-dir "$data" demo seed --sessions "$sessions" >/dev/null 2>&1
echo "seeded $sessions sessions in $(( ($(date +%s%N) - start) / 1000000 )) ms; $(du -h "$data/tierdesk.db" | cut -f1) of SQLite"

# The password goes in PGPASSFILE, as an operator would keep it, never on the command line.
printf '127.0.0.1:%s:copy:tierdesk:%s\n' "$port" "$password" >"$work/pgpass"
chmod 600 "$work/pgpass"
PGPASSFILE="$work/pgpass" /usr/bin/time -v -o "$work/time" \
  "$bin" --data-dir "$data" db copy --to "postgresql://tierdesk@127.0.0.1:$port/copy" 2>"$work/progress"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time"
