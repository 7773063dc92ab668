#!/usr/bin/python3
"""socinv end-to-end tests in a real headless LibreOffice (nothing of Calc is mocked).

    /usr/bin/python3 tests/e2e/run_e2e.py SUITE --oxt <build>/socinv-<v>.oxt \\
        [--examples <build>/addin/examples.tsv] [--source-dir <repo>]

SUITE: harness | examples | wizard | seeds | danish | badinput | roundtrip | all

Each suite installs the .oxt into a throw-away profile, starts one headless
office, runs, and shuts it down (see harness.py). Exit codes: 0 pass, 1 fail,
77 skipped (soffice or the .oxt missing; under CI=true that is a failure).
"""

import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "examples"))

import harness  # noqa: E402  (needs python3-uno: /usr/bin/python3)
import uno  # noqa: E402
from harness import Office, every, matches, parse_expected, SERVICE  # noqa: E402
from seed_tables import SEED003_TV03  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))

CALC_CATEGORY = {"Database": 1, "Date&Time": 2, "Financial": 3, "Information": 4, "Logical": 5,
                 "Mathematical": 6, "Matrix": 7, "Statistical": 8, "Spreadsheet": 9, "Text": 10, "Add-In": 11}


# ---------------------------------------------------------------- metadata from the sources
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_xcu(data):
    """CalcAddIns.xcu -> {service: [function dicts]} with en/da names, descriptions, parameters."""
    root = ET.fromstring(data)
    oor = "{http://openoffice.org/2001/registry}"

    def node(el, name):
        for ch in el:
            if ch.tag == "node" and ch.get(oor + "name") == name:
                return ch
        return None

    def prop(el, name):
        out = {}
        for ch in el:
            if ch.tag == "prop" and ch.get(oor + "name") == name:
                for v in ch.findall("value"):
                    out[v.get(XML_LANG) or ""] = v.text or ""
        return out

    services = {}
    info = node(root, "AddInInfo")
    for svc in info:
        funcs = []
        for fn in node(svc, "AddInFunctions"):
            params = []
            pnode = node(fn, "Parameters")
            for p in (pnode if pnode is not None else []):
                params.append({"node": p.get(oor + "name"), "name": prop(p, "DisplayName"),
                               "desc": prop(p, "Description")})
            funcs.append({"method": fn.get(oor + "name"), "name": prop(fn, "DisplayName"),
                          "desc": prop(fn, "Description"), "category": prop(fn, "Category").get("", ""),
                          "compat": prop(fn, "CompatibilityName"), "params": params})
        services[svc.get(oor + "name")] = funcs
    return services


