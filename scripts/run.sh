#!/usr/bin/env bash
# Starts Tierdesk on its embedded defaults with the demo store loaded.
# With a display: the console. Without one: the headless server, printing the
# URL and a ready admin token.
set -euo pipefail
bin=${1:-build/app/tierdesk}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$bin" demo seed >/dev/null
  exec "$bin"
fi
exec "$bin" serve --demo
