#!/usr/bin/env bash
# Runs every test (ctest, then tests/e2e with Node) the way CI does: offscreen Qt platform, and a private
# D-Bus session with an unlocked gnome-keyring so the real keychain is tested.
# For a sanitized tree (TIERDESK_SANITIZE) any ASan, UBSan or LeakSanitizer report fails
# the run: reports are written to files, so one from a child process (the tests that start
# the built tierdesk) is caught too, and printed at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
export QT_QPA_PLATFORM=offscreen
export XDG_DATA_HOME XDG_RUNTIME_DIR
XDG_DATA_HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
reports=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$reports"' EXIT

symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export ASAN_OPTIONS="check_initialization_order=1:strict_init_order=1:log_path=$reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0"

cd "$build"
status=0
dbus-run-session -- sh -c \
  'echo -n tierdesk | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ctest --output-on-failure -j2 --timeout 300' \
  || status=$?

# Then the Node end-to-end tests (real npm clients against the built programs).
"$root/tests/e2e/run.sh" . || status=$?

if [ -n "$(ls -A "$reports")" ]; then
  for f in "$reports"/*; do
    echo "==== sanitizer report $(basename "$f")"
    cat "$f"
  done
  echo "run-tests: sanitizer reports above" >&2
  status=1
fi
exit $status
