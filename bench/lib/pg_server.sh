# shellcheck shell=bash
# Sourced by the benchmarks that need PostgreSQL: a throwaway PostgreSQL 15 server of their own
# (initdb in a temporary directory, as the postgres account when run as root, scram passwords,
# listening on a free loopback port only, its unix socket in that directory).
#   pg_start WORK [SETTING...]  starts it in WORK/pg (WORK must exist and be empty of pg/);
#                               each SETTING is passed as `-c SETTING` (e.g. max_connections=300);
#                               sets pg_port, pg_password, pg_bin, pg_cluster; writes WORK/pgpass
#   pg_url DB                   postgresql://tierdesk@127.0.0.1:PORT/DB (no password: PGPASSFILE)
#   pg_psql DB ARGS...          psql as the cluster's superuser (tierdesk) on DB
#   pg_createdb DB
#   pg_crash_restart            stops it at once (-m immediate: no shutdown checkpoint, as a crash
#                               leaves it) and starts it again on the same port: crash recovery
#   pg_stop                     stops it at once (-m immediate); safe to call twice or before start
# fsync stays on (the default): what is measured is a durable store. The caller's EXIT trap
# calls pg_stop and removes WORK.
pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_cluster=
pg_port=
pg_password=
pg_options=
pg_log=
pg_as=()

pg_start() {
  local work=$1
  shift
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "no PostgreSQL in /usr/lib/postgresql (scripts/install-deps.sh installs it)" >&2
    exit 1
  fi
  pg_cluster="$work/pg"
  if [ "$(id -u)" = 0 ]; then
    pg_as=(runuser -u postgres --)
    chown postgres: "$work"
  fi
  pg_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && echo -n "$pg_password" >"$work/pw")
  if [ "$(id -u)" = 0 ]; then chown postgres: "$work/pw"; fi
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_cluster" -U tierdesk --pwfile="$work/pw" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  rm -f "$work/pw"
  pg_options="-k $work -c listen_addresses=127.0.0.1"
  pg_log="$work/pg.log"
  local setting attempt
  for setting in "$@"; do pg_options+=" -c $setting"; done
  for attempt in 1 2 3 4 5; do
    pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pg_ctl_start && break
    [ "$attempt" = 5 ] && { cat "$pg_log" >&2; exit 1; }
  done
  # The password goes in PGPASSFILE, as an operator would keep it, never on a command line.
  printf '127.0.0.1:%s:*:tierdesk:%s\n' "$pg_port" "$pg_password" >"$work/pgpass"
  chmod 600 "$work/pgpass"
  export PGPASSFILE="$work/pgpass"
}

pg_url() { echo "postgresql://tierdesk@127.0.0.1:$pg_port/$1"; }

pg_psql() {
  local db=$1
  shift
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U tierdesk -d "$db" -X -q "$@"
}

pg_createdb() { pg_psql postgres -c "CREATE DATABASE $1"; }

pg_ctl_start() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster" -l "$pg_log" -w -o "-p $pg_port $pg_options" start >/dev/null
}

pg_crash_restart() {
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster" -m immediate -w stop >/dev/null
  pg_ctl_start || { cat "$pg_log" >&2; exit 1; }
}

# The server's own pid (postmaster.pid's first line); its children are the backends and the
# background processes (walwriter, checkpointer, autovacuum, ...).
pg_postmaster_pid() { head -n 1 "$pg_cluster/postmaster.pid"; }

pg_stop() {
  [ -n "$pg_cluster" ] && [ -d "$pg_cluster" ] || return 0
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster" -m immediate -w stop >/dev/null 2>&1 || true
}
