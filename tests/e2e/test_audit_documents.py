#!/usr/bin/python3
"""`socinv audit` on workbooks and documents that LibreOffice itself wrote (issue #7).

    /usr/bin/python3 tests/e2e/test_audit_documents.py --socinv <build>/cli/socinv \\
        [--seeds tests/data/seeds] [--out DIR]
    /usr/bin/python3 tests/e2e/test_audit_documents.py --make DIR   # only the documents (bench/audit.sh)

From the seed text tables (tests/data/seeds/001_*.txt and 003_*.txt, cells split
by tab) a headless LibreOffice (Python UNO, harness.Office, no add-in) makes:

  a  003.ods           seed 003 over three sheets (Ark1, Ark2, Ark3: several tables
                       each) and a sheet of notes without a table; amounts, years
                       and printed paybacks as numeric cells; heading rows of the
                       tables merged across the sheet
  b  003-text.ods      the same with every amount as Danish text ("1.200",
                       "-4.100", "-" for zero)
  c  003.xlsx          (a) stored as XLSX
  d  003.docx/.odt,    Writer documents: each line of the seed without a tab is a
     001.docx/.odt     paragraph (the proposal headings "TV04(2025) - ..." as
                       Heading 1), each run of lines with tabs a real Writer table
                       whose heading rows ('Varige ændringer' with nothing after it)
                       are merged across the table, as Word documents have them

and the built `socinv audit --json` reads them all (DOCX, XLSX, ODS and ODT directly, without LibreOffice:
the same JSON as LibreOffice's flat-ODF conversion of each is checked too). Every table must come out as
the audit of the seed text gives it (ids, titles, years, paybacks printed and by
the rule, net impact, findings) and with the values worked out by hand in
tests/cli/test_cli.py (repeated below with the reasoning). Locations follow the
layout the test made: line N of the seed is row N of a document ("paragraph N")
and row N - first line of the sheet + 1 of a workbook ("Ark2!A54").

Also: the inputs are never modified (sha256 before and after); a corrupt .xlsx
(random bytes) is exit 2 with a clear message while the other inputs are still
audited; `--ods FILE` writes a report workbook, checked by opening it in the
office (rows against the JSON of the same run, the chart and its series), and
rendered to PDF and PNG for a person to look at (printed path); `--ods` naming an
input is refused.

Exit 0 pass, 1 fail, 77 skipped (no soffice; under CI=true a failure).
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import harness  # noqa: E402  (needs python3-uno: /usr/bin/python3)

S001 = "001_24239eb3fbd11930.txt"
S003 = "003_41e023f3ba919440.txt"

# A proposal heading as the seeds print it: "HA02(2025) – Title" / "TV04(2025) - TITLE".
HEADING = re.compile(r"^[A-Z]{2}\d{2}\(\d{4}\) [-–] ")
# An amount as the seeds print it: "1.200", "-4.100", "-1000", "0".
AMOUNT = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)$")


# ---------------------------------------------------------------- expected, worked out by hand
# The same values as tests/cli/test_cli.py (the seeds' printed tables and the
# Copenhagen rule worked out in tests/unit/test_payback.c and test_casetable.c).
IDS_003 = ["HA02", "HA03", "HA04", "HA05", "HA06", "UD01", "HJ01", "BU01", "BU02", "BU03",
           "TV01", "TV03", "TV04", None]
PRINTED_003 = {"HA02": 4, "HA03": 6, "HA04": 5, "HA05": 5, "HA06": 6, "UD01": 3, "HJ01": 2, "BU01": 4,
               "BU02": 6, "BU03": 6, "TV01": 2, "TV03": 11, "TV04": 9}


def check_003_by_hand(rep, what, tables):
    """Seed 003's 14 tables against the values worked out by hand."""
    rep.check([t["id"] for t in tables] == IDS_003, f"{what}: the 14 tables in order, with ids",
              [t["id"] for t in tables])
    by = {t["id"]: t for t in tables}
    if set(by) != set(IDS_003):
        return
    for i, t in by.items():
        # consistent: all but TV03 (payback) and TV04 (net impact)
        rep.check(t["consistent"] == (i not in ("TV03", "TV04")), f"{what}: {i} consistent", t["consistent"])
    for i, years in PRINTED_003.items():
        rule = 10 if i == "TV03" else years  # TV03: cumulative 16900 after 2029, -4500 a year: < 0 in year 10
        for basis in ("service", "total"):
            rep.check(by[i]["payback"][basis] == {"printed": years, "rule": rule},
                      f"{what}: {i} payback {basis} printed {years}, rule {rule}", by[i]["payback"][basis])
    tv04 = [(f["kind"], f["row"], f["year"], f["printed"], f["computed"])
            for f in by["TV04"]["findings"] if f["severity"] == "error"]
    # 2026: lines give -1.850-1.700+550+550 + 350+350+2.200+2.200+1.100 = 3.750 (printed 4.850)
    # 2027: -2.600-2.400+1.100+1.100 + 350+350+1.650+1.650+550 = 1.750 (printed 3.950)
    rep.check(tv04 == [("net", "Samlet økonomisk påvirkning", 2026, 4850, 3750),
                       ("net", "Samlet økonomisk påvirkning", 2027, 3950, 1750)],
              f"{what}: TV04's net impact 2026 and 2027 printed 4850/3950, lines give 3750/1750", tv04)
    tv03 = [(f["kind"], f["printed"], f["computed"]) for f in by["TV03"]["findings"] if f["severity"] == "error"]
    rep.check(tv03 == [("payback", 11, 10), ("payback", 11, 10)], f"{what}: TV03 prints 11 years, the rule 10",
              tv03)
    ha06 = [(f["kind"], f["severity"], f["row"], f["year"], f["printed"], f["computed"])
            for f in by["HA06"]["findings"]]
    rep.check(ha06 == [("area", "warning", "Samlet varig ændring, service", 2027, -1750, -1800)],
              f"{what}: HA06's service subtotal 2027 read as all lines (warning)", ha06)
    inno = by[None]
    rep.check(inno["title"].startswith("Afprøvning af kunstig intelligens"), f"{what}: the table without an id",
              inno["title"])
    rep.check(inno["payback"] == {"service": {"printed": None, "rule": None}, "total": {"printed": None, "rule": None}},
              f"{what}: the innovation table prints no payback and never pays back", inno["payback"])
    errors = sum(1 for t in tables for f in t["findings"] if f["severity"] == "error")
    warnings = sum(1 for t in tables for f in t["findings"] if f["severity"] == "warning")
    rep.check((errors, warnings) == (4, 3), f"{what}: 4 errors, 3 warnings", (errors, warnings))


