#!/usr/bin/python3
"""`socinv recalc` in shared folders and as root (issue 12), in real headless LibreOffice.

    /usr/bin/python3 tests/e2e/test_recalc_safety.py --socinv <build>/cli/socinv --oxt <build>/socinv-0.1.0.oxt

The attacker and the busy colleague are the user `nobody`, in folders this test makes; the
attacks need root (skipped with a message when not root, except under CI=true, which runs as
root). The workbooks are written here (minimal ODS and flat ODS): a PAYBACK over seed 001's net
impact row 1511, -1130, -1551, -504 whose cached value is a stale 99; recalculated it is 3
(cumulative 1511, 381, -1170: the sign changes in the third year).

Exit 0 pass, 1 fail, 77 skipped (soffice, the .oxt or socinv missing; a failure under CI=true).
"""

import argparse
import os
import pwd
import re
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import harness  # noqa: E402  (needs python3-uno: /usr/bin/python3)
from harness import skip_or_fail  # noqa: E402
from harness import Report  # noqa: E402


CI = os.environ.get("CI", "").lower() == "true"
ROOT = os.geteuid() == 0
STALE, FRESH = 99.0, 3.0

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"')


def cell(formula=None, value=None, text=None):
    f = f' table:formula="{formula}"' if formula else ""
    if value is not None:
        return f'<table:table-cell{f} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if text is not None:
        return (f'<table:table-cell{f} office:value-type="string" office:string-value="{text}">'
                f'<text:p>{text}</text:p></table:table-cell>')
    return "<table:table-cell/>"


def sheet(first_row="", marker=""):
    """Row 1: PAYBACK of row 2 (cached: the stale 99), then first_row's cells; row 2: seed 001."""
    payback = cell("of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.A2:.D2])", STALE)
    row2 = "".join(cell(value=v) for v in (1511, -1130, -1551, -504))
    mark = f"<table:table-row>{cell(text=marker)}</table:table-row>" if marker else ""
    return (f'<office:body><office:spreadsheet><table:table table:name="Budget">'
            f"<table:table-row>{payback}{first_row}</table:table-row><table:table-row>{row2}</table:table-row>"
            f"{mark}</table:table></office:spreadsheet></office:body>")


def write_fods(path, first_row="", marker=""):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} '
                f'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">{sheet(first_row, marker)}'
                f"</office:document>\n")


def write_ods(path, marker=""):
    """A minimal ODS (mimetype first and stored, content.xml, manifest): what LibreOffice needs."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>{sheet("", marker)}'
               f"</office:document-content>\n")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>\n")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def payback_value(path):
    """The cached value of the PAYBACK cell of a workbook (ODS, flat ODS or XLSX), or None."""
    try:
        if path.endswith(".fods"):
            with open(path, encoding="utf-8", errors="replace") as f:
                xml = f.read()
        else:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
                xml = z.read("content.xml" if "content.xml" in names else "xl/worksheets/sheet1.xml").decode(
                    "utf-8", "replace")
    except (OSError, zipfile.BadZipFile, KeyError):
        return None
    m = re.search(r'table:formula="of:=ORG\.SOCINV\.CALC\.FUNCTIONS\.PAYBACK[^"]*"[^>]*office:value="([^"]+)"', xml)
    m = m or re.search(r"PAYBACK\([^<]*</f><v>([^<]+)</v>", xml)
    return float(m.group(1)) if m else None


def snapshot(path):
    st = os.lstat(path)
    with open(path, "rb") as f:
        data = f.read() if stat.S_ISREG(st.st_mode) else b""
    return (data, st.st_ino, st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode), st.st_nlink)


def root_only(rep, what):
    """Attacks need root (the attacker is another user); skipped with a message otherwise."""
    if ROOT:
        return True
    if CI:
        rep.check(False, f"{what}: needs root, and CI=true runs as root")
    else:
        print(f"SKIP  {what}: needs root (the attacker is the user nobody)")
    return False


def make_secret(path):
    """A root-only file that planted links point to: it must never be written or copied out."""
    with open(path, "w") as f:
        f.write("SECRET root-only\n")
    os.chmod(path, 0o600)
    return snapshot(path)


NOBODY = pwd.getpwnam("nobody")


def as_nobody(fn, *args):
    """Run fn(*args) in a child as nobody:nogroup; its return value (a str) or the exception's text."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            os.setgroups([])
            os.setgid(NOBODY.pw_gid)
            os.setuid(NOBODY.pw_uid)
            out = str(fn(*args))
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            out = f"{type(e).__name__}: {e}"
        os.write(w, out.encode())
        os._exit(0)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode()


