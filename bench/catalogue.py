"""Every socinv function once, for the benchmarks in Calc (calc.py --functions all,
calc_callgrind.py --functions all): one sheet of generated data and, per function,
its per-cell formula, its portfolio form (the four functions that have one) and a
native formula that gives the same number where Calc has an equivalent.

Plain Python (no UNO). Formulas are written for row 1 and filled down (relative
references move one row a cell); "{n}" is the last row of a portfolio array
formula. Absolute references ($BA$1:...) point at the fixed tables in rows 1-21.

The data, per row r (n + 19 rows, so NETIMPACT's 20-row window fits):
  A:F   six years of net impact (calc.payback_rows: pays back inside, beyond, never)
  G, H  an area (Service, Anlæg, ...) and a kind (V/I) for NETIMPACT
  I:N   six years of benefits (savings, negative), O:T six years of costs (positive)
  U     an amount, V a share 0-1, W a year 0-35, X a month 1-12
  Y:AD  the printed total of A:F (its own row; one row in 20 misprinted by 1)
  AE:AG three years earned for SIBPAYOUT (0-2 mio.), AH:AM flags 0/1
  AN, AO a p/l year from and to (2015-2024); AU:AZ empty
and fixed tables: AP:AQ (rows 1-10) a p/l index, years and values; AR:AT (rows 1-5,
1-2) Herning's criterion caps, groups and group caps; BA:BH (rows 1-21) seed 003's
table TV03 as printed (for CASECHECK).
"""

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "examples"))

import seed_tables  # noqa: E402

col_name = seed_tables.col_name  # 0 -> A, 26 -> AA

WINDOW = 20  # NETIMPACT's rows per call, as in calc.py
NCOLS = 60   # A .. BH
AREAS = ("Service", "Anlæg", "Overførsler", "Efterspørgselsstyret")


def _payback_row(rng):
    k = rng.random()
    if k < 0.40:
        r = [rng.randint(100, 3000), rng.randint(-500, 2000)] + [rng.randint(-3000, -800) for _ in range(4)]
    elif k < 0.75:
        r = [rng.randint(5000, 20000), rng.randint(2000, 9000)] + [rng.randint(-1500, -200) for _ in range(4)]
    elif k < 0.90:
        r = [rng.randint(0, 1000) for _ in range(5)] + [rng.randint(0, 300)]
    else:
        r = [rng.randint(-500, -1), rng.randint(-200, 800)] + [rng.randint(0, 900) for _ in range(4)]
    return [float(v) for v in r]


def _case_table():
    """Seed 003's TV03 as printed: a heading row with the years, then its lines."""
    rows = [["1.000 kr.", "Styringsområde"] + [float(y) for y in range(2024, 2030)]]
    for label, area, amounts, _kind in seed_tables.SEED003_TV03:
        cells = [float(a) if a is not None else "" for a in amounts] + [""] * (6 - len(amounts))
        rows.append([label, area] + cells)
    return rows


def data_rows(n, seed=20261202):
    """n + WINDOW - 1 rows of NCOLS cells (numbers or text; "" is an empty cell)."""
    rng = random.Random(seed + n)
    case = _case_table()
    pl_years = [float(y) for y in range(2015, 2025)]
    pl_values = [100.0]
    for _ in range(9):
        pl_values.append(round(pl_values[-1] * (1 + rng.uniform(0.01, 0.04)), 2))
    herning = ([5.58, 2.0, 3.0, 1.0, 1.0], [1.0, 1.0, 1.0, 2.0, 2.0], [2.0, 0.66])
    rows = []
    for r in range(n + WINDOW - 1):
        net = _payback_row(rng)
        row = net + [rng.choice(AREAS), "I" if rng.random() < 0.3 else "V"]
        row += [float(rng.randint(-2000, 0)) for _ in range(6)]
        row += [float(rng.randint(100, 3000)) for _ in range(6)]
        row += [float(rng.randint(100, 5000)), rng.randint(0, 100) / 100, float(rng.randint(0, 35)),
                float(rng.randint(1, 12))]
        printed = list(net)
        if rng.random() < 0.05:
            printed[rng.randrange(6)] += 1.0
        row += printed
        row += [rng.randint(0, 200) / 100 for _ in range(3)]
        row += [float(rng.randint(0, 1)) for _ in range(6)]
        row += [float(rng.randint(2015, 2024)), float(rng.randint(2015, 2024))]
        row += [pl_years[r], pl_values[r]] if r < 10 else ["", ""]
        row += [herning[0][r] if r < 5 else "", herning[1][r] if r < 5 else "", herning[2][r] if r < 2 else ""]
        row += ["", "", "", "", "", ""]  # AU:AZ
        row += case[r] if r < len(case) else [""] * 8
        assert len(row) == NCOLS, len(row)
        rows.append(tuple(row))
    return rows


