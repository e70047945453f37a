#!/usr/bin/env bash
# Runs every test (ctest) the way CI does: offscreen Qt platform, and a private
# D-Bus session with an unlocked gnome-keyring so the real keychain is tested.
set -euo pipefail
build=${1:-build}
export QT_QPA_PLATFORM=offscreen
export XDG_DATA_HOME XDG_RUNTIME_DIR HOME_TMP
XDG_DATA_HOME=$(mktemp -d)
XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"' EXIT
cd "$build"
exec dbus-run-session -- sh -c \
  'echo -n tierdesk | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ctest --output-on-failure -j2 --timeout 300'