def read_idl(path):
    """idl/XFunctions.idl -> {method: [(type, name)]}."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    out = {}
    for m in re.finditer(r"\b(?:any|double|string|long|boolean|sequence<[^()]*?>)\s+(\w+)\s*\((.*?)\)\s*(?:raises|;)",
                         text, flags=re.S):
        params = []
        for p in re.finditer(r"\[in\]\s*(.+?)\s+(\w+)\s*(?:,|$)", m.group(2).strip(), flags=re.S):
            params.append((re.sub(r"\s+", " ", p.group(1)), p.group(2)))
        out[m.group(1)] = params
    return out


def read_functions_md(path):
    """FUNCTIONS.md -> {English name: [(arg, optional)]} from the signature lines."""
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^`([A-Z][A-Z0-9.]*)\((.*)\)`\s*$", line.strip())
        if m:
            args = [a.strip() for a in m.group(2).split(";")] if m.group(2).strip() else []
            out[m.group(1)] = [(a.strip("[]"), a.startswith("[")) for a in args]
    return out


# ---------------------------------------------------------------- suites
def suite_examples(a, office):
    """Every line of <build>/addin/examples.tsv evaluated in a new sheet."""
    rep = harness.Report("examples")
    lines = []
    with open(a.examples, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                rep.check(False, f"examples.tsv line {n} is not NAME<TAB>formula<TAB>expected", repr(line))
                continue
            lines.append(parts)
    rep.check(len(lines) > 0, "examples.tsv has examples", a.examples)
    doc = office.new_spreadsheet()
    for i, (name, formula, expected) in enumerate(lines, 1):
        office.set_formula(doc, f"B{i}", formula)
    office.calculate_all(doc)
    names_seen = set()
    for i, (name, formula, expected) in enumerate(lines, 1):
        got = office.result(doc, f"B{i}")
        ok, desc = matches(got, parse_expected(expected))
        # the formula must have resolved to the add-in, not to #NAME? or a built-in
        stored = office.formula(doc, f"B{i}")
        if f"{SERVICE}." not in stored.upper():
            ok, desc = False, f"{desc}; stored formula {stored!r} does not call {SERVICE}.*"
        rep.check(ok, f"{name}: {formula}", f"got {desc}, expected {expected}")
        names_seen.add(name)
    office.close_doc(doc)
    # Every function of the .xcu has at least one example that ran.
    xcu = read_xcu(open(os.path.join(a.source_dir, "packaging", "CalcAddIns.xcu"), "rb").read())
    for svc, funcs in xcu.items():
        for fn in funcs:
            en = fn["name"].get("en-US")
            rep.check(en in names_seen, f"{en} has an example in examples.tsv")
    office.check_alive()
    return rep.done()


def function_descriptions(office):
    fd = office.create("com.sun.star.sheet.FunctionDescriptions")
    out = []
    for i in range(fd.getCount()):
        out.append({p.Name: p.Value for p in fd.getByIndex(i)})
    return out


def builtin_names(office):
    """Every built-in function name Calc knows, in English (API, ODFF, OOXML) and the UI language."""
    from com.sun.star.sheet.FormulaLanguage import ODFF, ENGLISH, NATIVE, XL_ENGLISH, API
    from com.sun.star.sheet.FormulaMapGroup import FUNCTIONS
    mapper = office.create("com.sun.star.sheet.FormulaOpCodeMapper")
    names = set()
    for lang in (ODFF, ENGLISH, NATIVE, XL_ENGLISH, API):
        for entry in mapper.getAvailableMappings(lang, FUNCTIONS):
            if entry.Name:
                names.add(entry.Name.upper())
    return names


def check_descriptions(rep, office, funcs, idl, lang, md=None):
    """FunctionDescriptions shows every socinv function in language lang ('en-US'/'da')."""
    entries = function_descriptions(office)
    by_name = {}
    for e in entries:
        by_name.setdefault(e["Name"], []).append(e)
    for fn in funcs:
        name = fn["name"].get(lang)
        desc = fn["desc"].get(lang)
        where = f"{name} ({fn['method']}, {lang})"
        found = by_name.get(name, [])
        if not rep.check(len(found) == 1, f"{where} is listed once in FunctionDescriptions",
                         f"found {len(found)} entries named {name!r}"):
            continue
        e = found[0]
        rep.check(e["Description"] == desc, f"{where}: description",
                  f"got {e['Description']!r}, expected {desc!r}")
        rep.check(e["Category"] == CALC_CATEGORY.get(fn["category"], 11), f"{where}: category {fn['category']}",
                  f"got category {e['Category']}")
        args = list(e["Arguments"])
        iparams = idl.get(fn["method"], [])
        rep.check(len(args) == len(iparams), f"{where}: {len(iparams)} arguments as in the IDL",
                  f"got {len(args)}: {[x.Name for x in args]}")
        xparams = {p["node"]: p for p in fn["params"]}
        for k, (arg, (ptype, pname)) in enumerate(zip(args, iparams)):
            xp = xparams.get(pname)
            if not rep.check(xp is not None, f"{where}: IDL parameter {pname} has a .xcu node",
                             "Calc matches .xcu parameters to the IDL by name"):
                continue
            ok = (arg.Name == xp["name"].get(lang) and arg.Description == xp["desc"].get(lang)
                  and "###" not in arg.Name + arg.Description and arg.Name.strip() != "")
            rep.check(ok, f"{where}: argument {k + 1} ({pname}) name and description",
                      f"got ({arg.Name!r}, {arg.Description!r}), expected ({xp['name'].get(lang)!r}, "
                      f"{xp['desc'].get(lang)!r})")
            # Calc makes only `any` parameters optional
            rep.check(bool(arg.IsOptional) == (ptype == "any"), f"{where}: argument {pname} optional = {ptype == 'any'}",
                      f"IsOptional={arg.IsOptional}, IDL type {ptype}")
        if md is not None and lang == "en-US":
            sig = md.get(name)
            if rep.check(sig is not None, f"{where}: has a signature in FUNCTIONS.md"):
                rep.check([o for _, o in sig] == [bool(x.IsOptional) for x in args],
                          f"{where}: optional arguments as FUNCTIONS.md brackets them",
                          f"FUNCTIONS.md {sig}, wizard {[(x.Name, bool(x.IsOptional)) for x in args]}")
    return by_name


def suite_wizard(a, office):
    """The Function Wizard's list (FunctionDescriptions) against packaging/CalcAddIns.xcu."""
    rep = harness.Report("wizard")
    xcu_path = os.path.join(a.source_dir, "packaging", "CalcAddIns.xcu")
    xcu_bytes = open(xcu_path, "rb").read()
    with zipfile.ZipFile(a.oxt) as z:
        rep.check(z.read("CalcAddIns.xcu") == xcu_bytes, "the .oxt's CalcAddIns.xcu is packaging/CalcAddIns.xcu",
                  "rebuild the .oxt (cmake --build <build>) or regenerate packaging/ (--target regen)")
    services = read_xcu(xcu_bytes)
    rep.check(list(services) == ["org.socinv.calc.Functions"], "one add-in service org.socinv.calc.Functions",
              f"got {list(services)}")
    funcs = [f for fs in services.values() for f in fs]
    idl = read_idl(os.path.join(a.source_dir, "idl", "XFunctions.idl"))
    md = read_functions_md(os.path.join(a.source_dir, "FUNCTIONS.md"))
    rep.check(len(funcs) > 0 and {f["method"] for f in funcs} == set(idl),
              f"the .xcu's {len(funcs)} functions are the IDL's {len(idl)} methods",
              f"only in .xcu: {sorted({f['method'] for f in funcs} - set(idl))}, "
              f"only in IDL: {sorted(set(idl) - {f['method'] for f in funcs})}")
    for fn in funcs:
        for lang in ("en-US", "da"):
            rep.check(bool(fn["name"].get(lang)) and bool(fn["desc"].get(lang)),
                      f"{fn['method']}: {lang} name and description in the .xcu")
        rep.check(fn["compat"].get("en-US") == fn["name"].get("en-US"),
                  f"{fn['method']}: CompatibilityName (en-US) = English name", repr(fn["compat"]))
    check_descriptions(rep, office, funcs, idl, "en-US", md)
    # No display name collides with a built-in function, in either language.
    builtins = builtin_names(office)
    rep.check(len(builtins) > 300, f"Calc lists {len(builtins)} built-in function names")
    ours = set()
    for fn in funcs:
        for lang in ("en-US", "da"):
            n = fn["name"][lang].upper()
            rep.check(n not in builtins, f"{n} is not a built-in function name")
            rep.check(n not in ours, f"{n} is not used by two socinv functions")
            ours.add(n)
    # ...nor with another add-in's function (Analysis, ...): each English name appears once.
    counts = {}
    for e in function_descriptions(office):
        counts[e["Name"].upper()] = counts.get(e["Name"].upper(), 0) + 1
    for fn in funcs:
        n = fn["name"]["en-US"].upper()
        rep.check(counts.get(n) == 1, f"{n} appears once among all {sum(counts.values())} functions",
                  f"{counts.get(n)} times")
    office.check_alive()
    return rep.done()


def read_checks(office, doc, sheet):
    """The check rows of a seed workbook sheet: (row, label, formula, got, expected, ok)."""
    sh = office.sheet(doc, sheet)
    used = sh.createCursor()
    used.gotoEndOfUsedArea(False)
    last = used.getRangeAddress().EndRow + 1
    rows, start = [], None
    for r in range(1, last + 1):
        if start is None:
            if sh.getCellRangeByName(f"A{r}").getString() == "Check" and \
                    sh.getCellRangeByName(f"D{r}").getString() == "OK":
                start = r
            continue
        label = sh.getCellRangeByName(f"A{r}").getString()
        if not label:
            break
        rows.append((r, label, office.formula(doc, f"B{r}", sheet), office.result(doc, f"B{r}", sheet),
                     office.result(doc, f"C{r}", sheet), office.result(doc, f"D{r}", sheet)))
    return rows


def check_workbook(rep, office, doc, name):
    """Summary cell B2 TRUE on every sheet, and every check row OK (each failing row printed)."""
    office.calculate_all(doc)
    for i in range(doc.Sheets.getCount()):
        sheet = doc.Sheets.getByIndex(i).getName()
        rows = read_checks(office, doc, i)
        if not rep.check(len(rows) > 0, f"{name} [{sheet}]: has check rows"):
            continue
        for r, label, formula, got, exp, ok in rows:
            good = ok[0] == "number" and ok[1] == 1.0
            rep.check(good, f"{name} [{sheet}] row {r}: {label}",
                      f"formula {formula}\n      got {got[2]!r} ({got[0]}), expected {exp[2]!r}; OK cell {ok[2]!r}")
        summary = office.result(doc, "B2", i)
        rep.check(summary[0] == "number" and summary[1] == 1.0 and summary[2] == "TRUE",
                  f"{name} [{sheet}]: summary cell B2 is TRUE", f"got {summary[2]!r}; "
                  f"{sum(1 for x in rows if not (x[5][0] == 'number' and x[5][1] == 1.0))} of {len(rows)} rows fail")
        # the OK cells really compare: break one expected value and the summary must turn FALSE
        numeric = [x for x in rows if x[4][0] == "number"]
        if not rep.check(bool(numeric), f"{name} [{sheet}]: has a numeric check"):
            continue
        r0 = numeric[0][0]
        c = office.cell(doc, f"C{r0}", i)
        keep = c.getValue()
        c.setValue(keep + 12345)
        office.calculate_all(doc)
        broken = office.result(doc, "B2", i)
        rep.check(not (broken[0] == "number" and broken[1] == 1.0),
                  f"{name} [{sheet}]: the summary turns FALSE when an expected value is wrong", f"got {broken[2]!r}")
        c.setValue(keep)
        office.calculate_all(doc)
        rep.check(office.result(doc, "B2", i)[1] == summary[1], f"{name} [{sheet}]: summary restored")
    return rep


