#!/usr/bin/env python3
"""`socinv audit` on PDF files (issue 11), without LibreOffice.

Usage: test_pdf.py SOCINV_BINARY SOURCE_DIR

The PDFs of tests/data/pdf/ (seed 001's business case as LibreOffice Writer and as
groff/gropdf print it, made by tests/e2e/make_pdfs.py; see the README there), and
the same table typeset here in Courier by a third, hand-written producer
(courier_case_pdf: amounts right-aligned on the last line of wrapped labels, over
two pages), must audit as the seed text does: the same table with the same id,
title, years, paybacks, net impact and findings. Bad PDFs are written here by a tiny PDF writer
(pdf_bytes below): each gets its own clear message and exit code 2, with nothing
of poppler's on stderr.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOCINV = SOURCE = None
S001 = "001_24239eb3fbd11930.txt"
SAME = ("id", "title", "years", "consistent", "payback", "net_impact", "findings")


def run(*args):
    return subprocess.run([SOCINV, *args], capture_output=True, text=True, timeout=120)


def audit_json(*paths):
    p = run("audit", "--json", *paths)
    return p, json.loads(p.stdout) if p.stdout.strip() else None


def pdf_bytes(pages, encrypt=False):
    """A PDF with one page per content stream in `pages` (Courier as F1, Windows-1252).
    encrypt=True adds a Standard security handler whose user password is not
    empty, so a reader without the password cannot open it."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"]
    kids = []
    for content in pages:
        data = content.encode("cp1252")
        objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                    b" /Contents %d 0 R >>" % len(objs))
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    trailer_extra = b""
    if encrypt:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objs), b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objs) + 1) + trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def placed(words):
    """A page's content: (x, y from the top of a 792 pt page, text) in Courier 9 pt."""
    ops = ["BT", "/F1 9 Tf"] + [f"1 0 0 1 {x:.2f} {792 - y:.2f} Tm {pdf_string(t)} Tj" for x, y, t in words]
    return "\n".join(ops + ["ET"])


def text_page(lines):
    """A page of text lines, 14 pt apart from the top."""
    return placed([(72, 52 + 14 * i, line) for i, line in enumerate(lines)])


CHAR = 0.6 * 9  # Courier's advance at 9 pt: every character is as wide


def wrap(text, chars):
    """Lines of at most `chars` characters, broken between words."""
    out, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > chars:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return out + [cur]


def courier_case_pdf(rows, title, rows_on_first_page, cover=False):
    """Seed rows (lists of cells) as a third producer would print them: Courier
    9 pt, label wrapped at 30 characters and area at 14, amounts right-aligned under
    right-aligned years and on the last line of a wrapped label (cells aligned to
    the bottom), 11 pt between wrapped lines and 17 between rows; the table breaks
    after `rows_on_first_page` rows and its header is repeated; each page has a
    running header and 'Side N' at its foot. cover=True puts a page of prose first."""
    years_right = [380, 430, 480, 530]

    def header_words(y):
        ws = [(60, y, rows[0][0]), (230, y, rows[0][1])]
        return ws + [(r - CHAR * len(c), y, c) for r, c in zip(years_right, rows[0][2:])]

    pages, words, y = [], [], 0
    for i, row in enumerate(rows[1:]):
        if i == 0 or i == rows_on_first_page:
            if words:
                pages.append(words)
            words = [(60, 40, "Bilag 2. Katalog over forslag"), (290, 770, f"Side {len(pages) + 1}")]
            if i == 0:
                words.append((60, 80, title))
            y = 110 if i == 0 else 80
            words += header_words(y)
        label, area = wrap(row[0], 30), wrap(row[1], 14) if len(row) > 1 and row[1] else []
        n = max(len(label), len(area), 1)
        y += 17
        for k, text in enumerate(label):
            words.append((60, y + 11 * (n - len(label) + k), text))
        for k, text in enumerate(area):
            words.append((230, y + 11 * (n - len(area) + k), text))
        for r, c in zip(years_right, row[2:]):
            if c:
                words.append((r - CHAR * len(c), y + 11 * (n - 1), c))
        y += 11 * (n - 1)
    pages.append(words)
    if cover:
        pages.insert(0, [(60, 100, "Katalog"), (60, 130, "Budget"), (100, 130, "2025")])
    return pdf_bytes([placed(ws) for ws in pages])


