"""Drive a real headless LibreOffice through Python UNO: the end-to-end tests (tests/e2e/harness.py
builds on this) and examples/make_examples.py, which ships workbooks and so imports nothing from tests/.

Nothing of Calc is mocked. An ``Office`` is a throw-away world:

* a temp dir (owned by the unprivileged user when we run as root) holding a HOME,
  a fresh user profile pre-seeded with registrymodifications.xcu, and copies of
  every document the office opens;
* the .oxt installed into that profile with ``unopkg add --suppress-license`` and
  checked with ``unopkg list`` ("is registered: yes");
* ``soffice`` (the oosplash wrapper, which handles exit code 81 "restart required"
  after the first start / an extension install) started headless, accepting a
  socket on a free port;
* on exit: ``Desktop.terminate()``, then SIGTERM / SIGKILL to the office's process
  group (its own session, started by us) on timeout, then the temp dir is removed.

Root: unopkg refuses to install into a user profile as root, so when euid == 0
unopkg and soffice run as ``nobody:nogroup`` via ``setpriv``; otherwise directly.

Only /usr/bin/python3 (Debian's python3-uno) can ``import uno``.
"""

import contextlib
import os
import pwd
import grp
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException
from com.sun.star.uno import RuntimeException as UnoRuntimeException

SKIP = 77  # CTest SKIP_RETURN_CODE

# Calc's error codes (XCell.getError()) and the names the cell shows in an
# English UI (Err:NNN for those without a name).
ERROR_NAMES = {
    501: "Err:501", 502: "Err:502", 503: "#NUM!", 504: "Err:504", 507: "Err:507",
    508: "Err:508", 509: "Err:509", 510: "Err:510", 511: "Err:511", 512: "Err:512",
    519: "#VALUE!", 522: "Err:522", 523: "Err:523", 524: "#REF!", 525: "#NAME?",
    532: "#DIV/0!", 539: "Err:539", 540: "Err:540", 32767: "#N/A",
}
ERROR_CODES = {v: k for k, v in ERROR_NAMES.items()}

# com.sun.star.sheet.FormulaResult
FR_VALUE, FR_STRING, FR_ERROR = 1, 2, 4

# What each LibreOffice version measured does with an add-in's CompatibilityName in XLSX
# (README, "socinv formulas in XLSX"): 7.4 writes and reads only the programmatic name
# ORG.SOCINV.CALC.FUNCTIONS.PAYBACK (PAYBACK( is #NAME?); 25.2 writes the compatibility
# name PAYBACK and reads both. Both read org.socinv.calc.functions.payback(, neither _xll.PAYBACK(.
XLSX_COMPAT_NAMES = {(7, 4): False, (25, 2): True}

EXTENSION_ID = "org.socinv.calc"


class OfficeDied(RuntimeError):
    """soffice exited (crashed) while a test was talking to it."""


class HarnessError(RuntimeError):
    """The office could not be set up (install, start, connect)."""


def find_soffice():
    """Path of the soffice wrapper, or None."""
    env = os.environ.get("SOCINV_SOFFICE")
    if env:
        return env if os.path.exists(env) else None
    for cand in (shutil.which("soffice"), "/usr/lib/libreoffice/program/soffice"):
        if cand and os.path.exists(cand):
            return os.path.realpath(cand)
    return None


def skip_or_fail(reason):
    """Missing prerequisite: skip (exit 77), but under CI=true a failure (exit 1)."""
    if os.environ.get("CI", "").lower() == "true":
        print(f"FAIL (CI=true, so not skipped): {reason}")
        sys.exit(1)
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def props(**kw):
    return tuple(_prop(k, v) for k, v in kw.items())


def _xcu_item(path, name, value):
    if isinstance(value, bool):
        v = "true" if value else "false"
    else:
        v = str(value)
    return (f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
            f"<value>{v}</value></prop></item>")


