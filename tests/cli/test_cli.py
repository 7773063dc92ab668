#!/usr/bin/env python3
"""The socinv command line on the seeds and on bad input (no LibreOffice needed).

Usage: test_cli.py SOCINV_BINARY SEEDS_DIR
Expected values are the seeds' printed tables and the Copenhagen rule worked out
in tests/unit/test_payback.c and tests/unit/test_casetable.c.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOCINV = SEEDS = None


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run(*args, expect=None):
    p = subprocess.run([SOCINV, *args], capture_output=True, text=True, timeout=60)
    if expect is not None and p.returncode != expect:
        raise AssertionError(f"socinv {' '.join(args)} exited {p.returncode}, expected {expect}\n"
                             f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def audit_json(*paths, expect):
    p = run("audit", "--json", *paths, expect=expect)
    return json.loads(p.stdout)


def seed(name):
    return os.path.join(SEEDS, name)


S001 = "001_24239eb3fbd11930.txt"
S003 = "003_41e023f3ba919440.txt"

# A small Copenhagen table: investment 1.511 in 2018, savings after; payback 3 on
# both bases (cumulative 1511, 381, -1170) -- seed 001's net row.
TABLE_DA = (
    "1.000 kr. 2018 p/l;Styringsområde;2018;2019;2020;2021\n"
    "Varige ændringer;;;;;\n"
    "Besparelse;Service;0;-1.002;-1.127;\n"
    "Beskæftigelseseffekt;Overførsler;-;-215;-504;-504\n"
    "Samlet varig ændring;;0;-1.217;-1.631;-504\n"
    "Implementeringsomkostninger;;;;;\n"
    "Opstart;Service;1.511;87;80;0\n"
    "Samlede implementeringsomkostninger;;1.511;87;80;0\n"
    "Samlet økonomisk påvirkning;;1.511;-1.130;-1.551;-504\n"
    "Tilbagebetalingstid baseret på serviceeffektivisering;3 år;;;;\n"
    "Tilbagebetalingstid baseret på totaløkonomi;3 år;;;;\n"
)


class Seeds(unittest.TestCase):
    def test_001_consistent(self):
        d = audit_json(seed(S001), expect=0)
        self.assertEqual(len(d["tables"]), 1)
        t = d["tables"][0]
        self.assertIsNone(t["id"])
        self.assertTrue(t["title"].startswith("Pilotprojekt vedr. helhedsorienteret"))
        self.assertEqual(t["location"], "line 22")
        self.assertEqual(t["years"], [2018, 2019, 2020, 2021])
        self.assertEqual(t["payback"], {"service": {"printed": 3, "rule": 3}, "total": {"printed": 3, "rule": 3}})
        self.assertEqual(t["findings"], [])
        # service basis: 1511, -1002+87, -1127+80, 0
        self.assertEqual(t["net_impact"]["service"], [1511, -915, -1047, 0])
        self.assertEqual(t["net_impact"]["total"], [1511, -1130, -1551, -504])

    def test_003_bundle(self):
        d = audit_json(seed(S003), expect=1)
        ids = [t["id"] for t in d["tables"]]
        self.assertEqual(ids, ["HA02", "HA03", "HA04", "HA05", "HA06", "UD01", "HJ01", "BU01", "BU02", "BU03",
                               "TV01", "TV03", "TV04", None])
        by = {t["id"]: t for t in d["tables"]}
        # consistent: all but TV03 (payback) and TV04 (net impact)
        for i, t in by.items():
            self.assertEqual(t["consistent"], i not in ("TV03", "TV04"), i)
        printed = {"HA02": 4, "HA03": 6, "HA04": 5, "HA05": 5, "HA06": 6, "UD01": 3, "HJ01": 2, "BU01": 4,
                   "BU02": 6, "BU03": 6, "TV01": 2, "TV03": 11, "TV04": 9}
        for i, years in printed.items():
            for basis in ("service", "total"):
                self.assertEqual(by[i]["payback"][basis]["printed"], years, (i, basis))
                rule = 10 if i == "TV03" else years  # TV03: 16900 - 4500 j < 0 at j = 4 -> 10
                self.assertEqual(by[i]["payback"][basis]["rule"], rule, (i, basis))
        tv04 = [f for f in by["TV04"]["findings"] if f["severity"] == "error"]
        self.assertEqual([(f["kind"], f["row"], f["year"], f["printed"], f["computed"]) for f in tv04],
                         [("net", "Samlet økonomisk påvirkning", 2026, 4850, 3750),
                          ("net", "Samlet økonomisk påvirkning", 2027, 3950, 1750)])
        tv03 = [f for f in by["TV03"]["findings"] if f["severity"] == "error"]
        self.assertEqual([(f["kind"], f["printed"], f["computed"]) for f in tv03],
                         [("payback", 11, 10), ("payback", 11, 10)])
        ha06 = by["HA06"]["findings"]
        self.assertEqual([(f["kind"], f["severity"], f["row"], f["year"], f["printed"], f["computed"]) for f in ha06],
                         [("area", "warning", "Samlet varig ændring, service", 2027, -1750, -1800)])
        innovation = by[None]
        self.assertTrue(innovation["title"].startswith("Afprøvning af kunstig intelligens"))
        self.assertEqual(innovation["payback"], {"service": {"printed": None, "rule": None},
                                                 "total": {"printed": None, "rule": None}})
        self.assertEqual(d["summary"], {"tables": 14, "consistent": 12, "errors": 4, "warnings": 3})

    def test_report_in_danish(self):
        p = run("audit", seed(S003), expect=1)
        self.assertIn("Samlet økonomisk påvirkning 2026: trykt 4.850, beregnet 3.750", p.stdout)
        self.assertIn("I alt: 14 tabeller i 1 fil: 12 i orden, 2 med fejl (4 fejl, 3 advarsler).", p.stdout)
        p = run("audit", "--lang", "en", seed(S003), expect=1)
        self.assertIn("Samlet økonomisk påvirkning 2026: printed 4,850, computed 3,750", p.stdout)

    def test_missing_input_others_still_audited(self):
        d = audit_json(seed(S001), "/nonexistent/bundle.txt", expect=2)
        self.assertEqual(len(d["tables"]), 1)
        self.assertEqual(d["unreadable"], [{"source": "/nonexistent/bundle.txt", "error": "no such file"}])

    def test_inputs_never_modified(self):
        paths = [seed(S001), seed(S003)]
        before = [digest(p) for p in paths]
        run("audit", *paths, expect=1)
        run("show", *paths, expect=0)
        self.assertEqual(before, [digest(p) for p in paths])


class Inputs(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def file(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def test_csv_danish(self):
        d = audit_json(self.file("case.csv", TABLE_DA), expect=0)
        t = d["tables"][0]
        self.assertEqual(t["net_impact"]["total"], [1511, -1130, -1551, -504])
        self.assertEqual(t["payback"]["total"], {"printed": 3, "rule": 3})

    def test_csv_plain_numbers(self):
        # comma-separated, quoted labels with commas, plain decimals
        text = ('"1.000 kr.",Styringsområde,2024,2025,2026\n'
                'Implementeringsomkostninger,,,,\n'
                '"Kurser, personale",Service,100.5,,\n'
                'Varige ændringer,,,,\n'
                'Besparelse,Service,,-60.25,-60.25\n'
                '"Samlet økonomisk påvirkning",,100.5,-60.25,-60.25\n')
        d = audit_json("--numbers", "plain", self.file("plain.csv", text), expect=0)
        t = d["tables"][0]
        self.assertEqual(t["net_impact"]["printed"], [100.5, -60.25, -60.25])
        # cumulative 100.5, 40.25, -20 -> 3
        self.assertEqual(t["payback"]["total"]["rule"], 3)

    def test_cp1252_csv(self):
        d = audit_json(self.file("excel.csv", TABLE_DA.encode("cp1252")), expect=0)
        self.assertEqual(d["tables"][0]["payback"]["total"]["rule"], 3)

    def test_empty_file(self):
        p = run("audit", self.file("empty.txt", b""), expect=2)
        self.assertIn("the file is empty", p.stderr)

    def test_binary_file(self):
        p = run("audit", self.file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), expect=2)
        self.assertIn("not a text file", p.stderr)

    def test_directory_is_not_a_file(self):
        p = run("audit", self.dir.name, expect=2)
        self.assertIn("not a regular file", p.stderr)

    def test_truncated_table(self):
        cut = "".join(TABLE_DA.splitlines(keepends=True)[:4])
        d = audit_json(self.file("cut.csv", cut), expect=0)
        t = d["tables"][0]
        # no net line, no paybacks printed; the lines give 0, -1217, -1631, -504: never pays back... it does:
        # cumulative 0, -1217 -> below zero in year 2
        self.assertEqual(t["payback"]["total"], {"printed": None, "rule": 2})

    def test_text_in_number_cells(self):
        text = TABLE_DA.replace("0;-1.002;-1.127;", "0;ukendt;-1.127;")
        d = audit_json(self.file("text.csv", text), expect=1)
        kinds = [(f["kind"], f["severity"]) for f in d["tables"][0]["findings"]]
        self.assertIn(("layout", "warning"), kinds)  # read as blank, said so
        # the blank changes the permanent subtotal for 2019: printed -1217, lines give -215
        self.assertIn(("subtotal", "error"), kinds)

    def test_duplicated_year(self):
        text = TABLE_DA.replace(";2018;2019;2020;2021", ";2018;2019;2019;2021")
        d = audit_json(self.file("dup.csv", text), expect=1)
        notes = [f["note"] for f in d["tables"][0]["findings"] if f["kind"] == "layout"]
        self.assertIn("årskolonnerne gentager eller springer et år over", notes)
        self.assertEqual(d["tables"][0]["years"], [2018, 2019, 2019, 2021])

    def test_missing_year(self):
        text = TABLE_DA.replace(";2018;2019;2020;2021", ";2018;2019;2021;2022")
        d = audit_json(self.file("gap.csv", text), expect=1)
        self.assertEqual(d["tables"][0]["years"], [2018, 2019, 2021, 2022])  # as printed
        errors = [f for f in d["tables"][0]["findings"] if f["severity"] == "error"]
        self.assertEqual([f["kind"] for f in errors], ["layout"])

    def test_thirty_years(self):
        years = ";".join(str(y) for y in range(2024, 2054))
        rows = ["1.000 kr.;Styringsområde;" + years, "Implementeringsomkostninger",
                "Bygning;Anlæg;2.000" + ";" * 29, "Varige ændringer",
                "Besparelse;Service;;" + ";".join(["-100"] * 29),
                "Samlet økonomisk påvirkning;;2.000;" + ";".join(["-100"] * 29)]
        d = audit_json(self.file("long.csv", "\n".join(rows) + "\n"), expect=0)
        t = d["tables"][0]
        self.assertEqual(len(t["years"]), 30)
        # 2000 - 100 k < 0 first at k = 21 saving years, i.e. year 22
        self.assertEqual(t["payback"]["total"]["rule"], 22)

    def test_no_table(self):
        p = run("audit", self.file("prose.txt", "Referat af mødet.\nIngen tabeller her.\n"), expect=0)
        self.assertIn("0 tabeller", p.stdout)

    def test_unknown_option(self):
        run("audit", "--bogus", seed(S001), expect=2)
        run("audit", expect=2)


class Commands(unittest.TestCase):
    def test_show(self):
        p = run("show", seed(S001), expect=0)
        self.assertIn("Økonomisk påvirkning, service", p.stdout)
        self.assertIn("3 år (brøk 2,25); trykt 3", p.stdout)    # 2 + 381/1551
        self.assertIn("3 år (brøk 2,57); trykt 3", p.stdout)    # service: 2 + 596/1047

    def test_payback(self):
        self.assertEqual(run("payback", "1511", "-1130", "-1551", "-504", expect=0).stdout.strip(), "3")
        self.assertEqual(run("payback", "--method", "1", "1.511", "-1.130", "-1.551", "-504",
                             expect=0).stdout.strip(), "2,245648")
        # TV03: the rule gives 10 (the document prints 11)
        self.assertEqual(run("payback", "700", "9800", "8000", "7400", "-4500", "-4500", expect=0).stdout.strip(), "10")
        self.assertEqual(run("payback", "100", "50", expect=1).stdout.strip(), "ingen tilbagebetaling")
        # discounted at 10 %: 100, 50, 4.55, then -41.3 -> 4
        self.assertEqual(run("payback", "--rate", "0.1", "100", "-55", "-55", expect=0).stdout.strip(), "4")
        run("payback", "abc", expect=2)
        run("payback", expect=2)  # no values: an empty row
        run("payback", "--schedule", "XX2000", "1", "-2", expect=2)


    def test_payback_method3(self):
        # cumulative 100, 40, 0: zero at the last year counts under method 3:
        # 2 + 40 / (40 - 0) = 3; method 1 needs below zero and the table ends at 0
        self.assertEqual(run("payback", "--method", "3", "--no-extrapolate", "100", "-60", "-40",
                             expect=0).stdout.strip(), "3")
        self.assertEqual(run("payback", "--method", "1", "--no-extrapolate", "100", "-60", "-40",
                             expect=1).stdout.strip(), "ingen tilbagebetaling")
        # cumulative 100, 0, 50, -50: method 3 at year 2 (1 + 100/100), method 1 at 3 + 50/100
        self.assertEqual(run("payback", "--method", "3", "100", "-100", "50", "-100", expect=0).stdout.strip(), "2")
        self.assertEqual(run("payback", "--lang", "en", "--method", "1", "100", "-100", "50", "-100",
                             expect=0).stdout.strip(), "3.5")

    def test_payback_option_numbers(self):
        # what PAYBACK in Calc rejects, in the library's words: a fraction or a number
        # outside the range is Err:502 there ("outside its allowed range"), text #VALUE!
        # ("wrong type"); these used to act as method 1 and horizon 5
        for args, words in ((("--method", "1.5"), "outside its allowed range"),
                            (("--method", "4"), "outside its allowed range"),
                            (("--method", "1abc"), "wrong type"),
                            (("--horizon", "5x"), "wrong type"),
                            (("--horizon", "0"), "outside its allowed range"),
                            (("--horizon", ""), "wrong type"),
                            (("--sign", "0"), "not one the function knows"),
                            (("--rate", "0.1x"), "wrong type")):
            p = run("payback", *args, "1", "-2", expect=2)
            self.assertIn(args[0] + " " + args[1] + ": ", p.stderr, args)
            self.assertIn(words, p.stderr, args)
        p = run("payback", "--tolerance", "0.5x", "1", "-2", expect=2)
        self.assertIn("--tolerance takes a number", p.stderr)
        # "--horizon 5": 999 - j < 0 first at j = 1000, beyond 5 -> no payback
        self.assertEqual(run("payback", "--horizon", "5", "999", "-1", expect=1).stdout.strip(),
                         "ingen tilbagebetaling")
        # "--" ends the options: "--final" after it is not an option but text, so an error
        self.assertEqual(run("payback", "--", "-5", "3", expect=0).stdout.strip(), "1")
        run("payback", "--", "--final", "1", "-2", expect=2)
        # common options after "--" are values too: "--lang" is not a number
        run("payback", "--", "--lang", "en", expect=2)


if __name__ == "__main__":
    SOCINV, SEEDS = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
