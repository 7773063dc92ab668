"""What the example workbooks and the end-to-end tests share, typed once: the seeds' tables
they both enter, and spreadsheet column names. Plain Python (no UNO), so that
tests/e2e/make_workbooks.py can use it too; the scripts here import nothing from tests/ for it.
"""

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