class Run:
    """socinv recalc started in the background; call on_start(office_dir) once the office runs."""

    def __init__(self, a, *args, on_start=None, env=None):
        e = dict(os.environ)
        e.pop("SOCINV_OXT", None)
        e.update(env or {})
        self.p = subprocess.Popen([a.socinv, "recalc", "--oxt", a.oxt, *args], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=e)
        self.err_lines, self.office_dir = [], None
        self.on_start = on_start
        self.t = threading.Thread(target=self._read_stderr)
        self.t.start()

    def _read_stderr(self):
        for raw in self.p.stderr:
            line = raw.decode("utf-8", "replace")
            self.err_lines.append(line)
            m = re.search(r"recalculating \d+ workbooks? in LibreOffice \((/[^)]+)\)", line)
            if m and self.office_dir is None:
                self.office_dir = m.group(1)
                if self.on_start:
                    self.on_start(self)

    def wait(self, timeout=1200):
        out = self.p.stdout.read().decode("utf-8", "replace")
        rc = self.p.wait(timeout=timeout)
        self.t.join()
        return rc, out, "".join(self.err_lines)


def run(a, *args, on_start=None, env=None):
    return Run(a, *args, on_start=on_start, env=env).wait()


def line_of(stderr, name):
    return next((l for l in stderr.splitlines() if l.startswith("[") and l.split(" ... ")[0].endswith(name)), "")


def office_processes(office_dir):
    """Processes whose command line mentions the run's private folder."""
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if office_dir.encode() in f.read():
                        found.append(pid)
            except OSError:
                pass
    return found


# How long the wrapper stalls: 600 s, with this run's pid as fractional digits, so that
# looking for a left-over stall finds this run's and not another test run's on the machine
STALL = f"sleep 600.{os.getpid()}"


def make_wrapper(tmp, soffice):
    """An soffice that logs who runs it (uid, number of files) and stalls on a workbook marked SLOW."""
    path = os.path.join(tmp, "bin", "soffice")
    os.makedirs(os.path.dirname(path))
    log = os.path.join(tmp, "bin", "starts.log")
    with open(path, "w") as f:
        f.write(f"""#!/bin/sh
files=0
for a in "$@"; do
  case "$a" in
    */in/*) files=$((files + 1))
            if grep -q SOCINV-TEST-SLOW "$a" 2>/dev/null; then {STALL}; fi ;;
  esac
done
echo "$(id -u) $files" >> {log}
exec {soffice} "$@"
""")
    os.chmod(path, 0o755)
    with open(log, "w"):
        pass
    os.chmod(log, 0o666)
    return path, log


def starts(log):
    with open(log) as f:
        return [tuple(int(x) for x in l.split()) for l in f if l.strip()]


