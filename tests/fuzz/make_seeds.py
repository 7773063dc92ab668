#!/usr/bin/env python3
"""Seed inputs for the fuzz targets, written into a directory per target.

    tests/fuzz/make_seeds.py OUTDIR [EXAMPLES_TSV]

Text targets get real tables: every year-header row of tests/data/seeds/*.txt
with the lines around it (the recognizer's input as documents give it), plus
the formulas of addin/examples.tsv for the add-in. Binary targets get a few
inputs in their byte layout (see each fuzz_<target>.c), with doubles as raw
bits (selector byte 0xFF + 8 bytes little-endian, fz_double in fuzz.h).

The checked-in corpus (tests/fuzz/corpus/) is these seeds plus what fuzzing
found, minimised with -merge=1 (tests/fuzz/run --merge); run this only to
start a corpus afresh.
"""
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "data", "seeds")
YEARS = re.compile(rb"\t(19|20)\d\d\t(19|20)\d\d")


def d(v):
    """A double as fz_double reads it: raw bits."""
    return b"\xff" + struct.pack("<d", v)


def slices():
    """(name, text) of each table region of the seed documents."""
    out = []
    for name in sorted(os.listdir(SEEDS)):
        with open(os.path.join(SEEDS, name), "rb") as f:
            lines = f.read().split(b"\n")
        last = -100
        for i, line in enumerate(lines):
            if not YEARS.search(line) or i - last < 8:
                continue
            last = i
            text = b"\n".join(lines[max(0, i - 12):i + 28]) + b"\n"
            out.append((f"{name[:3]}_{i + 1}", text))
    return out


def write(outdir, target, name, data):
    path = os.path.join(outdir, target)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name), "wb") as f:
        f.write(data)


def main():
    outdir = sys.argv[1]
    examples = sys.argv[2] if len(sys.argv) > 2 else None
    tables = slices()

    for name, text in tables:
        # casetable: option bytes (tab/detect, as Calc numbers or not), then the text
        write(outdir, "casetable", f"{name}_text", b"\x00\x00" + text)
        write(outdir, "casetable", f"{name}_calc", b"\x30\x00" + text)
        write(outdir, "textgrid", f"{name}", b"\x01" + text)

    csv = [
        b'\x00"Samlet \xc3\xb8konomisk p\xc3\xa5virkning";"1.511";"-1.130"\r\n"a ""quoted"" cell";;\n',
        b"\x03label,2024,2025\nService,\"1,5\",2\n",
        b"\x00Overf\xf8rsler;2024;2025\r\nAnl\xe6g;1;2\r\n",  # Windows-1252
        b"\x01\xef\xbb\xbfa\tb\n\tc\t\n",
    ]
    for i, c in enumerate(csv):
        write(outdir, "textgrid", f"csv_{i}", c)

    formulas = []
    if examples:
        with open(examples, "rb") as f:
            for line in f:
                parts = line.rstrip(b"\n").split(b"\t")
                if len(parts) >= 2:
                    formulas.append(parts[1].lstrip(b"="))
    for name, text in tables[:12]:
        quoted = text.replace(b'"', b'""')
        formulas.append(b'CASECHECK(@"' + quoted + b'")')
        formulas.append(b'NETIMPACT(@"' + quoted + b'";;;"service";2)')
        formulas.append(b'NETIMPACT(@"' + quoted + b'";;;;;"V")')
        formulas.append(b'NETIMPACT(@"' + quoted + b'";;;"total";;"implementering")')
    formulas += [
        b"PAYBACK({NAN;1;-INF})",
        b"SIBPAYOUT({10;10|10;10};{5|};{1|0};{2};;{1;1.02};\"order\";TRUE;\"matrix\";;;\"annual\")",
        b"NETIMPACT({1;2|3;4};{\"Service\"|\"\xff\"};{\"V\"|\"I\"};\"Service;Anl\xc3\xa6g\";1;\"implementering\")",
        b"TABLECHECK({1e308;1e308|1e308;1};{1;2};0.5;2)",
        b"SHARE({1;2;3};{0.5;0.5};2)",
        b"SIBPAYOUT({10;10;10|10;10;10|10;10;10};{5|2|};{1|1|2};{4|3};12;{1;1.5;2};1;1;\"cut\";;2;\"period\")",
        b"SIBPAYOUT({10;10;10|10;10;10|10;10;10};{5|2|};{1|1|2};{4|3};12;;\"order\";FALSE;\"cutgroup\")",
        b"SIBPAYOUT({10;10;10|10;10;10|10;10;10};{5|2|};{1|1|2};{4|3};12;;;TRUE;\"cutcriterion\";3;1;1)",
        b"SIBPAYOUT({10;10;10|10;10;10|10;10;10};{5|2|};{1|1|2};{4|3};12;;;;7)",
        b"SIBPAYOUT({10;10;10|10;10;10|10;10;10};{5|2|};{1|1|2};{4|3};12;;;;\"criterion\";;;\"annual\")",
        b"DISCFACTOR(10000;{1;0.03|40;0.02|80;-0.5})",
    ]
    for i, f in enumerate(formulas):
        write(outdir, "addin", f"formula_{i:03d}", f)

    # payback: flags, horizon (u16), n, values, schedule (mode 0 = a named one), first year
    net = [1511, -1130, -1551, -504]
    write(outdir, "payback", "seed001", b"\x08" + struct.pack("<H", 99) + bytes([len(net)]) +
          b"".join(d(v) for v in net) + b"\x00\x00\x00")
    write(outdir, "payback", "fraction", b"\x09" + struct.pack("<H", 99) + b"\x06" +
          b"".join(d(v) for v in [700, 9800, 8000, 7400, -4500, -4500]) + b"\x02" + d(0.035) + b"\x01")
    write(outdir, "payback", "final", b"\x0c" + struct.pack("<H", 20) + b"\x03" +
          b"".join(d(v) for v in [100, -150, 10]) + b"\x03\x03\x01" + d(1) + d(0.04) + b"\x00" + d(36) + d(0.03))
    # discount: named text, flat rate, bands; then a schedule, years, two rows
    write(outdir, "discount", "dk2021", b"\x06DK2021" + d(0.04) + b"\x02" + d(1) + d(36) + d(0.035) + d(0.025) +
          b"\x00\x00" + b"\x50" + struct.pack("<H", 300) + b"\x00" + b"\x04" +
          b"".join(d(v) for v in [1511, -1130, -1551, -504]) + b"\x00\x04" +
          b"".join(d(v) for v in [0, -1217, -1631, -504]) + b"\x00\x01\x00")
    # netimpact: which, then parts
    write(outdir, "netimpact", "randers", b"\x02\x03\x01" + d(-200) + d(200) + d(50) +
          b"\x01\x01\x01\x02\x01\x02" + b"\x01")
    write(outdir, "netimpact", "areas", b"\x01\x04")
    # sib: payout with caps, groups and a total cap
    write(outdir, "sib", "herning", b"\x00\x05\x03\x17\x00" + bytes([120] * 15) +
          bytes([22, 8, 12, 4, 4]) + b"\x02" + bytes([100, 100, 100, 101, 101]) + bytes([8, 3]) + bytes([22]))
    write(outdir, "sib", "helpers", b"\x01\x04" + b"".join(d(v) for v in [100, 90, 95, 80]) + b"\x05" + d(100))
    write(outdir, "misc", "all", b"\x05\x04" + b"".join(d(v) for v in [-2000, -3000, -5000, -7000]) +
          b"".join(d(v) for v in [-2000, -2280, -2280, -2280]) + b"\x01")
    write(outdir, "number", "danish", b"\x00" + "−1.234,5 år".encode())
    write(outdir, "number", "pieces", b"\x80\x05\x0e\x07\x0a\x03\x1b")
    write(outdir, "number", "format", b"\xa1\x34\x12\x78\x56\x03\x10")
    office_seeds(outdir)