def workbooks(a):
    d = os.path.join(HERE, "workbooks")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".fods"))


def suite_seeds(a, office):
    """The seed workbooks (tests/e2e/workbooks/*.fods): summary TRUE, per-row diff on failure;
    then the table memo (check_table_memo)."""
    rep = harness.Report("seeds")
    books = workbooks(a)
    rep.check(len(books) >= 7, f"{len(books)} seed workbooks")
    for path in books:
        name = os.path.basename(path)
        doc = office.open(path)
        check_workbook(rep, office, doc, name)
        office.close_doc(doc)
    check_table_memo(rep, office)
    office.check_alive()
    return rep.done()


def put_tv03(office, doc, top, change=None):
    """Seed 003's TV03 as printed (the header, then its 20 lines) in A:H from row `top`;
    change(line index, label, area, amounts) may alter a line: (label, area, amounts)."""
    rows = [["1.000 kr.", "Styringsområde"] + list(range(2024, 2030))]
    for i, (label, area, amounts, _kind) in enumerate(SEED003_TV03):
        if change:
            label, area, amounts = change(i, label, area, list(amounts))
        rows.append([label, area] + list(amounts) + [None] * (6 - len(amounts)))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None and v != "":
                office.set_value(doc, f"{'ABCDEFGH'[c]}{top + r}", v)


def check_table_memo(rep, office):
    """The table memo (addin/uno_memo.h) hands a call what an earlier call made of the same
    table only: three tables that differ in one cell each, read in turn by NETIMPACT and
    CASECHECK cells, give each its own answer, and a table changed in place between two
    recalculations gives the new one. TV03 (seed_tables.SEED003_TV03), all its lines on Service:
    the net impact is 700, 9 800, ... on both bases (the lines' sums: 350 + 175 + 175 = 700 in
    2024; 9 800 in 2025). B: 'Projektledelse BIF' 450 in 2024, not 350: 800 in 2024. C: the
    first saving (-400 in 2025) on 'Anlæg  ' (seven characters, as 'Service'): the service
    basis leaves it out, 9 800 + 400 = 10 200 in 2025; the total basis keeps 9 800."""
    doc = office.new_spreadsheet()
    put_tv03(office, doc, 1)
    put_tv03(office, doc, 31, lambda i, l, a, v: (l, a, [450] + v[1:] if l == "Projektledelse BIF" else v))
    put_tv03(office, doc, 61, lambda i, l, a, v: (l, "Anlæg  " if i == 1 else a, v))
    tables = {"A": "$A$1:$H$21", "B": "$A$31:$H$51", "C": "$A$61:$H$81"}
    cells = []  # (cell, formula, expected), the three tables in turn, each twice
    for k, (what, args, want) in enumerate([
            ("2024 total", ';;;"total";1', {"A": 700, "B": 800, "C": 700}),
            ("2025 service", ';;;"service";2', {"A": 9800, "B": 9800, "C": 10200}),
            ("2025 total", ';;;"total";2', {"A": 9800, "B": 9800, "C": 9800})]):
        for rep_no in range(2):
            for t in "ABC":
                cells.append((f"K{len(cells) + 1}", f"={SERVICE}.NETIMPACT({tables[t]}{args})", want[t], f"{t} {what}"))
    for c, f, _, _ in cells:
        office.set_formula(doc, c, f)
    office.set_formula(doc, "L1", f"={SERVICE}.CASECHECK({tables['A']};;1)")
    office.set_formula(doc, "L2", f"={SERVICE}.CASECHECK({tables['B']};;1)")
    office.calculate_all(doc)
    for c, f, want, what in cells:
        got = office.result(doc, c)
        rep.check(got[0] == "number" and got[1] == want, f"memo: NETIMPACT of table {what} is {want}", repr(got))
    errors_a, errors_b = office.result(doc, "L1"), office.result(doc, "L2")
    # B's 2024 column no longer adds up: its implementation subtotals and net line (printed 700)
    rep.check(errors_a[0] == errors_b[0] == "number" and errors_b[1] > errors_a[1],
              "memo: CASECHECK finds more errors in B (one amount changed) than in A", f"{errors_a} {errors_b}")
    office.set_value(doc, "C12", 450)  # A's 'Projektledelse BIF' in 2024, now as B's
    office.calculate_all(doc)
    for c, f, want, what in cells:
        if what == "A 2024 total":
            got = office.result(doc, c)
            rep.check(got[0] == "number" and got[1] == 800, "memo: table A changed in place: 2024 is 800 now", repr(got))
    got = office.result(doc, "L1")
    rep.check(got == errors_b, "memo: CASECHECK of A changed in place is B's", f"{got} {errors_b}")
    office.close_doc(doc)


# ---- bad input --------------------------------------------------------------------
# Input cells on the sheet (column: contents):
#   A1 text "abc"   A2 empty   A3 =1/0   A4:A7 1511, -1130, -1551, -504
#   B1:B4 empty (an empty range)
#   C1:C4 1511, -1130, "x", -504 (text inside a range)
#   D1:D4 1511, =1/0, -1551, -504 (an error inside a range)
#   E1:F2 1, 2 / 3, 4 (a 2x2 block)
#   G1:G4 1511, -1130, -1551, -504 and nothing else in column G (for G:G)
#   H1 1E308
BAD_INPUT_CELLS = [
    ("A1", "abc"), ("A3", "=1/0"), ("A4", 1511), ("A5", -1130), ("A6", -1551), ("A7", -504),
    ("C1", 1511), ("C2", -1130), ("C3", "x"), ("C4", -504),
    ("D1", 1511), ("D2", "=1/0"), ("D3", -1551), ("D4", -504),
    ("E1", 1), ("F1", 2), ("E2", 3), ("F2", 4),
    ("G1", 1511), ("G2", -1130), ("G3", -1551), ("G4", -504), ("H1", 1e308),
]

