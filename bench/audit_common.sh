# Sourced by bench/audit.sh and bench/audit_pdf.sh (not run on its own): their
# common start. Reads the caller's BUILD_DIR (default build) and RUNS (default
# 10) from $1 and $2, finds seed 003, checks BUILD_DIR/cli/socinv, makes a work
# folder removed on exit, and defines `once`, the one timed run both measure with.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-build}
runs=${2:-10}
socinv=$build/cli/socinv
seed=$src/tests/data/seeds/003_41e023f3ba919440.txt
[ -x "$socinv" ] || { echo "no $socinv: cmake --build $build first" >&2; exit 2; }
work=$(mktemp -d "/tmp/socinv-bench-$(basename "$0" .sh)-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Wall and CPU time (user + system, from /usr/bin/time) of one `socinv audit ARGS`,
# "WALL_MS CPU_MS". socinv exits 1 on seed 003 (it finds the seed's errors); only 2
# (an input not read) or 3 (no table) fail here.
once() {
    local t0 t1 rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$work/time" "$socinv" audit "$@" >/dev/null 2>"$work/stderr" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -ge 2 ]; then
        echo "socinv audit $* failed (exit $rc):" >&2
        cat "$work/stderr" >&2
        exit 2
    fi
    echo "$(( (t1 - t0) / 1000000 )) $(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$work/time")"
}
