"""What the socinv end-to-end tests add to the office driver (examples/office.py, shared with
examples/make_examples.py): socinv's names in files, a Report that counts checks, and comparing a
cell's result with an expected value. Everything of examples/office.py is importable from here too.

Only /usr/bin/python3 (Debian's python3-uno) can ``import uno``.
"""

import argparse
import os
import re
import shutil
import sys
import traceback
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "examples"))
from office import (  # noqa: E402,F401  (the driver; tests use it as harness.X)
    ERROR_CODES, ERROR_NAMES, EXTENSION_ID, FR_ERROR, FR_STRING, FR_VALUE, SKIP, HarnessError, Office,
    OfficeDied, XLSX_COMPAT_NAMES, find_soffice, need_office, props, registry_settings, skip_or_fail)

SERVICE = "ORG.SOCINV.CALC.FUNCTIONS"

XCU = os.path.join(REPO, "packaging", "CalcAddIns.xcu")
_compat_names = []


def compat_names():
    """socinv's compatibility names (PAYBACK, NETIMPACT, ...), from packaging/CalcAddIns.xcu."""
    if not _compat_names:
        oor = "{http://openoffice.org/2001/registry}"
        for prop in ET.parse(XCU).iter("prop"):
            if prop.get(oor + "name") == "CompatibilityName":
                _compat_names.extend(v.text for v in prop.findall("value"))
        if not _compat_names:
            raise HarnessError(f"no CompatibilityName in {XCU}")
    return _compat_names


def calls_socinv(formula):
    """Does a formula (any grammar, any case) call a socinv function, under either name it has in
    files: ORG.SOCINV.CALC.FUNCTIONS.PAYBACK( or the compatibility name PAYBACK( (XLSX by 25.2)?"""
    f = formula.upper()
    return SERVICE + "." in f or re.search(r"(?<![\w.])(?:%s)\(" % "|".join(compat_names()), f) is not None


class Report:
    """Counts the checks of one suite and prints one line per failure."""

    def __init__(self, suite):
        self.suite = suite
        self.passed = self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            shown = (detail if isinstance(detail, str) else repr(detail))[:4000]
            print(f"FAIL  {what}\n      {shown}")
        return ok

    def info(self, text):
        print(f"INFO  {text}")

    def done(self):
        print(f"{self.suite}: {self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1


def every(items, pred):
    """all(), but False for no items: a check over an empty list must not pass."""
    items = list(items)
    return bool(items) and all(pred(x) for x in items)


# ---------------------------------------------------------------- comparing
def parse_expected(text):
    """An expected value as written in examples.tsv / a workbook: a number,
    TRUE/FALSE, an error name, or text."""
    t = text.strip()
    if t in ("TRUE", "FALSE"):
        return ("bool", t == "TRUE")
    if t in ERROR_CODES or (t.startswith("Err:") and t[4:].isdigit()):
        return ("error", ERROR_CODES.get(t, int(t[4:]) if t.startswith("Err:") else None))
    try:
        return ("number", float(t))
    except ValueError:
        return ("text", text)


def matches(got, expected, rel=1e-6, abs_tol=1e-9):
    """got: Office.result(); expected: parse_expected(). (ok, description of got)."""
    kind, v, shown = got
    ek, ev = expected
    desc = shown if kind != "number" else f"{v!r} (shown {shown!r})"
    if ek == "error":
        return kind == "error" and v == ev, desc
    if kind == "error":
        return False, desc
    if ek == "bool":
        # a boolean result is the number 1/0, formatted TRUE/FALSE
        return kind == "number" and v == (1.0 if ev else 0.0) and shown == ("TRUE" if ev else "FALSE"), desc
    if ek == "number":
        # within 1e-6 relative, or equal when rounded to 6 significant digits: the
        # examples are written that way (0.29266 for 0.2926603..., 0.345901 for 0.3459013...)
        return kind == "number" and (abs(v - ev) <= max(rel * abs(ev), abs_tol)
                                     or float(f"{v:.6g}") == ev), desc
    return kind == "text" and v == ev, desc


def drop_temp(path):
    """Remove a suite's temp dir, or keep it (and say where) when SOCINV_E2E_KEEP is set."""
    if os.environ.get("SOCINV_E2E_KEEP"):
        print(f"(kept {path})")
    else:
        shutil.rmtree(path, ignore_errors=True)


def need_built(path, what):
    """Exit 77 (skip) / 1 under CI when a build product a suite needs is missing."""
    if not (path and os.path.exists(path)):
        skip_or_fail(f"{what} not built ({path}); run `cmake --build <build>` first")


def office_arguments(description, source_dir, source_help):
    """A suite's command line: what every suite that drives the office with the add-in takes,
    --oxt and --source-dir; the suite adds its own part and options."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--oxt", required=True, help="the built .oxt (<build>/socinv-<version>.oxt)")
    ap.add_argument("--source-dir", default=source_dir, help=source_help)
    return ap


def run_parts(names, run):
    """Run a suite's parts in turn (run(name) -> exit status), each under '=== name': an office that
    died, a harness failure or any other exception fails that part, and the next one still runs.
    Returns the first failing status (0 when every part passed)."""
    rc = 0
    for name in names:
        print(f"=== {name}")
        try:
            r = run(name)
        except OfficeDied as e:
            print(f"FAIL  the office died: {e}")
            r = 1
        except HarnessError as e:
            print(f"FAIL  harness: {e}")
            r = 1
        except Exception:  # noqa: BLE001 (a part's crash is its failure, not the run's end)
            traceback.print_exc()
            r = 1
        rc = rc or r
    return rc