def check_001_by_hand(rep, what, tables):
    rep.check(len(tables) == 1, f"{what}: one table", len(tables))
    if len(tables) != 1:
        return
    t = tables[0]
    rep.check(t["id"] is None and t["title"].startswith("Pilotprojekt vedr. helhedsorienteret"),
              f"{what}: no id, the title from 'Forslagets titel'", (t["id"], t["title"][:40]))
    rep.check(t["years"] == [2018, 2019, 2020, 2021], f"{what}: years 2018-2021", t["years"])
    rep.check(t["payback"] == {"service": {"printed": 3, "rule": 3}, "total": {"printed": 3, "rule": 3}},
              f"{what}: payback 3 on both bases", t["payback"])
    rep.check(t["findings"] == [], f"{what}: no findings", t["findings"])
    # service basis: 1511, -1002+87, -1127+80, 0; total: the printed net row
    rep.check(t["net_impact"].get("service") == [1511, -915, -1047, 0], f"{what}: net impact, service",
              t["net_impact"].get("service"))
    rep.check(t["net_impact"].get("total") == [1511, -1130, -1551, -504], f"{what}: net impact, total",
              t["net_impact"].get("total"))


# ---------------------------------------------------------------- the seeds as lines and blocks
def seed_lines(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def cells_of(line):
    return line.split("\t") if "\t" in line else [line]


def blocks(lines):
    """('p', index, line) for a line without a tab; ('table', index, [rows]) for a run of lines with tabs."""
    out = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            out.append(("p", i, lines[i]))
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        out.append(("table", i, [lines[k].split("\t") for k in range(i, j)]))
        i = j
    return out


def danish_amount(text):
    """'1.200' -> 1200.0, '-4.100' -> -4100.0; None when not an amount."""
    s = text.strip()
    if not AMOUNT.match(s):
        return None
    return float(s.replace(".", ""))


def sheet_cell(text, mode):
    """A seed cell in a workbook: 'numbers' -> amounts as numeric cells; 'text' -> as
    Danish text, zero as '-' (how Danish documents print it)."""
    v = danish_amount(text)
    if v is None:
        return text
    if mode == "numbers":
        return v
    return "-" if v == 0 else text


# The workbook of seed 003: where each sheet starts (the line of a proposal heading).
def sheet_layout(lines):
    heads = {m: i for i, l in enumerate(lines) for m in [l[:4]] if HEADING.match(l)}
    return [("Ark1", 0, heads["HA05"]), ("Noter", None, None), ("Ark2", heads["HA05"], heads["BU01"]),
            ("Ark3", heads["BU01"], len(lines))]


NOTE_SHEET = [["Noter til investeringsforslagene"], ["Beløb i 1.000 kr., besparelser med negativt fortegn."]]


def make_workbook(office, lines, mode, fmt, name):
    doc = office.new_spreadsheet()
    sheets = doc.Sheets
    layout = sheet_layout(lines)
    for k, (sname, a, b) in enumerate(layout):
        if k < sheets.Count:
            sheets.getByIndex(k).Name = sname
        else:
            sheets.insertNewByName(sname, k)
        sheet = sheets.getByName(sname)
        rows = NOTE_SHEET if a is None else [[sheet_cell(c, mode) for c in cells_of(l)] for l in lines[a:b]]
        width = max(len(r) for r in rows)
        data = tuple(tuple(r + [""] * (width - len(r))) for r in rows)
        with office.guard(f"filling {sname}"):
            sheet.getCellRangeByPosition(0, 0, width - 1, len(data) - 1).setDataArray(data)
            if mode == "numbers":
                # heading rows ('Varige ændringer ...' and nothing after it) merged across, as people do
                for r, row in enumerate(data):
                    if width > 1 and isinstance(row[0], str) and row[0].strip() and not any(
                            str(c).strip() for c in row[1:]) and "\t" in lines[a + r]:
                        sheet.getCellRangeByPosition(0, r, width - 1, r).merge(True)
    path = office.store(doc, fmt, name)
    office.close_doc(doc)
    return path


WRITER_FILTERS = {"odt": "writer8", "docx": "MS Word 2007 XML"}


def make_document(office, lines, fmts, name):
    """A Writer document of the seed: paragraphs, Heading 1 for proposal headings, tables."""
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK
    import uno
    with office.guard("making a text document"):
        doc = office._track(office.desktop.loadComponentFromURL(
            "private:factory/swriter", "_blank", 0, harness.props(Hidden=True)))
        text = doc.Text
        cur = text.createTextCursor()
        ntables = 0
        for kind, _, body in blocks(lines):
            if kind == "p":
                cur.ParaStyleName = "Heading 1" if HEADING.match(body) else "Standard"
                text.insertString(cur, body, False)
                text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
                continue
            width = max(len(r) for r in body)
            table = doc.createInstance("com.sun.star.text.TextTable")
            table.initialize(len(body), width)
            # the table goes before the cursor's (empty) paragraph, which then follows it
            text.insertTextContent(cur, table, False)
            ntables += 1
            table.setDataArray(tuple(tuple(r + [""] * (width - len(r))) for r in body))
            for r, row in enumerate(body):
                if width > 1 and row[0].strip() and not any(c.strip() for c in row[1:]):
                    tc = table.createCursorByCellName(f"A{r + 1}")
                    tc.goRight(width - 1, True)
                    tc.mergeRange()
        paths = []
        for fmt in fmts:
            office._seq += 1
            path = os.path.join(office.docdir, f"{office._seq:03d}-{name}.{fmt}")
            doc.storeToURL(uno.systemPathToFileUrl(path), harness.props(FilterName=WRITER_FILTERS[fmt]))
            paths.append(path)
        office.close_doc(doc)
    return paths, ntables


# ---------------------------------------------------------------- running socinv
class Crashed(RuntimeError):
    """socinv died or a sanitizer (ASan/UBSan build) reported an error."""


def run_socinv(socinv, *args, timeout=900):
    p = subprocess.run([socinv, *args], capture_output=True, text=True, timeout=timeout)
    if p.returncode < 0 or "Sanitizer" in p.stderr or "runtime error:" in p.stderr:
        raise Crashed(f"socinv {' '.join(args)} crashed (exit {p.returncode}):\n{p.stderr[-4000:]}")
    return p


def audit(socinv, *paths, extra=()):
    p = run_socinv(socinv, "audit", "--json", *extra, *paths)
    try:
        data = json.loads(p.stdout)
    except ValueError:
        data = None
    return p, data


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# What must be the same whatever the format (everything but where the table is).
SAME = ("id", "title", "years", "consistent", "payback", "net_impact", "findings")


def compare_to_text(rep, what, got, text_tables):
    rep.check(len(got) == len(text_tables), f"{what}: as many tables as the text audit ({len(text_tables)})",
              [t["id"] for t in got])
    for g, t in zip(got, text_tables):
        for key in SAME:
            rep.check(g.get(key) == t.get(key), f"{what}: table {t['id'] or t['title'][:30]!r}: {key} as in the text",
                      {"document": g.get(key), "text": t.get(key)})


def text_line(table):
    m = re.fullmatch(r"line (\d+)", table["location"])
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- the suite
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--socinv", help="the built command line (<build>/cli/socinv)")
    ap.add_argument("--seeds", default=os.path.join(SOURCE_DIR, "tests", "data", "seeds"))
    ap.add_argument("--out", default=os.getcwd(), help="where the rendered report (PDF, PNG) is left")
    ap.add_argument("--make", metavar="DIR", help="only write the documents of seed 003 into DIR "
                    "(003.ods, 003-text.ods, 003.xlsx, 003.docx, 003.odt; for bench/audit.sh) and stop")
    a = ap.parse_args()

    harness.need_office()
    if a.make:
        return make_only(a)
    if not a.socinv:
        ap.error("--socinv is required")
    if not os.access(a.socinv, os.X_OK):
        harness.skip_or_fail(f"{a.socinv} not built (run `cmake --build <build>` first)")
    rep = harness.Report("audit_documents")
    work = tempfile.mkdtemp(prefix="socinv-audit-docs-")
    try:
        run_suite(a, rep, work)
    except harness.OfficeDied as e:
        print(f"FAIL  the office died: {e}")
        rep.failed += 1
    except Crashed as e:
        print(f"FAIL  {e}")
        rep.failed += 1
    except Exception:
        traceback.print_exc()
        rep.failed += 1
    finally:
        harness.drop_temp(work)
    return rep.done()


def make_only(a):
    lines = seed_lines(os.path.join(a.seeds, S003))
    os.makedirs(a.make, exist_ok=True)
    with harness.Office() as office:
        made = {"003.ods": make_workbook(office, lines, "numbers", "ods", "003"),
                "003-text.ods": make_workbook(office, lines, "text", "ods", "003-text"),
                "003.xlsx": make_workbook(office, lines, "numbers", "xlsx", "003")}
        (made["003.docx"], made["003.odt"]), _ = make_document(office, lines, ("docx", "odt"), "003")
        for name, path in made.items():
            shutil.copyfile(path, os.path.join(a.make, name))
    print(" ".join(sorted(made)))
    return 0


def run_suite(a, rep, work):
    seeds = {n: os.path.join(a.seeds, n) for n in (S001, S003)}
    lines = {n: seed_lines(p) for n, p in seeds.items()}

    # the reference: the text audit of the seeds, checked by hand first
    p, text = audit(a.socinv, seeds[S001], seeds[S003])
    if not rep.check(p.returncode == 1 and text, "text audit of seeds 001 and 003: exit 1 (errors found)",
                     (p.returncode, p.stderr)):
        return
    text_by = {n: [t for t in text["tables"] if t["source"] == seeds[n]] for n in seeds}
    check_001_by_hand(rep, "text 001", text_by[S001])
    check_003_by_hand(rep, "text 003", text_by[S003])
    for n, tables in text_by.items():
        for t in tables:
            ln = text_line(t)
            rep.check(ln is not None and lines[n][ln - 1].startswith("1.000 kr."),
                      f"text {n[:3]}: {t['id']}'s location {t['location']} is the header line of the table",
                      t["location"])

    check_flat_odf(a, rep, work)

    # the files, made by LibreOffice
    files = {}
    with harness.Office() as office:
        files["ods"] = make_workbook(office, lines[S003], "numbers", "ods", "003")
        files["ods-text"] = make_workbook(office, lines[S003], "text", "ods", "003-text")
        files["xlsx"] = make_workbook(office, lines[S003], "numbers", "xlsx", "003")
        (files["docx"], files["odt"]), n3 = make_document(office, lines[S003], ("docx", "odt"), "003")
        (files["docx-001"], files["odt-001"]), n1 = make_document(office, lines[S001], ("docx", "odt"), "001")
        rep.info(f"documents made with {n3} (seed 003) and {n1} (seed 001) Writer tables")
        # 003.ods and 003.xlsx share a base name on purpose: their conversions must not collide
        names = {"ods": "003.ods", "ods-text": "003-text.ods", "xlsx": "003.xlsx", "docx": "003.docx",
                 "odt": "003.odt", "docx-001": "001.docx", "odt-001": "001.odt"}
        for k, path in list(files.items()):
            files[k] = os.path.join(work, names[k])
            shutil.copyfile(path, files[k])
        check_documents(a, rep, work, files, lines, text_by)
        check_spacer_workbook(a, rep, office, work, lines[S003], text_by[S003])
        check_same_as_libreoffice(a, rep, office, work, files)
    # seed 003 as HTML opened in Calc with Danish number reading, as a Danish user would
    with harness.Office(locale="da-DK") as office:
        check_html_workbook(a, rep, office, work, lines[S003], text_by[S003])
        check_bad_documents(a, rep, office, work, files)
        check_report(a, rep, office, work, seeds, files)


def check_documents(a, rep, work, files, lines, text_by):
    order = ["ods", "ods-text", "xlsx", "docx", "odt", "docx-001", "odt-001"]
    paths = [files[k] for k in order]
    before = {p: digest(p) for p in paths}
    p, d = audit(a.socinv, *paths)
    rep.check(p.returncode == 1 and d is not None, "audit of every document: exit 1 (the seed's errors found)",
              (p.returncode, p.stderr[-2000:]))
    if d is None:
        return
    rep.check(d["unreadable"] == [], "every document readable", d["unreadable"])
    by_source = {k: [t for t in d["tables"] if t["source"] == files[k]] for k in order}
    layout = {name: (start, end) for name, start, end in sheet_layout(lines[S003])}

    for k in ("ods", "ods-text", "xlsx"):
        got = by_source[k]
        check_003_by_hand(rep, k, got)
        compare_to_text(rep, k, got, text_by[S003])
        for g, t in zip(got, text_by[S003]):
            ln = text_line(t)
            sheet = next((s for s, (st, en) in layout.items() if st is not None and st < ln <= en), None)
            want = f"{sheet}!A{ln - layout[sheet][0]}" if sheet else None
            rep.check(g["location"] == want and g.get("sheet") == sheet,
                      f"{k}: {t['id']} at {want} (seed line {ln} on sheet {sheet})", (g["location"], g.get("sheet")))
    for k, seed in (("docx", S003), ("odt", S003), ("docx-001", S001), ("odt-001", S001)):
        got = by_source[k]
        (check_003_by_hand if seed == S003 else check_001_by_hand)(rep, k, got)
        compare_to_text(rep, k, got, text_by[seed])
        for g, t in zip(got, text_by[seed]):
            # every line of the seed is one paragraph or one table row, in order
            want = f"paragraph {text_line(t)}"
            rep.check(g["location"] == want and "sheet" not in g, f"{k}: {t['id']} at {want}", g["location"])
    rep.check(all(digest(p) == h for p, h in before.items()), "the inputs are unchanged (sha256)",
              [p for p, h in before.items() if digest(p) != h])



def check_spacer_workbook(a, rep, office, work, lines, text_tables):
    """Seed 003 as a table pasted from HTML into Calc leaves it (issue 11): every line on one
    sheet, a blank column between every two columns; stored as XLSX. The 14 tables come out
    as the text gives them, ids and titles included; locations name the sheet's columns."""
    doc = office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Ark1"
    rows = [[sheet_cell(c, "numbers") for c in cells_of(l)] for l in lines]
    width = 2 * max(len(r) for r in rows) - 1
    spaced = [[x for c in r for x in (c, "")][:width] for r in rows]
    data = tuple(tuple(r + [""] * (width - len(r))) for r in spaced)
    with office.guard("filling the spacer sheet"):
        sheet.getCellRangeByPosition(0, 0, width - 1, len(data) - 1).setDataArray(data)
    path = os.path.join(work, "003-spacer.xlsx")
    shutil.copyfile(office.store(doc, "xlsx", "003-spacer"), path)
    office.close_doc(doc)
    p, d = audit(a.socinv, path)
    rep.check(p.returncode == 1 and d is not None, "spacer-column XLSX: exit 1 (the seed's errors)",
              (p.returncode, p.stderr[-2000:]))
    if d is None:
        return
    check_003_by_hand(rep, "spacer xlsx", d["tables"])
    compare_to_text(rep, "spacer xlsx", d["tables"], text_tables)
    locs = [t["location"] for t in d["tables"]]
    rep.check(locs == [f"Ark1!A{text_line(t)}" for t in text_tables], "spacer xlsx: each table at its seed line",
              locs)


def check_html_workbook(a, rep, office, work, lines, text_tables):
    """The way issue 11's user made a workbook: the document as HTML (paragraphs, tables)
    opened in Calc, all on one sheet, stored as XLSX. Every table as the text gives it."""
    import html
    import uno
    parts = ["<html><head><meta charset='utf-8'></head><body>"]
    for kind, _, body in blocks(lines):
        if kind == "p":
            parts.append(f"<p>{html.escape(body)}</p>")
        else:
            parts.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                                             for r in body) + "</table>")
    src = os.path.join(work, "003.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write("".join(parts) + "</body></html>")
    with office.guard("opening the HTML in Calc"):
        doc = office._track(office.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(office.copy_in(src)), "_blank", 0,
            harness.props(Hidden=True, FilterName="calc_HTML_WebQuery")))
    path = os.path.join(work, "003-html.xlsx")
    shutil.copyfile(office.store(doc, "xlsx", "003-html"), path)
    office.close_doc(doc)
    p, d = audit(a.socinv, path)
    rep.check(p.returncode == 1 and d is not None, "HTML in Calc as XLSX: exit 1", (p.returncode, p.stderr[-2000:]))
    if d is not None:
        check_003_by_hand(rep, "html xlsx", d["tables"])
        compare_to_text(rep, "html xlsx", d["tables"], text_tables)


