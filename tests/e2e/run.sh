#!/usr/bin/env bash
# The end-to-end tests: real npm clients (socket.io-client, ...) against programs of a build
# tree. Installs the pinned clients with `npm ci` (package-lock.json), then runs every
# tests/e2e/*.test.mjs with Node's built-in test runner. Called by scripts/run-tests.sh after ctest.
#   tests/e2e/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
export TIERDESK_BUILD_DIR="$build"
exec node --test ./*.test.mjs
