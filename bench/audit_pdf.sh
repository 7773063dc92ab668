#!/usr/bin/env bash
# Benchmark of `socinv audit` on PDF (issue 11): prints figures, asserts nothing.
#
#   bench/audit_pdf.sh [BUILD_DIR [RUNS [PDF_DIR]]]     e.g. bench/audit_pdf.sh build 10
#
# Prints min and median wall time of `socinv audit` on seed 003 as text, as a PDF
# printed by LibreOffice (137 pages, 14 tables) and as a PDF written by groff, and
# the PDF/text ratios. The PDFs are made by tests/e2e/make_pdfs.py (needs
# /usr/bin/python3 with python3-uno, soffice and groff) unless PDF_DIR already
# holds 003.pdf and 003-groff.pdf. Needs /usr/bin/time (bench/audit_common.sh).
. "$(cd "$(dirname "$0")" && pwd)/audit_common.sh"
pdfs=${3:-$work}
if [ ! -f "$pdfs/003.pdf" ] || [ ! -f "$pdfs/003-groff.pdf" ]; then
    /usr/bin/python3 "$src/tests/e2e/make_pdfs.py" "$pdfs" 003_41e023f3ba919440.txt >/dev/null
fi

# "min median" of RUNS runs
timing() {
    local i
    for i in $(seq "$runs"); do once "$1"; done | cut -d' ' -f1 | sort -n | awk '{a[NR]=$1} END {print a[1], a[int((NR+1)/2)]}'
}

read -r tmin tmed < <(timing "$seed")
printf '%-34s min %5d ms, median %5d ms (%d runs)\n' "seed 003 as text" "$tmin" "$tmed" "$runs"
for f in 003.pdf 003-groff.pdf; do
    read -r pmin pmed < <(timing "$pdfs/$f")
    pages=$(pdfinfo "$pdfs/$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    printf '%-34s min %5d ms, median %5d ms (%d runs); %s pages, %d KB\n' "$f" "$pmin" "$pmed" "$runs" \
        "${pages:-?}" $(( $(stat -c %s "$pdfs/$f") / 1024 ))
    awk -v p="$pmed" -v t="$tmed" -v f="$f" 'BEGIN { printf "%-34s %.1f x the text (medians)\n", f "/text", (t > 0 ? p / t : 0) }'
done
