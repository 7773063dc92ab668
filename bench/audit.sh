#!/usr/bin/env bash
# Benchmark of `socinv audit` (issues #7, #11): prints figures, asserts nothing.
#
#   bench/audit.sh [BUILD_DIR [RUNS]]        e.g. bench/audit.sh build 10
#
# BUILD_DIR (default: build) holds cli/socinv (cmake --build BUILD_DIR). RUNS
# (default 10) runs of each measurement; the 100 MB text gets 3. Prints min and
# median wall time and, as the machine may be busy, the median CPU time (user +
# system, from /usr/bin/time), for:
#
#   1. seed 003 as text (the 14 tables of tests/data/seeds/003_*.txt);
#   2. documents read directly (libzip + libxml2, no LibreOffice): seed 003 as
#      DOCX (and XLSX, ODS, ODT) made by LibreOffice with
#      tests/e2e/test_audit_documents.py --make (needs /usr/bin/python3 with
#      python3-uno and soffice; skipped without); one DOCX, a folder of 50 DOCX,
#      the same tables as 50 texts, and the ratio of documents to text;
#   3. linear time: seed 003 repeated 40 times (10.8 MB) and 400 times (108 MB,
#      "a 100 MB text"), and the ratio of their times (10x the input);
#   4. valgrind --tool=callgrind instruction counts of the text audit (stable on
#      a busy machine, unlike wall time), with the functions that cost most.
#
# Goals (issue #11): 50 DOCX under 0.5 s, documents at most 5x the time of the
# same tables as text, 10x the input at most 12x the time.
# Needs: /usr/bin/time; soffice for 2 and valgrind for 4 (skipped without them).
. "$(cd "$(dirname "$0")" && pwd)/audit_common.sh"

# "min X ms, median Y ms, cpu Z ms (N runs)" of `socinv audit ARGS`; the median CPU
# time in ms also goes to $work/last (for ratios)
measure() {
    local n=$1
    shift
    : >"$work/runs"
    for ((i = 0; i < n; i++)); do
        once "$@" >>"$work/runs"
    done
    local cpu
    cpu=$(awk '{ print $2 }' "$work/runs" | sort -n | awk -v n="$n" '{ c[NR] = $1 }
        END { printf "%d", (n % 2) ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2 }')
    echo "$cpu" >"$work/last"
    sort -n "$work/runs" | awk -v n="$n" -v cpu="$cpu" '
        { w[NR] = $1 }
        END { med = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
              printf "min %6d ms   median %6d ms   cpu %6d ms   (%d runs)\n", w[1], med, cpu, n }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }

echo "socinv audit benchmark: $("$socinv" version), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "seed 003: 14 business-case tables, $(wc -l <"$seed") lines, $(wc -c <"$seed") bytes"
echo
echo "1. text (tab-separated, read directly)"
printf '   %-44s' "003.txt"
measure "$runs" "$seed"

echo
echo "2. documents, read directly (no LibreOffice)"
if ! command -v "${SOCINV_SOFFICE:-soffice}" >/dev/null || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
    echo "   skipped: making the documents needs soffice and /usr/bin/python3 with python3-uno"
else
    /usr/bin/python3 "$src/tests/e2e/test_audit_documents.py" --make "$work/docs" >/dev/null
    for f in 003.docx 003.xlsx 003.ods 003.odt; do
        printf '   %-44s' "$f ($(wc -c <"$work/docs/$f") bytes)"
        measure "$runs" "$work/docs/$f"
    done
    mkdir -p "$work/docx50" "$work/text50"
    for i in $(seq -w 1 50); do
        cp "$work/docs/003.docx" "$work/docx50/$i.docx"
        cp "$seed" "$work/text50/$i.txt"
    done
    printf '   %-44s' "50 DOCX (a folder, 700 tables)"
    measure "$runs" "$work/docx50"
    docs=$(cat "$work/last")
    printf '   %-44s' "the same tables as 50 texts"
    measure "$runs" "$work/text50"
    text=$(cat "$work/last")
    echo "   documents / text (CPU time): $(ratio "$docs" "$text")x   (goal: at most 5x)"
fi

echo
echo "3. linear time: seed 003 repeated"
for k in 40 400; do
    for ((i = 0; i < k; i++)); do cat "$seed"; done >"$work/rep$k.txt"
done
printf '   %-44s' "40 times ($(( $(wc -c <"$work/rep40.txt") / 1000000 )) MB)"
measure 3 "$work/rep40.txt"
small=$(cat "$work/last")
printf '   %-44s' "400 times ($(( $(wc -c <"$work/rep400.txt") / 1000000 )) MB)"
measure 3 "$work/rep400.txt"
big=$(cat "$work/last")
echo "   10x the input takes $(ratio "$big" "$small")x the CPU time   (goal: at most 12x)"
rm -f "$work"/rep*.txt

echo
echo "4. callgrind instruction counts (text audit of 003.txt)"
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
