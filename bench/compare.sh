#!/usr/bin/env bash
# The message route of two builds side by side: bench/run.sh on each in turn, ROUNDS times,
# alternating which goes first, then the POST /messages figures of every run and their means.
# On a shared 2-core machine single runs vary by ±15 %; alternating spreads the drift over both.
# Usage: bench/compare.sh BASE_BIN NEW_BIN   (env: ROUNDS=5, DURATION=10s, and bench/run.sh's;
#   BASE_TOKEN_KIND / NEW_TOKEN_KIND: api or login, the token each side's load sends, so one
#   binary can be compared with itself: an API token against a login token whose session is checked;
#   with MESSAGE_ROUTE=agent, the route a login token posts on: a person's replies, agent-messages)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/compare.sh BASE_BIN NEW_BIN" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-5}
export DURATION=${DURATION:-10s}
table=$(mktemp)
trap 'rm -f "$table"' EXIT

# One run: "<name> <req/s> <p99 ms> <server CPU us per message>"
run_one() {
  local name=$1 bin=$2 kind=$3 out
  out=$(TOKEN_KIND=$kind "$here/run.sh" "$bin" 2>&1 | awk '/== POST/{p=1} /== GET \/api\/cs\/sessions/{p=0} p')
  awk -v name="$name" '
    /99%/ {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) sub(/ms$/,"",v); else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; p99=v}
    /Requests\/sec/ {rps=$2}
    /server CPU per message/ {cpu=$5}
    END {printf "%s %.0f %.1f %s\n", name, rps, p99, cpu}' <<<"$out" | tee -a "$table"
}

for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then run_one base "$1" "${BASE_TOKEN_KIND:-api}"; run_one new "$2" "${NEW_TOKEN_KIND:-api}"
  else run_one new "$2" "${NEW_TOKEN_KIND:-api}"; run_one base "$1" "${BASE_TOKEN_KIND:-api}"; fi
done

echo
awk '{n[$1]++; rps[$1]+=$2; p99[$1]+=$3; cpu[$1]+=$4; runs[$1]=runs[$1] " " $2}
  END {for (b in n) printf "%-5s req/s%s | mean %.0f req/s, p99 %.1f ms, server CPU %.0f us a message\n",
       b, runs[b], rps[b]/n[b], p99[b]/n[b], cpu[b]/n[b]}' "$table" | sort
