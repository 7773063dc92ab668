"""PYPAYBACK and PYNETIMPACT: a minimal Python UNO add-in with socinv's rules,
written only for bench/calc.py (the comparison "socinv vs a Python add-in").

It implements just what the benchmark's rows need, the way a reasonable
Python add-in would: the Copenhagen payback rule (first year the cumulative net
impact is below zero; beyond the table the last year repeats, up to year 100)
and NETIMPACT on the service basis (permanent rows on Service plus every
implementation row) for one year column.
"""
import math

import uno
import unohelper
from org.socinv.bench import XPyBench

IMPL = "org.socinv.bench.PyBenchImpl"
SERVICE = "org.socinv.bench.PyBench"
HORIZON = 100


class PyBench(unohelper.Base, XPyBench):
    def __init__(self, ctx):
        self.ctx = ctx

    def pyPayback(self, net):
        row = [v for r in net for v in r]
        while row and row[-1] == "":
            row.pop()  # trailing empty cells: later years left blank
        values = [0.0 if v == "" else float(v) for v in row]
        if not values:
            return None
        scale = sum(abs(v) for v in values)
        eps = 1e-9 * scale
        cum = 0.0
        for k, v in enumerate(values, 1):
            cum += v
            if cum < -eps:
                return float(k)
        last = values[-1]
        if last >= 0:
            return None  # never pays back: #N/A
        j = math.floor((cum + eps) / -last) + 1
        year = len(values) + j
        return float(year) if year <= HORIZON else None

    def pyNetImpact(self, amounts, areas, kinds, basis, year):
        col = int(year) - 1
        total = 0.0
        for r, row in enumerate(amounts):
            kind = str(kinds[r][0]).strip().upper()
            area = str(areas[r][0]).strip().lower()
            v = row[col]
            v = 0.0 if v == "" else float(v)
            if kind == "I" or (kind == "V" and (basis != "service" or area == "service")):
                total += v
        return total


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(PyBench, IMPL, (SERVICE, "com.sun.star.sheet.AddIn"))
