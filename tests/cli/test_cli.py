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
        self.assertEqual(d["summary"], {"files": 1, "tables": 14, "consistent": 12, "errors": 4, "warnings": 3})
        self.assertEqual(d["without_tables"], [])

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

    def test_fifo_refused_unopened(self):
        # opening a FIFO for reading would wait for a writer forever: it is refused from its
        # mode, before any open; the other input is still audited
        fifo = os.path.join(self.dir.name, "pipe.txt")
        os.mkfifo(fifo)
        p = run("audit", "--json", fifo, seed(S001), expect=2)
        d = json.loads(p.stdout)
        self.assertEqual(d["unreadable"], [{"source": fifo, "error": "a FIFO (named pipe), not a regular file: not opened"}])
        self.assertEqual(len(d["tables"]), 1)

    def test_device_refused(self):
        p = run("audit", "/dev/null", expect=2)
        self.assertIn("/dev/null: a device, not a regular file: not opened", p.stderr)

    def test_json_for_any_file_name(self):
        # a Latin-1 file name (é as the byte E9) is not UTF-8: the JSON stays valid, the byte
        # written as U+FFFD; a control character in a name is a \u escape in JSON
        latin1 = os.fsdecode(os.path.join(self.dir.name.encode(), b"caf\xe9.csv"))
        with open(latin1, "w", encoding="utf-8") as f:
            f.write(TABLE_DA)
        ctl = self.file("tab\there.csv", TABLE_DA)
        p = subprocess.run([SOCINV, "audit", "--json", latin1, ctl], capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        d = json.loads(p.stdout.decode("utf-8"))  # strict: fails on any byte that is not UTF-8
        self.assertEqual([t["source"] for t in d["tables"]],
                         [os.path.join(self.dir.name, "caf\ufffd.csv"), ctl])
        self.assertIn(b'tab\\there.csv', p.stdout)

    def test_control_characters_in_names_escaped(self):
        # an escape sequence in a file name must not reach the terminal: ESC is printed as \x1B
        name = self.file("red\x1b[31mtext.csv", TABLE_DA)
        p = run("audit", name, os.path.join(self.dir.name, "gone\x07.txt"), expect=2)
        self.assertNotIn("\x1b", p.stdout + p.stderr)
        self.assertNotIn("\x07", p.stdout + p.stderr)
        self.assertIn("red\\x1B[31mtext.csv: 1 tabel", p.stdout)
        self.assertIn("gone\\x07.txt: no such file", p.stderr)

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

    def test_ids_from_headings(self):
        # 'HA02(2025)' alone with the title on the next line; 'HA03(2025) Title' without a dash;
        # a table of contents line with the id and title in cells of their own
        for head, want in (("HA02(2025)\nOmlægning af støtte\n", ("HA02", "Omlægning af støtte")),
                           ("HA03(2025) Et mere selvstændigt liv\n", ("HA03", "Et mere selvstændigt liv")),
                           ("HA04(2025);Botilbud på Linde Allé;Side 16\n", ("HA04", "Botilbud på Linde Allé")),
                           ("HA05(2025): Elmehuset\n", ("HA05", "Elmehuset"))):
            d = audit_json(self.file("h.csv", head + TABLE_DA), expect=0)
            self.assertEqual((d["tables"][0]["id"], d["tables"][0]["title"]), want, head)

    def test_no_table(self):
        # an audit that found nothing is not a clean bill: a warning naming the file, exit 3
        prose = self.file("prose.txt", "Referat af mødet.\nIngen tabeller her.\n")
        p = run("audit", prose, expect=3)
        self.assertIn(prose + ": 0 tabeller (ADVARSEL: ingen forretningscase-tabel fundet)", p.stdout)
        self.assertIn(prose + ": warning: no business-case table found in it", p.stderr)
        d = audit_json(prose, expect=3)
        self.assertEqual((d["tables"], d["without_tables"]), ([], [prose]))

    def test_one_file_without_table_among_others(self):
        # seed 001 is consistent: exit 0, with the warning for the file without a table
        prose = self.file("prose.txt", "Referat af mødet.\n")
        p = run("audit", "--json", seed(S001), prose, expect=0)
        self.assertEqual(json.loads(p.stdout)["without_tables"], [prose])
        self.assertIn(prose + ": warning: no business-case table found in it", p.stderr)

    def test_unreadable_wins_over_no_table(self):
        run("audit", self.file("prose.txt", "Referat.\n"), "/nonexistent.txt", expect=2)

    def test_unknown_option(self):
        run("audit", "--bogus", seed(S001), expect=2)
        run("audit", expect=2)


class Folders(unittest.TestCase):
    """A folder is walked for the formats audit reads, in name order, all levels; names
    starting with '.' are left out and symbolic links inside are not followed."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.outside = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()
        self.outside.cleanup()

    def put(self, rel, data):
        path = os.path.join(self.dir.name, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)
        return path

    def test_folder_walked(self):
        with open(seed(S003), encoding="utf-8") as f:
            s003 = f.read()
        a = self.put("b/003.txt", s003)
        b = self.put("a.csv", TABLE_DA)
        self.put(".hidden.txt", TABLE_DA)          # hidden: left out
        self.put("picture.png", "not read")        # not a format audit reads
        self.put(".~lock.a.csv#", "lock")          # LibreOffice's lock file
        target = os.path.join(self.outside.name, "elsewhere.csv")
        with open(target, "w", encoding="utf-8") as f:
            f.write(TABLE_DA)
        link = os.path.join(self.dir.name, "link.csv")
        os.symlink(target, link)                   # a link out of the folder: not followed
        os.symlink(self.dir.name, os.path.join(self.dir.name, "loop"))  # nor in a circle
        p = run("audit", "--json", self.dir.name, expect=1)
        d = json.loads(p.stdout)
        # a.csv (1 table) before b/003.txt (seed 003's 14): name order
        self.assertEqual([t["source"] for t in d["tables"]], [b] + [a] * 14)
        self.assertEqual(d["summary"]["files"], 2)
        self.assertEqual(d["summary"]["errors"], 4)  # seed 003's four; a.csv is consistent
        self.assertIn(link + ": a symbolic link inside a folder: not followed", p.stderr)

    def test_folder_without_inputs(self):
        self.put("notes.png", "x")
        p = run("audit", self.dir.name, expect=3)
        self.assertIn(self.dir.name + ": a folder with no file of a format socinv reads", p.stderr)

    def test_folder_given_with_slash(self):
        self.put("a.csv", TABLE_DA)
        d = audit_json(self.dir.name + "/", expect=0)
        self.assertEqual(d["tables"][0]["source"], os.path.join(self.dir.name, "a.csv"))


class Progress(unittest.TestCase):
    """Progress goes to stderr when asked (--progress), or for a long run when stderr is a
    terminal; never unasked into a pipe or a log (as here: stderr is a pipe)."""

    def test_progress_asked(self):
        p = run("audit", "--progress", seed(S001), seed(S003), expect=1)
        self.assertIn(f"socinv: [1/2] reading {seed(S001)}\n", p.stderr)
        self.assertIn(f"socinv: [2/2] auditing {seed(S003)}\n", p.stderr)

    def test_no_progress_into_a_pipe(self):
        # 25 files (more than the 20 that make a long run on a terminal)
        p = run("audit", *[seed(S001)] * 25, expect=0)
        self.assertNotIn("reading", p.stderr)
        self.assertEqual(p.stderr, "")

    def test_progress_on_a_terminal(self):
        # stderr a terminal (a pty): 25 files is a long run; one line rewritten in place
        import pty
        master, slave = pty.openpty()
        p = subprocess.run([SOCINV, "audit", *[seed(S001)] * 25], stdout=subprocess.PIPE, stderr=slave,
                           timeout=60)
        os.close(slave)
        out = b""
        try:
            while True:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                out += chunk
        except OSError:  # EIO once the pty is drained
            pass
        os.close(master)
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"\r\x1b[Ksocinv: [25/25] auditing " + seed(S001).encode(), out)
        self.assertTrue(out.endswith(b"\r\x1b[K"))  # the line cleared at the end


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
