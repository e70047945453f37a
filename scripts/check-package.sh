#!/usr/bin/env bash
# Checks the Debian package that `make package` wrote into BUILD_DIR, and the
# files beside it: the desktop entry and AppStream metainfo validate, lintian
# finds no error, the package holds what it should, and the program unpacked
# from it starts (--version, then `serve` on a free loopback port, answering
# GET /api/cs/health, stopped with SIGTERM).
#   scripts/check-package.sh [BUILD_DIR]      (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
id=io.github.tierdesk.Tierdesk
fail() { echo "check-package: $*" >&2; exit 1; }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt (not a configured build directory?)"
deb="$build/tierdesk_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "$deb not found: run make package first"

echo "== desktop-file-validate"
out=$(desktop-file-validate "$root/packaging/$id.desktop" 2>&1) || fail "desktop entry invalid: $out"
[ -z "$out" ] || fail "desktop entry: $out"

echo "== appstreamcli validate --no-net --strict"
appstreamcli validate --no-net --strict "$root/packaging/$id.metainfo.xml"

echo "== lintian $(basename "$deb")"
# Every tag is shown (the informational ones too); an error fails the check.
status=0
out=$(lintian --display-info --fail-on error "$deb" 2>&1) || status=$?
grep -v '^running with root privileges' <<<"$out" || true
[ "$status" -eq 0 ] || fail "lintian reports errors (status $status)"

echo "== dpkg-deb --info"
info=$(dpkg-deb --info "$deb")
echo "$info" | grep -E '^ (Package|Version|Architecture|Depends|Suggests):'
echo "$info" | grep -qx ' Package: tierdesk' || fail "package name is not tierdesk"
echo "$info" | grep -qx " Version: $version" || fail "package version is not $version"
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
for dep in libqt6sql6-sqlite libqt6sql6-psql libqt6core6 libqt6widgets6 libqt6keychain1 libsqlite3-0 libgumbo1; do
  [[ ", $depends," == *", $dep"[\ ,]* ]] || fail "Depends lacks $dep: $depends"
done

echo "== dpkg-deb --contents"
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
expected=(
  ./usr/bin/tierdesk
  ./usr/share/man/man1/tierdesk.1.gz
  "./usr/share/applications/$id.desktop"
  "./usr/share/metainfo/$id.metainfo.xml"
  ./usr/share/icons/hicolor/scalable/apps/tierdesk.svg
  ./usr/share/doc/tierdesk/copyright
  ./usr/share/doc/tierdesk/changelog.gz
  ./lib/systemd/system/tierdesk.service
)
for size in 16 32 48 64 128 256; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/tierdesk.png")
done
for path in "${expected[@]}"; do
  grep -qxF "$path" <<<"$contents" || fail "$path is not in the package"
done
echo "${#expected[@]} expected files present"

echo "== smoke test of the unpacked program"
tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
dpkg-deb -x "$deb" "$tmp/root"
tierdesk="$tmp/root/usr/bin/tierdesk"
file "$tierdesk" | grep -q ', stripped' || fail "usr/bin/tierdesk is not stripped"
[ "$("$tierdesk" --version)" = "tierdesk $version" ] || fail "--version does not print 'tierdesk $version'"
zcat "$tmp/root/usr/share/man/man1/tierdesk.1.gz" | grep -q '^\.TH TIERDESK 1' || fail "manual page unreadable"

# No display and no session bus: no window, and secrets go to the temporary
# data directory's secrets.json, never into the keyring of whoever runs this.
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS -u TIERDESK_DATA_DIR \
  "$tierdesk" serve --host 127.0.0.1 --port 0 --data-dir "$tmp/data" >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
url=""
for _ in $(seq 1 300); do # up to 30 s for the first line
  url=$(sed -n 's|^Tierdesk .* serving \(http://127\.0\.0\.1:[0-9]*/api/cs\)$|\1|p' "$tmp/serve.out")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/serve.out" "$tmp/serve.err" >&2; fail "tierdesk serve did not start"; }
health=$(curl -sS --max-time 10 "$url/health") || fail "GET $url/health failed"
[[ "$health" == *'"status":"ok"'* ]] || fail "GET $url/health answered $health"
echo "serve answered $url/health: $health"
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
[ "$status" -eq 0 ] || { cat "$tmp/serve.err" >&2; fail "tierdesk serve exited $status after SIGTERM"; }
echo "check-package: $(basename "$deb") ok"
