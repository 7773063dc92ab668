"""What the example workbooks and the end-to-end tests share: the seeds' tables they enter, read
once from the seeds' own text in tests/data/seeds/ (read as data: seed 001's table, seed 002's
overview, seed 003's cases, Herning's caps; seed 003's proposals as a portfolio through
`socinv audit --json`), and spreadsheet column names. Plain Python (no UNO), so that
tests/e2e/make_workbooks.py can use it too; the scripts here import nothing from tests/.
"""

import json
import os
import re
import subprocess
from collections import namedtuple

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "seeds")
SEED000 = os.path.join(SEEDS, "000_90cb8c5d9aac0eed.txt")
SEED001 = os.path.join(SEEDS, "001_24239eb3fbd11930.txt")
SEED002 = os.path.join(SEEDS, "002_6728b2f27c8e9431.txt")
SEED003 = os.path.join(SEEDS, "003_41e023f3ba919440.txt")


def _cell(text):
    """One cell of a seed's tab-separated table: an amount as printed ('-1.257' -> -1257, Danish
    thousands dots and decimal comma), '-' (nil) kept, '' -> None, any other text with its <i> tags
    removed."""
    t = re.sub(r"</?i>", "", text.strip())
    if t == "":
        return None
    if re.fullmatch(r"-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?", t):
        v = float(t.replace(".", "").replace(",", "."))
        return int(v) if v.is_integer() else v
    return t


