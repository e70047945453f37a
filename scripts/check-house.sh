#!/usr/bin/env bash
# The house's rules (DESIGN.md, "Layout" and "Practices") over the tracked files (make check-house,
# make test, CI): SQL only in core/store; no store header in core/api, ui or app; no Qt JSON in
# core/domain's or core/store's headers; no HTTP status literal in core/engine; no sleep in tests;
# no .cpp over 600 lines in core, ui and app; no widgets in core. Prints each violation as
# `path:line: rule: what` and fails on any. The rules, one function each, and how each one
# decides: scripts/check-house.py.
#   scripts/check-house.sh            every tracked file
#   scripts/check-house.sh PATH...    the tracked files under these paths
# Needs git and python3 only (no build, no Qt).
set -euo pipefail
exec python3 "$(dirname "$0")/check-house.py" "$@"