# ---------------------------------------------------------------- --in-place in a shared folder
def test_in_place(a, rep, tmp, wrapper, starts_log):
    """Items 1, 2, 3, 5, 6 and 'one office': one --in-place run over a folder nobody can write."""
    if not root_only(rep, "--in-place as root in a folder another user writes"):
        return
    shared = os.path.join(tmp, "shared")
    os.makedirs(shared)
    os.chown(shared, NOBODY.pw_uid, NOBODY.pw_gid)
    secret = os.path.join(tmp, "secret")
    secret_before = make_secret(secret)
    target = os.path.join(tmp, "target.ods")  # what a planted link points to
    write_ods(target)
    target_before = snapshot(target)
    p = lambda n: os.path.join(shared, n)  # noqa: E731
    for n in ("owned.ods", "hard.ods", "ro.ods", "locked.ods", "changed.ods", "removed.ods", "replaced.ods"):
        write_ods(p(n))
    write_fods(p("plain.fods"))
    os.chown(p("owned.ods"), NOBODY.pw_uid, NOBODY.pw_gid)
    os.chown(p("changed.ods"), NOBODY.pw_uid, NOBODY.pw_gid)  # the colleague's
    os.chmod(p("owned.ods"), 0o640)
    os.link(p("hard.ods"), os.path.join(tmp, "hard-other-name.ods"))
    os.chmod(p("ro.ods"), 0o444)
    os.symlink(target, p("link.ods"))
    with open(p(".~lock.locked.ods#"), "w") as f:
        f.write("Ann Hansen,ann,pc12,02.12.2026 09:14,file:///home/ann/.config/libreoffice/4;")
    # cells that become errors: a stale 5 that is 1/empty = #DIV/0! now (new), an error that
    # was one already (not new), and a web service on a local listener that must see no connection
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    url = f"&quot;http://127.0.0.1:{port}/rate&quot;"
    write_fods(p("errors.fods"), cell("of:=1/[.H9]", 5) + cell("of:=1/0", text="#DIV/0!") +
               cell(f"of:=COM.MICROSOFT.WEBSERVICE({url})", text="42"))
    # the old fixed temporary names, planted as links to the secret
    for n in os.listdir(shared):
        as_nobody(os.symlink, secret, p(n + ".socinv-tmp"))
    before = {n: snapshot(p(n)) for n in os.listdir(shared) if not n.endswith(".socinv-tmp")}

    connections, stop = [], threading.Event()

    def listen():
        while not stop.is_set():
            try:
                c, _ = listener.accept()
                connections.append(c.recv(200))
                c.close()
            except socket.timeout:
                pass

    lt = threading.Thread(target=listen)
    lt.start()
    attack = {}

    def during(r):
        # the colleague saves, deletes and replaces files while LibreOffice runs
        as_nobody(lambda: open(p("changed.ods"), "ab").write(b"colleague's save"))
        os.unlink(p("removed.ods"))
        write_ods(p("replacement.ods"))
        os.rename(p("replacement.ods"), p("replaced.ods"))
        # nobody tries to reach what the office writes (the output could be swapped for a link)
        attack["list"] = as_nobody(lambda d: sorted(os.listdir(d)), r.office_dir)
        attack["area"] = as_nobody(lambda d: sorted(os.listdir(d)), os.path.join(r.office_dir, "o"))

    n_before = len(starts(starts_log))
    rc, out, err = run(a, "--soffice", wrapper, "--in-place", shared, on_start=during)
    stop.set()
    lt.join()
    listener.close()
    rep.info("--in-place stderr:\n      " + "\n      ".join(err.strip().splitlines()))
    rep.check(rc == 2, "--in-place with refused files: exit 2", rc)
    rep.check(snapshot(secret) == secret_before, "the secret behind planted links is untouched (content, mode)")
    rep.check(snapshot(target) == target_before, "the file a planted symlink points to is untouched")
    rep.check(all(os.path.islink(p(n)) for n in os.listdir(shared) if n.endswith(".socinv-tmp")),
              "the planted links are still links (never written through)")
    rep.check(not [n for n in os.listdir(shared) if ".socinv-" in n and not n.endswith("socinv-tmp")],
              "no temporary file left in the folder", os.listdir(shared))
    # 5: owner, group, mode kept
    st = os.lstat(p("owned.ods"))
    rep.check((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY.pw_uid, NOBODY.pw_gid, 0o640),
              "--in-place as root keeps nobody:nogroup 0640", (st.st_uid, st.st_gid, oct(st.st_mode)))
    rep.check(payback_value(p("owned.ods")) == FRESH, "owned.ods: recalculated PAYBACK 3 (was the stale 99)",
              payback_value(p("owned.ods")))
    rep.check(payback_value(p("plain.fods")) == FRESH, "plain.fods: recalculated PAYBACK 3",
              payback_value(p("plain.fods")))
    for name, why in (("link.ods", "symbolic link"), ("hard.ods", "hard links"), ("ro.ods", "read-only"),
                      ("locked.ods", "Ann Hansen (ann on pc12 since 02.12.2026 09:14)"),
                      ("changed.ods", "changed during the run"), ("replaced.ods", "replaced by another file"),
                      ("removed.ods", "removed during the run"), ("errors.fods", "became errors")):
        line = line_of(err, "/" + name)
        rep.check(why in line, f"{name}: refused, saying '{why}'", line)
    for name in ("link.ods", "hard.ods", "ro.ods", "locked.ods", "errors.fods"):
        rep.check(snapshot(p(name)) == before[name], f"{name}: untouched (bytes, inode, owner, mode, links)")
    rep.check(open(p("changed.ods"), "rb").read().endswith(b"colleague's save"),
              "changed.ods: the colleague's save made during the run is kept")
    rep.check(not os.path.exists(p("removed.ods")), "removed.ods: not written back after it was removed")
    rep.check(payback_value(p("replaced.ods")) == STALE, "replaced.ods: the new file put there is kept")
    # 6: cells that became errors, per file; no network
    rep.check("errors.fods: cells that became errors when recalculated" in err, "the file with new errors is named",
              err)
    rep.check(re.search(r"Budget!B1 is now #DIV/0!, was 5", err) is not None,
              "errors.fods: B1 (=1/H9, cached 5) is reported as now #DIV/0!", err)
    rep.check("Budget!C1" not in err, "errors.fods: C1 (=1/0) was #DIV/0! before: not reported")
    web = re.search(r"Budget!D1 is now (\S+)", err)
    rep.check(web is None, "the WEBSERVICE cell (cached '42') did not become an error: links are never updated",
              web.group(0) if web else "")
    rep.check(connections == [], "no network access: the WEBSERVICE listener on 127.0.0.1 saw no connection",
              connections)
    rep.check("socinv recalc: 1 cell became errors when recalculated, in 1 file" in err,
              "a summary counts the cells that became errors", err[-400:])
    # 2: the office's own account, and a private folder nobody cannot read
    runs = starts(starts_log)[n_before:]
    uids = {u for u, _ in runs}
    rep.check(uids and all(u not in (0, NOBODY.pw_uid) for u in uids),
              "as root, LibreOffice runs as neither root nor nobody", uids)
    rep.check(all(_no_passwd(u) for u in uids), "... but as a uid with no account (nothing else runs as it)", uids)
    rep.check(attack.get("list", "").startswith("PermissionError") and
              attack.get("area", "").startswith("PermissionError"),
              "nobody can neither list the run's folder nor the office's area", attack)
    # one office for all: of the 6 workbooks copied (not the 4 refused at once), the 4 .ods are
    # recalculated and saved in one soffice run, the 2 .fods in another; no file needed a retry
    rep.check([n for _, n in runs] == [4, 2], "one soffice run per written format recalculates all its "
              "workbooks: the four .ods, then the two .fods (files per run)", runs)