# (formula, expected, why). Expected values are derived from FUNCTIONS.md, the
# error mapping (addin/call.c sv_error_class_of) and the argument decoding in
# addin/call.c and addin/fn_*.c; Calc's own errors from the binary-uno notes, section 5.
BAD_INPUT_CASES = [
    # text where a number is needed
    ("=PAYBACK(A1)", "#VALUE!", "a text cell as the net row: SOCINV_E_TYPE"),
    ("=PAYBACK(C1:C4)", "#VALUE!", "text inside the range: SOCINV_E_TYPE"),
    ('=PAYBACK({1511;"x";-504})', "#VALUE!", "text in an inline array: SOCINV_E_TYPE"),
    ("=PHASEIN(A1;6)", "#VALUE!", "Calc: a text cell passed to a double parameter"),
    ('=PHASEIN("abc";6)', "#VALUE!", "Calc: text passed to a double parameter"),
    ('=NETIMPACT({1;2|3;4};{"Service"|"Service"};{1|"I"})', "#VALUE!", "a number as a row kind: SOCINV_E_TYPE"),
    ('=SIBPAYOUT({1;1};{"x"};{1};{2})', "#VALUE!", "text as a criterion cap: SOCINV_E_TYPE"),
    ('=PAYBACK({1;-2};"x")', "#VALUE!", "text as the method: sv_int reads a number, SOCINV_E_TYPE"),
    # empty cells and empty ranges
    ("=PAYBACK(B1:B4)", "#VALUE!", "an empty range: nothing to compute, SOCINV_E_LENGTH"),
    ("=PAYBACK(A2)", "#N/A", "Calc passes a single-cell reference to a [][]any parameter by value "
                             "(interpr4.cxx, SC_ADDINARG_MIXED_ARRAY, svSingleRef: GetCellValue), so an empty "
                             "cell arrives as {0}; a cumulative of 0 never goes below zero -> no payback"),
    ("=CASECHECK(B1:B4)", "#N/A", "an empty range holds no business-case table (README: #N/A, no table found)"),
    ("=PHASEIN(A2;6)", "0", "Calc passes an empty cell to a double parameter as 0: 0 x 7/12 = 0"),
    ("=PAYBACK(A4:A9)", "3", "blank later years are ignored (FUNCTIONS.md): 1511, -1130, -1551, -504 -> 3"),
    ("=PAYBACK({1511;-1130;-1551;-504};A2)", "3", "an empty cell as an optional argument: the default"),
    ("=PAYBACK({1511;-1130;-1551;-504};0;0;1;A2)", "Err:502",
     "README: Calc passes an empty cell given to an optional argument as 0, not as left out (7.4 and 25.2): "
     "sign 0 is impossible"),
    ("=PAYBACK({1511;-1130;-1551;-504};0;0;1;)", "3", "an empty argument (;;) is left out: sign's default 1"),
    ("=CASEPRICE(B1:B2;B3:B4)", "#VALUE!", "empty ranges: SOCINV_E_LENGTH"),
    # errors in input cells
    ("=PAYBACK(A3)", "#DIV/0!", "Calc passes a single-cell reference by value (GetCellValue), so the "
                                "cell's error propagates; only a multi-cell range with an error gives Err:504"),
    ("=PAYBACK(D1:D4)", "Err:504", "Calc: a range containing an error cell, passed to [][]any"),
    ("=PHASEIN(A3;6)", "#DIV/0!", "Calc: an error passed directly to a double parameter propagates"),
    ("=PHASEIN(1/0;6)", "#DIV/0!", "Calc: an error passed directly propagates"),
    ("=PAYBACK(1/0)", "#DIV/0!", "Calc: an error passed directly propagates"),
    ("=PAYBACK({1511;-1130};A3)", "#DIV/0!", "Calc: an error passed to an optional (any) argument propagates"),
    # results too large / NaN-producing input
    ("=PAYBACK({1E308;1E308})", "#NUM!", "the cumulative overflows: SOCINV_E_OVERFLOW"),
    ("=OBUPLIFT(1E308;1)", "#NUM!", "1E308 x 2 is too large: SOCINV_E_OVERFLOW"),
    ("=NPVSOC({1E308;1E308};-0.5)", "#NUM!", "1E308 + 1E308 x 2: SOCINV_E_OVERFLOW"),
    ("=DISCFACTOR(10000;-0.99)", "#NUM!", "100^10000 is too large: SOCINV_E_OVERFLOW"),
    ('=SIBPAYOUT({1E308;1E308};{""};{1};{""};;{10;10})', "#NUM!", "indexing 1E308 x 10: SOCINV_E_OVERFLOW"),
    ("=PHASEIN(H1;1)", "1E+308", "the full-year effect x 12/12 = 1E308, representable (FUNCTIONS.md: the "
                                 "full-year effect times the months left)"),
    ("=PHASEIN(SQRT(-1);6)", "Err:502", "Calc: an error (Err:502 from SQRT(-1)) passed directly propagates"),
    # full-column range
    ("=PAYBACK(G:G)", "3", "a whole column: trailing blanks are ignored, 1511, -1130, -1551, -504 -> 3"),
    ("=PAYBACK(C:C)", "#VALUE!", "a whole column with text (C3 'x'): SOCINV_E_TYPE"),
    ("=PAYBACK(D:D)", "Err:504", "Calc: a whole column containing an error cell (D2 =1/0)"),
    ("=NPVSOC(G:G;0)", "-1674", "a whole column, undiscounted: 1511 - 1130 - 1551 - 504 = -1674"),
    # mismatched shapes
    ("=PAYBACK(E1:F2)", "#N/A", "a 2x2 block is the portfolio form (issue 13, was SOCINV_E_SHAPE): one "
                                "payback per row; 1, 2 and 3, 4 only rise, so the first cell shows #N/A"),
    ("=TABLECHECK({1;2|3;4};{4;6;8})", "#VALUE!", "printed has 3 years, the rows 2: SOCINV_E_SHAPE"),
    ("=CASEPRICE({300;400};{10;20;30})", "#VALUE!", "costs and cases of different lengths: SOCINV_E_SHAPE"),
    ('=NETIMPACT({1;2|3;4};{"Service"};{"V"|"I"})', "#VALUE!", "one area for two rows: SOCINV_E_SHAPE"),
    ("=SIBPAYOUT({1;1|1;1};{1|1};{1|1};{1};;{1;1;1})", "#VALUE!", "3 index factors for 2 years: SOCINV_E_SHAPE"),
    ("=SIBUNCOVERED({1;2;3};{1;0})", "#VALUE!", "3 payouts, 2 flags: SOCINV_E_SHAPE"),
    # missing required arguments, too many arguments
    ("=PAYBACK()", "Err:504", "Calc: a required argument is missing"),
    ("=TABLECHECK({1;2})", "Err:504", "Calc: the printed row is missing"),
    ("=PHASEIN(-1200)", "Err:504", "Calc: the start month (a double) is missing"),
    ("=SIBPAYOUT({1;1};{1};{1})", "Err:504", "Calc: the group caps are missing"),
    ("=PHASEIN(1;2;3;4)", "Err:504", "Calc: too many arguments"),
    ("=PHASEIN(;6)", "Err:502", "Calc: an empty argument for a double parameter"),
    ("=NETIMPACT({1;2|3;4})", "#N/A", "without kinds the first argument is read as a whole printed table "
                                       "(FUNCTIONS.md); a block of numbers is none: SOCINV_E_NOTABLE -> #N/A"),
    ("=CASECHECK({1;2|3;4})", "#N/A", "no business-case table in the range: SOCINV_E_NOTABLE -> #N/A"),
    # impossible options and parameter values
    ("=PAYBACK({1;-2};7)", "Err:502", "method 7: SOCINV_E_DOMAIN"),
    ("=PAYBACK({1;-2};1.5)", "Err:502", "a fractional method: SOCINV_E_DOMAIN"),
    ("=PAYBACK({1;-2};;2)", "Err:502", "crossing 2: SOCINV_E_DOMAIN"),
    ("=PAYBACK({1;-2};;;;0)", "Err:502", "sign 0: SOCINV_E_OPTION"),
    ("=PAYBACK({1;-2};;;;;0)", "Err:502", "horizon 0: SOCINV_E_DOMAIN"),
    ("=PAYBACK({1;-2};;;;;10001)", "Err:502", "horizon above 10000: SOCINV_E_DOMAIN"),
    ('=PAYBACK({1;-2};;;"maybe")', "Err:502", "extrapolate 'maybe': SOCINV_E_OPTION"),
    ('=DISCFACTOR(2;"XX2099")', "Err:502", "an unknown schedule: SOCINV_E_OPTION"),
    ("=DISCFACTOR(-1)", "Err:502", "a negative year: SOCINV_E_DOMAIN"),
    ("=DISCFACTOR(2;-1)", "Err:502", "a rate of -100 %: SOCINV_E_RATE"),
    ("=DISCFACTOR(2;{1;0.03|1;0.04})", "Err:502", "band start years not increasing: SOCINV_E_DOMAIN"),
    ("=REFUNDNET(1000;1.5)", "Err:502", "a refund share above 1: SOCINV_E_SHARE"),
    ("=PHASEIN(-1200;13)", "Err:502", "start month 13: SOCINV_E_DOMAIN"),
    ("=PHASEIN(-1200;1;13)", "Err:502", "13 months: SOCINV_E_DOMAIN"),
    ('=NETIMPACT({1|2};{"Service"|"Mars"};{"V"|"I"};"service")', "Err:502", "an unknown area: SOCINV_E_AREA"),
    ('=NETIMPACT({1|2};;{"V"|"X"})', "Err:502", "an unknown row kind: SOCINV_E_OPTION"),
    ('=NETIMPACT({1|2};;{"V"|"I"};"nonsense")', "Err:502", "an unknown basis: SOCINV_E_OPTION"),
    ('=NETIMPACT({1|2};;{"V"|"I"};"service")', "Err:502", "the service basis without areas: SOCINV_E_AREA"),
    ('=SIBPAYOUT({1;1};{1};{1};{1};;;"random")', "Err:502", "an unknown allocation: SOCINV_E_OPTION"),
    ('=SIBPAYOUT({1;1};{1};{1};{1};;;;;"nonsense")', "Err:502", "an unknown output: SOCINV_E_OPTION"),
    ("=SIBPAYOUT({1;1};{1};{1};{1};-1)", "Err:502", "a negative total cap: SOCINV_E_DOMAIN"),
    ("=SIBPAYOUT({1;1};{-1};{1};{1})", "Err:502", "a negative criterion cap: SOCINV_E_DOMAIN"),
    ("=SIBPAYOUT({1;1};{1};{1.5};{1})", "Err:502", "a fractional group number: SOCINV_E_DOMAIN"),
    ("=SIBPAYOUT({1;1};{1};{1};{1};;{1;0})", "Err:502", "an index factor of 0: SOCINV_E_INDEX"),
    ('=TARGETGAP({-1;-2};{-1;-2};"maybe")', "Err:502", "carry 'maybe': SOCINV_E_OPTION"),
    ("=TARGETGAP({-1;-2};{-1;-2};;3)", "Err:502", "year 3 of 2: SOCINV_E_DOMAIN"),
    ("=PLFACTOR(2024;2025;{2024;2025};{0;103})", "Err:502", "an index value of 0: SOCINV_E_INDEX"),
    ("=PLFACTOR(2024;2025;{2024;2024};{100;103})", "Err:502", "a repeated year: SOCINV_E_DOMAIN"),
    ("=CASEPRICE({1;2};{0;0})", "Err:502", "no cases to divide by: SOCINV_E_DOMAIN"),
    ("=SHARE(1000;{0.5;0.6})", "Err:502", "shares adding up to 1.1: SOCINV_E_SHARE"),
    ("=BCR({-1;-1};{0;0})", "Err:502", "costs with present value 0: SOCINV_E_DOMAIN"),
    ("=IMPACTADJ(1000;1.2)", "Err:502", "deadweight 120 %: SOCINV_E_SHARE"),
    ("=OBUPLIFT(1000;0.44;2)", "Err:502", "mitigation 200 %: SOCINV_E_SHARE"),
    ("=TABLECHECK({1;2};{1;2};;3)", "Err:502", "output 3: SOCINV_E_DOMAIN"),
    # valid edge cases that must not be errors
    ("=SIBPAYOUT({1;1};{5};{0};{1})", "2", "no criterion in a group (FUNCTIONS.md: 0 or blank = no group): "
                                          "1 + 1 = 2, the cap 5 does not bind"),
    # no result
    ("=PAYBACK({100;50})", "#N/A", "never pays back (FUNCTIONS.md: #N/A, never a made-up number)"),
    ("=PAYBACK({100;-1};;;;;50)", "#N/A", "pays back in year 102, after the horizon 50"),
    ("=PAYBACK({100;-50};;;FALSE())", "#N/A", "within the table the cumulative stays at 50"),
    ("=PLFACTOR(2023;2025;{2024;2025};{100;103})", "#N/A", "2023 is not in the index series: "
                                                           "SOCINV_E_MISSING_YEAR -> #N/A"),
]