def registry_settings(locale=None, ui_locale=None, extra=()):
    """The profile's registrymodifications.xcu items, as (path, name, value).

    locale: the office's "system" locale (Tools > Options > Languages > Locale
    setting, /org.openoffice.Setup/L10N/ooSetupSystemLocale). It decides the
    decimal separator and the default formula separators of FormulaLocal.
    ui_locale: the UI language (ooLocale); it decides which xml:lang values of
    the configuration (e.g. the add-in's DisplayName) the office reads.
    """
    items = [
        # recalculate on load, always (0 = always, 1 = never, 2 = prompt)
        ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", 0),
        ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", 0),
        # no OpenCL / threaded group calculation: one code path, same results every run
        ("/org.openoffice.Office.Common/Misc", "UseOpenCL", False),
        ("/org.openoffice.Office.Calc/Formula/Calculation", "UseThreadedCalculationForFormulaGroups", False),
        # no first-run dialogs, tips, autosave/recovery files, alien-format warnings
        ("/org.openoffice.Office.Common/Misc", "FirstRun", False),
        ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", False),
        ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", False),
        ("/org.openoffice.Office.Recovery/RecoveryInfo", "Enabled", False),
        ("/org.openoffice.Office.Common/Save/Document", "WarnAlienFormat", False),
        ("/org.openoffice.Office.Common/Save/Document", "CreateBackup", False),
        ("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", locale or "en-US"),
        ("/org.openoffice.Setup/L10N", "ooLocale", ui_locale or "en-US"),
        ("/org.openoffice.Office.Linguistic/General", "UILocale", ui_locale or "en-US"),
    ]
    items.extend(extra)
    return items