def _no_passwd(uid):
    try:
        pwd.getpwuid(uid)
        return False
    except KeyError:
        return True


# ---------------------------------------------------------------- --out
def test_out(a, rep, tmp, wrapper, starts_log):
    """Items 1 and 4: --out into a folder nobody writes, holding files that are not inputs."""
    if not root_only(rep, "--out as root into a folder another user writes"):
        return
    src, dest = os.path.join(tmp, "out-src"), os.path.join(tmp, "out-dest")
    os.makedirs(src)
    os.makedirs(dest)
    os.chown(dest, NOBODY.pw_uid, NOBODY.pw_gid)
    secret = os.path.join(tmp, "secret-out")
    secret_before = make_secret(secret)
    for n in ("basic", "c", "d"):
        write_ods(os.path.join(src, n + ".ods"))
    os.chmod(os.path.join(src, "d.ods"), 0o640)
    write_ods(os.path.join(dest, "basic.ods"))           # an input in the --out folder
    write_ods(os.path.join(dest, "basic.xlsx"), "NOT AN INPUT")  # not an input: must survive
    existing = snapshot(os.path.join(dest, "basic.xlsx"))
    as_nobody(os.symlink, secret, os.path.join(dest, "c.xlsx"))
    as_nobody(os.symlink, secret, os.path.join(dest, "d.xlsx.socinv-tmp"))
    rc, out, err = run(a, "--out", dest, "--format", "xlsx", os.path.join(dest, "basic.ods"),
                       os.path.join(src, "c.ods"), os.path.join(src, "d.ods"))
    rep.info("--out stderr:\n      " + "\n      ".join(err.strip().splitlines()))
    rep.check(rc == 2, "--out with files in the way: exit 2", rc)
    rep.check(snapshot(os.path.join(dest, "basic.xlsx")) == existing,
              "basic.xlsx (not an input) is not replaced by basic.ods --format xlsx")
    rep.check("exists: not replaced" in line_of(err, "basic.ods") and "--overwrite" in line_of(err, "basic.ods"),
              "basic.ods: says the file exists and names --overwrite", line_of(err, "basic.ods"))
    rep.check(os.path.islink(os.path.join(dest, "c.xlsx")) and "exists" in line_of(err, "c.ods"),
              "c.xlsx, a planted link, is neither followed nor replaced", line_of(err, "c.ods"))
    rep.check(snapshot(secret) == secret_before, "the secret behind the planted links is untouched")
    d = os.path.join(dest, "d.xlsx")
    rep.check(payback_value(d) == FRESH, "d.xlsx is written, recalculated (PAYBACK 3)", payback_value(d))
    st = os.lstat(d)
    rep.check(stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o640 and st.st_uid == 0,
              "d.xlsx: a new regular file of root's, no more readable than its 0640 input", oct(st.st_mode))

    # --overwrite: a file that is not an input may be replaced; an input never
    rc, out, err = run(a, "--overwrite", "--out", dest, "--format", "xlsx", os.path.join(dest, "basic.ods"))
    rep.check(rc == 0 and payback_value(os.path.join(dest, "basic.xlsx")) == FRESH,
              "--overwrite replaces basic.xlsx with the recalculated workbook", f"exit {rc}\n{err}")
    rc, out, err = run(a, "--overwrite", "--out", dest, os.path.join(dest, "basic.ods"))
    rep.check(rc == 2 and "would overwrite the input" in err, "--overwrite never replaces an input", err)
    # a symlinked --out is refused before anything runs
    link = os.path.join(tmp, "out-link")
    os.symlink(dest, link)
    rc, out, err = run(a, "--out", link, os.path.join(src, "c.ods"))
    rep.check(rc == 2 and "symbolic link" in err and "recalculating" not in err,
              "--out through a symbolic link: refused before starting", err)