def suite_badinput(a, office):
    """Bad input gives its documented Calc error value, and Calc stays alive."""
    rep = harness.Report("badinput")
    doc = office.new_spreadsheet()
    for addr, v in BAD_INPUT_CELLS:
        if isinstance(v, str) and v.startswith("="):
            office.set_formula(doc, addr, v)
        else:
            office.set_value(doc, addr, v)
    base = 20
    for i, (formula, expected, why) in enumerate(BAD_INPUT_CASES):
        addr = f"K{base + i}"
        # one at a time, so a crash names the formula that caused it
        with office.guard(f"evaluating {formula}"):
            office.set_formula(doc, addr, formula)
            office.result(doc, addr)
    office.calculate_all(doc)
    for i, (formula, expected, why) in enumerate(BAD_INPUT_CASES):
        got = office.result(doc, f"K{base + i}")
        ok, desc = matches(got, parse_expected(expected))
        rep.check(ok, f"{formula} -> {expected}", f"got {desc}; {why}")
    # ISERROR / ERRORTYPE see the add-in's errors like any other
    office.set_formula(doc, "L1", "=ERRORTYPE(PAYBACK({1;-2};7))")
    office.set_formula(doc, "L2", "=IFERROR(PAYBACK({100;50});-1)")
    office.calculate_all(doc)
    rep.check(office.value(doc, "L1") == 502, "ERRORTYPE(PAYBACK({1;-2};7)) = 502", office.result(doc, "L1")[2])
    rep.check(office.value(doc, "L2") == -1, "IFERROR(PAYBACK(never);-1) = -1", office.result(doc, "L2")[2])
    office.close_doc(doc)
    try:
        office.check_alive()
        rep.check(True, "the office still answers =1+1 after the bad input")
    except harness.OfficeDied as e:
        rep.check(False, "the office still answers =1+1 after the bad input", str(e))
    return rep.done()