FLAT_FILTERS = {"fods": "OpenDocument Spreadsheet Flat XML", "fodt": "OpenDocument Text Flat XML"}


def check_same_as_libreoffice(a, rep, office, work, files):
    """What socinv reads itself (DOCX, XLSX, ODS, ODT) gives the same JSON as LibreOffice's
    conversion of the same file to flat ODF (the way these were read before), but the source."""
    for k in ("xlsx", "ods", "ods-text", "docx", "odt", "docx-001"):
        doc = office.open(files[k])
        target = "fods" if k.startswith(("xlsx", "ods")) else "fodt"
        flat = os.path.join(office.docdir, f"flat-{k}.{target}")
        with office.guard(f"storing {k} as {target}"):
            import uno
            doc.storeToURL(uno.systemPathToFileUrl(flat), harness.props(FilterName=FLAT_FILTERS[target]))
        office.close_doc(doc)
        _, direct = audit(a.socinv, files[k])
        _, via = audit(a.socinv, flat)
        strip = lambda d: [{key: v for key, v in t.items() if key != "source"} for t in d["tables"]] if d else None
        rep.check(direct is not None and strip(direct) == strip(via) and len(direct["tables"]) > 0,
                  f"{k} read directly: the same tables as LibreOffice's {target} of it",
                  {"direct": strip(direct), "libreoffice": strip(via)})