def seed_table(path, header, after=""):
    """The tab-separated table of a seed's text that starts with the first line beginning `header`
    (after the first line that the regular expression `after` matches), up to the first blank line
    that no payback row follows: a list of rows, each a list of cells (_cell), padded to the header's width."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    begin = next((i for i, line in enumerate(lines) if re.match(after, line)), len(lines))
    start = next((i for i in range(begin, len(lines)) if lines[i].startswith(header) and "\t" in lines[i]), None)
    if start is None:
        raise ValueError(f"{path}: no table '{header}' after a line matching {after!r}")
    rows = []
    for i in range(start, len(lines)):
        if not lines[i].strip():
            # a printed payback row may stand after one blank line (seed 003's HA02)
            following = lines[i + 1].split("\t") if i + 1 < len(lines) else [""]
            if following[0].startswith("Tilbagebetalingstid") and len(following) > 1 and following[1].strip():
                continue
            break
        rows.append([_cell(c) for c in lines[i].split("\t")])
    width = len(rows[0])
    return [r + [None] * (width - len(r)) for r in rows]


def case_table(rows):
    """A Copenhagen business-case table read by seed_table, without its header and payback rows:
    (label, Styringsområde or "", amounts from the first year with trailing blanks left off, kind);
    kind is "heading" (no amounts), "perm" (a line before 'Samlet varig ændring'), "impl" (a line
    after it), "subtotal" ('Samlet ...'/'Samlede ...') or "total" ('Samlet økonomisk påvirkning')."""
    out, section = [], "perm"
    for label, area, *amounts in rows[1:]:
        if label.startswith("Tilbagebetalingstid"):
            break
        while amounts and amounts[-1] is None:
            amounts.pop()
        if label.startswith("Samlet økonomisk påvirkning"):
            kind = "total"
        elif label.startswith(("Samlet ", "Samlede ")):
            kind = "subtotal"
            section = "impl" if label.startswith("Samlet varig ændring") else section
        else:
            kind = section if amounts else "heading"
        out.append((label, area or "", amounts, kind))
    return out


def case_paybacks(rows):
    """The printed payback rows of a table read by seed_table: (label, value as printed)."""
    return [(r[0], r[1]) for r in rows if r[0].startswith("Tilbagebetalingstid")]


# Seed 001's table 1.1 (Copenhagen pilot, 1.000 kr. 2018 p/l, 2018-2021) as printed; '-' is nil.
# The text breaks one area at a line end, 'Efterspørgselsst yret indsats'.
_SEED001 = seed_table(SEED001, "1.000 kr. 2018 p/l")
SEED001_YEARS = _SEED001[0][2:]
SEED001 = case_table(_SEED001)
SEED001_PAYBACKS = case_paybacks(_SEED001)
# Seed 002's 'Økonomioversigt' (1.000 kr., reductions negative) as printed: the years, the target row,
# the initiatives and the printed 'Netto-udestående' row, each [label, amount 2021 .. 2024].
_SEED002 = seed_table(SEED002, "(1.000 kr.)")
SEED002_YEARS = _SEED002[0][1:]
SEED002_TARGET = _SEED002[1]
SEED002_INITIATIVES = [r for r in _SEED002[3:] if r[0].startswith("• ")]
SEED002_PRINTED = _SEED002[-1]

def _mio(text):
    v = float(text.replace(",", "."))
    return int(v) if v.is_integer() else v


def seed000_sib():
    """Herning's social impact investment (seed 000), read from the agreement's text ('Succeskriterier
    og økonomiske rammer', amounts in mio. kr.): ([(criterion's heading, cap over the period, group
    1 or 2, capitalisable 1 or 0)], [cap per year of group 1, of group 2], the total cap)."""
    with open(SEED000, encoding="utf-8") as f:
        text = f.read()
    start = text.index("Succeskriterier og økonomiske rammer")
    notes = text.index("Øvrige bemærkninger", start)
    frame, notes = text[start:notes], text[notes:]
    heads = re.findall(r"^(\d)\. (.+)$", frame, re.M)
    caps = re.findall(r"Maksimal udbetaling: (\d+(?:,\d+)?) mio\. kr\.", frame)
    groups = re.findall(r"^Succeskriterier ([\d, og]+) kan samlet maksimalt udløse (\d+(?:,\d+)?) mio\. kr\. pr\. år",
                        frame, re.M)
    total = re.search(r"Alle succeskriterier tilsammen kan maksimalt udløse (\d+(?:,\d+)?) mio\. kr\.", notes)
    capitalisable = re.search(r"Succeskriterier ([\d, og]+) kan helt eller delvist kapitaliseres", notes)
    group_of = {int(n): g for g, (members, _) in enumerate(groups, start=1) for n in re.findall(r"\d", members)}
    capit = {int(n) for n in re.findall(r"\d", capitalisable.group(1))}
    if len(heads) != len(caps) or set(group_of) != {int(n) for n, _ in heads}:
        raise ValueError(f"{SEED000}: the criteria, caps and groups do not line up")
    criteria = [(f"{n}. {head}", _mio(cap), group_of[int(n)], int(int(n) in capit))
                for (n, head), cap in zip(heads, caps)]
    return criteria, [_mio(cap) for _, cap in groups], _mio(total.group(1))


def col_name(c):
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def seed003_case(code):
    """Seed 003's business case `code` ('TV04'), from the table after its heading 'TV04(2025) - ...':
    (case_table, case_paybacks)."""
    rows = seed_table(SEED003, "1.000 kr.", after=re.escape(code) + r"\(2025\) [-–] ")
    return case_table(rows), case_paybacks(rows)


# Seed 003's TV03 (2025 p/l; the document prints a payback of 11 years, its rows give 10) and TV04
# (2024 p/l; the printed net row is wrong in 2026-2027: 4.850, 3.950, and it prints '9 år' twice),
# 2024-2029, as case_table gives them
SEED003_TV03, SEED003_TV03_PAYBACKS = seed003_case("TV03")
SEED003_TV04, SEED003_TV04_PAYBACKS = seed003_case("TV04")

# The template's list of areas (Styringsområde) has 'Efterspørgselsstyret' where seed 001 prints
# 'Efterspørgselsstyret indsats' (broken at a line end in the text)
TEMPLATE_AREA = {"Efterspørgselsst yret indsats": "Efterspørgselsstyret"}


def typed_lines(table, kind):
    """The lines of one kind ("perm" or "impl") of a case_table as a person types them into the
    template: (label, Styringsområde from its list, amounts with '-' left blank: None)."""
    return [(label, TEMPLATE_AREA.get(area, area), [None if a == "-" else a for a in amounts])
            for label, area, amounts, k in table if k == kind]


# Seed 001 as the business-case template is filled in (make_examples.py --render, the e2e tests)
SEED001_PERM = typed_lines(SEED001, "perm")
SEED001_IMPL = typed_lines(SEED001, "impl")


# One proposal of seed 003's catalogue as a portfolio row: total and service are the net impact on
# the two bases recomputed from the table's lines (1.000 kr., savings negative), printed the table's
# own 'Samlet økonomisk påvirkning' row (None when it prints none), printed_payback the
# 'Tilbagebetalingstid baseret på Totaløkonomi' it prints (None when none).
Proposal = namedtuple("Proposal", "code title years total service printed printed_payback")


def _catalogue_titles():
    """{code: title} from the table of contents that opens seed 003 ('HA04(2025)<tab>Botilbud og
    akutpladser til borgere med autisme på Linde Allé<tab>Side 16'): the tables' own headings are
    often in capitals."""
    with open(SEED003, encoding="utf-8") as f:
        head = f.read(4000)
    return {m.group(1): m.group(2) for m in re.finditer(r"^([A-Z]{2}\d\d)\(2025\)\s+(.+?)\s+Side \d+$", head, re.M)}


def seed003_portfolio(socinv):
    """Seed 003's proposals in the catalogue's order, read from the seed text by `socinv audit --json`
    (the built command line, path socinv). The audit exits 1 here: it finds TV03 and TV04."""
    run = subprocess.run([socinv, "audit", "--json", SEED003], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"socinv audit --json {SEED003} failed (exit {run.returncode}): {run.stderr}")
    titles = _catalogue_titles()
    out = []
    for t in json.loads(run.stdout)["tables"]:
        net = t["net_impact"]
        out.append(Proposal(t["id"] or "Innovation", titles.get(t["id"], t["title"]), t["years"], net["total"],
                            net["service"], net.get("printed"), t["payback"]["total"]["printed"]))
    return out
