"""What the example workbooks and the end-to-end tests share, typed once: the seeds' tables
they both enter, and spreadsheet column names; seed 003's proposals as a portfolio are read from
the seed's own text (through `socinv audit --json`). Plain Python (no UNO), so that
tests/e2e/make_workbooks.py can use it too; the scripts here import nothing from tests/ for it.
"""

import json
import os
import re
import subprocess
from collections import namedtuple

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "seeds")
SEED003 = os.path.join(SEEDS, "003_41e023f3ba919440.txt")

# Seed 001 (Copenhagen pilot, 1.000 kr. 2018 p/l) as the business-case template is filled in:
# (line, Styringsområde, amounts from 2018; None = left blank)
SEED001_PERM = [
    ("Besparelse sfa. integrerede ydelser - SOF", "Service", [0, -1002, -1127]),
    ("Besparelse sfa. integrerede ydelser – BIF", "Efterspørgselsstyret", [0, 0, 0]),
    ("Beskæftigelseeffekt – færre på forsørgelsesydelse – BIF", "Overførsler", [None, -215, -504, -504]),
]
SEED001_IMPL = [
    ("Opstart af makkerpar (BIF, SOF) og ledelse mv.", "Service", [983]),
    ("Opstart af Tværgående team (BUF/SUF)", "Service", [150]),
    ("Opstart/ uddannelse (SOF)", "Service", [378, 87, 80, 0]),
]


def col_name(c):
    """0 -> A, 25 -> Z, 26 -> AA."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


# Seed 003's tables as printed (1.000 kr.; savings negative; amounts from the first year, None =
# blank): (label, Styringsområde or "", amounts, kind); kind is "heading", "perm" (a permanent
# change), "impl" (an implementation cost), "subtotal" or "total".
SEED003_TV03 = [  # 2024-2029, 2025 p/l; the document prints a payback of 11 years, its rows give 10
    ("Varige ændringer (effektiviseringer og drift)", "", [], "heading"),
    ("SOF-BCV sparer på afkortede foranstaltninger som rusmiddelbehandling samt udsættelser", "Service",
     [None, -400, -1000, -1200, -3000, -3000], "perm"),
    ("SOF-BBU sparer på afkortede foranstaltninger", "Service", [None, -400, -1000, -1200, -3000, -3000], "perm"),
    ("BIF - bedre servicerejser og en mere effektiv sagsbehandling", "Service",
     [None, -400, -1000, -1200, -3000, -3000], "perm"),
    ("Varig SOF-BBU driftsudgift til Step Up-medarbejdere", "Service", [None, None, 600, 600, 1500, 1500], "perm"),
    ("Varig SOF-BCV driftsudgift til Step Up-medarbejdere", "Service", [None, None, 600, 600, 1500, 1500], "perm"),
    ("Varig BIF-driftsudgift til fremskudte medarbejdere", "Service", [None, None, 600, 600, 1500, 1500], "perm"),
    ("Samlet varig ændring, service", "Service", [None, -1200, -1200, -1800, -4500, -4500], "subtotal"),
    ("Samlet varig ændring", "Service", [None, -1200, -1200, -1800, -4500, -4500], "subtotal"),
    ("Implementeringsomkostninger (midler fra investeringspuljen)", "", [], "heading"),
    ("Projektledelse BIF", "Service", [350, 700, 700, 700], "impl"),
    ("Projektkoordinering SOF-BCV", "Service", [175, 350, 350, 350], "impl"),
    ("Projektkoordinering SOF-BBU", "Service", [175, 350, 350, 350], "impl"),
    ("Udvikling af step up-medarbejdere BCV", "Service", [None, 2400, 1800, 1800], "impl"),
    ("Udvikling af step up-medarbejdere BBU", "Service", [None, 2400, 1800, 1800], "impl"),
    ("Udvikling af step up-medarbejdere (psykologfaglige konsulenter i BIF)", "Service",
     [None, 1200, 1200, 1200], "impl"),
    ("Udvikling af fremskudte medarbejdere BIF", "Service", [None, 3600, 3000, 3000], "impl"),
    ("Samlede implementeringsomkostninger, service", "Service", [700, 11000, 9200, 9200], "subtotal"),
    ("Samlede implementeringsomkostninger", "Service", [700, 11000, 9200, 9200], "subtotal"),
    ("Samlet økonomisk påvirkning", "", [700, 9800, 8000, 7400, -4500, -4500], "total"),
]
SEED003_TV04 = [  # 2024-2029, 2024 p/l; the printed net row is wrong in 2026-2027 (4.850, 3.950)
    ("Varige ændringer", "", [], "heading"),
    ("SOF sparer på forebyggelse af behovet for Behandlings- og Specialundervisningstilbudsløb", "Service",
     [None, -1000, -1850, -2600, -4450, -4450], "perm"),
    ("BUF sparer på forebyggelse af behovet for Behandlings- og Specialundervisningstilbudsløb", "Service",
     [None, -900, -1700, -2400, -3950, -3950], "perm"),
    ("5 daginstitutionssocialrådgivere", "Service", [None, None, 550, 1100, 2750, 2750], "perm"),
    ("5 til tværfaglige support", "Service", [None, None, 550, 1100, 2750, 2750], "perm"),
    ("Samlet varig ændring, service SOF", "Service", [None, -1000, -1300, -1500, -1700, -1700], "subtotal"),
    ("Samlet varig ændring, service BUF", "Service", [None, -900, -1150, -1300, -1200, -1200], "subtotal"),
    ("Samlet varig ændring", "", [None, -1900, -2450, -2800, -2900, -2900], "subtotal"),
    ("Projektledelse SOF", "Service", [175, 350, 350, 350], "impl"),
    ("Projektledelse BUF", "Service", [175, 350, 350, 350], "impl"),
    ("5 Daginstitutionssocialrådgivere (1. del af forslaget)", "Service", [None, 2750, 2200, 1650], "impl"),
    ("5 medarbejdere til den tværfaglige support (1. del af forslaget)", "Service", [None, 2750, 2200, 1650],
     "impl"),
    ("Frikøbsmidler i udvalgte områder til at udvikle fælles indsats (2. del af forslaget)", "Service",
     [None, 1650, 1100, 550], "impl"),
    ("Samlede implementeringsomkostninger, service (SOF)", "Service", [175, 4200, 3100, 2275], "subtotal"),
    ("Samlede implementeringsomkostninger, service (BUF)", "Service", [175, 3650, 3100, 2275], "subtotal"),
    ("Samlede implementeringsomkostninger", "", [350, 7850, 6200, 4550], "subtotal"),
    ("Samlet økonomisk påvirkning", "", [350, 5950, 4850, 3950, -2900, -2900], "total"),
]


def typed_lines(table, kind):
    """The lines of one kind ("perm" or "impl") as a person types them into the template:
    (label, Styringsområde, amounts)."""
    return [(label, area, amounts) for label, area, amounts, k in table if k == kind]


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
