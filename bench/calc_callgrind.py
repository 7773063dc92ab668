#!/usr/bin/python3
"""Instructions per formula cell inside Calc, split into socinv's share and
Calc's: the stable companion of bench/calc.py's seconds.

    /usr/bin/python3 bench/calc_callgrind.py --oxt build/socinv-0.1.0.oxt [--rows 2000]
    /usr/bin/python3 bench/calc_callgrind.py --oxt ... --rows 200 --functions all

The same office as calc.py (socinv's .oxt and the Python add-in), but
soffice.bin runs under valgrind --tool=callgrind, collecting only inside
ScModelObj::calculateAll() and dumping after each call of it. For each variant
the formulas are filled down N rows and calculateAll() runs twice; the second
(steady) run's dump is read with callgrind_annotate:

  total        every instruction of the recalculation, per formula cell
  socinv       inclusive cost of the add-in's dispatcher (addin_dispatch:
               member lookup, argument decoding, the glue and rules, result)
  of which     the glue function and its rules (sv_fn_payback, sv_fn_net_impact, ...)
  Calc+UNO     total - socinv: formula interpreter, ScUnoAddInCall (range to
               Sequence<Sequence<Any>>, Any arguments), core reflection's
               invoke (argument coercion, the object mapped to the uno
               environment), result conversion
  vs trivial   total / (Calc+UNO of the per-cell socinv call): what a do-nothing
               add-in called with the same arguments pays at least
and, for every variant, the self instructions per cell of the 8 busiest shared
objects (libsocinv_addin.so is ours; libpython/libpyuno the Python add-in's).

--functions payback,netimpact (the default) uses calc.py's data and variants
(native, native-1cell, python); --functions all (or a list such as
NPVSOC,BCR) takes every function from catalogue.py: its per-cell form, its
portfolio form where it has one, and a native formula where Calc has one, all
on one sheet of generated data.

Starting LibreOffice under callgrind takes a few minutes.
"""

import argparse
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import calc  # noqa: E402
import catalogue  # noqa: E402

TOGGLE = "ScModelObj::calculateAll()"


class CallgrindOffice(calc.BenchOffice):
    """soffice (and the soffice.bin it starts) under callgrind."""

    dump_instr = False  # --dump-instr=yes: costs per line, for callgrind_annotate --auto=yes

    def _start(self):
        self.cgdir = os.path.join(self.tmp, "callgrind")
        os.makedirs(self.cgdir)
        os.chmod(self.cgdir, 0o777)
        self._give(self.cgdir)
        super()._start()

    def _cmd(self, argv):
        if argv and argv[0] == self.soffice:
            argv = ["valgrind", "--tool=callgrind", "--trace-children=yes",
                    "--collect-atstart=no", f"--toggle-collect={TOGGLE}", f"--dump-after={TOGGLE}",
                    f"--callgrind-out-file={self.cgdir}/cg.%p"] + (["--dump-instr=yes"] if self.dump_instr else []) + argv
        return super()._cmd(argv)

    def dumps(self):
        """Dump files of soffice.bin, in order (cg.<pid>.<n>)."""
        files = [f for f in glob.glob(os.path.join(self.cgdir, "cg.*.*")) if re.search(r"cg\.\d+\.\d+$", f)]
        return sorted(files, key=lambda f: int(f.rsplit(".", 1)[1]))


def annotate(path, inclusive):
    out = subprocess.run(["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}",
                          "--threshold=100", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=True).stdout.decode("utf-8", "replace")
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(2)))
    return rows


def summarize(path, n, ours_too):
    """Per cell: total, socinv's dispatcher (inclusive), the glue (the busiest
    sv_fn_* function, inclusive), and the self cost by object."""
    incl = annotate(path, True)
    total = next(v for v, name in incl if name.startswith("PROGRAM TOTALS"))

    def fn(pattern):
        return max((v for v, name in incl if re.search(pattern, name)), default=0)

    ours = fn(r":addin_dispatch ") if ours_too else 0
    g = fn(r":sv_fn_\w+ ") if ours_too else 0
    return total / n, ours / n, g / n, self_by_object(path)