FLAT_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body>')


def flat_cell(text):
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def check_flat_odf(a, rep, work):
    """Flat ODF read directly (what LibreOffice's conversion gives, and .fods/.fodt inputs):
    what a document has besides its text, and files made to exhaust memory."""
    note = ('<text:note><text:note-citation>{n}</text:note-citation><text:note-body><text:p>fodnote {n}'
            '</text:p></text:note-body></text:note>')
    row = "<table:table-row>{}</table:table-row>".format
    doc = os.path.join(work, "noter.fodt")
    with open(doc, "w", encoding="utf-8") as f:
        f.write(FLAT_HEAD + "<office:text>"
                # deleted text of tracked changes is not the document's
                "<text:tracked-changes><text:changed-region><text:deletion><text:p>TV09(2025) - SLETTET</text:p>"
                "</text:deletion></text:changed-region></text:tracked-changes>"
                f"<text:h>HA02(2025) - Titel{note.format(n=1)}</text:h>"
                "<table:table>"
                + row(flat_cell("1.000 kr.") + flat_cell("Styringsområde") + flat_cell("2024") + flat_cell("2025"))
                + row(flat_cell("Implementeringsomkostninger") + "<table:covered-table-cell/>" * 3)
                # a footnote on an amount: its number must not stick to it (1.000 + "2" = 1.0002)
                + row(flat_cell("Kurser") + flat_cell("Service") + flat_cell("1.000" + note.format(n=2))
                      + '<table:table-cell><text:p><draw:frame><draw:text-box><text:p>9</text:p></draw:text-box>'
                        '</draw:frame></text:p></table:table-cell>')
                + row(flat_cell("Varige ændringer"))
                + row(flat_cell("Besparelse") + flat_cell("Service") + "<table:table-cell/>" + flat_cell("-1.500"))
                + row(flat_cell("Samlet økonomisk påvirkning") + "<table:table-cell/>" + flat_cell("1.000")
                      + flat_cell("-1.500"))
                + "</table:table></office:text></office:body></office:document>")
    p, d = audit(a.socinv, doc)
    t = d["tables"] if d else []
    rep.check(p.returncode == 0 and len(t) == 1, "flat ODF document: one consistent table", (p.returncode, p.stderr))
    if len(t) == 1:
        t = t[0]
        rep.check((t["id"], t["title"]) == ("HA02", "Titel"), "the heading without its footnote: HA02, 'Titel'",
                  (t["id"], t["title"]))
        # 2024: 1.000 implementation; 2025: -1.500 saving; cumulative 1.000, -500: pays back in year 2
        rep.check(t["net_impact"]["total"] == [1000, -1500] and t["net_impact"]["printed"] == [1000, -1500],
                  "amounts with footnotes and text boxes read as printed: 1000, -1500", t["net_impact"])
        rep.check(t["payback"]["total"]["rule"] == 2, "rule payback 2", t["payback"])
        rep.check(t["location"] == "paragraph 2", "the table's header is paragraph 2 (deleted text not counted)",
                  t["location"])

    sheet = FLAT_HEAD + '<office:spreadsheet><table:table table:name="Ark1">{}</table:table></office:spreadsheet>' \
        '</office:body></office:document>'
    cases = {
        # 1.048.576 rows of 16.384 numbers in 700 bytes: refused before the cells are made
        "repeats.fods": sheet.format('<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
                                     'office:value-type="float" office:value="1" '
                                     'table:number-columns-repeated="16384"/></table:table-row>'),
        # two million blank rows and then a wide row
        "far.fods": sheet.format('<table:table-row table:number-rows-repeated="10000"><table:table-cell/>'
                                 '</table:table-row>' * 200 + row(flat_cell("x") * 900)),
        "cut.fods": sheet.format(row(flat_cell("1.000 kr.")))[:300],
    }
    msgs = {"repeats.fods": "sheet 'Ark1' is too large to audit", "far.fods": "sheet 'Ark1' is too large to audit",
            "cut.fods": "not well-formed XML"}
    for name, text in cases.items():
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        p, d = audit(a.socinv, path)
        err = d["unreadable"][0]["error"] if d and d["unreadable"] else ""
        rep.check(p.returncode == 2 and msgs[name] in err, f"{name}: exit 2, '{msgs[name]}'", (p.returncode, err))


