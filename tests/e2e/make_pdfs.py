#!/usr/bin/python3
"""Test PDFs of the seeds' business-case tables, from two producers (issue 11).

    /usr/bin/python3 tests/e2e/make_pdfs.py OUTDIR [--seeds tests/data/seeds] [--only writer|groff]

writer  SEED.docx -> SEED.pdf through headless LibreOffice (Python UNO, harness.Office):
        the seed's lines without a tab as paragraphs (proposal headings "HA02(2025) – …"
        as Heading 1), each run of lines with tabs a Writer table. Business-case tables
        (first cell "1.000 kr. …") get a wide label column, so long labels wrap over two
        or three lines; the amounts sit on the first line of a wrapped label (Writer's
        default), on the middle one (TV01: cells centred vertically) or on the last one
        (TV03: bottom). TV04's table starts low on a page (a page break before the paragraph
        before it and 40 empty lines), so it continues on the next page, where its
        header row is repeated. Pages have a header line and a page number in the footer.
        The header row of a business-case table is Writer's 'Table Heading' (centred,
        bold, repeated on each page); parts of a table the seed splits at blank lines
        are tables of their own whose first row is ordinary 'Table Contents'.
        The DOCX is stored and then loaded again for the PDF export, as a user prints one.
groff   SEED-groff.pdf: the same text as groff -ms with tbl tables, written by gropdf
        (another producer: other fonts, amounts right-aligned on the first line of a label).

Deterministic for a given LibreOffice/groff: nothing random, no dates in the text;
groff's PDF is the same bytes each time, LibreOffice's differs in its creation date.
"""

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from test_audit_documents import HEADING, seed_lines  # noqa: E402  (the seeds as the other e2e tests read them)

CASE_HEADER = "1.000 kr."
# A table of six or more columns is (part of) a business-case table.
# relative column widths (of 10000) of a business-case table: label, area, the years
LABEL_W, AREA_W = 3100, 1700
CASE_FONT = 9  # pt: the amounts of six years fit their columns
# the proposal whose table is pushed to the bottom of a page, and the vertical orientations
BROKEN = "TV04"
LOW_LINES = 40  # empty paragraphs of 12 pt above it, after a page break
VERT = {"TV01": 2, "TV03": 3}  # com.sun.star.text.VertOrientation CENTER, BOTTOM


def blocks(lines):
    """('p', line) for a line without a tab; ('table', [rows]) for a run of lines with tabs,
    each with the id of the last proposal heading before it."""
    out, i, current = [], 0, None
    while i < len(lines):
        if "\t" not in lines[i]:
            if HEADING.match(lines[i]):
                current = lines[i][:4]
            out.append(("p", lines[i], current))
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        out.append(("table", [lines[k].split("\t") for k in range(i, j)], current))
        i = j
    return out


# ---------------------------------------------------------------- LibreOffice Writer
def separators(table, width):
    """A wide label column for a business-case table (the rest shared by the years)."""
    seps = table.TableColumnSeparators
    if seps is None or len(seps) != width - 1:
        return
    pos = [LABEL_W, LABEL_W + AREA_W]
    year_w = (10000 - LABEL_W - AREA_W) // (width - 2)
    while len(pos) < width - 1:
        pos.append(pos[-1] + year_w)
    for s, p in zip(seps, pos):
        s.Position = p
    table.TableColumnSeparators = seps


def writer_table(doc, text, cur, body, pid):
    width = max(len(r) for r in body)
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(len(body), width)
    text.insertTextContent(cur, table, False)
    table.setDataArray(tuple(tuple(r + [""] * (width - len(r))) for r in body))
    if width >= 6:  # a business-case table, or a part of one the seed splits with a footnote
        separators(table, width)
        table.getCellRangeByPosition(0, 0, width - 1, len(body) - 1).CharHeight = CASE_FONT
        table.RepeatHeadline = body[0][0].startswith(CASE_HEADER)
        table.HeaderRowCount = 1 if table.RepeatHeadline else 0
    if not body[0][0].startswith(CASE_HEADER):
        # a table the seed splits at a blank line goes on: its first row is no heading
        # (Writer gives a new table's first row the centred 'Table Heading' style)
        for c in range(width):
            table.getCellByPosition(c, 0).createTextCursor().ParaStyleName = "Table Contents"
        if pid in VERT:
            for name in table.getCellNames():
                table.getCellByName(name).VertOrient = VERT[pid]
    for r, row in enumerate(body):
        if width > 1 and row[0].strip() and not any(c.strip() for c in row[1:]):
            tc = table.createCursorByCellName(f"A{r + 1}")
            tc.goRight(width - 1, True)
            tc.mergeRange()


