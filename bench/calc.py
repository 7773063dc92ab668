#!/usr/bin/python3
"""Recalculation time in real Calc: socinv's PAYBACK and NETIMPACT against the
same results from native Calc formulas and from a minimal Python UNO add-in.

A command that prints figures (bench/README.md), never a test. Run it with
Debian's /usr/bin/python3 (python3-uno) after building the .oxt:

    /usr/bin/python3 bench/calc.py --oxt build/socinv-0.1.0.oxt

One headless office (examples/office.py) gets both socinv's .oxt and the
benchmark-only Python add-in (bench/pyaddin/, packed here into a temp dir).
For each size N, one document holds N rows of generated data; each variant's
formulas are filled down the rows (fillAuto, not setFormulaArray), computed
once (loading the add-in, first-call costs) and checked cell by cell against a
reference computed here, then doc.calculateAll() (a hard recalculation of every
formula in the document) is timed several times; the variant's formulas are
cleared before the next one. Data-only documents give the baseline.

PAYBACK rows (A:F, six years; about 40 % pay back inside the table, 35 %
beyond it by extrapolation, 15 % never, 10 % in year 1-2 after a dip):
  socinv        =PAYBACK(A1:F1)
  portfolio     {=PAYBACK(A1:F<N>)} over M1:M<N>: one call for the whole block
  native        helper row G1:L1 of cumulative sums (G1 =A1, H1 =G1+B1, ...) and
                M1 =IFERROR(MATCH(1;(G1:L1<0)*1;0);IF(F1<0;IF(7+INT(L1/-F1)<=100;
                7+INT(L1/-F1);NA());NA()))
                i.e. the first year the cumulative is below zero, else (the last
                year repeating) 6 + floor(C6 / -v6) + 1 up to year 100, else #N/A
  native-1cell  the same in one cell, the cumulative row made by MMULT with an
                upper-triangular constant (no helper cells)
  python        =PYPAYBACK(A1:F1)
The data are whole numbers, so the rule's zero band (1e-9 of the row's scale)
never separates it from the native "< 0" and the division is exact.

NETIMPACT (a 20-row window sliding down the sheet: amounts A:F, areas G, kinds H):
  socinv   =NETIMPACT(A1:F20;G1:G20;H1:H20;"service";3)
  native   =SUMPRODUCT(C1:C20;(H1:H20="V")*(G1:G20="Service")+(H1:H20="I"))
  python   =PYNETIMPACT(A1:F20;G1:G20;H1:H20;"service";3)

Calc runs with the harness's settings: no OpenCL, no threaded group
calculation, so native formulas are interpreted one cell at a time as the
add-in calls are.
"""

import argparse
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "examples"))

import office  # noqa: E402  (examples/office.py: bench/ imports nothing from tests/)
import catalogue  # noqa: E402  (bench/, the script's own folder)

SDK_BIN = "/usr/lib/libreoffice/sdk/bin"
PROGRAM = "/usr/lib/libreoffice/program"
HORIZON = 100
FORMULA_FLAGS = 16 | 1 | 4  # com.sun.star.sheet.CellFlags FORMULA | VALUE | STRING
TO_BOTTOM = 0  # com.sun.star.sheet.FillDirection.TO_BOTTOM (an enum: set below)


