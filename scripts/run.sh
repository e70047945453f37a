#!/usr/bin/env bash
# Starts Tierdesk on its embedded defaults with the demo store loaded.
# With a display: the console, on the demo company with a handful of escalations
# waiting (demo seed --desk; the demo admin's login is printed here when it is made).
# Without one: the headless server, printing the URL and a ready admin token.
set -euo pipefail
bin=${1:-build/app/tierdesk}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # stdout is the seed's JSON; what a person needs (how to log in) comes on stderr.
  "$bin" demo seed --desk >/dev/null
  exec "$bin"
fi
exec "$bin" serve --demo
