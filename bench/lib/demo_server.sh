# Sourced by the load benchmarks: starts `tierdesk serve --demo` on a fresh data directory
# and waits until it prints its admin token.
#   start_demo_server BIN DATA PORT [RUNNER...]   sets pid, TOKEN (exported), company, base
# RUNNER (e.g. valgrind and its options) goes before the program; such a start is slow, so
# the wait is long enough for it (60 s). A server that never says its token stops the script.
start_demo_server() {
  local bin=$1 data=$2 port=$3
  shift 3
  "$@" "$bin" --data-dir "$data" serve --port "$port" --demo --no-rate-limit >"$data/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do grep -q "Admin token" "$data/serve.log" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q "Admin token" "$data/serve.log"; then
    echo "tierdesk serve did not start:" >&2
    cat "$data/serve.log" >&2
    exit 1
  fi
  TOKEN=$(awk '/Admin token/ {print $NF}' "$data/serve.log")
  export TOKEN
  company=$(awk '/Demo company/ {print $3}' "$data/serve.log")
  base="http://127.0.0.1:$port"
}