def test_overwrite_options(a, rep, tmp):
    """Item 5: hard links and read-only files are replaced only when told."""
    d = os.path.join(tmp, "told")
    os.makedirs(d)
    write_ods(os.path.join(d, "hard.ods"))
    os.link(os.path.join(d, "hard.ods"), os.path.join(tmp, "told-other-name.ods"))
    write_ods(os.path.join(d, "ro.ods"))
    os.chmod(os.path.join(d, "ro.ods"), 0o444)
    # ... run with a TMPDIR only root may use (item 8: LibreOffice's account could not write it)
    private_tmp = os.path.join(tmp, "root-only-tmp")
    os.makedirs(private_tmp, mode=0o700)
    rc, out, err = run(a, "--in-place", "--split-links", "--replace-read-only", d, env={"TMPDIR": private_tmp})
    rep.check(rc == 0, "--split-links --replace-read-only, TMPDIR a root-only folder: exit 0", err)
    rep.check(payback_value(os.path.join(d, "hard.ods")) == FRESH and
              payback_value(os.path.join(tmp, "told-other-name.ods")) == STALE,
              "--split-links: this name is recalculated, the other link keeps the old file")
    rep.check(payback_value(os.path.join(d, "ro.ods")) == FRESH and
              stat.S_IMODE(os.stat(os.path.join(d, "ro.ods")).st_mode) == 0o444,
              "--replace-read-only: recalculated, still 0444")


