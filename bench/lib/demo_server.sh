# Sourced by the load benchmarks: starts `tierdesk serve --demo` on a fresh data directory
# and waits until it prints its admin token.
#   start_demo_server BIN DATA PORT [RUNNER...]   sets pid, TOKEN and API_TOKEN (exported), company, base
# (TOKEN_KIND=login: TOKEN is the demo admin's login token rather than API_TOKEN, the printed API token)
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
  API_TOKEN=$(awk '/Admin token/ {print $NF}' "$data/serve.log")
  TOKEN=$API_TOKEN
  # TOKEN_KIND=login: the demo admin's login token instead (a login session checked on every request).
  if [ "${TOKEN_KIND:-api}" = login ]; then
    local email password
    email=$(awk '/Agent login:/ {print $3}' "$data/serve.log")
    password=$(awk '/Agent login:/ {print $5}' "$data/serve.log")
    TOKEN=$(curl -s -X POST "http://127.0.0.1:$port/api/cs/auth/login" \
      -d "{\"email\":\"$email\",\"password\":\"$password\",\"device\":\"bench\"}" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
    [ -n "$TOKEN" ] || { echo "the demo admin could not log in" >&2; exit 1; }
  fi
  export TOKEN API_TOKEN
  company=$(awk '/Demo company/ {print $3}' "$data/serve.log")
  base="http://127.0.0.1:$port"
}