def check_bad_documents(a, rep, office, work, files):
    """Damaged and missing documents among good ones: exit 2, a clear message each, the rest audited."""
    bad = {}
    bad["random"] = os.path.join(work, "random.xlsx")
    with open(bad["random"], "wb") as f:
        f.write(random.Random(7).randbytes(8192))  # not a ZIP archive, as an .xlsx must be
    bad["truncated"] = os.path.join(work, "truncated.xlsx")
    with open(files["xlsx"], "rb") as f, open(bad["truncated"], "wb") as g:
        g.write(f.read()[:20000])  # a ZIP archive cut off: its directory is missing
    bad["empty"] = os.path.join(work, "empty.docx")
    open(bad["empty"], "wb").close()
    bad["missing"] = os.path.join(work, "missing.odt")
    good = [files["docx"], files["ods-text"]]
    paths = [bad["random"], good[0], bad["truncated"], bad["empty"], good[1], bad["missing"]]
    before = {p: digest(p) for p in paths if os.path.exists(p)}
    report = os.path.join(work, "rapport-ulaeselige.ods")
    p, d = audit(a.socinv, *paths, extra=("--ods", report))
    rep.check(p.returncode == 2 and d is not None, "damaged inputs among good ones: exit 2", (p.returncode, p.stderr))
    if d is None:
        return
    errors = {u["source"]: u["error"] for u in d["unreadable"]}
    expect = {bad["random"]: "not a ZIP archive", bad["truncated"]: "a damaged or truncated ZIP archive",
              bad["empty"]: "the file is empty", bad["missing"]: "no such file"}
    for path, words in expect.items():
        rep.check(words in errors.get(path, ""), f"{os.path.basename(path)}: the message says '{words}'",
                  errors.get(path))
        rep.check(f"{path}: " in p.stderr, f"{os.path.basename(path)}: named on stderr", p.stderr)
    rep.check(set(errors) == set(expect), "only the damaged inputs are unreadable", sorted(errors))
    for g in good:
        got = [t for t in d["tables"] if t["source"] == g]
        check_003_by_hand(rep, f"{os.path.basename(g)} next to damaged inputs", got)
    rep.check(all(digest(p) == h for p, h in before.items()), "damaged inputs: nothing modified", "")
    rep.check(not os.path.exists(bad["missing"]), "the missing input was not created", "")
    # the report workbook lists them below the tables, so it does not look complete without them
    if rep.check(os.path.exists(report), "--ods with unreadable inputs: the report is written", p.stderr):
        doc = office.open(report)
        n = len(d["tables"])
        rep.check(n == 28 and row_values(office, doc, "Forslag", n + 1, 14) == [("e", None)] * 14,
                  "Forslag: the 28 tables, then a blank row", n)
        for i, path in enumerate(bad[k] for k in ("random", "truncated", "empty", "missing")):
            got = row_values(office, doc, "Forslag", n + 2 + i, 14)
            want = [("e", None)] * 2 + [("s", "Kunne ikke læses: " + errors.get(path, "?")), ("s", path)] + \
                [("e", None)] * 9 + [("s", "ikke læst")]
            rep.check(got == want, f"Forslag: {os.path.basename(path)} listed as not read", got)
        office.close_doc(doc)