# ---- round trip -------------------------------------------------------------------
ROUNDTRIP = [
    # (cell, formula, array range or None)
    ("A1", "=PAYBACK({1511;-1130;-1551;-504})", None),
    ("A2", "=PAYBACK({1511;-1130;-1551;-504};1)", None),
    ("A3", '=NETIMPACT({0;-1002|0;-215|983;87};{"Service"|"Overførsler"|"Service"};{"V"|"V"|"I"};"service";2)', None),
    ("A4", "=TABLECHECK({0;-1900;-2450;-2800;-2900;-2900|350;7850;6200;4550;0;0};"
           "{350;5950;4850;3950;-2900;-2900})", None),
    ("A5", "=PAYBACK({100;50})", None),
    ("A6", "=SUM(TARGETGAP({-2000;-3000;-5000;-7000};{-2000;-2280;-2280;-2280};TRUE()))", None),
    ("A7", '=SIBPAYOUT({10;10;10|10;10;10|10;10;10|10;10;10|10;10;10};{5.58|2|3|1|1};{1|1|1|2|2};{2|0.66};5.58;;;;"year";1)', None),
    ("A8", '=DISCFACTOR(31;"UK2022")', None),
    ("A9", "=PHASEIN(C1;6)", None),
    ("A10", "=PAYBACK(C2:C5)", None),
    ("A11", "=NPVSOC(C2:C5;0.035;1)", None),
    ("A12", "=PAYBACK({1;-2};7)", None),
    ("A13", "=INDEX(DISCSCHEDULE(\"DK2021\");3;2)", None),
    ("E1", '=NETIMPACT({0;-1002;-1127|0;-215;-504|983;87;80};{"Service"|"Overførsler"|"Service"};{"V"|"V"|"I"})',
     "E1:G1"),
]
ROUNDTRIP_INPUTS = [("C1", -1200), ("C2", 1511), ("C3", -1130), ("C4", -1551), ("C5", -504)]


def snapshot(office, doc, cells):
    return {c: (office.formula(doc, c), office.result(doc, c)) for c in cells}


def same_result(x, y):
    if x[0] != y[0]:
        return False
    if x[0] == "number":
        return abs(x[1] - y[1]) <= 1e-9 * max(1.0, abs(x[1]))
    return x[1] == y[1]


CASE_TABLE = [["1.000 kr.", "Styringsområde", 2024, 2025], ["Implementeringsomkostninger", "", "", ""],
              ["Kurser", "Service", 100, 0], ["Samlet økonomisk påvirkning", "", 100, 0]]  # FUNCTIONS.md