def _npv(cells, rate="0.035"):
    """DK2021's first band (3.5 %) as native NPV with the first value in year 0."""
    first, rest = cells
    return f"{first}+NPV({rate};{rest})"


W = WINDOW
PL = "$AP$1:$AP$10;$AQ$1:$AQ$10"
HERNING = "$AR$1:$AR$5;$AS$1:$AS$5;$AT$1:$AT$2"
BEN, COST = ("I1", "J1:N1"), ("O1", "P1:T1")

# name: {"socinv": per-cell formula, "portfolio": array formula or None, "native": formula or None}
FUNCTIONS = {
    "PAYBACK": {
        "socinv": "=PAYBACK(A1:F1)",
        "portfolio": "=PAYBACK(A1:F{n})",
        "native": "=IFERROR(MATCH(1;(MMULT(A1:F1;{1;1;1;1;1;1|0;1;1;1;1;1|0;0;1;1;1;1|0;0;0;1;1;1|"
                  "0;0;0;0;1;1|0;0;0;0;0;1})<0)*1;0);IF(F1<0;IF(7+INT(SUM(A1:F1)/-F1)<=100;"
                  "7+INT(SUM(A1:F1)/-F1);NA());NA()))",
    },
    "PAYBACKDISC": {"socinv": "=PAYBACKDISC(A1:F1)", "portfolio": "=PAYBACKDISC(A1:F{n})", "native": None},
    "NPVSOC": {"socinv": "=NPVSOC(A1:F1)", "portfolio": "=NPVSOC(A1:F{n})", "native": "=" + _npv(("A1", "B1:F1"))},
    "NETIMPACT": {
        "socinv": f'=NETIMPACT(A1:F{W};G1:G{W};H1:H{W};"service";3)',
        "portfolio": None,
        "native": f'=SUMPRODUCT(C1:C{W};(H1:H{W}="V")*(G1:G{W}="Service")+(H1:H{W}="I"))',
    },
    "TABLECHECK": {
        "socinv": "=TABLECHECK(A1:F1;Y1:AD1;;1)",
        "portfolio": "=TABLECHECK(A1:F{n};Y1:AD{n};;1)",
        "native": "=IFERROR(MATCH(1;(ABS(A1:F1-Y1:AD1)>0.5)*1;0);0)",
    },
    # NETIMPACT given the whole printed table (no kinds), one year: as the business-case
    # template calls it, once per year and basis; the same recogniser as CASECHECK
    "NETIMPACT_TBL": {"socinv": "=NETIMPACT($BA$1:$BH$21;;;;3)", "portfolio": None, "native": None},
    "CASECHECK": {"socinv": "=CASECHECK($BA$1:$BH$21;;1)", "portfolio": None, "native": None},
    "SIBPAYOUT": {"socinv": f"=SIBPAYOUT(AE1:AG5;{HERNING};5.58)", "portfolio": None, "native": None},
    "SIBDECREASE": {"socinv": "=SIBDECREASE(O1:T1;;;3)", "portfolio": None, "native": "=Q1-R1"},
    "REFUNDNET": {"socinv": "=REFUNDNET(U1;V1)", "portfolio": None, "native": "=U1*(1-V1)"},
    "CASEPRICE": {"socinv": "=CASEPRICE(O1:Q1;R1:T1)", "portfolio": None, "native": "=SUM(O1:Q1)/SUM(R1:T1)"},
    "SIBUNCOVERED": {"socinv": "=SIBUNCOVERED(O1:T1;AH1:AM1)", "portfolio": None,
                     "native": "=SUMPRODUCT(O1:T1;1-AH1:AM1)"},
    "TARGETGAP": {"socinv": "=TARGETGAP(I1:N1;A1:F1;FALSE();4)", "portfolio": None, "native": "=L1-D1"},
    "PLFACTOR": {"socinv": f"=PLFACTOR(AN1;AO1;{PL})", "portfolio": None,
                 "native": "=VLOOKUP(AO1;$AP$1:$AQ$10;2;0)/VLOOKUP(AN1;$AP$1:$AQ$10;2;0)"},
    "PLCONVERT": {"socinv": f"=PLCONVERT(U1;AN1;AO1;{PL})", "portfolio": None,
                  "native": "=U1*VLOOKUP(AO1;$AP$1:$AQ$10;2;0)/VLOOKUP(AN1;$AP$1:$AQ$10;2;0)"},
    "PHASEIN": {"socinv": "=PHASEIN(U1;X1)", "portfolio": None, "native": "=U1*(13-X1)/12"},
    "DISCFACTOR": {"socinv": "=DISCFACTOR(W1)", "portfolio": None, "native": "=1.035^-W1"},
    "DISCSCHEDULE": {"socinv": '=ROWS(DISCSCHEDULE("DK2021"))', "portfolio": None, "native": None},
    "BCR": {"socinv": "=BCR(I1:N1;O1:T1)", "portfolio": None,
            "native": f"=-({_npv(BEN)})/({_npv(COST)})"},
    "NETROI": {"socinv": "=NETROI(I1:N1;O1:T1)", "portfolio": None,
               "native": f"=(-({_npv(BEN)})-({_npv(COST)}))/({_npv(COST)})"},
    "SWITCHBENEFITS": {"socinv": "=SWITCHBENEFITS(I1:N1;O1:T1)", "portfolio": None,
                       "native": f"=(-({_npv(BEN)})-({_npv(COST)}))/-({_npv(BEN)})"},
    "IMPACTADJ": {"socinv": "=IMPACTADJ(U1;V1;0.1;0.25;0.1;3)", "portfolio": None,
                  "native": "=U1*(1-V1)*0.9*0.75*0.9^2"},
    "OBUPLIFT": {"socinv": "=OBUPLIFT(U1;0.44;V1)", "portfolio": None, "native": "=U1*(1+0.44*(1-V1))"},
    "SHARE": {"socinv": "=SHARE(U1;{0.5;0.3;0.2};2)", "portfolio": None, "native": "=U1*0.3"},
}


def names(arg):
    """The functions an option names: "all", or a comma-separated list (any case)."""
    if arg.strip().lower() == "all":
        return list(FUNCTIONS)
    want = [s.strip().upper() for s in arg.split(",") if s.strip()]
    unknown = [w for w in want if w not in FUNCTIONS]
    if unknown:
        raise SystemExit(f"unknown function(s): {', '.join(unknown)} (known: {', '.join(FUNCTIONS)})")
    return want


def variants(name, result_col="CA"):
    """calc.Bench-style variants of one function: {variant: {cell: formula[, ARRAY]}}."""
    f = FUNCTIONS[name]
    out = {"socinv": {f"{result_col}1": f["socinv"]}}
    if f["portfolio"]:
        out["portfolio"] = {f"{result_col}1": f["portfolio"], "array": True}
    if f["native"]:
        out["native"] = {f"{result_col}1": f["native"]}
    return out
