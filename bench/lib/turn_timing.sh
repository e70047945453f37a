#!/usr/bin/env bash
# Where the server's AI turns spent their time, from its tierdesk.calls.timing log lines: each stage
# measured from the endpointer's end of the caller's turn (p50, p95, max in ms).
set -euo pipefail
lines=$(grep -o 'AI turn: recognised at [0-9]* ms (finishing [0-9]* ms), replied at [0-9]* ms, spoken at [0-9]* ms' "$1" || true)
[ -n "$lines" ] || exit 0
stage() { # name, awk expression over the line's fields
  awk "{ print $2 }" <<<"$lines" | sort -n | awk -v name="$1" '{ v[NR] = $1 }
    END { printf "  %-36s p50 %5d ms, p95 %5d ms, max %5d ms\n", name, v[int((NR - 1) * 0.5) + 1], v[int((NR - 1) * 0.95) + 1], v[NR] }'
}
echo "server side of $(wc -l <<<"$lines") AI turns, from the endpointer's end of the caller's turn:"
stage "words recognised" '$5'
stage "of which the recogniser finishing" '$8'
stage "then the engine's reply" '$12 - $5'
stage "then its speech synthesised" '$16 - $12'
stage "in all" '$16'