def self_by_object(path):
    """Self instructions per shared object, read from the dump itself (callgrind's
    format: ob= names an object, a cost line after calls= is a callee's
    inclusive cost and is skipped). The 8 largest."""
    names, by_obj, ob, skip = {}, {}, "?", False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(("ob=", "cob=")):  # a name is defined at its first use, in either
                m = re.match(r"c?ob=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if m and m.group(2):
                    names[m.group(1)] = os.path.basename(m.group(2))
                if line.startswith("ob="):
                    ob = names.get(m.group(1), "?") if m else os.path.basename(line[3:].strip())
            elif line.startswith("calls="):
                skip = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                if skip:
                    skip = False
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    by_obj[ob] = by_obj.get(ob, 0) + int(parts[-1])  # after 1 or 2 positions (--lines)
    return sorted(by_obj.items(), key=lambda kv: -kv[1])[:8]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--only", default="", help="variants (socinv,portfolio,native,native-1cell,python)")
    ap.add_argument("--functions", default="payback,netimpact",
                    help='payback,netimpact (calc.py\'s variants), "all" or a list of functions from catalogue.py')
    ap.add_argument("--save", default=None, help="copy the callgrind dumps read into this directory")
    ap.add_argument("--lines", action="store_true",
                    help="record costs per instruction (callgrind_annotate --auto=yes on the saved dumps)")
    args = ap.parse_args()
    only = {s for s in args.only.split(",") if s}
    n = args.rows
    tmp = tempfile.mkdtemp(prefix="socinv-bench-cg-")
    try:
        py_oxt = calc.build_python_oxt(tmp)
        CallgrindOffice.dump_instr = args.lines
        with CallgrindOffice(args.oxt, [py_oxt], start_timeout=900, stop_timeout=300) as office:
            b = calc.Bench(office, 1, 1)
            plan = []  # (task, variant, dump index of the steady run)
            tasks = []  # (task, data rows, variants); one document per data set
            funcs = [f.strip() for f in args.functions.split(",") if f.strip()]
            legacy = {"payback", "netimpact"}
            if funcs and all(f in legacy for f in funcs):
                if "payback" in funcs:
                    tasks.append([("PAYBACK", calc.payback_rows(n, random.Random(20261123 + n)),
                                   calc.payback_variants())])
                if "netimpact" in funcs:
                    tasks.append([("NETIMPACT", calc.net_rows(n, random.Random(5 + n)), calc.net_variants())])
            else:
                rows = catalogue.data_rows(n)
                tasks.append([(name, rows, catalogue.variants(name)) for name in catalogue.names(args.functions)])
            calls = 0
            for group in tasks:
                doc = office.new_spreadsheet()
                sheet = office.sheet(doc)
                rows = group[0][1]
                last = catalogue.col_name(len(rows[0]) - 1)
                sheet.getCellRangeByName(f"A1:{last}{len(rows)}").setDataArray(rows)
                for task, _rows, variants in group:
                    for name, formulas in variants.items():
                        if only and name not in only:
                            continue
                        b.fill(sheet, formulas, n)
                        doc.calculateAll()  # first run: loading, first calls
                        doc.calculateAll()  # the steady run that is read
                        calls += 2
                        plan.append((task, name, calls))
                        cols = sorted(a.rstrip("0123456789") for a in formulas if a != calc.ARRAY)
                        sheet.getCellRangeByName(f"{cols[0]}1:{cols[-1]}{n}").clearContents(calc.FORMULA_FLAGS)
                        print(f"  {task} {name}: done", flush=True)
                office.close_doc(doc)
            time.sleep(1)
            dumps = office.dumps()
            if len(dumps) < calls:
                sys.exit(f"expected {calls} callgrind dumps, found {len(dumps)}")
            dumps = dumps[-calls:]  # the first dumps may be from before our documents
            print(f"\ninstructions per formula cell, N = {n} (steady calculateAll)")
            print(f"{'function':14s} {'variant':13s} {'total':>10s} {'socinv':>9s} {'glue':>9s} "
                  f"{'Calc+UNO':>10s} {'vs trivial':>9s}")
            details = []
            trivial = {}
            if args.save:
                os.makedirs(args.save, exist_ok=True)
            for task, name, idx in plan:
                if args.save:
                    shutil.copyfile(dumps[idx - 1], os.path.join(args.save, f"{task}-{name}.callgrind"))
                tot, ours, g, objs = summarize(dumps[idx - 1], n, name in ("socinv", "portfolio"))
                if name == "socinv":
                    trivial[task] = tot - ours
                # a trivial add-in call with the same arguments costs at least Calc+UNO
                # of the per-cell socinv variant: everything but our dispatcher
                x = f"{tot / trivial[task]:8.3f}x" if task in trivial else ""
                print(f"{task:14s} {name:13s} {tot:10.0f} {ours:9.0f} {g:9.0f} {tot - ours:10.0f} {x}", flush=True)
                details.append((task, name, objs))
            print("\nself instructions per cell by shared object (top 8)")
            for task, name, objs in details:
                print(f"  {task} {name}: " + ", ".join(f"{o} {v / n:.0f}" for o, v in objs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