class PdfFixtures(unittest.TestCase):
    """Seed 001's table printed by two producers reads as the seed text does."""

    def test_same_as_text(self):
        p, text = audit_json(os.path.join(SOURCE, "tests", "data", "seeds", S001))
        self.assertEqual(p.returncode, 0, p.stderr)
        want = text["tables"]
        self.assertEqual(len(want), 1)
        # by hand (tests/cli/test_cli.py): payback 3 on both bases, net 1.511, -1.130, -1.551, -504
        self.assertEqual(want[0]["net_impact"]["total"], [1511, -1130, -1551, -504])
        for name in ("001-writer.pdf", "001-groff.pdf"):
            with self.subTest(name):
                p, got = audit_json(os.path.join(SOURCE, "tests", "data", "pdf", name))
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertEqual(p.stderr, "")
                tables = got["tables"]
                self.assertEqual(len(tables), 1)
                for key in SAME:
                    self.assertEqual(tables[0][key], want[0][key], f"{name}: {key}")
                self.assertTrue(tables[0]["title"].startswith("Pilotprojekt vedr. helhedsorienteret"))
                self.assertEqual(tables[0]["payback"]["total"], {"printed": 3, "rule": 3})

    def seed_001_rows(self):
        """Seed 001's table (its 14 rows, cells split at tabs) and its title line."""
        with open(os.path.join(SOURCE, "tests", "data", "seeds", S001), encoding="utf-8") as f:
            lines = f.read().split("\n")
        start = next(i for i, l in enumerate(lines) if l.startswith("1.000 kr. 2018 p/l"))
        return [l.split("\t") for l in lines[start:start + 14]], next(l for l in lines if l.startswith("Forslagets titel:"))

    def test_third_producer(self):
        """Seed 001's table typeset here in Courier (courier_case_pdf): labels wrapped
        with the amounts on their last line, right-aligned, over two pages."""
        rows, title = self.seed_001_rows()
        self.assertEqual(rows[-1][0], "Tilbagebetalingstid baseret på totaløkonomi")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "courier.pdf")
            with open(path, "wb") as f:
                f.write(courier_case_pdf(rows, title, rows_on_first_page=7))
            p, got = audit_json(path)
            _, want = audit_json(os.path.join(SOURCE, "tests", "data", "seeds", S001))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(got["tables"]), 1)
        for key in SAME:
            self.assertEqual(got["tables"][0][key], want["tables"][0][key], key)
        # by hand (seed 001): net 1.511, -1.130, -1.551, -504 pays back in year 3
        self.assertEqual(got["tables"][0]["net_impact"]["total"], [1511, -1130, -1551, -504])

    def test_location_is_the_page(self):
        # a PDF's table is located by the page its header is on (a paragraph number means
        # nothing to someone reading the PDF): after a cover page, page 2; the writer PDF's
        # table begins on page 1 and goes on over page 2 (pdftotext -f 1 -l 2 shows it)
        rows, title = self.seed_001_rows()
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "cover.pdf")
            with open(path, "wb") as f:
                f.write(courier_case_pdf(rows, title, rows_on_first_page=7, cover=True))
            _, got = audit_json(path)
            self.assertEqual([t["location"] for t in got["tables"]], ["page 2"])
            self.assertIn("side 2, 2018-2021", run("audit", path).stdout)
            self.assertIn("page 2, 2018-2021", run("audit", "--lang", "en", path).stdout)
        _, got = audit_json(os.path.join(SOURCE, "tests", "data", "pdf", "001-writer.pdf"))
        self.assertEqual([t["location"] for t in got["tables"]], ["page 1"])

    def test_plain_text_report(self):
        p = run("audit", os.path.join(SOURCE, "tests", "data", "pdf", "001-writer.pdf"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("1 tabel", p.stdout)
        self.assertIn("Pilotprojekt vedr. helhedsorienteret", p.stdout)


class BadPdf(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def refused(self, path, message):
        p = run("audit", path)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertIn(message, p.stderr)
        # one line about the file and nothing of poppler's ("Syntax Error", "Internal Error")
        self.assertNotIn("Error", p.stderr)
        return p

    def test_encrypted(self):
        self.refused(self.write("locked.pdf", pdf_bytes([text_page(["Hemmelig"])], encrypt=True)),
                     "encrypted PDF: it needs a password")

    def test_no_text_layer(self):
        # a page with only drawing (as a scan is only an image): no text at all
        self.refused(self.write("scan.pdf", pdf_bytes(["0 0 m 300 300 l S", "10 10 100 100 re f"])),
                     "scanned PDF: no text (its 2 pages have only images")

    def test_not_a_pdf(self):
        self.refused(self.write("notes.pdf", "1.000 kr.\t2024\t2025\n".encode()),
                     "not a PDF file: it does not start with %PDF-")

    def test_fifo(self):
        # a FIFO named .pdf is refused at once, not waited on (run() times out after 120 s)
        path = os.path.join(self.dir.name, "pipe.pdf")
        os.mkfifo(path)
        self.refused(path, "not a regular file")

    def test_empty(self):
        self.refused(self.write("empty.pdf", b""), "not a PDF file")

    def test_truncated(self):
        whole = pdf_bytes([text_page(["Varige ændringer"])])
        # cut inside the first object: no page is left to read
        self.refused(self.write("cut.pdf", whole[:40]), "damaged PDF")

    def test_corrupt(self):
        self.refused(self.write("junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20), "damaged PDF")

    def test_too_many_pages(self):
        # PDF_MAX_PAGES is 5000; one page more is refused with the limit named
        path = self.write("many.pdf", pdf_bytes(["0 0 m 1 1 l S"] * 5001))
        self.refused(path, "too many pages: 5001 (socinv reads PDFs of up to 5000 pages)")

    def test_bad_pdf_does_not_stop_the_others(self):
        bad = self.write("junk.pdf", b"%PDF-1.4\n" + b"\0" * 100)
        good = os.path.join(SOURCE, "tests", "data", "pdf", "001-groff.pdf")
        p, got = audit_json(bad, good)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(len(got["tables"]), 1)
        self.assertIn("damaged PDF", p.stderr)

    def test_text_pdf_without_table(self):
        # a readable PDF with text but no business-case table: no table, no error
        p, got = audit_json(self.write("letter.pdf", pdf_bytes([text_page(["Kære kollega", "Bilag 2 følger."])])))
        self.assertEqual(got["tables"], [])
        self.assertNotIn("Error", p.stderr)


if __name__ == "__main__":
    SOCINV, SOURCE = sys.argv[1], sys.argv[2]
    del sys.argv[1:3]
    unittest.main(verbosity=1)