# ---------------------------------------------------------------- signals, time limits, errors
def test_signals(a, rep, tmp):
    """Item 7: SIGINT and SIGTERM during the conversion stop LibreOffice and remove the private folder."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        d = os.path.join(tmp, f"sig{int(sig)}")
        os.makedirs(d)
        for i in range(3):
            write_ods(os.path.join(d, f"w{i}.ods"))
        before = {n: snapshot(os.path.join(d, n)) for n in os.listdir(d)}
        seen = {}

        def interrupt(r, sig=sig, seen=seen):
            time.sleep(1.5)  # LibreOffice is converting by now
            seen["procs"] = office_processes(r.office_dir)
            r.p.send_signal(sig)

        r = Run(a, "--in-place", d, on_start=interrupt)
        rc, out, err = r.wait()
        rep.check(rc == -sig, f"{sig.name}: socinv dies of the signal", f"exit {rc}\n{err}")
        rep.check(seen.get("procs"), f"{sig.name}: LibreOffice was running when the signal came", seen)
        time.sleep(0.5)
        rep.check(r.office_dir and not os.path.exists(r.office_dir), f"{sig.name}: the private folder is removed",
                  r.office_dir)
        left = office_processes(r.office_dir or "/nonexistent")
        rep.check(not left, f"{sig.name}: no LibreOffice process of the run is left", left)
        rep.check({n: snapshot(os.path.join(d, n)) for n in os.listdir(d)} == before,
                  f"{sig.name}: the inputs are untouched, no temporary file left", sorted(os.listdir(d)))


def test_time_limit(a, rep, tmp, wrapper):
    """Item 7: a workbook that stalls LibreOffice is stopped after --timeout; the others are written."""
    d, out = os.path.join(tmp, "slow"), os.path.join(tmp, "slow-out")
    os.makedirs(d)
    write_fods(os.path.join(d, "slow.fods"), marker="SOCINV-TEST-SLOW")
    write_ods(os.path.join(d, "quick.ods"))
    t0 = time.time()
    r = Run(a, "--soffice", wrapper, "--timeout", "3", "--out", out, d)
    rc, _, err = r.wait()
    took = time.time() - t0
    rep.check(rc == 2 and "did not finish it within 3 s" in line_of(err, "slow.fods"),
              "the stalling workbook is stopped after --timeout 3 and named", f"exit {rc}\n{err}")
    rep.check(payback_value(os.path.join(out, "quick.ods")) == FRESH,
              "the other workbook is still recalculated and written", os.listdir(out) if os.path.isdir(out) else err)
    rep.check(sorted(os.listdir(out)) == ["quick.ods"], "nothing is written for the stopped one", os.listdir(out))
    # the wrapper's stall (STALL) is in the office's process group: it must be gone
    left = subprocess.run(["pgrep", "-f", STALL], stdout=subprocess.PIPE).stdout.split()
    # limits: the batch 60 (start) + 3 + 2 x 10 s, then slow.fods alone 60 + 3 s: far from the 600 s stall
    rep.check(not left and took < 300, f"no stalled process left; the run took {took:.0f} s, not 600", left)


def test_bad_oxt(a, rep, tmp):
    """Item 8: a bad --oxt: the message shows LibreOffice's own words, not a log that was deleted."""
    bad = os.path.join(tmp, "bad.oxt")
    with open(bad, "w") as f:
        f.write("not an add-in\n")
    os.chmod(tmp, 0o755)
    d = os.path.join(tmp, "oxt-in")
    os.makedirs(d)
    write_ods(os.path.join(d, "w.ods"))
    e = dict(os.environ)
    e.pop("SOCINV_OXT", None)
    r = subprocess.run([a.socinv, "recalc", "--oxt", bad, "--report", d], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=e, timeout=600)
    err = r.stderr.decode()
    rep.check(r.returncode == 2 and "unopkg could not install the add-in" in err, "bad --oxt: exit 2, said so", err)
    rep.check("  | " in err, "bad --oxt: the last lines of LibreOffice's log are printed", err)
    named = re.findall(r"(/tmp/socinv-office[^\s:)]*)", err)
    rep.check(all(os.path.exists(p) for p in named), "bad --oxt: no path named that does not exist", named)


# ---------------------------------------------------------------- concurrency, full disk
def test_concurrent(a, rep, tmp):
    """Two runs --in-place on the same files at once: each file ends up a complete recalculated
    workbook or untouched; a run that lost the race says the file changed; nothing is left behind."""
    d = os.path.join(tmp, "both")
    os.makedirs(d)
    for i in range(3):
        write_ods(os.path.join(d, f"w{i}.ods"))
    runs = [Run(a, "--in-place", d) for _ in range(2)]
    results = [r.wait() for r in runs]
    for i, (rc, _, err) in enumerate(results):
        lines = [l for l in err.splitlines() if l.startswith("[")]
        ok = all("written to" in l or "during the run" in l for l in lines) and len(lines) == 3
        rep.check(rc in (0, 2) and ok, f"concurrent run {i + 1}: each file written or refused as changed", err)
    rep.check(all(payback_value(os.path.join(d, f"w{i}.ods")) == FRESH for i in range(3)),
              "concurrent runs: every file is a complete recalculated workbook",
              [payback_value(os.path.join(d, f"w{i}.ods")) for i in range(3)])
    rep.check(sorted(os.listdir(d)) == ["w0.ods", "w1.ods", "w2.ods"], "concurrent runs: nothing left behind",
              os.listdir(d))
    rep.check(not any(r.office_dir and os.path.exists(r.office_dir) for r in runs),
              "concurrent runs: both private folders removed", [r.office_dir for r in runs])
    rep.check(runs[0].office_dir != runs[1].office_dir, "concurrent runs: each has its own office",
              [r.office_dir for r in runs])


