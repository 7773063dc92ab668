#!/usr/bin/env bash
# Benchmark of `socinv recalc` (issue 12): prints figures, asserts nothing.
#
#   bench/recalc.sh [BUILD_DIR [COUNTS...]]        e.g. bench/recalc.sh build 1 8 10 50
#
# BUILD_DIR (default: build) holds cli/socinv and the .oxt (cmake --build BUILD_DIR).
# For each count (default 1 8 10 50) it copies examples/copenhagen-001.ods that many
# times into a folder and times `socinv recalc --out` on it (the add-in installed
# once, one LibreOffice recalculates all of them, one more saves them as .ods), and
# `--report` (recalculation only). The goals of issue 12: 50 workbooks in under
# 25 s, and 8 in under 3 times the time of one.
#
# Needs soffice. Environment: SOCINV_SOFFICE picks another soffice.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-build}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 8 10 50)
socinv=$build/cli/socinv
oxt=$(ls "$build"/socinv-*.oxt 2>/dev/null | head -1)
[ -x "$socinv" ] && [ -n "$oxt" ] || { echo "no $socinv or .oxt: cmake --build $build first" >&2; exit 2; }
command -v "${SOCINV_SOFFICE:-soffice}" >/dev/null || { echo "skipped: soffice not installed"; exit 0; }
work=$(mktemp -d /tmp/socinv-bench-recalc-XXXXXX)
trap 'rm -rf "$work"' EXIT

# "WALL CPU": seconds of one run of `socinv recalc ARGS`, wall time and the CPU time
# (user + system) of socinv and every LibreOffice process it waited for. On a busy
# machine the wall time grows with the load; the CPU time much less.
once() {
    local rc=0 t
    TIMEFORMAT='%R %U %S'
    t=$( { time "$socinv" recalc --oxt "$oxt" "$@" >/dev/null 2>"$work/stderr" || rc=$?; } 2>&1 )
    if [ "$rc" -ne 0 ]; then
        echo "socinv recalc $* failed (exit $rc):" >&2
        cat "$work/stderr" >&2
        exit 2
    fi
    echo "$t" | awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }'
}

echo "socinv recalc benchmark: $("$socinv" version), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)," \
     "$(date -u +%Y-%m-%dT%H:%MZ), as $(id -un)"
echo "workbook: examples/copenhagen-001.ods ($(stat -c %s "$src/examples/copenhagen-001.ods") bytes), copied N times"
printf '   %9s  %13s  %13s  %14s  %14s\n' workbooks "--out wall s" "--out CPU s" "--report wall s" "--out wall/file"
for n in "${counts[@]}"; do
    dir=$work/in-$n
    mkdir -p "$dir"
    for ((i = 1; i <= n; i++)); do
        cp "$src/examples/copenhagen-001.ods" "$dir/$(printf 'c%03d' "$i").ods"
    done
    read -r out_wall out_cpu < <(once --out "$work/out-$n" "$dir")
    read -r report_wall _ < <(once --report "$dir")
    printf '   %9d  %13s  %13s  %14s  %14s\n' "$n" "$out_wall" "$out_cpu" "$report_wall" \
        "$(awk -v t="$out_wall" -v n="$n" 'BEGIN { printf "%.2f", t / n }')"
done
echo "   (the goals: 50 workbooks --out in under 25 s; 8 in under 3x the time of 1)"
