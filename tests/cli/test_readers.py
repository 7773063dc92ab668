#!/usr/bin/env python3
"""`socinv audit` reading DOCX, XLSX, ODS and ODT directly (no LibreOffice), and the
guards on untrusted ZIP and XML (zip bombs, entity bombs, encryption, damage).

Usage: test_readers.py SOCINV_BINARY
The documents are made here with Python's zipfile, as small as a reader needs. The
table is test_cli.py's TABLE_DA (seed 001's net row: payback 3 on both bases, worked
out there: cumulative 1511, 381, -1170).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile
from xml.sax.saxutils import escape

from test_cli import TABLE_DA

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples"))
from seed_tables import col_name  # noqa: E402  (the one 0 -> A, 26 -> AA)

SOCINV = None

# seed 001's table, as test_cli.py has it
ROWS = [r.split(";") for r in TABLE_DA.splitlines()]
NET_TOTAL = [1511, -1130, -1551, -504]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def run(*args, expect=None):
    p = subprocess.run([SOCINV, "audit", "--json", *args], capture_output=True, text=True, timeout=60)
    if expect is not None and p.returncode != expect:
        raise AssertionError(f"socinv audit {' '.join(args)} exited {p.returncode}, expected {expect}\n"
                             f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p, json.loads(p.stdout) if p.stdout.strip().startswith("{") else None


def number(cell):
    """A Danish amount as a number cell would hold it, else None (text)."""
    t = cell.replace(".", "")
    try:
        return int(t)
    except ValueError:
        return None


def w_par(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(rows, merge_headings=True, extra_cell_row=None):
    """A Word table; a row with nothing after its label (a heading) is one cell merged across
    the table (w:gridSpan), as Word documents have them."""
    out = ["<w:tbl>"]
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        if merge_headings and all(c == "" for c in row[1:]):
            out.append(f'<w:tc><w:tcPr><w:gridSpan w:val="{len(row)}"/></w:tcPr>{w_par(row[0])}</w:tc>')
        else:
            cells = row + (["stray"] if i == extra_cell_row else [])
            out.extend(f"<w:tc>{w_par(c)}</w:tc>" for c in cells)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx(path, body, document=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document if document is not None else
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
    return path


def xlsx(path, sheets):
    """sheets: [(name, {(row, col): value})], 0-based; str values shared, numbers as numbers."""
    shared = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        entries = []
        for k, (name, cells) in enumerate(sheets, 1):
            rows = {}
            for (r, c), v in sorted(cells.items()):
                rows.setdefault(r, []).append((c, v))
            xml = [f'<?xml version="1.0"?><worksheet {S}><sheetData>']
            for r in sorted(rows):
                xml.append(f'<row r="{r + 1}">')
                for c, v in rows[r]:
                    ref = f"{col_name(c)}{r + 1}"
                    if isinstance(v, str):
                        shared.append(v)
                        xml.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
                    else:
                        xml.append(f'<c r="{ref}"><v>{v}</v></c>')
                xml.append("</row>")
            xml.append("</sheetData></worksheet>")
            z.writestr(f"xl/worksheets/sheet{k}.xml", "".join(xml))
            entries.append((k, name))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {S} {R}><sheets>' + "".join(
            f'<sheet name="{escape(n)}" sheetId="{k}" r:id="rId{k}"/>' for k, n in entries) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{k}" Type="worksheet" Target="worksheets/sheet{k}.xml"/>'
                       for k, _ in entries) + "</Relationships>")
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {S}>' + "".join(
            f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>")
    return path


def table_cells(top, left, spacer=False):
    """ROWS placed at (top, left); numbers as numbers; with spacer, a blank column between
    every two columns (as a table pasted from HTML into Calc)."""
    cells = {}
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            if v == "":
                continue
            n = number(v)
            cells[(top + r, left + c * (2 if spacer else 1))] = n if n is not None else v
    return cells


def odf_cell(v):
    n = number(v) if v else None
    if n is not None:
        return f'<table:table-cell office:value-type="float" office:value="{n}"><text:p>{v}</text:p></table:table-cell>'
    return f"<table:table-cell><text:p>{escape(v)}</text:p></table:table-cell>" if v else "<table:table-cell/>"


def odf(path, body, mimetype):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}>'
                                  f"<office:body>{body}</office:body></office:document-content>")
    return path


def odf_table(name=None):
    rows = "".join("<table:table-row>" + "".join(odf_cell(c) for c in row) + "</table:table-row>" for row in ROWS)
    return f'<table:table table:name="{name or "T"}">{rows}</table:table>'


class InTemp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)


class Readers(InTemp):

    def check_table(self, t):
        self.assertEqual(t["years"], [2018, 2019, 2020, 2021])
        self.assertEqual(t["net_impact"]["total"], NET_TOTAL)
        self.assertEqual(t["net_impact"]["printed"], NET_TOTAL)
        self.assertEqual(t["payback"], {"service": {"printed": 3, "rule": 3}, "total": {"printed": 3, "rule": 3}})
        self.assertTrue(t["consistent"])

    def test_docx_heading_id_and_title(self):
        body = (w_par("HA02(2025) – Omlægning af støtte") + w_par("Forslagets samlede økonomiske konsekvenser")
                + w_table(ROWS) + w_par("Efter tabellen."))
        _, d = run(docx(self.path("a.docx"), body), expect=0)
        t, = d["tables"]
        self.check_table(t)
        self.assertEqual((t["id"], t["title"]), ("HA02", "Omlægning af støtte"))
        self.assertEqual(t["location"], "paragraph 3")  # two paragraphs, then the header row

    def test_docx_bare_id_heading(self):
        # a heading 'HA03(2025)' alone, the title on the paragraph after it
        body = w_par("HA03(2025)") + w_par("Et mere selvstændigt liv") + w_table(ROWS)
        _, d = run(docx(self.path("b.docx"), body), expect=0)
        self.assertEqual((d["tables"][0]["id"], d["tables"][0]["title"]), ("HA03", "Et mere selvstændigt liv"))

    def test_docx_row_with_more_cells(self):
        # one row has a seventh cell right of the years: read, the amounts unchanged
        _, d = run(docx(self.path("c.docx"), w_table(ROWS, extra_cell_row=2)), expect=0)
        self.check_table(d["tables"][0])

    def test_xlsx_table_anywhere_and_an_empty_sheet(self):
        path = xlsx(self.path("a.xlsx"), [("Tom", {}), ("Ark1", table_cells(2, 1))])
        _, d = run(path, expect=0)
        t, = d["tables"]
        self.check_table(t)
        self.assertEqual((t["sheet"], t["location"]), ("Ark1", "Ark1!B3"))

    def test_xlsx_spacer_columns_and_rows(self):
        # seed 001's table pasted from HTML into Calc: a blank column between every two columns
        # and a blank row between every two rows, beside prose in column A; the years are
        # adjacent once the blank columns are out, the single blank rows do not end the table
        cells = {(r * 2 + 3, c): v for (r, c), v in table_cells(0, 1, spacer=True).items()}
        cells[(0, 0)] = "Forslagets titel: Helhedsorienteret indsats"
        path = xlsx(self.path("spacer.xlsx"), [("Ark1", cells)])
        _, d = run(path, expect=0)
        t, = d["tables"]
        self.check_table(t)
        # the header is in sheet row 4, column B (columns named as the sheet has them)
        self.assertEqual((t["location"], t["title"]), ("Ark1!B4", "Helhedsorienteret indsats"))
        cells[(40, 2)] = "Note under tabellen"  # column C used below the table: kept, blank within it
        self.assertEqual(run(xlsx(self.path("k.xlsx"), [("Ark1", cells)]), expect=0)[1]["tables"][0]["location"],
                         "Ark1!B4")

    def test_xlsx_tables_side_by_side(self):
        # two proposals on the same rows, a blank column between them, each titled above;
        # the right one's 2019 net impact printed wrong (-1.130 as -1.030: lines give -1130)
        right = {(r, c + 7): v for (r, c), v in table_cells(2, 0).items()}
        right[(10, 10)] = -1030  # row 2 + 8 (the net line), column 7 + 3 (2019)
        cells = {**table_cells(2, 0), **right, (0, 0): "HA02(2025) - Venstre", (0, 7): "HA03(2025) - Højre"}
        _, d = run(xlsx(self.path("side.xlsx"), [("Ark1", cells)]), expect=1)
        a, b = d["tables"]
        self.check_table(a)
        self.assertEqual([(t["id"], t["title"], t["location"]) for t in (a, b)],
                         [("HA02", "Venstre", "Ark1!A3"), ("HA03", "Højre", "Ark1!H3")])
        self.assertEqual([(f["kind"], f["year"], f["printed"], f["computed"]) for f in b["findings"]
                          if f["severity"] == "error"], [("net", 2019, -1030, -1130)])

    def test_xlsx_only_empty_sheet(self):
        _, d = run(xlsx(self.path("empty.xlsx"), [("Ark1", {})]), expect=3)
        self.assertEqual(d["without_tables"], [self.path("empty.xlsx")])

    def test_xlsx_beyond_column_1024_named(self):
        cells = table_cells(0, 0)
        cells[(0, 1999)] = "far away"  # column BXX
        p, d = run(xlsx(self.path("wide.xlsx"), [("Ark1", cells)]), expect=0)
        self.check_table(d["tables"][0])
        self.assertEqual(d["partly_read"], [{"source": self.path("wide.xlsx"), "warning":
                                             "sheet 'Ark1': 1 cell right of column 1024 not read "
                                             "(socinv reads 1024 columns)"}])
        self.assertIn("warning: sheet 'Ark1': 1 cell right of column 1024", p.stderr)

    def test_ods_and_odt(self):
        ods = odf(self.path("a.ods"), "<office:spreadsheet>" + odf_table("Ark1") + "</office:spreadsheet>",
                  "application/vnd.oasis.opendocument.spreadsheet")
        odt = odf(self.path("a.odt"), "<office:text><text:h>TV04(2025) - Indsats</text:h>" + odf_table()
                  + "</office:text>", "application/vnd.oasis.opendocument.text")
        _, d = run(ods, odt, expect=0)
        a, b = d["tables"]
        self.check_table(a)
        self.check_table(b)
        self.assertEqual((a["location"], b["location"], b["id"], b["title"]), ("Ark1!A1", "paragraph 2", "TV04", "Indsats"))


    def test_folder_read_by_several_threads(self):
        # a folder of 24 inputs is read by one thread per processor: each input's tables
        # and errors must still be its own, in the order of the paths. File k holds k % 4 + 1
        # copies of the table (a DOCX, an XLSX, an ODT, as k % 3 says); every fifth is cut
        # in half (a damaged ZIP archive).
        folder = self.path("many")
        os.mkdir(folder)
        expected, broken = {}, []
        for k in range(24):
            copies = k % 4 + 1
            ext = ("docx", "xlsx", "odt")[k % 3]
            path = os.path.join(folder, f"{k:02d}.{ext}")
            if ext == "docx":
                docx(path, "".join(w_par(f"HA{k:02d}(2025) – Forslag {k}") + w_table(ROWS) for _ in range(copies)))
            elif ext == "xlsx":
                xlsx(path, [(f"Ark{i + 1}", table_cells(0, 0)) for i in range(copies)])
            else:
                odf(path, "<office:text>" + odf_table() * copies + "</office:text>",
                    "application/vnd.oasis.opendocument.text")
            if k % 5 == 4:
                with open(path, "rb") as f:
                    data = f.read()
                with open(path, "wb") as f:
                    f.write(data[: len(data) // 2])
                broken.append(path)
            else:
                expected[path] = copies
        _, d = run(folder, expect=2)
        self.assertEqual([u["source"] for u in d["unreadable"]], broken)
        found = {}
        for t in d["tables"]:
            self.check_table(t)
            found[t["source"]] = found.get(t["source"], 0) + 1
        self.assertEqual(found, expected)
        self.assertEqual(sum(found.values()), 50)  # 24 files: 60 copies, less the 10 in the 4 cut ones
        sources = [t["source"] for t in d["tables"]]
        self.assertEqual(sources, sorted(sources))  # reported in the order of the paths


class BadInput(InTemp):

    def unreadable(self, path, message):
        p, d = run(path, expect=2)
        self.assertEqual(len(d["unreadable"]), 1)
        self.assertIn(message, d["unreadable"][0]["error"])
        return d["unreadable"][0]["error"]

    def test_truncated_zip(self):
        good = docx(self.path("good.docx"), w_table(ROWS))
        with open(good, "rb") as f:
            data = f.read()
        with open(self.path("cut.docx"), "wb") as f:
            f.write(data[: len(data) // 2])
        self.unreadable(self.path("cut.docx"), "damaged or truncated ZIP archive")

    def test_zip_bomb(self):
        # 100 MB of spaces deflate to about 100 KB (ratio about 1000): refused from the sizes
        # the archive states, before inflating
        path = self.path("bomb.docx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", b" " * (100 << 20))
        t0 = time.monotonic()
        self.unreadable(path, "word/document.xml inflates to 104857600 bytes")
        self.assertLess(time.monotonic() - t0, 30)  # a guard, not a benchmark: it never inflates

    def test_ratio_bomb(self):
        # 8 MB (under the size limit) that inflate more than 200 times
        path = self.path("ratio.xlsx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("xl/workbook.xml", b" " * (8 << 20))
        self.unreadable(path, "xl/workbook.xml inflates")

    def test_entity_bomb_docx(self):
        doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
               + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
               + f']><w:document {W}><w:body>' + w_par("&j;") + "</w:body></w:document>")
        self.unreadable(docx(self.path("lol.docx"), "", document=doc), "has a DTD (<!DOCTYPE>)")

    def test_entity_bomb_fods(self):
        # issue 12 item 9: a 1.2 KB .fods of nested entities ran for minutes at 887 MB;
        # now refused at once (no DTD in office files), without XML_PARSE_HUGE
        ents = '<!ENTITY a "' + "x" * 100 + '">' + "".join(
            f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
        fods = (f'<?xml version="1.0"?><!DOCTYPE office:document [{ents}]><office:document {ODF}><office:body>'
                '<office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell>'
                '<text:p>&j;</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>'
                '</office:body></office:document>')
        path = self.path("lol.fods")
        with open(path, "w") as f:
            f.write(fods)
        self.assertLess(len(fods), 2000)
        t0 = time.monotonic()
        self.unreadable(path, "has a DTD (<!DOCTYPE>), which office documents never have")
        self.assertLess(time.monotonic() - t0, 30)

    def test_encrypted_entry(self):
        path = self.path("locked.docx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            z.writestr("word/document.xml", b"\0" * 12 + b"<w:document/>")
        with open(path, "r+b") as f:  # zipfile cannot encrypt: set the 'encrypted' bit (PKWARE)
            data = bytearray(f.read())
            data[6] |= 1  # general purpose flags of the local header
            data[data.find(b"PK\x01\x02") + 8] |= 1  # and of the central directory entry
            f.seek(0)
            f.write(data)
        self.unreadable(path, "encrypted (password-protected)")

    def test_password_protected_ooxml(self):
        # Office encrypts a whole .docx/.xlsx into an OLE container, not a ZIP archive
        path = self.path("secret.xlsx")
        with open(path, "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
        self.unreadable(path, "encrypted (password-protected), or an old binary Office file named .xlsx")

    def test_not_xml(self):
        self.unreadable(docx(self.path("bad.docx"), "", document="<w:document><w:body><w:p>"),
                        "word/document.xml is not well-formed XML")

    def test_missing_part(self):
        path = self.path("empty.docx")
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("other.xml", "<a/>")
        self.unreadable(path, "word/document.xml is missing")

    def test_xlsx_sheet_without_part(self):
        path = self.path("nosheet.xlsx")
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("xl/workbook.xml", f'<workbook {S} {R}><sheets><sheet name="A" r:id="rId9"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", "<Relationships/>")
        self.unreadable(path, "sheet 'A' has no part in the workbook")

    def test_others_still_read(self):
        good = docx(self.path("good.docx"), w_table(ROWS))
        with open(self.path("cut.xlsx"), "wb") as f:
            f.write(b"PK\x03\x04garbage")
        p, d = run(good, self.path("cut.xlsx"), expect=2)
        self.assertEqual(len(d["tables"]), 1)


if __name__ == "__main__":
    SOCINV = sys.argv[1]
    unittest.main(argv=[sys.argv[0], "-v"])