# ---------------------------------------------------------------- the Python add-in
def build_python_oxt(tmp):
    """bench/pyaddin packed as an .oxt in tmp (the type library compiled here)."""
    src = os.path.join(HERE, "pyaddin")
    rdb = os.path.join(tmp, "pybench.rdb")
    subprocess.run([os.path.join(SDK_BIN, "unoidl-write"), os.path.join(PROGRAM, "types.rdb"),
                    os.path.join(PROGRAM, "types", "offapi.rdb"), os.path.join(src, "XPyBench.idl"), rdb],
                   check=True)
    oxt = os.path.join(tmp, "socinv-pybench.oxt")
    with zipfile.ZipFile(oxt, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("description.xml", "META-INF/manifest.xml", "pybench.py", "CalcAddIns.xcu"):
            z.write(os.path.join(src, name), name)
        z.write(rdb, "pybench.rdb")
    return oxt


class BenchOffice(office.Office):
    """The harness's office with a second extension (the Python add-in) installed too."""

    def __init__(self, oxt, more_oxts, **kw):
        super().__init__(oxt=oxt, **kw)
        self.more_oxts = more_oxts

    def _install(self):
        super()._install()
        for path in self.more_oxts:
            dst = os.path.join(self.tmp, os.path.basename(path))
            shutil.copyfile(path, dst)
            os.chmod(dst, 0o644)
            self._give(dst)
            rc, out = self._run_unopkg("add", "--suppress-license", dst)
            if rc != 0:
                raise office.HarnessError(f"unopkg add {path} failed (exit {rc}):\n{out}")
        rc, out = self._run_unopkg("list")
        if rc != 0 or any("is registered:" in l and "yes" not in l for l in out.splitlines()):
            raise office.HarnessError("unopkg list shows parts not registered:\n" + out)


# ---------------------------------------------------------------- data and reference results
def payback_rows(n, rng):
    rows = []
    for i in range(n):
        k = rng.random()
        if k < 0.40:  # pays back inside the table
            r = [rng.randint(100, 3000), rng.randint(-500, 2000)] + [rng.randint(-3000, -800) for _ in range(4)]
        elif k < 0.75:  # pays back beyond the table (or, rarely, after year 100: #N/A)
            r = [rng.randint(5000, 20000), rng.randint(2000, 9000)] + [rng.randint(-1500, -200) for _ in range(4)]
        elif k < 0.90:  # never: costs only, or savings that stop
            r = [rng.randint(0, 1000) for _ in range(5)] + [rng.randint(0, 300)]
        else:  # a dip below zero in year 1 or 2, then costs
            r = [rng.randint(-500, -1), rng.randint(-200, 800)] + [rng.randint(0, 900) for _ in range(4)]
        rows.append(tuple(float(v) for v in r))
    return rows


def payback_ref(row):
    """The Copenhagen rule as socinv implements it (defaults), for whole numbers."""
    cum = 0.0
    for k, v in enumerate(row, 1):
        cum += v
        if cum < 0:
            return float(k)
    last = row[-1]
    if last >= 0:
        return None
    year = len(row) + math.floor(cum / -last) + 1
    return float(year) if year <= HORIZON else None


AREAS = ("Service", "Anlæg", "Overførsler", "Efterspørgselsstyret")
WINDOW = 20


def net_rows(n, rng):
    """n + WINDOW - 1 rows: six amounts, an area, a kind."""
    out = []
    for _ in range(n + WINDOW - 1):
        amounts = [float(rng.randint(-900, 900)) for _ in range(6)]
        out.append(tuple(amounts) + (rng.choice(AREAS), "I" if rng.random() < 0.3 else "V"))
    return out


def net_ref(rows, i, col=2):
    total = 0.0
    for r in rows[i:i + WINDOW]:
        area, kind = r[6], r[7]
        if kind == "I" or (kind == "V" and area == "Service"):
            total += r[col]
    return total


# ---------------------------------------------------------------- formulas per variant
ARRAY = "array"  # a variant's key: its one formula is an array formula over column rows 1..n

def payback_variants():
    tri = "|".join(";".join("1" if c >= r else "0" for c in range(6)) for r in range(6))
    beyond = "IF({last}<0;IF(7+INT({cum6}/-{last})<={h};7+INT({cum6}/-{last});NA());NA())"
    return {
        "socinv": {"M1": "=PAYBACK(A1:F1)"},
        # the portfolio form: one array formula over the whole block, one call
        "portfolio": {"M1": "=PAYBACK(A1:F{n})", ARRAY: True},
        "native": {
            "G1": "=A1", "H1": "=G1+B1", "I1": "=H1+C1", "J1": "=I1+D1", "K1": "=J1+E1", "L1": "=K1+F1",
            "M1": "=IFERROR(MATCH(1;(G1:L1<0)*1;0);" + beyond.format(last="F1", cum6="L1", h=HORIZON) + ")",
        },
        "native-1cell": {
            "M1": "=IFERROR(MATCH(1;(MMULT(A1:F1;{" + tri + "})<0)*1;0);"
                  + beyond.format(last="F1", cum6="SUM(A1:F1)", h=HORIZON) + ")",
        },
        "python": {"M1": "=PYPAYBACK(A1:F1)"},
    }


def net_variants():
    w = WINDOW
    return {
        "socinv": {"J1": f'=NETIMPACT(A1:F{w};G1:G{w};H1:H{w};"service";3)'},
        "native": {"J1": f'=SUMPRODUCT(C1:C{w};(H1:H{w}="V")*(G1:G{w}="Service")+(H1:H{w}="I"))'},
        "python": {"J1": f'=PYNETIMPACT(A1:F{w};G1:G{w};H1:H{w};"service";3)'},
    }


# ---------------------------------------------------------------- running
class Bench:
    def __init__(self, office, runs, py_runs):
        self.o = office
        self.runs = runs
        self.py_runs = py_runs
        import uno
        self.to_bottom = uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM")
        self.results = []  # (task, n, variant, times)
        self.reference = None  # catalogue(): the per-cell socinv results of the function at hand

    def fill(self, sheet, formulas, n):
        """Each formula in row 1 of its column, filled down to row n; or, for an
        ARRAY variant, its formula ({n} = the last row) entered over rows 1..n."""
        if formulas.get(ARRAY):
            (addr, f), = ((a, f) for a, f in formulas.items() if a != ARRAY)
            col = addr.rstrip("0123456789")
            sheet.getCellRangeByName(f"{col}1:{col}{n}").setArrayFormula(f.format(n=n))
            return
        for addr, f in formulas.items():
            sheet.getCellRangeByName(addr).setFormula(f)
        cols = sorted(a.rstrip("0123456789") for a in formulas)
        rng = sheet.getCellRangeByName(f"{cols[0]}1:{cols[-1]}{n}")
        rng.fillAuto(self.to_bottom, 1)

    def time_calc(self, doc, runs):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            doc.calculateAll()
            times.append(time.perf_counter() - t0)
        return times

    def check(self, doc, sheet, col, n, expected, label):
        """Every result equals the reference; #N/A exactly where it has None."""
        got = [r[0] for r in sheet.getCellRangeByName(f"{col}1:{col}{n}").getDataArray()]
        bad = [(i + 1, g, e) for i, (g, e) in enumerate(zip(got, expected)) if g != e]
        # getDataArray gives None for any error: count the #N/A ones in Calc itself
        probe = sheet.getCellRangeByName("Z1")
        probe.setFormula(f"=SUMPRODUCT(ISNA({col}1:{col}{n})*1)")
        doc.calculateAll()
        nas = int(probe.getValue())
        probe.setString("")
        want_nas = sum(1 for e in expected if e is None)
        if bad or nas != want_nas:
            ex = "; ".join(f"row {r}: got {g}, expected {e}" for r, g, e in bad[:5])
            raise SystemExit(f"{label}: {len(bad)} results differ from the reference "
                             f"(#N/A {nas}, expected {want_nas}). {ex}")

    def run_task(self, task, n, data_cols, rows, variants, result_col, expected, only):
        doc = self.o.new_spreadsheet()
        sheet = self.o.sheet(doc)
        last = chr(ord("A") + data_cols - 1)
        sheet.getCellRangeByName(f"A1:{last}{len(rows)}").setDataArray(rows)
        self.results.append((task, n, "(data only)", self.time_calc(doc, self.runs)))
        for name, formulas in variants.items():
            if only and name not in only:
                continue
            self.fill(sheet, formulas, n)
            doc.calculateAll()  # first call: add-in loaded, formula groups built
            self.check(doc, sheet, result_col, n, expected, f"{task} {name} N={n}")
            runs = self.py_runs if name == "python" else self.runs
            self.results.append((task, n, name, self.time_calc(doc, runs)))
            cols = sorted(a.rstrip("0123456789") for a in formulas if a != ARRAY)
            sheet.getCellRangeByName(f"{cols[0]}1:{cols[-1]}{n}").clearContents(FORMULA_FLAGS)
            print(f"  {task:9s} N={n:<7d} {name:13s} min {min(self.results[-1][3]):8.3f} s", flush=True)
        self.o.close_doc(doc)

    def payback(self, n, only):
        rows = payback_rows(n, random.Random(20261123 + n))
        self.run_task("PAYBACK", n, 6, rows, payback_variants(), "M", [payback_ref(r) for r in rows], only)

    def netimpact(self, n, only):
        rows = net_rows(n, random.Random(5 + n))
        self.run_task("NETIMPACT", n, 8, rows, net_variants(), "J", [net_ref(rows, i) for i in range(n)], only)

    def agree(self, sheet, col, n, label):
        """The variant's cells equal the first variant's of the same function (the
        per-cell socinv formula): numbers to 1e-9 relative, errors where it has them."""
        got = [r[0] for r in sheet.getCellRangeByName(f"{col}1:{col}{n}").getDataArray()]
        if self.reference is None:
            self.reference = got
            return
        bad = [(i + 1, g, e) for i, (g, e) in enumerate(zip(got, self.reference))
               if not (g == e or (isinstance(g, float) and isinstance(e, float)
                                  and abs(g - e) <= 1e-9 * max(1.0, abs(e))))]
        if bad:
            ex = "; ".join(f"row {r}: got {g!r}, socinv {e!r}" for r, g, e in bad[:5])
            raise SystemExit(f"{label}: {len(bad)} of {n} results differ from socinv's per-cell formula. {ex}")

    def catalogue(self, n, only, names):
        """Every function of catalogue.py over n rows: per cell, portfolio, native."""
        doc = self.o.new_spreadsheet()
        sheet = self.o.sheet(doc)
        rows = catalogue.data_rows(n)
        sheet.getCellRangeByName(f"A1:{catalogue.col_name(len(rows[0]) - 1)}{len(rows)}").setDataArray(rows)
        self.results.append(("(all)", n, "(data only)", self.time_calc(doc, self.runs)))
        for task in names:
            self.reference = None
            for name, formulas in catalogue.variants(task).items():
                if only and name not in only and name != "socinv":
                    continue
                self.fill(sheet, formulas, n)
                doc.calculateAll()
                col = next(a for a in formulas if a != ARRAY).rstrip("0123456789")
                self.agree(sheet, col, n, f"{task} {name} N={n}")
                if not only or name in only:
                    self.results.append((task, n, name, self.time_calc(doc, self.runs)))
                    print(f"  {task:14s} N={n:<7d} {name:13s} min {min(self.results[-1][3]):8.3f} s", flush=True)
                sheet.getCellRangeByName(f"{col}1:{col}{n}").clearContents(FORMULA_FLAGS)
        self.o.close_doc(doc)

    def report(self):
        print()
        print(f"{'function':14s} {'N':>7s} {'variant':13s} {'min s':>8s} {'median s':>9s} {'runs':>4s} "
              f"{'us/cell':>8s}")
        by = {}
        for task, n, name, times in self.results:
            by[(task, n, name)] = min(times)
            print(f"{task:14s} {n:7d} {name:13s} {min(times):8.3f} {statistics.median(times):9.3f} "
                  f"{len(times):4d} {1e6 * min(times) / n:8.2f}")
        print()
        print("ratios of the minimum times (data-only baseline not subtracted):")
        for task, n in sorted({(t, n) for t, n, _, _ in self.results}):
            s = by.get((task, n, "socinv"))
            if s is None:
                continue
            parts = []
            if (task, n, "portfolio") in by:
                parts.append(f"portfolio/socinv = {by[(task, n, 'portfolio')] / s:.2f}")
            for name in ("native", "native-1cell"):
                if (task, n, name) in by:
                    parts.append(f"socinv/{name} = {s / by[(task, n, name)]:.2f}")
            if (task, n, "python") in by:
                parts.append(f"python/socinv = {by[(task, n, 'python')] / s:.1f}")
            print(f"  {task:14s} N={n:<7d} " + "   ".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxt", default=None, help="socinv's .oxt (default: build/socinv-<version>.oxt)")
    ap.add_argument("--sizes", default="10000,100000", help="rows per workbook, comma-separated")
    ap.add_argument("--runs", type=int, default=7, help="timed recalculations per variant")
    ap.add_argument("--py-runs", type=int, default=3, help="timed recalculations of the Python add-in")
    ap.add_argument("--only", default="", help="variants to run, comma-separated (socinv,portfolio,native,native-1cell,python)")
    ap.add_argument("--functions", default="payback,netimpact",
                    help='payback and/or netimpact (with the Python add-in and two native forms); '
                         '"all" or a list such as NPVSOC,BCR: every function of catalogue.py on one sheet')
    args = ap.parse_args()

    oxt = args.oxt
    if not oxt:
        with open(os.path.join(ROOT, "src", "socinv.h")) as f:  # the version as three numbers
            parts = dict(l.split()[1:3] for l in f if l.startswith("#define SOCINV_VERSION_"))
        ver = ".".join(parts[f"SOCINV_VERSION_{p}"] for p in ("MAJOR", "MINOR", "PATCH"))
        oxt = os.path.join(ROOT, "build", f"socinv-{ver}.oxt")
    if not os.path.exists(oxt):
        sys.exit(f"calc.py: {oxt} not found (build it, or pass --oxt)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    only = {s for s in args.only.split(",") if s}
    funcs = [f for f in args.functions.split(",") if f]

    tmp = tempfile.mkdtemp(prefix="socinv-bench-")
    try:
        py_oxt = build_python_oxt(tmp)
        with BenchOffice(oxt, [py_oxt], start_timeout=120, stop_timeout=60) as lo:
            print(f"LibreOffice {lo.config('/org.openoffice.Setup/Product').getByName('ooSetupVersionAboutBox')}, "
                  f"{os.path.basename(oxt)}, sizes {sizes}, {args.runs} runs ({args.py_runs} for Python)",
                  flush=True)
            b = Bench(lo, args.runs, args.py_runs)
            legacy = all(f in ("payback", "netimpact") for f in funcs)
            for n in sizes:
                if not legacy:
                    b.catalogue(n, only, catalogue.names(args.functions))
                    continue
                if "payback" in funcs:
                    b.payback(n, only)
                if "netimpact" in funcs:
                    b.netimpact(n, only)
            b.report()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