def office_seeds(outdir):
    """officezip: a selector byte (0 DOCX, 1 XLSX, 2 zipped ODF, 3 flat ODF) and a small
    file of each kind, made by tests/cli/test_readers.py's builders."""
    import tempfile
    import zipfile
    sys.path.insert(0, os.path.join(HERE, "..", "cli"))
    import test_readers as t
    with tempfile.TemporaryDirectory() as tmp:
        made = [
            (0, "docx", t.docx(os.path.join(tmp, "a.docx"), t.w_par("HA02(2025) - Titel") + t.w_table(t.ROWS, extra_cell_row=2))),
            (1, "xlsx", t.xlsx(os.path.join(tmp, "a.xlsx"), [("Tom", {}), ("Ark1", t.table_cells(2, 1, spacer=True))])),
            (2, "ods", t.odf(os.path.join(tmp, "a.ods"), "<office:spreadsheet>" + t.odf_table("Ark1") +
                             "</office:spreadsheet>", "application/vnd.oasis.opendocument.spreadsheet")),
            (2, "odt", t.odf(os.path.join(tmp, "a.odt"), "<office:text><text:h>TV04(2025)</text:h>" + t.odf_table() +
                             "</office:text>", "application/vnd.oasis.opendocument.text")),
        ]
        for sel, name, path in made:
            with open(path, "rb") as f:
                write(outdir, "officezip", name, bytes([sel]) + f.read())
        with zipfile.ZipFile(made[2][2]) as z:  # a zipped ODF's content.xml is a flat ODF body
            write(outdir, "officezip", "fods", b"\x03" + z.read("content.xml"))
    write(outdir, "officezip", "arrays", b"\x03" + array_formulas(t.ODF).encode())


def array_formulas(namespaces):
    """A flat ODF sheet of array formulas (gridbuild.c fill_arrays): one 3 x 2 result, one
    that claims the whole sheet over it, spans of 0, -1 and beyond the limits."""
    def f(rows, cols, v):
        return (f'<table:table-cell table:formula="of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.C1:.F3])" '
                f'table:number-matrix-rows-spanned="{rows}" table:number-matrix-columns-spanned="{cols}" '
                f'office:value-type="float" office:value="{v}"/>')
    num = '<table:table-cell office:value-type="float" office:value="1"/>'
    rows = [f(3, 2, 3) + f(1048577, 99999, 1) + num * 4, num * 6, f(0, -1, 2) + num * 5]
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    return (f'<office:document-content {namespaces}><office:body><office:spreadsheet>'
            f'<table:table table:name="A">{body}</table:table></office:spreadsheet></office:body>'
            '</office:document-content>')

if __name__ == "__main__":
    main()