def _write_registry(user_dir, items):
    os.makedirs(user_dir, exist_ok=True)
    body = "\n".join(i if isinstance(i, str) else _xcu_item(*i) for i in items)
    with open(os.path.join(user_dir, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                f"{body}\n</oor:items>\n")


class Office:
    """A headless LibreOffice with (optionally) the socinv .oxt installed.

    with Office(oxt=path) as office:
        doc = office.new_spreadsheet()
        office.set_formula(doc, "A1", "=PAYBACK({1;-2})")
        office.calculate_all(doc)
        office.value(doc, "A1")
    """

    def __init__(self, oxt=None, locale=None, ui_locale=None, extra_settings=(),
                 start_timeout=90.0, stop_timeout=30.0, keep=False):
        self.soffice = find_soffice()
        if not self.soffice:
            raise HarnessError("soffice not found")
        self.program_dir = os.path.dirname(self.soffice)
        self.unopkg = os.path.join(self.program_dir, "unopkg")
        self.oxt = oxt
        self.locale = locale
        self.ui_locale = ui_locale
        self.extra_settings = tuple(extra_settings)
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.keep = keep or bool(os.environ.get("SOCINV_E2E_KEEP"))
        self.as_root = os.geteuid() == 0
        self.proc = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self.tmp = None
        self._docs = []
        self._seq = 0

    # ------------------------------------------------------------ set-up
    def _owner(self):
        if self.as_root:
            return pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
        return os.getuid(), os.getgid()

    def _give(self, path):
        """Make path (file or dir) owned by the office user."""
        uid, gid = self._owner()
        if self.as_root:
            os.chown(path, uid, gid)

    def _cmd(self, argv):
        """argv run as the office user, with a clean environment."""
        env = {
            "HOME": self.home,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TMPDIR": self.tmpdir,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_RUNTIME_DIR": self.tmpdir,
            "SAL_USE_VCLPLUGIN": "svp",
        }
        for k in ("SOCINV_TRACE",):
            if k in os.environ:
                env[k] = os.environ[k]
        envargs = ["env", "-i"] + [f"{k}={v}" for k, v in env.items()]
        if self.as_root:
            return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + envargs + argv
        return envargs + argv

    def _user_installation(self):
        return "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile)

    def _setup_dirs(self):
        self.tmp = tempfile.mkdtemp(prefix="socinv-e2e-")
        os.chmod(self.tmp, 0o755)
        self.home = os.path.join(self.tmp, "home")
        self.profile = os.path.join(self.tmp, "profile")
        self.docdir = os.path.join(self.tmp, "docs")
        self.tmpdir = os.path.join(self.tmp, "tmp")
        for d in (self.home, self.profile, self.docdir, self.tmpdir):
            os.makedirs(d)
        _write_registry(os.path.join(self.profile, "user"),
                        registry_settings(self.locale, self.ui_locale, self.extra_settings))
        for root, dirs, files in os.walk(self.tmp):
            self._give(root)
            for f in files:
                self._give(os.path.join(root, f))

    def _run_unopkg(self, *args, timeout=180):
        argv = self._cmd([self.unopkg, *args, self._user_installation()])
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, cwd=self.tmp)
        return r.returncode, r.stdout.decode("utf-8", "replace")

    def _install(self):
        oxt = os.path.join(self.tmp, os.path.basename(self.oxt))
        shutil.copyfile(self.oxt, oxt)
        os.chmod(oxt, 0o644)
        self._give(oxt)
        rc, out = self._run_unopkg("add", "--suppress-license", oxt)
        if rc != 0:
            raise HarnessError(f"unopkg add failed (exit {rc}):\n{out}")
        rc, out = self._run_unopkg("list")
        self.unopkg_list = out
        if rc != 0 or "is registered: yes" not in out.replace("\r", ""):
            raise HarnessError(f"unopkg list does not show the extension registered (exit {rc}):\n{out}")
        bad = [l for l in out.splitlines() if "is registered:" in l and "yes" not in l]
        if bad:
            raise HarnessError("unopkg list shows parts not registered:\n" + out)

    def _start(self):
        self.port = _free_port()
        self.stderr_path = os.path.join(self.tmp, "soffice.stderr")
        self.stdout_path = os.path.join(self.tmp, "soffice.stdout")
        argv = self._cmd([
            self.soffice, "--headless", "--invisible", "--norestore", "--nologo",
            "--nodefault", "--nolockcheck", "--nofirststartwizard",
            self._user_installation(),
            f"--accept=socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext",
        ])
        self._err = open(self.stderr_path, "wb")
        self._out = open(self.stdout_path, "wb")
        # own session: on timeout the whole group (oosplash + soffice.bin) is signalled
        self.proc = subprocess.Popen(argv, stdout=self._out, stderr=self._err,
                                     stdin=subprocess.DEVNULL, cwd=self.tmp, start_new_session=True)

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + self.start_timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HarnessError(f"soffice exited with {self.proc.returncode} before accepting a "
                                   f"connection:\n{self.stderr_text()}")
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException as e:
                last = e
                time.sleep(0.25)
        else:
            raise HarnessError(f"no connection to soffice within {self.start_timeout}s: {last}\n"
                               f"{self.stderr_text()}")
        self.smgr = self.ctx.ServiceManager
        # The desktop may not be ready the instant the socket accepts.
        while True:
            try:
                self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
                if self.desktop is not None:
                    break
            except UnoRuntimeException:
                pass
            if time.monotonic() > deadline:
                raise HarnessError("soffice accepted a connection but has no Desktop")
            time.sleep(0.25)
        # The free port was free when we looked; make sure the office on it is ours
        # (its user profile is the one we made), never another test's.
        user = self.create("com.sun.star.util.PathSubstitution").getSubstituteVariableValue("$(user)")
        mine = uno.systemPathToFileUrl(os.path.join(self.profile, "user"))
        if user.rstrip("/") != mine.rstrip("/"):
            raise HarnessError(f"the office on port {self.port} is not ours: its profile is {user}, not {mine}")

    def __enter__(self):
        try:
            self._setup_dirs()
            if self.oxt:
                self._install()
            self._start()
            self._connect()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # ------------------------------------------------------------ tear-down
    def _signal_group(self, sig):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)

    def close(self):
        if self.proc is not None:
            for doc in list(self._docs):
                with contextlib.suppress(Exception):
                    doc.close(True)
            self._docs.clear()
            if self.proc.poll() is None and self.desktop is not None:
                with contextlib.suppress(Exception):
                    self.desktop.terminate()
            try:
                self.proc.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._signal_group(signal.SIGKILL)
                    self.proc.wait(timeout=10)
            # soffice.bin may outlive oosplash for a moment: clear the group
            self._signal_group(signal.SIGKILL)
            self.proc = None
            for f in (getattr(self, "_err", None), getattr(self, "_out", None)):
                if f:
                    f.close()
        self.ctx = self.smgr = self.desktop = None
        if self.tmp and not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        elif self.tmp:
            print(f"(kept {self.tmp})")

    # ------------------------------------------------------------ health
    def stderr_text(self, limit=8000):
        try:
            with open(self.stderr_path, "rb") as f:
                data = f.read()
        except OSError:
            return ""
        return data[-limit:].decode("utf-8", "replace")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def died(self, during=""):
        rc = self.proc.returncode if self.proc else None
        return OfficeDied(f"soffice died{(' during ' + during) if during else ''} "
                          f"(exit code {rc}); stderr:\n{self.stderr_text()}")

    @contextlib.contextmanager
    def guard(self, what):
        """Turn a lost bridge into OfficeDied with soffice's stderr."""
        try:
            yield
        except (DisposedException, UnoRuntimeException) as e:
            time.sleep(0.5)
            if not self.alive():
                raise self.died(what) from e
            raise

    def check_alive(self):
        """The office still answers: a fresh document computes =1+1."""
        with self.guard("the liveness check"):
            if not self.alive():
                raise self.died("the liveness check")
            doc = self.new_spreadsheet()
            cell = self.cell(doc, "A1")
            cell.setFormula("=1+1")
            doc.calculateAll()
            v = cell.getValue()
            self.close_doc(doc)
        if v != 2:
            raise OfficeDied(f"office answers but =1+1 gave {v}")
        return True

    # ------------------------------------------------------------ services
    def create(self, name, *args):
        if args:
            return self.smgr.createInstanceWithArgumentsAndContext(name, args, self.ctx)
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def config(self, path):
        """Read-only configuration node (e.g. /org.openoffice.Office.Calc/Formula/Load)."""
        cp = self.create("com.sun.star.configuration.ConfigurationProvider")
        return cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (_prop("nodepath", path),))

    def version(self):
        """The office's version as (major, minor): (7, 4) for Debian 12's, (25, 2) for trixie's."""
        v = self.config("/org.openoffice.Setup/Product").getByName("ooSetupVersion")
        major, minor = v.split(".")[:2]
        return int(major), int(minor)

    def xlsx_names_compat(self):
        """Does this office write and read socinv calls in XLSX under the compatibility name
        (PAYBACK) rather than the programmatic one (ORG.SOCINV.CALC.FUNCTIONS.PAYBACK)?"""
        v = self.version()
        if v not in XLSX_COMPAT_NAMES:
            raise HarnessError(f"LibreOffice {v[0]}.{v[1]}: which name it writes into XLSX was not measured; "
                               "try it and add it to XLSX_COMPAT_NAMES in examples/office.py")
        return XLSX_COMPAT_NAMES[v]

    # ------------------------------------------------------------ documents
    def _track(self, doc):
        if doc is None:
            raise HarnessError("the office returned no document")
        self._docs.append(doc)
        return doc

    def new_spreadsheet(self):
        with self.guard("creating a spreadsheet"):
            return self._track(self.desktop.loadComponentFromURL(
                "private:factory/scalc", "_blank", 0, props(Hidden=True)))

    def copy_in(self, path, name=None):
        """Copy a file into the temp dir, readable by the office user; its path."""
        self._seq += 1
        dst = os.path.join(self.docdir, f"{self._seq:03d}-{name or os.path.basename(path)}")
        shutil.copyfile(path, dst)
        os.chmod(dst, 0o644)
        self._give(dst)
        return dst

    def open(self, path, copy=True):
        """Open a document (copied into the temp dir first unless copy=False)."""
        src = self.copy_in(path) if copy else path
        url = uno.systemPathToFileUrl(os.path.abspath(src))
        with self.guard(f"loading {os.path.basename(path)}"):
            doc = self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=True))
        if doc is None:
            raise HarnessError(f"could not load {path}")
        return self._track(doc)

    FILTERS = {"ods": "calc8", "xlsx": "Calc MS Excel 2007 XML", "fods": "OpenDocument Spreadsheet Flat XML",
               "xls": "MS Excel 97"}

    def store(self, doc, fmt, name=None):
        """Store a copy of doc as ods/xlsx/fods in the temp dir; its path."""
        self._seq += 1
        path = os.path.join(self.docdir, f"{self._seq:03d}-{name or 'stored'}.{fmt}")
        with self.guard(f"storing as {fmt}"):
            doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=self.FILTERS[fmt], Overwrite=True))
        return path

    def reload(self, path):
        """Open a file the office itself wrote (already in the temp dir)."""
        return self.open(path, copy=False)

    def close_doc(self, doc):
        with contextlib.suppress(ValueError):
            self._docs.remove(doc)
        with self.guard("closing a document"):
            doc.close(True)

    def calculate_all(self, doc):
        with self.guard("calculateAll"):
            doc.calculateAll()

    # ------------------------------------------------------------ cells
    @staticmethod
    def sheet(doc, which=0):
        sheets = doc.Sheets
        return sheets.getByIndex(which) if isinstance(which, int) else sheets.getByName(which)

    def cell(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.sheet(doc, sheet).getCellRangeByName(addr)

    def set_formula(self, doc, addr, formula, sheet=0):
        """Formula in API English (programmatic/English names, ';' separators)."""
        with self.guard(f"setting {addr}"):
            self.cell(doc, addr, sheet).setFormula(formula)

    def set_formula_local(self, doc, addr, formula, sheet=0):
        """Formula as the user types it in the office's locale and UI language."""
        with self.guard(f"setting {addr}"):
            self.cell(doc, addr, sheet).FormulaLocal = formula

    def set_value(self, doc, addr, value, sheet=0):
        with self.guard(f"setting {addr}"):
            c = self.cell(doc, addr, sheet)
            if isinstance(value, str):
                c.setString(value)
            elif value is None:
                c.setString("")
            else:
                c.setValue(float(value))

    def set_array_formula(self, doc, rng, formula, sheet=0):
        with self.guard(f"setting array {rng}"):
            self.sheet(doc, sheet).getCellRangeByName(rng).setArrayFormula(formula)

    def result(self, doc, addr, sheet=0):
        """What a cell shows: ('error', code, name) | ('number', v, text) | ('text', s, s)."""
        with self.guard(f"reading {addr}"):
            c = self.cell(doc, addr, sheet)
            err = c.getError()
            if err:
                return ("error", err, ERROR_NAMES.get(err, f"Err:{err}"))
            text = c.getString()
            ctype = c.getType().value
            if ctype == "FORMULA":
                rt = c.FormulaResultType2
                if rt == FR_STRING:
                    return ("text", text, text)
                return ("number", c.getValue(), text)
            if ctype == "TEXT":
                return ("text", text, text)
            if ctype == "EMPTY":
                return ("empty", None, "")
            return ("number", c.getValue(), text)

    def value(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.cell(doc, addr, sheet).getValue()

    def string(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.cell(doc, addr, sheet).getString()

    def error(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.cell(doc, addr, sheet).getError()

    def formula(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.cell(doc, addr, sheet).getFormula()

    def formula_local(self, doc, addr, sheet=0):
        with self.guard(f"reading {addr}"):
            return self.cell(doc, addr, sheet).FormulaLocal



def need_office(oxt=None):
    """Exit 77 (skip) / 1 under CI when soffice or the .oxt is missing."""
    if not find_soffice():
        skip_or_fail("soffice not found (install libreoffice-calc, or set SOCINV_SOFFICE)")
    if oxt is not None and not os.path.exists(oxt):
        skip_or_fail(f"{oxt} not built (run `cmake --build <build> --target oxt` first)")