def page_style(doc):
    """A header line and a page number in the footer, on every page."""
    style = doc.StyleFamilies.getByName("PageStyles").getByName("Standard")
    style.HeaderIsOn = True
    style.FooterIsOn = True
    style.HeaderText.setString("Bilag 2. Katalog over investerings- og innovationsforslag")
    footer = style.FooterText
    field = doc.createInstance("com.sun.star.text.TextField.PageNumber")
    field.NumberingType = 4  # ARABIC
    field.SubType = 1  # CURRENT
    footer.insertTextContent(footer.getEnd(), field, False)


def make_writer(office, lines, outdir, name):
    import harness
    import uno
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    from com.sun.star.style.BreakType import PAGE_BEFORE
    with office.guard("making a Writer document"):
        doc = office._track(office.desktop.loadComponentFromURL(
            "private:factory/swriter", "_blank", 0, harness.props(Hidden=True)))
        page_style(doc)
        text = doc.Text
        cur = text.createTextCursor()
        items = blocks(lines)
        for k, (kind, body, pid) in enumerate(items):
            if kind == "table":
                writer_table(doc, text, cur, body, pid)
                continue
            cur.ParaStyleName = "Heading 1" if HEADING.match(body) else "Standard"
            nxt = items[k + 1] if k + 1 < len(items) else None
            low = pid == BROKEN and nxt and nxt[0] == "table" and nxt[1][0][0].startswith(CASE_HEADER)
            cur.BreakType = PAGE_BEFORE if low else 0
            text.insertString(cur, body, False)
            text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
            cur.BreakType = 0
            for _ in range(LOW_LINES if low else 0):  # empty lines: the table starts low on the page
                text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
        docx = os.path.join(office.docdir, f"{name}.docx")
        doc.storeToURL(uno.systemPathToFileUrl(docx), harness.props(FilterName="MS Word 2007 XML"))
        office.close_doc(doc)
    doc = office.reload(docx)
    pdf = os.path.join(office.docdir, f"{name}.pdf")
    with office.guard("exporting a PDF"):
        doc.storeToURL(uno.systemPathToFileUrl(pdf), harness.props(FilterName="writer_pdf_Export"))
    office.close_doc(doc)
    for path in (docx, pdf):
        shutil.copyfile(path, os.path.join(outdir, os.path.basename(path)))
    return os.path.join(outdir, f"{name}.pdf")


# ---------------------------------------------------------------- groff (gropdf)
def roff_escape(s):
    s = s.replace("\\", "\\e")
    return ("\\&" + s) if s[:1] in (".", "'") else s


def groff_source(lines):
    out = [".nr PS 10", ".nr VS 12", ".nr HY 0", ".nr LL 6.5i", ".nh", ".ds CH", ".ds CF Side %", ".ds LH Katalog over forslag", ".LP"]
    for kind, body, _ in blocks(lines):
        if kind == "p":
            if body.strip():
                out += [".LP", roff_escape(body)]
            continue
        width = max(len(r) for r in body)
        case = width >= 6
        out += [".ps 9", ".vs 11", ".TS", "allbox tab(\t);"]
        if case:
            out.append("lw(2.0i) lw(0.9i)" + " r" * (width - 2) + ".")
        else:
            out.append(" ".join(["lw(%.2fi)" % (6.0 / width)] * width) + ".")
        for row in body:
            row = row + [""] * (width - len(row))
            cells = [f"T{{\n{roff_escape(c)}\nT}}" if len(c) > 30 else roff_escape(c) for c in row]
            out.append("\t".join(cells))
        out += [".TE", ".ps 10", ".vs 12"]
    return "\n".join(out) + "\n"


def make_groff(lines, outdir, name):
    src = groff_source(lines)
    pdf = os.path.join(outdir, f"{name}-groff.pdf")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1704067200")  # a fixed creation date: the same bytes each time
    p = subprocess.run(["groff", "-k", "-t", "-ms", "-Tpdf", "-P-pletter"], input=src.encode("utf-8"),
                       capture_output=True, timeout=300, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"groff failed: {p.stderr.decode(errors='replace')[-2000:]}")
    with open(pdf, "wb") as f:
        f.write(p.stdout)
    return pdf


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "data", "seeds"))
    ap.add_argument("--only", choices=("writer", "groff"))
    ap.add_argument("seed", nargs="*", default=["001_24239eb3fbd11930.txt", "003_41e023f3ba919440.txt"])
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    made = []
    seeds = {s[:3]: seed_lines(os.path.join(a.seeds, s)) for s in a.seed}
    if a.only != "writer":
        made += [make_groff(lines, a.outdir, n) for n, lines in seeds.items()]
    if a.only != "groff":
        import harness
        with harness.Office() as office:
            made += [make_writer(office, lines, a.outdir, n) for n, lines in seeds.items()]
    print("\n".join(made))
    return 0


if __name__ == "__main__":
    sys.exit(main())