# ---------------------------------------------------------------- the report workbook
KIND_DA = {"subtotal": "subtotal", "net": "økonomisk påvirkning", "payback": "tilbagebetalingstid",
           "area": "område", "layout": "opstilling"}
TABLE_COLS = ["Nr.", "Id", "Titel", "Kilde", "Placering", "Første år", "Sidste år",
              "Tilbagebetalingstid\nservice, trykt", "Tilbagebetalingstid\nservice, regel",
              "Tilbagebetalingstid\ntotaløkonomi, trykt", "Tilbagebetalingstid\ntotaløkonomi, regel",
              "Fejl", "Advarsler", "Status"]
FINDING_COLS = ["Nr.", "Id", "Art", "Alvor", "Linje", "År", "Trykt", "Beregnet", "Besked"]


def danish_location(loc):
    m = re.fullmatch(r"(line|paragraph) (\d+)", loc)
    return f"{'linje' if m.group(1) == 'line' else 'afsnit'} {m.group(2)}" if m else loc


def cumulative(table):
    """The chart's line of a table, from the JSON: the cumulative recomputed net impact
    (total basis); after the printed years the last year repeats, as the payback rule
    does, until one year past the rule's payback (that is where the line crosses zero)."""
    net = table["net_impact"]["total"]
    rule = table["payback"]["total"]["rule"]
    points = len(net) if rule is None else max(len(net), rule + 1)
    out, s = [], 0
    for j in range(points):
        s += net[min(j, len(net) - 1)]
        out.append(s)
    return out


