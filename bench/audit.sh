#!/usr/bin/env bash
# Benchmark of `socinv audit` (issue #7): prints figures, asserts nothing.
#
#   bench/audit.sh [BUILD_DIR [RUNS]]        e.g. bench/audit.sh build 20
#
# BUILD_DIR (default: build) holds cli/socinv (cmake --build BUILD_DIR). RUNS
# (default 20) runs of the text audit; documents get RUNS/4 runs (at least 3),
# as each starts LibreOffice. Prints:
#
#   1. min and median wall time of `socinv audit` on seed 003 as text (the 14
#      tables of tests/data/seeds/003_*.txt);
#   2. the same bundle as DOCX and as XLSX, made by LibreOffice with
#      tests/e2e/test_audit_documents.py --make (needs /usr/bin/python3 with
#      python3-uno); and, to show where that time goes, the audit of the
#      flat ODF that LibreOffice converts them to (.fodt/.fods, read without
#      LibreOffice): the difference is LibreOffice starting and converting;
#   3. valgrind --tool=callgrind instruction counts of the text audit (stable on
#      a busy machine, unlike wall time), with the functions that cost most.
#
# Needs: soffice for 2 (skipped without it), valgrind for 3 (skipped without it).
# Environment: SOCINV_SOFFICE picks another soffice (as for socinv itself).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-build}
runs=${2:-20}
socinv=$build/cli/socinv
seed=$src/tests/data/seeds/003_41e023f3ba919440.txt
[ -x "$socinv" ] || { echo "no $socinv: cmake --build $build first" >&2; exit 2; }
doc_runs=$(( runs / 4 > 3 ? runs / 4 : 3 ))
work=$(mktemp -d /tmp/socinv-bench-audit-XXXXXX)
trap 'rm -rf "$work"' EXIT

# Wall time of one run, in milliseconds. socinv exits 1 on seed 003 (it finds
# the seed's errors); only 2 (an input not read) is a failure here.
once() {
    local t0 t1 rc=0
    t0=$(date +%s%N)
    "$socinv" audit "$@" >/dev/null 2>"$work/stderr" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -ge 2 ]; then
        echo "socinv audit $* failed (exit $rc):" >&2
        cat "$work/stderr" >&2
        exit 2
    fi
    echo $(( (t1 - t0) / 1000000 ))
}

# "min X ms, median Y ms (N runs)" of `socinv audit ARGS`
measure() {
    local n=$1
    shift
    local times=()
    for ((i = 0; i < n; i++)); do
        times+=("$(once "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" '
        { t[NR] = $1 }
        END { med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
              printf "min %6d ms   median %6d ms   (%d runs)\n", t[1], med, n }'
}

echo "socinv audit benchmark: $("$socinv" version), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "seed 003: 14 business-case tables, $(wc -l <"$seed") lines"
echo
echo "1. text (tab-separated, read directly)"
printf '   %-40s' "003.txt"
measure "$runs" "$seed"

echo
echo "2. documents (LibreOffice converts each run: soffice starts headless, converts, exits)"
if ! command -v "${SOCINV_SOFFICE:-soffice}" >/dev/null || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
    echo "   skipped: needs soffice and /usr/bin/python3 with python3-uno"
else
    /usr/bin/python3 "$src/tests/e2e/test_audit_documents.py" --make "$work/docs" >/dev/null
    # the flat ODF LibreOffice makes of them, kept once, to time socinv without LibreOffice
    "$socinv" audit --keep-temp "$work/docs/003.docx" "$work/docs/003.xlsx" >/dev/null 2>"$work/kept" || true
    kept=$(sed -n 's/^socinv: converted files kept in //p' "$work/kept")
    cp "$kept/fodt/"*.fodt "$work/docs/003.fodt"
    cp "$kept/fods/"*.fods "$work/docs/003.fods"
    rm -rf "$kept"
    for f in 003.docx 003.xlsx; do
        printf '   %-40s' "$f"
        measure "$doc_runs" "$work/docs/$f"
    done
    for f in 003.fodt 003.fods; do
        printf '   %-40s' "$f (flat ODF, no LibreOffice)"
        measure "$runs" "$work/docs/$f"
    done
    printf '   %-40s' "003.docx + 003.xlsx in one run"
    measure "$doc_runs" "$work/docs/003.docx" "$work/docs/003.xlsx"
    echo "   LibreOffice dominates: a document costs its start and conversion (the .docx/.xlsx"
    echo "   rows) against the flat ODF rows for reading and auditing; several documents of a"
    echo "   kind share one LibreOffice run."
fi

echo
echo "3. callgrind instruction counts (text audit of 003.txt)"
if ! command -v valgrind >/dev/null; then
    echo "   skipped: valgrind not installed"
else
    out=$work/callgrind.out
    valgrind --tool=callgrind --callgrind-out-file="$out" "$socinv" audit "$seed" >/dev/null 2>"$work/vg" || true
    total=$(sed -n 's/^summary: *//p' "$out" | head -1)
    echo "   total: $(echo "$total" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') instructions (Ir), startup included"
    if command -v callgrind_annotate >/dev/null; then
        echo "   most expensive functions (exclusive Ir):"
        callgrind_annotate "$out" 2>/dev/null | awk '
            /file:function/ { on = 1; next }
            on && NF >= 2 && $0 !~ /PROGRAM TOTALS/ && n < 8 { sub(/ \[.*\]$/, ""); print "     " $0; n++ }'
    fi
fi