def test_full_disk(a, rep, tmp):
    """A full disk: nothing half-written, the input kept, the reason said."""
    if not root_only(rep, "a full disk (mounting a small tmpfs)"):
        return
    mnt = os.path.join(tmp, "small")
    os.makedirs(mnt)
    src = os.path.join(tmp, "full-src")
    os.makedirs(src)
    for i in range(40):  # large enough that its recalculated copy cannot fit beside it
        pass
    big = os.path.join(src, "big.ods")
    write_ods(big, marker="x" * 10)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", mnt], check=True)
    try:
        # --out into the full disk
        filler = os.path.join(mnt, "filler")
        with open(filler, "wb") as f:
            try:
                f.write(os.urandom(64 * 1024))
            except OSError:
                pass
        rc, _, err = run(a, "--out", mnt, big)
        rep.check(rc == 2 and "No space left" in line_of(err, "big.ods"),
                  "--out to a full disk: exit 2, 'No space left on device'", err)
        rep.check(sorted(os.listdir(mnt)) == ["filler"], "--out to a full disk: nothing half-written left",
                  os.listdir(mnt))
        # --in-place on the full disk: the input is kept as it was
        os.unlink(filler)
        shutil.copyfile(big, os.path.join(mnt, "big.ods"))
        with open(filler, "wb") as f:
            try:
                f.write(os.urandom(64 * 1024))
            except OSError:
                pass
        before = snapshot(os.path.join(mnt, "big.ods"))
        rc, _, err = run(a, "--in-place", os.path.join(mnt, "big.ods"))
        rep.check(rc == 2 and "No space left" in line_of(err, "big.ods"),
                  "--in-place on a full disk: exit 2, 'No space left on device'", err)
        rep.check(snapshot(os.path.join(mnt, "big.ods")) == before and
                  sorted(os.listdir(mnt)) == ["big.ods", "filler"],
                  "--in-place on a full disk: the input is unchanged, nothing left", os.listdir(mnt))
    finally:
        subprocess.run(["umount", mnt])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--socinv", required=True)
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--soffice", default=shutil.which("soffice") or "/usr/bin/soffice")
    ap.add_argument("only", nargs="*", help="run only these tests (in_place, out, ...)")
    a = ap.parse_args()
    for what, path in (("socinv", a.socinv), ("the .oxt", a.oxt), ("soffice", a.soffice)):
        if not path or not os.path.exists(path):
            skip_or_fail(f"{what} not found ({path})")
    a.socinv, a.oxt = os.path.abspath(a.socinv), os.path.abspath(a.oxt)
    rep = Report("recalc_safety")
    tmp = tempfile.mkdtemp(prefix="socinv-recalc-safety-")
    os.chmod(tmp, 0o755)  # the office's account runs the wrapper from here
    try:
        wrapper, starts_log = make_wrapper(tmp, os.path.realpath(a.soffice))
        tests = {
            "in_place": lambda: test_in_place(a, rep, tmp, wrapper, starts_log),
            "out": lambda: test_out(a, rep, tmp, wrapper, starts_log),
            "options": lambda: test_overwrite_options(a, rep, tmp),
            "signals": lambda: test_signals(a, rep, tmp),
            "time_limit": lambda: test_time_limit(a, rep, tmp, wrapper),
            "bad_oxt": lambda: test_bad_oxt(a, rep, tmp),
            "concurrent": lambda: test_concurrent(a, rep, tmp),
            "full_disk": lambda: test_full_disk(a, rep, tmp),
        }
        for name, fn in tests.items():
            if a.only and name not in a.only:
                continue
            t0 = time.time()
            fn()
            rep.info(f"{name}: {time.time() - t0:.0f} s")
    finally:
        harness.drop_temp(tmp)
    return rep.done()


if __name__ == "__main__":
    sys.exit(main())