def row_values(office, doc, sheet, row, ncols):
    """(kind, value) of the cells of a row: ('n', float) | ('s', text) | ('e', None)."""
    out = []
    sh = office.sheet(doc, sheet)
    with office.guard(f"reading row {row} of {sheet}"):
        for c in range(ncols):
            cell = sh.getCellByPosition(c, row)
            t = cell.getType().value
            out.append(("e", None) if t == "EMPTY" else ("n", cell.getValue()) if t == "VALUE"
                       else ("s", cell.getString()))
    return out


def num_or(v, none_word):
    return ("s", none_word) if v is None else ("n", float(v))


def check_report(a, rep, office, work, seeds, files):
    """--ods: the workbook against the JSON of the same run, its chart, and a rendering."""
    out = os.path.join(work, "rapport.ods")
    inputs = [seeds[S003]]
    before = {p: digest(p) for p in inputs}
    p, d = audit(a.socinv, *inputs, extra=("--ods", out))
    rep.check(p.returncode == 1 and d is not None, "audit --json --ods of seed 003: exit 1", (p.returncode, p.stderr))
    rep.check(os.path.exists(out) and open(out, "rb").read(4) == b"PK\x03\x04", "the report is an .ods (a ZIP)", out)
    rep.check(all(digest(p) == h for p, h in before.items()), "--ods: the inputs are unchanged", "")
    if d is None or not os.path.exists(out):
        return
    tables = d["tables"]
    doc = office.open(out)
    names = list(doc.Sheets.ElementNames)
    rep.check(names == ["Forslag", "Fund", "Graf"], "report sheets Forslag, Fund, Graf", names)
    if names != ["Forslag", "Fund", "Graf"]:
        return

    # one row per table
    head = row_values(office, doc, "Forslag", 0, len(TABLE_COLS) + 1)
    rep.check(head == [("s", c) for c in TABLE_COLS] + [("e", None)], "Forslag: the column headings", head)
    for k, t in enumerate(tables):
        nerr = sum(f["severity"] == "error" for f in t["findings"])
        nwarn = len(t["findings"]) - nerr
        want = [("n", k + 1), ("s", t["id"]) if t["id"] else ("e", None), ("s", t["title"]), ("s", t["source"]),
                ("s", danish_location(t["location"])), ("n", t["years"][0]), ("n", t["years"][-1]),
                num_or(t["payback"]["service"]["printed"], "ikke trykt"), num_or(t["payback"]["service"]["rule"], "ingen"),
                num_or(t["payback"]["total"]["printed"], "ikke trykt"), num_or(t["payback"]["total"]["rule"], "ingen"),
                ("n", nerr), ("n", nwarn), ("s", "i orden" if t["consistent"] else "fejl")]
        got = row_values(office, doc, "Forslag", k + 1, len(TABLE_COLS))
        rep.check(got == want, f"Forslag row {k + 2}: {t['id']} as in the JSON", {"got": got, "want": want})
    rep.check(row_values(office, doc, "Forslag", len(tables) + 1, 2) == [("e", None)] * 2,
              "Forslag: one row per table, no more", "")
    # the paybacks by hand, once more, on the report's own cells: TV03 prints 11, the rule gives 10
    tv03 = next(k for k, t in enumerate(tables) if t["id"] == "TV03")
    rep.check(row_values(office, doc, "Forslag", tv03 + 1, 14)[7:] == [("n", 11), ("n", 10), ("n", 11), ("n", 10),
                                                                        ("n", 2), ("n", 1), ("s", "fejl")],
              "Forslag: TV03 printed 11 / rule 10 on both bases, 2 errors, 1 warning, 'fejl'", "")

    # every finding
    head = row_values(office, doc, "Fund", 0, len(FINDING_COLS))
    rep.check(head == [("s", c) for c in FINDING_COLS], "Fund: the column headings", head)
    r = 1
    for k, t in enumerate(tables):
        for f in t["findings"]:
            want = [("n", k + 1), ("s", t["id"]) if t["id"] else ("e", None), ("s", KIND_DA[f["kind"]]),
                    ("s", "fejl" if f["severity"] == "error" else "advarsel"),
                    ("s", f["row"]) if f["row"] else ("e", None), ("n", f["year"]) if f["year"] else ("e", None),
                    ("n", f["printed"]) if f["printed"] is not None else ("e", None),
                    ("n", f["computed"]) if f["computed"] is not None else ("e", None), ("s", f["message"])]
            got = row_values(office, doc, "Fund", r, len(FINDING_COLS))
            rep.check(got == want, f"Fund row {r + 1}: {t['id']} {f['kind']} as in the JSON", {"got": got, "want": want})
            r += 1
    rep.check(r - 1 == 7 and row_values(office, doc, "Fund", r, 1) == [("e", None)],
              "Fund: the 7 findings of seed 003 (4 errors, 3 warnings), no more", r - 1)

    check_chart(rep, office, doc, tables, calendar=True)
    office.close_doc(doc)
    render(a, rep, work, out)

    # without ids and with different first years (001 starts 2018): years counted from each start
    out2 = os.path.join(work, "rapport-001-003.ods")
    p, d2 = audit(a.socinv, seeds[S001], seeds[S003], extra=("--ods", out2))
    rep.check(p.returncode == 1 and d2 is not None and os.path.exists(out2), "--ods of seeds 001 and 003", p.stderr)
    if d2 is not None and os.path.exists(out2):
        doc = office.open(out2)
        check_chart(rep, office, doc, d2["tables"], calendar=False)
        office.close_doc(doc)

    # never onto an input, however it is named
    target = files["ods"]
    h = digest(target)
    for name in (target, os.path.join(os.path.dirname(target), ".", os.path.basename(target))):
        p = run_socinv(a.socinv, "audit", "--ods", name, target)
        rep.check(p.returncode == 2 and "inputs are never overwritten" in p.stderr,
                  f"--ods {name} (an input) is refused", (p.returncode, p.stderr))
    rep.check(digest(target) == h, "--ods onto an input: the input is unchanged", "")
    p = run_socinv(a.socinv, "audit", "--ods", os.path.join(work, "rapport.xlsx"), seeds[S001])
    rep.check(p.returncode == 2 and "ending in .ods" in p.stderr, "--ods rapport.xlsx is refused (it writes ODF)",
              p.stderr)


