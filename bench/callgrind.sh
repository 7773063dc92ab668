#!/bin/sh
# Instructions per call of each core benchmark, counted by callgrind: unlike
# the ns figures of socinv-bench-core these do not move with the load on the
# machine, so they are the ones to compare before and after a change.
#
#   bench/callgrind.sh [BUILD_DIR] [CALLS] [NAME...]
#
# BUILD_DIR defaults to ./build, CALLS (per benchmark) to 200. Each benchmark
# runs in its own valgrind with collection only inside bench_loop(), which makes
# exactly CALLS calls; the one warm-up call before it is not counted.
set -eu
build=${1:-build}
calls=${2:-200}
[ $# -ge 1 ] && shift
[ $# -ge 1 ] && shift
bin="$build/bench/socinv-bench-core"
if [ ! -x "$bin" ]; then
    echo "callgrind.sh: $bin not built (cmake --build $build --target socinv-bench-core)" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind not installed" >&2; exit 2; }
names=${*:-$("$bin" --list)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

printf '%-28s %14s %8s\n' benchmark "instr/call" calls
for name in $names; do
    out="$tmp/$name.out"
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=bench_loop \
        --callgrind-out-file="$out" "$bin" --count "$calls" --only "$name" >/dev/null 2>"$tmp/log" || {
        cat "$tmp/log" >&2
        exit 1
    }
    # the file's "summary:" (or "totals:") line is the instruction count collected
    ir=$(sed -n 's/^\(summary\|totals\): *\([0-9]*\).*/\2/p' "$out" | head -n 1)
    awk -v n="$name" -v ir="$ir" -v c="$calls" 'BEGIN { printf "%-28s %14.1f %8d\n", n, ir / c, c }'
done