def check_boolean_format(rep, office):
    """README: a BOOLEAN format from a cell style stays while CASECHECK's result changes between
    "" or text and 1 (tried because an older note said Calc 7.4 drops it), and after a reload."""
    doc = office.new_spreadsheet()
    sh = office.sheet(doc)
    for r, row in enumerate(CASE_TABLE):
        for c, v in enumerate(row):
            (sh.getCellByPosition(c + 1, r).setString if isinstance(v, str) else
             sh.getCellByPosition(c + 1, r).setValue)(v)
    office.set_value(doc, "E4", 5)  # printed 5, computed 0: CASECHECK gives a text
    formats = doc.getNumberFormats()
    logical = uno.getConstantByName("com.sun.star.util.NumberFormat.LOGICAL")
    key = formats.getStandardFormat(logical,
                                    uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", ""))
    style = doc.createInstance("com.sun.star.style.CellStyle")
    doc.StyleFamilies.getByName("CellStyles").insertByName("SocinvCheck", style)
    style.NumberFormat = key
    seen = []
    for f in ('=IF(E4=5;"";{S}.CASECHECK(B1:E4))', "={S}.CASECHECK(B1:E4)"):
        cell = office.cell(doc, "A1")
        cell.CellStyle = "SocinvCheck"
        cell.setFormula(f.format(S=SERVICE))
        for e4 in (5, 0, 5, 0):
            office.set_value(doc, "E4", e4)
            office.calculate_all(doc)
            seen.append((e4, cell.getString(), formats.getByKey(cell.NumberFormat).Type & logical != 0))
    back = office.reload(office.store(doc, "ods", "boolean"))
    office.calculate_all(back)
    c = office.cell(back, "A1")
    seen.append(("reloaded", c.getString(), back.getNumberFormats().getByKey(c.NumberFormat).Type & logical != 0))
    rep.check(every(seen, lambda x: x[2]) and every([x for x in seen if x[0] == 0 or x[0] == "reloaded"],
                                                     lambda x: x[1] == "TRUE"),
              f"LibreOffice {office.version()}: a Boolean format from the cell style stays while CASECHECK's "
              "result changes between text and 1 (shows TRUE), and after a reload", repr(seen))
    office.close_doc(back)
    office.close_doc(doc)


def suite_roundtrip(a, office):
    """socinv formulas survive ODS and XLSX: same formulas, same values after reload."""
    rep = harness.Report("roundtrip")
    doc = office.new_spreadsheet()
    for c, v in ROUNDTRIP_INPUTS:
        office.set_value(doc, c, v)
    cells = []
    for c, f, arr in ROUNDTRIP:
        if arr:
            office.set_array_formula(doc, arr, f)
            cells += ["E1", "F1", "G1"]
        else:
            office.set_formula(doc, c, f)
            cells.append(c)
    office.calculate_all(doc)
    before = snapshot(office, doc, cells)
    # sanity: the document computes what the examples say (so the round trip compares real values)
    rep.check(before["A1"][1][1] == 3 and before["A5"][1][2] == "#N/A" and before["A12"][1][1] == 502
              and before["E1"][1][1] == 983 and before["F1"][1][1] == -1130 and before["G1"][1][1] == -1551,
              "the original document computes (PAYBACK 3, #N/A, Err:502, NETIMPACT array 983; -1130; -1551)",
              repr({k: v[1] for k, v in before.items()}))
    for fmt in ("ods", "xlsx"):
        path = office.store(doc, fmt, "roundtrip")
        with zipfile.ZipFile(path) as z:
            part = "content.xml" if fmt == "ods" else "xl/worksheets/sheet1.xml"
            xml = z.read(part).decode("utf-8")
        # XLSX: 7.4 writes the programmatic name, 25.2 the compatibility name (harness.XLSX_COMPAT_NAMES)
        if fmt == "ods":
            marker = "of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK("
        else:
            marker = ">PAYBACK(" if office.xlsx_names_compat() else ">ORG.SOCINV.CALC.FUNCTIONS.PAYBACK("
        rep.check(marker in xml and (fmt == "ods" or not office.xlsx_names_compat() or "ORG.SOCINV" not in xml),
                  f"{fmt}: LibreOffice {office.version()} stores {marker}...", f"not found in {part}")
        back = office.reload(path)
        office.calculate_all(back)
        after = snapshot(office, back, cells)
        for c in cells:
            fb, rb = before[c]
            fa, ra = after[c]
            rep.check(fa == fb, f"{fmt}: {c} formula survives", f"before {fb!r}\n      after  {fa!r}")
            rep.check(same_result(rb, ra), f"{fmt}: {c} same value after reload and recalculation",
                      f"before {rb[2]!r}, after {ra[2]!r} ({fb})")
        office.close_doc(back)
    office.close_doc(doc)
    # Each seed workbook once through XLSX: still all checks OK.
    for path in workbooks(a):
        name = os.path.basename(path)
        src = office.open(path)
        out = office.store(src, "xlsx", os.path.splitext(name)[0])
        office.close_doc(src)
        back = office.reload(out)
        check_workbook(rep, office, back, name + " via XLSX")
        office.close_doc(back)
    check_boolean_format(rep, office)
    office.check_alive()
    return rep.done()


# ---- Danish -------------------------------------------------------------------------
def danish_ui_settings():
    """Settings for a Danish UI. The add-in's xml:lang="da" names are only served when
    'da' is an installed UI language; libreoffice-l10n-da registers it (Langpack-da.xcd).
    Without that package we register it in the test profile, which is enough for the
    configuration layer (the built-in functions then stay English)."""
    langpack = os.path.join(os.path.dirname(harness.find_soffice()), "..", "share", "registry", "Langpack-da.xcd")
    if os.path.exists(langpack):
        return [], True
    node = ('<item oor:path="/org.openoffice.Setup/Office/InstalledLocales"><node oor:name="da" oor:op="replace">'
            '<prop oor:name="Origin"><value>socinv-e2e</value></prop></node></item>')
    return [node], False


DANISH_CASES = [
    # (FormulaLocal as a Danish user types it, expected, the stored API formula, why)
    ("=INDFASNING(-1200;6)", "-700", "=ORG.SOCINV.CALC.FUNCTIONS.PHASEIN(-1200;6)", "FUNCTIONS.md: -1200 x 7/12"),
    ("=INDFASNING(-1200,5;6)", "-700.2916666667", "=ORG.SOCINV.CALC.FUNCTIONS.PHASEIN(-1200.5;6)",
     "decimal comma: -1200.5 x 7/12 = -700.291667"),
    ("=TILBAGEBETALINGSTID({1511.-1130.-1551.-504})", "3",
     "=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK({1511;-1130;-1551;-504})",
     "da-DK inline arrays: '.' between columns, ';' between rows; 001: 3"),
    ("=TILBAGEBETALINGSTID({1511.-1130.-1551.-504};1)", "2.245648", None, "2 + 381/1551"),
    ('=NETTOEFFEKT({0.-1002;0.-215;983.87};{"Service";"Overførsler";"Service"};{"V";"V";"I"};"service";2)', "-915",
     None, "FUNCTIONS.md example, Danish separators and area names"),
    ("=SIB.UDBETALING({10.10.10;10.10.10;10.10.10;10.10.10;10.10.10};{5,58;2;3;1;1};{1;1;1;2;2};{2;0,66};5,58)",
     "5.58", None, "Herning caps typed with decimal commas: the total cap 5,58 binds"),
    ('=SIB.UDBETALING({10.10.10;10.10.10;10.10.10;10.10.10;10.10.10};{5,58;2;3;1;1};{1;1;1;2;2};{2;0,66};5,58;;;;"år";1)',
     "2.66", None, "Danish keyword 'år' for output; 2 + 0,66 in the first year"),
    ('=NETTOUDESTÅENDE({-2000.-3000.-5000.-7000};{-2000.-2280.-2280.-2280};"sand";4)', "-8160", None,
     "002 with carry-over, 'sand' as the Danish TRUE"),
    ("=DISKONTERINGSFAKTOR(2;0,04)", "0.924556", "=ORG.SOCINV.CALC.FUNCTIONS.DISCFACTOR(2;0.04)",
     "1/1,04^2 = 0,924556"),
    ("=TABELKONTROL({0.-1900.-2450.-2800.-2900.-2900;350.7850.6200.4550.0.0};{350.5950.4850.3950.-2900.-2900})",
     "år 3: trykt 4.850, beregnet 3.750", None, "003 TV04: the wrong printed row"),
    ("=EFTER.REFUSION(1000;0,5)", "500", None, "50 % statsrefusion"),
    ("=PL.OMREGN(1000;2025;2024;{2024.2025};{100.103})", "970.873786", None, "1000 x 100/103"),
]


def suite_danish(a, office_factory):
    """Formulas typed as a Danish user types them, in an office with a da-DK locale."""
    rep = harness.Report("danish")
    extra, real_langpack = danish_ui_settings()
    rep.info("Danish UI language from " + ("libreoffice-l10n-da (Langpack-da.xcd)" if real_langpack else
             "the test profile ('da' added to /org.openoffice.Setup/Office/InstalledLocales); "
             "libreoffice-l10n-da is not installed"))
    xcu = read_xcu(open(os.path.join(a.source_dir, "packaging", "CalcAddIns.xcu"), "rb").read())
    funcs = [f for fs in xcu.values() for f in fs]
    idl = read_idl(os.path.join(a.source_dir, "idl", "XFunctions.idl"))

    # 1. locale da-DK (decimal comma, ';' separators) and a Danish UI: Danish names
    with office_factory(locale="da-DK", ui_locale="da", extra_settings=extra) as office:
        cfg = office.config("/org.openoffice.Setup/L10N")
        rep.info(f"ooSetupSystemLocale={cfg.ooSetupSystemLocale!r} ooLocale={cfg.ooLocale!r}")
        doc = office.new_spreadsheet()
        for i, (f, exp, api, why) in enumerate(DANISH_CASES, 1):
            office.set_formula_local(doc, f"A{i}", f)
        office.set_formula(doc, "B1", "=PHASEIN(-1200;6)")           # API English under a Danish UI
        office.set_formula_local(doc, "B2", "=PHASEIN(-1200;6)")     # English name typed in a Danish UI
        office.set_formula_local(doc, "B3", "=SUM(1,5;2)")           # built-in with a decimal comma
        office.calculate_all(doc)
        for i, (f, exp, api, why) in enumerate(DANISH_CASES, 1):
            got = office.result(doc, f"A{i}")
            ok, desc = matches(got, parse_expected(exp))
            rep.check(ok, f"{f} -> {exp}", f"got {desc}; {why}; stored {office.formula(doc, f'A{i}')!r}")
            if api:
                rep.check(office.formula(doc, f"A{i}") == api, f"{f} is stored as {api}",
                          f"got {office.formula(doc, f'A{i}')!r}")
            back = office.formula_local(doc, f"A{i}")
            rep.check(back == f, f"{f} reads back the same as FormulaLocal", f"got {back!r}")
        rep.check(office.result(doc, "B1")[1] == -700, "API English =PHASEIN(-1200;6) works under a Danish UI",
                  repr(office.result(doc, "B1")))
        b2 = office.result(doc, "B2")
        rep.info(f"the English name typed in the Danish UI, =PHASEIN(-1200;6) -> {b2[2]} "
                 "(as for built-in functions, the UI language's names are the ones accepted)")
        rep.check(office.result(doc, "B3")[1] == 3.5, "=SUM(1,5;2) = 3,5: ',' is the decimal separator",
                  repr(office.result(doc, "B3")))
        rep.check(office.string(doc, "B3") == "3,5", "a decimal result shows as 3,5", office.string(doc, "B3"))
        office.close_doc(doc)
        # The Function Wizard shows the Danish names, descriptions and arguments of the .xcu
        check_descriptions(rep, office, funcs, idl, "da")
        office.check_alive()

    # 2. locale da-DK but an English UI: Danish separators, English names
    with office_factory(locale="da-DK", ui_locale="en-US") as office:
        doc = office.new_spreadsheet()
        office.set_formula_local(doc, "A1", "=PHASEIN(-1200,5;6)")
        office.set_formula_local(doc, "A2", "=INDFASNING(-1200;6)")
        office.set_formula_local(doc, "A3", "=PHASEIN(-1200;6)")
        office.set_formula_local(doc, "A4", "=SIBPAYOUT({0,5.0,5.0,5;0,2.0,2.0,2;0,3.0,3.0,3;0,1.0,1.0,1;0,1.0,1.0,1};"
                                            "{5,58;2;3;1;1};{1;1;1;2;2};{2;0,66};5,58)")
        office.calculate_all(doc)
        rep.check(office.result(doc, "A3")[1] == -700, "English UI, da-DK locale: =PHASEIN(-1200;6) -> -700",
                  repr(office.result(doc, "A3")))
        ok, desc = matches(office.result(doc, "A4"), parse_expected("3.6"))
        rep.check(ok, "English UI, da-DK locale: SIBPAYOUT with decimal commas in arrays -> 3,6 "
                      "(FUNCTIONS.md's third example)", desc)
        ok, desc = matches(office.result(doc, "A1"), parse_expected("-700.2916666667"))
        rep.check(ok, "English UI, da-DK locale: =PHASEIN(-1200,5;6) -> -700,291667", desc)
        rep.check(office.result(doc, "A2")[1] == 525,
                  "English UI: the Danish name =INDFASNING(...) is not known (#NAME?)",
                  f"got {office.result(doc, 'A2')[2]} -- the Danish names need the Danish UI language")
        office.close_doc(doc)
    return rep.done()


# ---- the harness itself --------------------------------------------------------------
def _group_processes(pgid):
    """(pid, comm) of the processes in a process group."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            out.append((int(d), comm))
    return out


def suite_harness(a, office_factory):
    """The harness: profile settings, clean shutdown, and a crash is detected and reported."""
    import signal
    import time
    rep = harness.Report("harness")
    office = office_factory()
    with office:
        pgid = office.proc.pid
        load = office.config("/org.openoffice.Office.Calc/Formula/Load")
        rep.check(load.ODFRecalcMode == 0 and load.OOXMLRecalcMode == 0,
                  "the profile recalculates ODF and OOXML on load (recalc mode 0)",
                  f"ODFRecalcMode={load.ODFRecalcMode} OOXMLRecalcMode={load.OOXMLRecalcMode}")
        if a.oxt:
            rep.check("org.socinv.calc" in office.unopkg_list, "unopkg list shows org.socinv.calc registered")
        rep.check(office.check_alive(), "a fresh office answers =1+1")
        tmp = office.tmp
    rep.check(not os.path.exists(tmp), "the temp dir (profile, home, documents) is removed on exit", tmp)
    rep.check(_group_processes(pgid) == [], "no office process is left after a clean exit",
              repr(_group_processes(pgid)))

    # A crash: SIGSEGV to soffice.bin while a test is talking to it.
    office = office_factory()
    died = None
    with office:
        pgid = office.proc.pid
        deadline = time.monotonic() + 10
        bins = []
        while not bins and time.monotonic() < deadline:
            bins = [p for p, c in _group_processes(pgid) if c == "soffice.bin"]
            time.sleep(0.1)
        if rep.check(bool(bins), "soffice.bin runs in the office's process group", repr(_group_processes(pgid))):
            os.kill(bins[0], signal.SIGSEGV)
            try:
                for _ in range(50):
                    office.check_alive()
                    time.sleep(0.1)
            except harness.OfficeDied as e:
                died = str(e)
        tmp = office.tmp
    rep.check(died is not None and "soffice died" in died and "exit code" in died,
              "a crashed office is reported as OfficeDied with its exit code and stderr", repr(died)[:500])
    if died:
        print("      (the report reads: " + " / ".join(died.splitlines()[:4])[:400] + ")")
    rep.check(not os.path.exists(tmp), "the temp dir is removed after a crash too", tmp)
    rep.check(_group_processes(pgid) == [], "no office process is left after a crash",
              repr(_group_processes(pgid)))
    return rep.done()


SUITES = {
    "examples": suite_examples,
    "wizard": suite_wizard,
    "seeds": suite_seeds,
    "badinput": suite_badinput,
    "roundtrip": suite_roundtrip,
}


def run_suite(a, name):
    if name == "danish":
        return suite_danish(a, lambda **kw: Office(oxt=a.oxt, **kw))
    if name == "harness":
        return suite_harness(a, lambda **kw: Office(oxt=a.oxt, **kw))
    with Office(oxt=a.oxt) as office:
        return SUITES[name](a, office)


def main():
    ap = harness.office_arguments(__doc__.split("\n")[0], SOURCE_DIR, "the repository (packaging/, idl/, FUNCTIONS.md)")
    ap.add_argument("suite", choices=sorted(list(SUITES) + ["danish", "harness", "all"]))
    ap.add_argument("--examples", help="<build>/addin/examples.tsv (suite 'examples')")
    a = ap.parse_args()

    harness.need_office(a.oxt)
    if a.suite in ("examples", "all"):
        harness.need_built(a.examples, "examples.tsv")

    names = ["harness", "examples", "wizard", "seeds", "danish", "badinput", "roundtrip"] \
        if a.suite == "all" else [a.suite]
    return harness.run_parts(names, lambda name: run_suite(a, name))


if __name__ == "__main__":
    sys.exit(main())