def check_chart(rep, office, doc, tables, calendar):
    what = "chart (calendar years)" if calendar else "chart (years from each first year)"
    with office.guard("reading the chart"):
        charts = office.sheet(doc, "Graf").Charts
        rep.check(charts.Count == 1, f"{what}: one chart on Graf", charts.Count)
        if charts.Count != 1:
            return
        chart = charts.getByIndex(0).EmbeddedObject
        diagram = chart.getFirstDiagram()
        cs = diagram.getCoordinateSystems()[0]
        types = cs.getChartTypes()
        rep.check(len(types) == 1 and types[0].ChartType == "com.sun.star.chart2.LineChartType",
                  f"{what}: a line chart", [t.ChartType for t in types])
        series = types[0].getDataSeries()
        title = chart.getTitleObject().getText()[0].getString() if chart.getTitleObject() else ""
        x_title = cs.getAxisByDimension(0, 0).getTitleObject()
        y_title = cs.getAxisByDimension(1, 0).getTitleObject()
        x_title = x_title.getText()[0].getString() if x_title else ""
        y_title = y_title.getText()[0].getString() if y_title else ""
        cats = cs.getAxisByDimension(0, 0).getScaleData().Categories
        cats = list(cats.getValues().getTextualData()) if cats else []
        legend = diagram.getLegend()
        legend_shown = bool(legend) and legend.Show
        lines = []
        for s in series:
            label, values = None, None
            for ls in s.getDataSequences():
                if ls.getValues().Role == "values-y":
                    values = list(ls.getValues().getData())
                    label = "".join(ls.getLabel().getData()) if ls.getLabel() else None
            lines.append((label, values))
    rep.check(title.startswith("Kumuleret økonomisk påvirkning"), f"{what}: its title", title)
    rep.check(legend_shown, f"{what}: a legend", legend_shown)
    rep.check(len(lines) == len(tables), f"{what}: one line per proposal ({len(tables)})", len(lines))
    expect = [cumulative(t) for t in tables]
    width = max(len(c) for c in expect)
    shortest = min(len(t["years"]) for t in tables)
    first = tables[0]["years"][0]
    want_cats = [(str(first + j) if calendar else f"år {j + 1}") + ("*" if j >= shortest else "") for j in range(width)]
    rep.check(cats == want_cats, f"{what}: the x axis is {want_cats[0]}..{want_cats[-1]} (* extrapolated)", cats)
    rep.check(x_title == ("År" if calendar else "År fra forslagets første år") and "1.000 kr." in y_title,
              f"{what}: axis titles", (x_title, y_title))
    for t, want, (label, values) in zip(tables, expect, lines):
        name = t["id"] or t["title"][:24]
        rep.check(label is not None and label.startswith(name.rstrip()), f"{what}: the line of {name} is named so",
                  label)
        # the cells after a line's last point are empty: no value (None, or NaN)
        pts = [v for v in (values or []) if v is not None and v == v]
        rep.check(pts == want and len(values or []) == width,
                  f"{what}: {name} has {len(want)} points, the cumulative net impact", {"got": values, "want": want})
    if calendar:
        # by hand: TV03 cumulative 16.900 after 2029, -4.500 a year: 12.400, 7.900, 3.400, -1.100 (2033: year 10)
        tv03 = next((v for (l, v) in lines if l == "TV03"), [])
        rep.check(tv03[6:11] == [12400, 7900, 3400, -1100, -5600], f"{what}: TV03 crosses zero in 2033 (year 10)",
                  tv03)


def render(a, rep, work, ods):
    """The report as PDF (headless LibreOffice) and PNG (pdftoppm), left for a person to look at."""
    soffice = harness.find_soffice()
    outdir = os.path.join(work, "pdf")
    os.makedirs(outdir, exist_ok=True)
    profile = "file://" + os.path.join(work, "render-profile")
    p = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to",
                        "pdf", "--outdir", outdir, ods], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(ods))[0] + ".pdf")
    if not rep.check(os.path.exists(pdf), "the report renders to PDF", p.stderr):
        return
    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        if os.environ.get("CI", "").lower() == "true":
            rep.check(False, "pdftoppm and pdftotext (poppler-utils) to render the report", "")
        else:
            rep.info("poppler-utils not installed: the report was not rendered to PNG")
        return
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
    chart_pages = [i for i, t in enumerate(pages) if "Kumuleret økonomisk påvirkning" in t]
    rep.check(len(chart_pages) == 1, "the chart is printed on one page", len(chart_pages))
    if not chart_pages:
        return
    text = pages[chart_pages[0]]
    for word in ("TV03", "HA02", "2034*", "År", "1.000 kr."):
        rep.check(word in text, f"the printed chart shows '{word}'", text[:2000])
    os.makedirs(a.out, exist_ok=True)
    base = os.path.join(a.out, "audit-report")
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(chart_pages[0] + 1), "-l", str(chart_pages[0] + 1),
                    "-singlefile", pdf, base + "-chart"], check=False)
    shutil.copyfile(pdf, base + ".pdf")
    rep.check(os.path.exists(base + "-chart.png"), "the chart page as PNG", base)
    rep.info(f"report rendered: {base}.pdf, chart page {base}-chart.png")

if __name__ == "__main__":
    sys.exit(main())
