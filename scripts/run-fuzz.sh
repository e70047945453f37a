#!/usr/bin/env bash
# Runs the libFuzzer targets of a TIERDESK_FUZZ build, each for a bounded time, and prints
# executions, executions per second and new corpus entries per target.
#   scripts/run-fuzz.sh BUILD_DIR SECONDS [fuzz_name ...]   (default: every target the build lists)
# Seeds come from fuzz/corpus/<name>/ (read only), with fuzz/<name>.dict and the flags in
# fuzz/<name>.options when they exist; what a run discovers is kept in
# BUILD_DIR/fuzz-corpus/<name>/ so longer runs build on earlier ones. Targets run side by side,
# FUZZ_JOBS at once (default: one per core). A crash, leak, sanitizer
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

# One target a core at once (FUZZ_JOBS): libFuzzer runs one process, so the smoke takes
# seconds x targets / cores.
fuzz_jobs=${FUZZ_JOBS:-$(nproc)}

# run_target NAME: runs one target; its exit status goes to BUILD_DIR/fuzz-logs/NAME.status.
run_target() {
  local target=$1 name=${1#fuzz_}
  local bin="$build/fuzz/$target" work="$build/fuzz-corpus/$name"
  local artifacts="$build/fuzz-artifacts/$name" log="$build/fuzz-logs/$name.log"
  local args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "$root/fuzz/$name.dict" ] && args+=(-dict="$root/fuzz/$name.dict")
  if [ -f "$root/fuzz/$name.options" ]; then # extra flags, one per line, '#' comments
    while read -r flag; do args+=("$flag"); done < <(grep -v '^[[:space:]]*\(#\|$\)' "$root/fuzz/$name.options")
  fi
  local status=0
  "$bin" "${args[@]}" "$work" "$root/fuzz/corpus/$name" > "$log" 2>&1 || status=$?
  echo "$status" > "$build/fuzz-logs/$name.status"
}

for target in "${targets[@]}"; do
  [ -n "$target" ] || continue
  name=${target#fuzz_}
  [ -x "$build/fuzz/$target" ] || { echo "run-fuzz: $build/fuzz/$target is not built" >&2; exit 2; }
  mkdir -p "$build/fuzz-corpus/$name" "$build/fuzz-artifacts/$name" "$build/fuzz-logs"
  rm -f "$build/fuzz-logs/$name.status"
  while [ "$(jobs -rp | wc -l)" -ge "$fuzz_jobs" ]; do wait -n || true; done
  echo "== $target: ${seconds}s (log: $build/fuzz-logs/$name.log)"
  run_target "$target" &
done
wait

summary=()
failed=0
for target in "${targets[@]}"; do
  [ -n "$target" ] || continue
  name=${target#fuzz_}
  log="$build/fuzz-logs/$name.log"
  artifacts="$build/fuzz-artifacts/$name"
  status=$(cat "$build/fuzz-logs/$name.status" 2>/dev/null || echo "?")
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  execs=$(stat number_of_executed_units)
  speed=$(stat average_exec_per_sec)
  added=$(stat new_units_added)
  if [ "$status" != 0 ]; then
    failed=1
    echo "!! $target failed (exit $status); input saved under $artifacts; end of the log:"
    tail -n 80 "$log"
    summary+=("$(printf '%-16s FAILED  executions %-10s exec/s %-8s' "$target" "${execs:-?}" "${speed:-?}")")
    # The report's first lines, repeated in the summary (the end of a CI log is what is shown).
    why=$(grep -m1 -A12 -E '^==[0-9]+==ERROR|ERROR: libFuzzer|runtime error|fuzz property violated' "$log" \
      | sed 's/^/    /' || true)
    summary+=("${why:-    (no sanitizer report in the log)}")
  else
    summary+=("$(printf '%-16s ok      executions %-10s exec/s %-8s new corpus entries %s' \
      "$target" "${execs:-?}" "${speed:-?}" "${added:-?}")")
  fi
done

echo "== fuzzing summary (${seconds}s per target, ${fuzz_jobs} at once)"
printf '%s\n' "${summary[@]}"
exit $failed
