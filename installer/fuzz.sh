#!/usr/bin/env bash
# Runs every libFuzzer target of a sanitizer build over its seed corpus, then for SECONDS more,
# in a scratch copy of the corpus (the committed seeds stay as they are). A finding (crash,
# sanitizer report, timeout, out-of-memory) fails the run and leaves its input in the scratch dir.
#   bash installer/fuzz.sh BUILD-DIR [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?build dir with LW_BUILD_FUZZ=ON}"
seconds="${2:-20}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
scratch="$(mktemp -d)"
status=0
for corpus in tests/fuzz/corpus/*/; do
  target=$(basename "$corpus")
  binary="$dir/tests/fuzz/$target"
  [ -x "$binary" ] || { echo "fuzz: $binary is missing" >&2; exit 1; }
  mkdir -p "$scratch/$target"
  cp "$corpus"* "$scratch/$target/"
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
       -artifact_prefix="$scratch/$target-" "$scratch/$target" >"$scratch/$target.log" 2>&1; then
    execs=$(awk '/stat::number_of_executed_units/{print $NF}' "$scratch/$target.log")
    speed=$(awk '/stat::average_exec_per_sec/{print $NF}' "$scratch/$target.log")
    units=$(ls "$scratch/$target" | wc -l)
    echo "fuzz: $target: no finding in ${seconds}s, $execs runs ($speed/s), corpus $units inputs"
  else
    echo "fuzz: $target FOUND something (input and log in $scratch):" >&2
    # The sanitizer's report (what, where, the stacks) rather than its shadow-byte table.
    if grep -q '^==[0-9]*==ERROR' "$scratch/$target.log"; then
      sed -n '/^==[0-9]*==ERROR/,/^SUMMARY/p' "$scratch/$target.log" | grep -v '^ *0x\|^=>' | cut -c1-300 | head -80 >&2
    fi
    tail -12 "$scratch/$target.log" >&2
    status=1
  fi
done
[ "$status" = 0 ] && rm -rf "$scratch"
exit "$status"
