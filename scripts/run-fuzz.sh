#!/usr/bin/env bash
# Runs the libFuzzer targets of a TIERDESK_FUZZ build, each for a bounded time, and prints
# executions, executions per second and new corpus entries per target.
#   scripts/run-fuzz.sh BUILD_DIR SECONDS [fuzz_name ...]   (default: every target the build lists)
# Seeds come from fuzz/corpus/<name>/ (read only), with fuzz/<name>.dict and the flags in
# fuzz/<name>.options when they exist; what a run discovers is kept in
# BUILD_DIR/fuzz-corpus/<name>/ so longer runs build on earlier ones. A crash, leak, sanitizer
# report, timeout or violated property leaves its input in BUILD_DIR/fuzz-artifacts/<name>/
# and makes the script fail (after the other targets have run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: run-fuzz.sh BUILD_DIR SECONDS [targets]}" && pwd)
seconds=${2:?usage: run-fuzz.sh BUILD_DIR SECONDS [targets]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < "$build/fuzz/fuzz_targets.txt"
fi

symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen

summary=()
failed=0
for target in "${targets[@]}"; do
  [ -n "$target" ] || continue
  name=${target#fuzz_}
  bin="$build/fuzz/$target"
  [ -x "$bin" ] || { echo "run-fuzz: $bin is not built" >&2; exit 2; }
  work="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name"
  log="$build/fuzz-logs/$name.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "$root/fuzz/$name.dict" ] && args+=(-dict="$root/fuzz/$name.dict")
  if [ -f "$root/fuzz/$name.options" ]; then # extra flags, one per line, '#' comments
    while read -r flag; do args+=("$flag"); done < <(grep -v '^[[:space:]]*\(#\|$\)' "$root/fuzz/$name.options")
  fi

  echo "== $target: ${seconds}s (log: $log)"
  status=0
  "$bin" "${args[@]}" "$work" "$root/fuzz/corpus/$name" > "$log" 2>&1 || status=$?
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  execs=$(stat number_of_executed_units)
  speed=$(stat average_exec_per_sec)
  added=$(stat new_units_added)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "!! $target failed (exit $status); input saved under $artifacts; end of the log:"
    tail -n 80 "$log"
    summary+=("$(printf '%-16s FAILED  executions %-10s exec/s %-8s' "$target" "${execs:-?}" "${speed:-?}")")
    # The report's first lines, repeated in the summary (the end of a CI log is what is shown).
    why=$(grep -m1 -A12 -E '^==[0-9]+==ERROR|ERROR: libFuzzer|runtime error|fuzz property violated' "$log" \
      | sed 's/^/    /' || true)
    summary+=("${why:-    (no sanitizer report in the log)}")
  else
    tail -n 3 "$log" | grep -v '^stat::' || true
    summary+=("$(printf '%-16s ok      executions %-10s exec/s %-8s new corpus entries %s' \
      "$target" "${execs:-?}" "${speed:-?}" "${added:-?}")")
  fi
done

echo "== fuzzing summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
