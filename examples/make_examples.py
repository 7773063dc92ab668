#!/usr/bin/python3
"""Make the example workbooks and the business-case template in examples/.

    /usr/bin/python3 examples/make_examples.py --oxt <build>/socinv-0.1.0.oxt [--render DIR]

Writes, through a real headless LibreOffice with the socinv add-in installed
(examples/office.py, which the end-to-end tests use too: a throw-away profile, as `nobody` when
run as root):

  examples/copenhagen-001.ods          Copenhagen pilot (seed 001): the table as printed, net impact
                                       and payback on both bases, CASECHECK, NPVSOC, PAYBACKDISC
  examples/copenhagen-tv04.ods         Copenhagen TV04 (seed 003): the printed net row is wrong in
                                       2026-2027; printed against recomputed, CASECHECK finds it
  examples/herning-sib.ods             Herning social impact investment (seed 000): SIBPAYOUT over
                                       2026-2028 with the caps, the amounts the caps cut, pro rata
                                       against order, SIBUNCOVERED
  examples/recovery-002.ods            reduction plan (seed 002): TARGETGAP, both readings
  examples/randers-digital.ods         Randers 'Digital først' (seed 004): PHASEIN 'fra juni', net effect
  examples/copenhagen-portfolio.ods    seed 003's proposals, one per row, on both bases: PAYBACK,
                                       PAYBACKDISC, NPVSOC and TABLECHECK in portfolio form (one array
                                       formula per column); the rows are read from the seed text by
                                       `socinv audit --json` (--socinv, default <oxt folder>/cli/socinv)
  examples/business-case-template.ots  an empty Copenhagen-style business case that computes itself

Each sheet has a chart of the cumulative net impact (or the picture that fits the
case), Danish labels and number formats in 1.000 kr. The cells the end-to-end
tests check carry names (Insert > Named Expressions), e.g. Tilbagebetaling_total.

--render DIR also writes DIR/<name>.pdf and DIR/<name>-<page>.png (pdftoppm) of
every file, and of the template filled in with seed 001, to look at. The PNGs are
not checked in.

Only /usr/bin/python3 (Debian's python3-uno) can import uno.
"""

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

import uno  # noqa: E402
from com.sun.star.awt import Rectangle  # noqa: E402
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.table import BorderLine2, CellRangeAddress  # noqa: E402

from office import Office, need_office, props  # noqa: E402  (examples/)
from seed_tables import (  # noqa: E402
    SEED001, SEED001_IMPL, SEED001_PAYBACKS, SEED001_PERM, SEED001_YEARS, SEED002_INITIATIVES, SEED002_PRINTED,
    SEED002_TARGET, SEED002_YEARS, SEED003_TV04, SEED003_TV04_PAYBACKS, col_name, seed000_sib, seed003_portfolio)

DA = Locale("da", "DK", "")
BOLD = 150.0

# ---------------------------------------------------------------- colours (RGB)
NAVY = 0x1F3864
GREY = 0x595959
HEAD_FILL = 0xD9E2F3
TOTAL_FILL = 0xF2F2F2
RESULT_FILL = 0xE2EFDA
INPUT_FILL = 0xFFF2CC
RED = 0xC00000
SERIES = [0x4472C4, 0xED7D31, 0x70AD47, 0x7F7F7F, 0xFFC000]

# number formats (da-DK codes: '.' groups thousands, ',' is the decimal separator)
F_AMOUNT = "#.##0;-#.##0;0"
F_MIO = "#.##0,00;-#.##0,00;0,00"  # mio. kr. (Herning) with two decimals
F_YEAR = "0"
F_YEARS = '0 "år";-0 "år"'
F_YEARS2 = '0,00 "år"'
F_YESNO = '"Ja";"Ja";"Nej"'
F_FACTOR = "0,000"
# CASECHECK/TABLECHECK give 1 or a text: a number format, not BOOLEAN (Calc replaces a BOOLEAN
# format by 'Standard' when a result turns from text to a number while the document is open)
F_BOOL = '[=1]"SAND";[=0]"FALSK";0'


def a1(c, r, absolute=False):
    """0-based column/row -> 'C6' (or '$C$6')."""
    if absolute:
        return f"${col_name(c)}${r + 1}"
    return f"{col_name(c)}{r + 1}"


def rng(c0, r0, c1, r1, absolute=False):
    return f"{a1(c0, r0, absolute)}:{a1(c1, r1, absolute)}"


def enum(typ, value):
    return uno.Enum(typ, value)


def border(width=26, color=0x7F7F7F):
    b = BorderLine2()
    b.OuterLineWidth = width
    b.LineWidth = width
    b.Color = color
    return b


# ---------------------------------------------------------------- the workbook
class Book:
    """A new Calc document with the socinv cell styles and Danish number formats."""

    def __init__(self, office, template=None):
        self.office = office
        if template:
            url = uno.systemPathToFileUrl(office.copy_in(template))
            self.doc = office._track(office.desktop.loadComponentFromURL(
                url, "_blank", 0, props(Hidden=True, AsTemplate=True)))
        else:
            self.doc = office.new_spreadsheet()
            self.doc.CharLocale = DA
            self._styles()
            self._page()
        self.nf = self.doc.NumberFormats

    def fmt(self, code):
        key = self.doc.NumberFormats.queryKey(code, DA, False)
        if key == -1:
            key = self.doc.NumberFormats.addNew(code, DA)
        return key

    def _style(self, name, parent="Default", **p):
        fam = self.doc.StyleFamilies.getByName("CellStyles")
        st = self.doc.createInstance("com.sun.star.style.CellStyle")
        fam.insertByName(name, st)
        st.ParentStyle = parent
        for k, v in p.items():
            st.setPropertyValue(k, v)
        return st

    def _styles(self):
        italic = enum("com.sun.star.awt.FontSlant", "ITALIC")
        right = enum("com.sun.star.table.CellHoriJustify", "RIGHT")
        left = enum("com.sun.star.table.CellHoriJustify", "LEFT")
        thin, rule = border(), border(35, NAVY)
        S = self._style
        S("BC Titel", CharHeight=15.0, CharWeight=BOLD, CharColor=NAVY)
        S("BC Undertitel", CharHeight=10.0, CharPosture=italic, CharColor=GREY)
        S("BC Note", CharHeight=9.0, CharColor=GREY, IsTextWrapped=True, VertJustify=1)
        S("BC Afsnit", CharHeight=11.0, CharWeight=BOLD, CharColor=NAVY, BottomBorder=rule)
        S("BC Tekst", IsTextWrapped=True, VertJustify=2)
        S("BC Tabelhoved", CharWeight=BOLD, CellBackColor=HEAD_FILL, BottomBorder=thin, IsTextWrapped=True,
          VertJustify=2)
        S("BC Tabelhoved år", parent="BC Tabelhoved", HoriJustify=right, NumberFormat=self.fmt(F_YEAR))
        S("BC Overskrift", CharWeight=BOLD, CharPosture=italic)
        S("BC Beløb", NumberFormat=self.fmt(F_AMOUNT), HoriJustify=right, VertJustify=2)
        S("BC Subtotal", parent="BC Beløb", CharWeight=BOLD, TopBorder=thin)
        S("BC Subtotal tekst", CharWeight=BOLD, TopBorder=thin, IsTextWrapped=True, VertJustify=2)
        S("BC Total", parent="BC Beløb", CharWeight=BOLD, CellBackColor=TOTAL_FILL, TopBorder=thin, BottomBorder=thin)
        S("BC Total tekst", CharWeight=BOLD, CellBackColor=TOTAL_FILL, TopBorder=thin, BottomBorder=thin,
          IsTextWrapped=True, VertJustify=2)
        S("BC Beregnet", parent="BC Beløb", CellBackColor=RESULT_FILL)
        S("BC Resultat", CharWeight=BOLD, CellBackColor=RESULT_FILL, HoriJustify=right, VertJustify=2)
        S("BC Resultat beløb", parent="BC Resultat", NumberFormat=self.fmt(F_AMOUNT))
        S("BC Resultat år", parent="BC Resultat", NumberFormat=self.fmt(F_YEARS))
        S("BC Resultat årstal", parent="BC Resultat", NumberFormat=self.fmt(F_YEAR))
        S("BC Resultat brøk", parent="BC Resultat", NumberFormat=self.fmt(F_YEARS2))
        S("BC Resultat mio", parent="BC Resultat", NumberFormat=self.fmt(F_MIO))
        S("BC Kontrol", CharWeight=BOLD, CellBackColor=RESULT_FILL, HoriJustify=left, VertJustify=2,
          NumberFormat=self.fmt(F_BOOL))
        S("BC Forklaring", CharHeight=9.0, CharColor=GREY, CharPosture=italic, VertJustify=2)
        S("BC Input", CellBackColor=INPUT_FILL)
        S("BC Input beløb", parent="BC Beløb", CellBackColor=INPUT_FILL)
        S("BC Input mio", CellBackColor=INPUT_FILL, NumberFormat=self.fmt(F_MIO), HoriJustify=right)
        S("BC Input år", parent="BC Tabelhoved år", CellBackColor=INPUT_FILL)
        S("BC Input tekst", CellBackColor=INPUT_FILL, IsTextWrapped=True, VertJustify=2)
        S("BC Input faktor", CellBackColor=INPUT_FILL, NumberFormat=self.fmt(F_FACTOR), HoriJustify=right)
        S("BC Mio", NumberFormat=self.fmt(F_MIO), HoriJustify=right)
        S("BC Mio total", parent="BC Mio", CharWeight=BOLD, CellBackColor=TOTAL_FILL, TopBorder=thin,
          BottomBorder=thin)
        S("BC Figurdata", parent="BC Beløb", CharHeight=9.0, CharColor=GREY)
        S("BC Figurdata år", parent="BC Figurdata", NumberFormat=self.fmt(F_YEAR))
        S("BC Fejl", CharColor=RED, CharWeight=BOLD, CellBackColor=0xFCE4E4)

    def _page(self):
        ps = self.doc.StyleFamilies.getByName("PageStyles").getByName("Default")
        ps.IsLandscape = True
        ps.Width, ps.Height = 29700, 21000
        ps.LeftMargin = ps.RightMargin = 1500
        ps.TopMargin = ps.BottomMargin = 1300
        ps.HeaderIsOn = False
        ps.FooterIsOn = False
        ps.ScaleToPagesX = 1
        ps.ScaleToPagesY = 0
        ps.CenterHorizontally = False

    def fit(self, pages):
        """Printed one page wide, in `pages` pages: the manual page breaks decide the pages
        (LibreOffice ignores them when the height is fitted too), so this only documents it."""
        ps = self.doc.StyleFamilies.getByName("PageStyles").getByName("Default")
        ps.ScaleToPagesX = 1
        ps.ScaleToPagesY = 0

    def properties(self, title, description):
        dp = self.doc.DocumentProperties
        dp.Title = title
        dp.Description = description
        dp.Author = "socinv"
        dp.Language = DA
        dp.Keywords = ("socinv", "business case", "social investering")

    def sheet(self, name, index=0):
        sheets = self.doc.Sheets
        if index < sheets.Count:
            sh = sheets.getByIndex(index)
            sh.Name = name
        else:
            sheets.insertNewByName(name, index)
            sh = sheets.getByName(name)
        return Sheet(self, sh, index)

    def name(self, name, sheet, c0, r0, c1=None, r1=None):
        """A named range (absolute), e.g. Tilbagebetaling_total -> $'Business case'.$B$31."""
        ref = a1(c0, r0, True) if c1 is None else rng(c0, r0, c1, r1, True)
        ref = ref.replace(":", f":$'{sheet.sh.Name}'.") if c1 is not None else ref
        content = f"$'{sheet.sh.Name}'.{ref}"
        addr = uno.createUnoStruct("com.sun.star.table.CellAddress")
        addr.Sheet = sheet.index
        self.doc.NamedRanges.addNewByName(name, content, addr, 0)

    def save(self, path, fmt):
        """Store in the office's temp dir, then copy to path."""
        filt = {"ods": "calc8", "ots": "calc8_template"}[fmt]
        tmp = os.path.join(self.office.docdir, os.path.basename(path))
        self.doc.storeToURL(uno.systemPathToFileUrl(tmp), props(FilterName=filt, Overwrite=True))
        shutil.copyfile(tmp, path)
        os.chmod(path, 0o644)
        return path


class Sheet:
    def __init__(self, book, sh, index):
        self.book, self.sh, self.index = book, sh, index
        self.row = 0
        self.last_col = 7  # the right edge of notes (H)

    def cell(self, c, r):
        return self.sh.getCellByPosition(c, r)

    def put(self, c, r, value, style=None):
        """A number, a text, or a formula ('=...', English function names, ';' separators)."""
        cell = self.cell(c, r)
        if value is None:
            pass
        elif isinstance(value, str) and value.startswith("="):
            cell.setFormula(value)
        elif isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(float(value))
        if style:
            cell.CellStyle = style
            if isinstance(value, str) and value.startswith("="):
                # a formula whose result is first text ("") and later a number gets a hard
                # 'Standard' format from Calc that hides the style's (BOOLEAN shows 1, not
                # SAND): give the cell the style's format as its own
                cell.NumberFormat = self.book.doc.StyleFamilies.getByName("CellStyles").getByName(
                    style).NumberFormat
        return cell

    def array(self, c, r0, r1, formula, style):
        """One array formula over the column c, rows r0..r1 (the portfolio form: a result per row)."""
        rg = self.sh.getCellRangeByName(rng(c, r0, c, r1))
        rg.setArrayFormula(formula)
        rg.CellStyle = style
        rg.NumberFormat = self.book.doc.StyleFamilies.getByName("CellStyles").getByName(style).NumberFormat
        return rg

    def line(self, values, styles=None, style=None, height=None):
        """Values from column A on the current row; returns the row (0-based) and moves on."""
        r = self.row
        n = max(len(values), len(styles) if styles else 0)
        values = list(values) + [None] * (n - len(values))
        for c, v in enumerate(values):
            st = styles[c] if styles and c < len(styles) and styles[c] else style
            if v is None and not st:
                continue
            self.put(c, r, v, st)
        if height:
            self.sh.Rows.getByIndex(r).Height = height
        self.row += 1
        return r

    def skip(self, n=1):
        self.row += n

    def widths(self, cm):
        for c, w in enumerate(cm):
            self.sh.Columns.getByIndex(c).Width = int(w * 1000)

    def merged(self, text, style, lines=1, last_col=None, line_height=420):
        """Text over A..last_col, wrapped, with a height for `lines` lines (merged cells get
        no optimal height)."""
        r = self.row
        last = self.last_col if last_col is None else last_col
        self.put(0, r, text, style)
        self.sh.getCellRangeByName(rng(0, r, last, r)).merge(True)
        self.sh.Rows.getByIndex(r).Height = lines * line_height + 80
        self.row += 1
        return r

    def title(self, title, subtitle):
        self.put(0, self.row, title, "BC Titel")
        self.sh.Rows.getByIndex(self.row).Height = 800
        self.row += 1
        self.put(0, self.row, subtitle, "BC Undertitel")
        self.row += 2

    def notes(self, paragraphs, chars_per_line=150):
        for p in paragraphs:
            lines = max(1, -(-len(p) // chars_per_line))
            self.merged(p, "BC Note", lines)
        self.skip()

    def section(self, text, last_col=None):
        r = self.row
        last = self.last_col if last_col is None else last_col
        for c in range(last + 1):
            self.put(c, r, None, "BC Afsnit")
        self.put(0, r, text, "BC Afsnit")
        self.sh.Rows.getByIndex(r).Height = 650
        self.row += 1
        return r

    def optimal_heights(self, r0, r1):
        for r in range(r0, r1 + 1):
            self.sh.Rows.getByIndex(r).OptimalHeight = True

    def highlight_nonzero(self, c0, r0, c1, r1):
        """Red when a difference is not 0 (conditional format)."""
        rg = self.sh.getCellRangeByName(rng(c0, r0, c1, r1))
        cf = rg.ConditionalFormat
        cf.addNew(props(Operator=enum("com.sun.star.sheet.ConditionOperator", "NOT_EQUAL"),
                        Formula1="0", StyleName="BC Fejl"))
        rg.ConditionalFormat = cf

    def key(self, label, formula, style, why, name=None, col=1, chars_per_line=78):
        """A key result: label in A, value in B, the explanation over C..H (wrapped)."""
        r = self.line([label], styles=["BC Tekst"])
        self.put(col, r, formula, style)
        self.explain(col + 1, r, why, chars_per_line)
        if name:
            self.book.name(name, self, col, r)
        return r

    def key_wide(self, label, formula, style, why, name=None):
        """A key result whose value is a sentence: the value over B..H, the explanation below it."""
        r = self.line([label], styles=["BC Tekst"])
        self.put(1, r, formula, style)
        self.sh.getCellRangeByName(rng(1, r, self.last_col, r)).merge(True)
        if name:
            self.book.name(name, self, 1, r)
        r2 = self.line([None])
        self.explain(1, r2, why, 105)
        return r

    def explain(self, c0, r, text, chars_per_line=78):
        """An explanation over c0..last column, wrapped; the row is as high as the explanation
        or the (wrapped) label in A needs."""
        self.put(c0, r, text, "BC Forklaring")
        self.sh.getCellRangeByName(rng(c0, r, self.last_col, r)).merge(True)
        self.cell(c0, r).IsTextWrapped = True
        lines = max(1, -(-len(text) // chars_per_line))
        row = self.sh.Rows.getByIndex(r)
        row.OptimalHeight = True
        row.Height = max(row.Height, 480, lines * 400 + 80)

    def page_break(self):
        self.sh.Rows.getByIndex(self.row).IsStartOfNewPage = True

    def chart(self, name, c0, r0, c1, r1, top_row, title, lines, y_title="1.000 kr.",
              width=None, height=9000, colors=None):
        """Columns for all series but the last `lines`, which are lines. Data: rows are
        series, the first row holds the categories (years), the first column the names."""
        pos = self.cell(0, top_row).Position
        if width is None:
            end = self.cell(self.last_col + 1, top_row).Position
            width = end.X - pos.X
        area = CellRangeAddress()
        area.Sheet, area.StartColumn, area.StartRow, area.EndColumn, area.EndRow = self.index, c0, r0, c1, r1
        charts = self.sh.Charts
        charts.addNewByName(name, Rectangle(pos.X, pos.Y, width, height), (area,), True, True)
        emb = charts.getByName(name).EmbeddedObject
        emb.lockControllers()
        diag = emb.createInstance("com.sun.star.chart.BarDiagram")
        emb.setDiagram(diag)
        diag = emb.Diagram
        diag.DataRowSource = enum("com.sun.star.chart.ChartDataRowSource", "ROWS")
        diag.NumberOfLines = lines
        diag.HasXAxisGrid = False
        diag.HasYAxisGrid = True
        diag.HasYAxisTitle = True
        diag.YAxisTitle.String = y_title
        diag.YAxisTitle.CharHeight = 9.0
        with_suppress(diag.Wall, "FillColor", 0xFFFFFF)
        with_suppress(diag.XAxis, "LabelPosition",
                      enum("com.sun.star.chart.ChartAxisLabelPosition", "OUTSIDE_START"))
        with_suppress(diag.XAxis, "TextBreak", False)
        emb.HasMainTitle = True
        emb.Title.String = title
        emb.Title.CharHeight = 12.0
        emb.HasLegend = True
        emb.Legend.Alignment = enum("com.sun.star.chart.ChartLegendPosition", "BOTTOM")
        n = r1 - r0
        colors = colors or SERIES
        for i in range(n):
            p = diag.getDataRowProperties(i)
            color = colors[i % len(colors)]
            with_suppress(p, "FillColor", color)
            with_suppress(p, "LineColor", color)
            if i >= n - lines:
                with_suppress(p, "LineWidth", 70)
                with_suppress(p, "SymbolType", uno.getConstantByName("com.sun.star.chart.ChartSymbolType.AUTO"))
        emb.unlockControllers()
        return height


def with_suppress(obj, prop, value):
    """Set a chart property where this LibreOffice has it (the old chart API differs between
    versions and between series kinds); the chart is still right without it."""
    try:
        obj.setPropertyValue(prop, value)
    except Exception:
        pass


# ---------------------------------------------------------------- shared blocks
def table(sheet, header, years, rows, year_style="BC Tabelhoved år"):
    """A Copenhagen table as printed. rows: (label, area, [amount per year] or None, kind) with kind
    'heading', 'line', 'subtotal', 'total', 'payback' (then amounts = [value]).
    Returns {label: row}, and (first row = header, last row)."""
    r0 = sheet.line([header, "Styringsområde"] + list(years),
                    styles=["BC Tabelhoved", "BC Tabelhoved"] + [year_style] * len(years))
    at = {}
    ny = len(years)
    for label, area, amounts, kind in rows:
        amounts = amounts or []
        if kind == "heading":
            r = sheet.line([label], styles=["BC Overskrift"])
        elif kind == "payback":
            r = sheet.line([label, amounts[0]], styles=["BC Subtotal tekst", "BC Resultat"])
            for c in range(2, 2 + ny):
                sheet.put(c, r, None, "BC Subtotal")
        else:
            st, tst = {"line": ("BC Beløb", "BC Tekst"), "subtotal": ("BC Subtotal", "BC Subtotal tekst"),
                       "total": ("BC Total", "BC Total tekst")}[kind]
            vals = [label, area or None] + list(amounts) + [None] * (ny - len(amounts))
            r = sheet.line(vals, styles=[tst, tst] + [st] * ny)
        at[label] = r
    return at, (r0, sheet.row - 1)


def figure_block(sheet, years_ref, series, horizon, note):
    """Figure data: year labels and one row per series, extended beyond the table as PAYBACK
    counts (the last year repeats). series: (name, source row range such as '$C$20:$H$20',
    cumulative?). The rows are contiguous, for the chart. Returns (year row, [series rows])."""
    first_src = series[0][1]
    n = f"COUNT({first_src})"
    r_year = sheet.line([None, "1.000 kr."], styles=[None, "BC Figurdata"])
    for k in range(1, horizon + 1):
        f = (f'=IF({n}=0;"";IF({k}<={n};INDEX({years_ref};{k});'
             f'TEXT(INDEX({years_ref};{n})+{k}-{n};"0")&"*"))')
        sheet.put(1 + k, r_year, f, "BC Figurdata år")
    rows = []
    for name, src, cumulative in series:
        r = sheet.row
        sheet.put(1, r, name, "BC Figurdata")
        m = f"COUNT({src})"
        for k in range(1, horizon + 1):
            ext = f"IF({k}<={m};INDEX({src};{k});INDEX({src};{m}))"
            if cumulative and k > 1:
                f = f'=IF({m}=0;"";{a1(k, r)}+{ext})'
            else:
                f = f'=IF({m}=0;"";{ext})'
            sheet.put(1 + k, r, f, "BC Figurdata")
        rows.append(r)
        sheet.row += 1
    sheet.line([None, note], styles=[None, "BC Forklaring"])
    return r_year, rows


def cumulative_figure(sheet, years_ref, series, horizon, note, title, lines=2, name="Akkumuleret_total",
                      **chart):
    """A case's figure: its data (figure_block), the second series (the cumulative) named, and the
    chart below it; the last `lines` series are lines, the others columns."""
    r_year, rows = figure_block(sheet, years_ref, series, horizon, note)
    sheet.book.name(name, sheet, 2, rows[1], 1 + horizon, rows[1])
    sheet.skip()
    sheet.chart("Tilbagebetaling", 1, r_year, 1 + horizon, rows[-1], sheet.row, title, lines, **chart)


# ---------------------------------------------------------------- 001 Copenhagen pilot
# The text breaks one of seed 001's areas at a line end; the workbooks show it whole
MENDED_AREA = {"Efterspørgselsst yret indsats": "Efterspørgselsstyret indsats"}


def printed_rows(table, paybacks):
    """A seed's case table and printed paybacks (examples/seed_tables.py) as table() lays them out."""
    return [(label, MENDED_AREA.get(area, area) or None, amounts or None,
             {"perm": "line", "impl": "line"}.get(kind, kind)) for label, area, amounts, kind in table] + [
        (label, None, [value], "payback") for label, value in paybacks]


YEARS_001 = SEED001_YEARS
ROWS_001 = printed_rows(SEED001, SEED001_PAYBACKS)


def netimpact_rows(sheet, tbl, ny, basis_rows):
    """One row per basis: NETIMPACT of the whole printed table, one formula per year."""
    out = {}
    for label, basis, name in basis_rows:
        r = sheet.line([label], styles=["BC Tekst"])
        for k in range(1, ny + 1):
            arg = f';;;"{basis}";{k}' if basis else f";;;;{k}"
            sheet.put(1 + k, r, f"=NETIMPACT({tbl}{arg})", "BC Beregnet")
        if name:
            sheet.book.name(name, sheet, 2, r, 1 + ny, r)
        out[basis or "total"] = r
    return out


def copenhagen_001(office):
    b = Book(office)
    b.properties("Business case 001: Helhedsorienteret indsats for udsatte familier",
                 "Københavns Kommune, pilotprojekt (seed 001). Tabellen som trykt; socinv beregner "
                 "økonomisk påvirkning, tilbagebetalingstid, kontrol og nutidsværdi.")
    s = b.sheet("Business case")
    s.widths([9.2, 4.6, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2])
    s.title("Pilotprojekt vedr. helhedsorienteret indsats for udsatte familier",
            "Københavns Kommune · Smarte investeringer i kernevelfærden · Socialforvaltningen (forslagsstiller)")
    s.notes([
        "Tabel 1.1 er gengivet som trykt i business casen (socinv: tests/data/seeds/001). Beløb i 1.000 kr., "
        "2018 p/l. Alle besparelser er angivet med negativt (-) fortegn.",
        "De grønne felter beregnes af tilføjelsesprogrammet socinv direkte fra tabellen: NETTOEFFEKT læser hele "
        "tabellen ud fra teksterne og kolonnen Styringsområde. Uden socinv installeret viser de #NAVN?.",
    ])
    s.section("1.1 Forslagets samlede økonomiske konsekvenser")
    at, (t0, t1) = table(s, "1.000 kr. 2018 p/l", YEARS_001, ROWS_001)
    s.optimal_heights(t0, t1)
    ny = len(YEARS_001)
    tbl = rng(0, t0, 1 + ny, t1, True)
    b.name("Tabel", s, 0, t0, 1 + ny, t1)
    net = at["Samlet økonomisk påvirkning"]
    s.skip()

    s.section("Beregnet af socinv")
    rows = netimpact_rows(s, tbl, ny, [
        ("Samlet økonomisk påvirkning, totaløkonomi (NETTOEFFEKT)", None, "Nettoeffekt_total"),
        ("Økonomisk påvirkning, serviceeffektivisering (NETTOEFFEKT, \"service\")", "service",
         "Nettoeffekt_service"),
    ])
    r_diff = s.line(["Forskel til trykt samlet påvirkning"], styles=["BC Tekst"])
    for k in range(ny):
        s.put(2 + k, r_diff, f"={a1(2 + k, rows['total'])}-{a1(2 + k, net)}", "BC Beløb")
    s.highlight_nonzero(2, r_diff, 1 + ny, r_diff)
    s.optimal_heights(rows["total"], r_diff)
    s.skip()
    tot_row = rng(2, rows["total"], 1 + ny, rows["total"], True)
    srv_row = rng(2, rows["service"], 1 + ny, rows["service"], True)
    s.key("Tilbagebetalingstid, serviceeffektivisering", f"=PAYBACK({srv_row})", "BC Resultat år",
          "TILBAGEBETALINGSTID af serviceeffektiviseringen (varige ændringer på Service + alle "
          "implementeringsomkostninger); trykt: 3", "Tilbagebetaling_service")
    s.key("Tilbagebetalingstid, totaløkonomi", f"=PAYBACK({tot_row})", "BC Resultat år",
          "første år den akkumulerede påvirkning er under 0; trykt: 3", "Tilbagebetaling_total")
    s.key("Tilbagebetalt i år (totaløkonomi)", f"={a1(2, t0, True)}+Tilbagebetaling_total-1", "BC Resultat årstal",
          "første år + tilbagebetalingstid - 1", "Tilbagebetalt_aar")
    s.key("Tilbagebetalingstid med brøkdel", f"=PAYBACK({tot_row};1)", "BC Resultat brøk",
          "interpoleret inden for året (metode 1): 2 + 381 / (381 + 1.170)", "Tilbagebetaling_broek")
    s.key("Diskonteret tilbagebetalingstid (DK2021)", f"=PAYBACKDISC({tot_row})", "BC Resultat år",
          "TILBAGEBETALINGSTID.DISK med Finansministeriets diskonteringsrente (3,5 % år 1-35)",
          "Tilbagebetaling_disk")
    s.key("Nutidsværdi af samlet påvirkning (DK2021)", f"=NPVSOC({tot_row})", "BC Resultat beløb",
          "NUTIDSVÆRDI.SAMF, 1.000 kr.; første år udiskonteret; negativ = nettogevinst", "Nutidsvaerdi")
    s.key("Kontrol af tabellen", f"=CASECHECK({tbl})", "BC Kontrol",
          "CASEKONTROL: subtotaler, samlet påvirkning og tilbagebetalingstider stemmer med linjerne og reglen",
          "Kontrol")
    s.skip()

    s.page_break()
    s.section("Figur: akkumuleret økonomisk påvirkning")
    cumulative_figure(s, rng(2, t0, 1 + ny, t0, True), [
        ("Årlig påvirkning, totaløkonomi", tot_row, False),
        ("Akkumuleret, totaløkonomi", tot_row, True),
        ("Akkumuleret, serviceeffektivisering", srv_row, True),
    ], 6, "* efter tabellens sidste år gentages sidste års påvirkning (den varige effekt), "
          "sådan som tilbagebetalingstiden regnes",
        "Akkumuleret økonomisk påvirkning – tilbagebetalt når kurven er under 0")
    b.fit(2)
    return b


# ---------------------------------------------------------------- 003 TV04
YEARS_24 = [2024, 2025, 2026, 2027, 2028, 2029]
ROWS_TV04 = printed_rows(SEED003_TV04, SEED003_TV04_PAYBACKS)


def copenhagen_tv04(office):
    b = Book(office)
    b.properties("Business case TV04: trykt og genberegnet økonomisk påvirkning",
                 "Københavns Kommune, TV04(2025) (seed 003). Den trykte række 'Samlet økonomisk påvirkning' "
                 "stemmer ikke med linjerne i 2026-2027; CASEKONTROL finder det.")
    s = b.sheet("TV04")
    s.widths([9.6, 3.3, 2.1, 2.1, 2.1, 2.1, 2.1, 2.1])
    s.title("TV04(2025) Styrket fælles indsats for sårbare og udsatte 4 til 6-årige og deres familier",
            "Københavns Kommune · Katalog over investerings- og innovationsforslag til overførselssagen "
            "2023-2024 · SOF og BUF")
    s.notes([
        "Tabel 1 'Forslagets samlede økonomiske konsekvenser' er gengivet som trykt. Beløb i 1.000 kr., 2024 p/l; "
        "alle besparelser er angivet med negativt (-) fortegn.",
        "Den trykte række 'Samlet økonomisk påvirkning' er forkert i 2026 og 2027: 4.850 og 3.950, hvor "
        "linjerne giver 6.200 - 2.450 = 3.750 og 4.550 - 2.800 = 1.750. socinv genberegner rækken fra "
        "linjerne (grønne felter) og CASEKONTROL peger på fejlen.",
        "Kilde: bilag 2, katalog over investerings- og innovationsforslag, Københavns Kommune (socinv: "
        "tests/data/seeds/003, TV04).",
    ])
    s.section("Tabel 1. Forslagets samlede økonomiske konsekvenser")
    at, (t0, t1) = table(s, "1.000 kr. 2024 p/l", YEARS_24, ROWS_TV04)
    s.optimal_heights(t0, t1)
    ny = len(YEARS_24)
    tbl = rng(0, t0, 1 + ny, t1, True)
    b.name("Tabel", s, 0, t0, 1 + ny, t1)
    net, perm = at["Samlet økonomisk påvirkning"], at["Samlet varig ændring"]
    impl = at["Samlede implementeringsomkostninger"]
    s.skip()

    s.section("Trykt og genberegnet")
    r_perm = s.line(["Samlet varig ændring, trykt"], styles=["BC Tekst"])
    r_impl = s.line(["Samlede implementeringsomkostninger, trykt"], styles=["BC Tekst"])
    r_pr = s.line(["Samlet økonomisk påvirkning, trykt"], styles=["BC Subtotal tekst", "BC Subtotal tekst"])
    for k in range(ny):
        s.put(2 + k, r_perm, f"={a1(2 + k, perm)}", "BC Beløb")
        s.put(2 + k, r_impl, f"={a1(2 + k, impl)}", "BC Beløb")
        s.put(2 + k, r_pr, f"={a1(2 + k, net)}", "BC Subtotal")
    rows = netimpact_rows(s, tbl, ny, [
        ("Samlet økonomisk påvirkning, genberegnet af linjerne (NETTOEFFEKT)", None, "Nettoeffekt_total"),
        ("Serviceeffektivisering, genberegnet (NETTOEFFEKT, \"service\")", "service", "Nettoeffekt_service")])
    r_diff = s.line(["Forskel: trykt - genberegnet"], styles=["BC Subtotal tekst"])
    for k in range(ny):
        s.put(2 + k, r_diff, f"={a1(2 + k, r_pr)}-{a1(2 + k, rows['total'])}", "BC Subtotal")
    s.put(1, r_diff, None, "BC Subtotal")
    b.name("Forskel", s, 2, r_diff, 1 + ny, r_diff)
    s.highlight_nonzero(2, r_diff, 1 + ny, r_diff)
    s.optimal_heights(r_perm, r_diff)
    s.skip()
    tot_row = rng(2, rows["total"], 1 + ny, rows["total"], True)
    srv_row = rng(2, rows["service"], 1 + ny, rows["service"], True)
    printed_row = rng(2, net, 1 + ny, net, True)
    s.page_break()
    s.section("Resultater")
    s.key_wide("Kontrol af tabellen (CASEKONTROL)", f"=CASECHECK({tbl})", "BC Kontrol",
               "Første fejl CASEKONTROL finder: den trykte samlede påvirkning i 2026 stemmer ikke med linjerne. "
               "Subtotalerne og tilbagebetalingstiderne (9 år) stemmer.", "Kontrol")
    s.key("Antal fejl i tabellen", f"=CASECHECK({tbl};;1)", "BC Resultat",
          "CASEKONTROL(tabel;;1): 2026 og 2027", "Antal_fejl")
    s.key_wide("Den trykte række mod subtotalerne (TABELKONTROL)",
               f"=TABLECHECK({rng(2, r_perm, 1 + ny, r_impl, True)};{printed_row})",
               "BC Kontrol", "TABELKONTROL af 'Samlet økonomisk påvirkning' mod 'Samlet varig ændring' og "
               "'Samlede implementeringsomkostninger': år 3 = 2026", "Tabelkontrol")
    s.key("Tilbagebetalingstid, totaløkonomi (genberegnet)", f"=PAYBACK({tot_row})", "BC Resultat år",
          "akkumuleret 350, 6.300, 10.050, 11.800, 8.900, 6.000, derefter -2.900 om året: under 0 i år 9; trykt: 9 år",
          "Tilbagebetaling_total")
    s.key("Tilbagebetalingstid, serviceeffektivisering", f"=PAYBACK({srv_row})", "BC Resultat år",
          "alle linjer er Service, så det er samme række; trykt: 9 år", "Tilbagebetaling_service")
    s.key("Tilbagebetalt i år", f"={a1(2, t0, True)}+Tilbagebetaling_total-1", "BC Resultat årstal",
          "2024 + 9 - 1", "Tilbagebetalt_aar")
    s.key("Tilbagebetalingstid af den trykte (forkerte) række", f"=PAYBACK({printed_row})", "BC Resultat år",
          "den trykte række ville give 10 år: de trykte 9 år er regnet af de rigtige linjer",
          "Tilbagebetaling_trykt_raekke")
    s.key("Nutidsværdi af genberegnet påvirkning (DK2021)", f"=NPVSOC({tot_row})", "BC Resultat beløb",
          "NUTIDSVÆRDI.SAMF over tabellens 6 år; positiv = nettoudgift inden for tabellens år", "Nutidsvaerdi")
    s.skip()

    s.section("Figur: akkumuleret økonomisk påvirkning, genberegnet og trykt", last_col=1 + 11)
    horizon = 11
    cumulative_figure(s, rng(2, t0, 1 + ny, t0, True), [
        ("Årlig påvirkning, genberegnet", tot_row, False),
        ("Akkumuleret, genberegnet", tot_row, True),
        ("Akkumuleret, trykt række", printed_row, True),
    ], horizon, "* efter tabellens sidste år gentages sidste års påvirkning (-2.900), sådan som "
                "tilbagebetalingstiden regnes",
        "Akkumuleret påvirkning: genberegnet under 0 i 2032 (år 9), den trykte række først i 2033",
        width=s.cell(2 + horizon, 0).Position.X - s.cell(0, 0).Position.X, height=9500,
        colors=[0x4472C4, 0x2F5597, RED])
    b.fit(2)
    return b


# ---------------------------------------------------------------- 000 Herning SIB
SIB_CRITERIA, SIB_GROUP_CAPS, SIB_TOTAL_CAP = seed000_sib()  # read from the agreement's text
# the criteria as the sheet names them: the agreement's headings, saying what is measured
CRITERIA = [(label, cap, group, capit) for label, (_, cap, group, capit) in zip([
    "1. Fald i udgifter til foranstaltninger i myndighedens samlede regnskab",
    "2. Fald i udgifter til forsørgelse af forældre (tabt arbejdsfortjeneste), efter 50 % statsrefusion",
    "3. Fald i antal sager med ambulante indsatser × pris pr. sag (gennemsnit 2022-2024)",
    "4. Udgifter pr. indbygger sammenlignet med landsgennemsnittet",
    "5. Borgernes oplevelse af serviceniveauet (tvangsanbringelser, forældrenes vurdering)",
], SIB_CRITERIA, strict=True)]
SHORT = ["1. Udgifter til foranstaltninger", "2. Tabt arbejdsfortjeneste", "3. Sager med ambulante indsatser",
         "4. Udgift pr. indbygger", "5. Borgernes oplevelse"]
EARNED_A = [1.2, 0.6, 0.6, 0.4, 0.4]  # per year 2026-2028, mio. kr. (the scenario, not the agreement)
YEARS_SIB = [2026, 2027, 2028]


def herning_sib(office):
    b = Book(office)
    b.properties("Herning: gevinstbetaling i den sociale effektinvestering Relationel Velfærd",
                 "Herning Kommune (seed 000): SIB.UDBETALING 2026-2028 med lofter pr. kriterium, pr. gruppe og "
                 "år og i alt; beskårne beløb; pro rata mod rækkefølge; SIB.UDÆKKET.")
    s = b.sheet("Gevinstbetaling")
    s.widths([10.0, 2.8, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6])
    s.title("Relationel Velfærd: gevinstbetaling 2026-2028 med aftalens lofter",
            "Herning Kommune · Økonomi-, Erhvervs- og Uddannelsesudvalget 17.3.2025, punkt 62 · "
            "social effektinvestering med Den Sociale Kapitalfond og RELATION.dk")
    s.notes([
        "Aftalen fastsætter fem succeskriterier med et loft for hver over hele perioden, et loft pr. år for "
        "kriterie 1-3 og for kriterie 4-5, og et samlet loft på 5,58 mio. kr. Beløb i mio. kr. i basisårets priser.",
        "De optjente beløb er et regneeksempel (de gule felter), ikke aftalens tal: kriterie 1 falder 1,2 mio. kr. "
        "om året, kriterie 2 1,2 mio. kr. brutto (0,6 efter refusion), kriterie 3 tre sager à 0,2 mio. kr., "
        "kriterie 4 og 5 0,4 om året. Så binder gruppelofterne hvert år, kriterielofterne for 4 og 5 i 2028 og "
        "det samlede loft i 2028.",
        "Aftalen siger ikke, hvordan et bindende gruppe- eller samlet loft deles mellem kriterierne: socinv "
        "deler pro rata (standard) eller i rækkefølge; begge vises. Kilde: referat 17.3.2025 (socinv: "
        "tests/data/seeds/000).",
    ])
    s.section("Aftalens lofter (mio. kr.)")
    s.line(["Succeskriterium", "Loft i perioden", "Gruppe", "Kapitali-\nserbar"],
           styles=["BC Tabelhoved"] * 4)
    c0 = s.row
    for label, cap, group, capit in CRITERIA:
        r = s.line([label, cap, group, capit], styles=["BC Tekst", "BC Input mio", "BC Input", "BC Input"])
        s.cell(3, r).NumberFormat = b.fmt(F_YESNO)
        s.cell(2, r).HoriJustify = enum("com.sun.star.table.CellHoriJustify", "CENTER")
        s.cell(3, r).HoriJustify = enum("com.sun.star.table.CellHoriJustify", "CENTER")
    g0 = s.line(["Loft pr. år, gruppe 1 (kriterie 1, 2 og 3)", SIB_GROUP_CAPS[0]], styles=["BC Tekst", "BC Input mio"])
    s.line(["Loft pr. år, gruppe 2 (kriterie 4 og 5)", SIB_GROUP_CAPS[1]], styles=["BC Tekst", "BC Input mio"])
    tc = s.line(["Samlet loft for alle kriterier i hele perioden", SIB_TOTAL_CAP], styles=["BC Tekst", "BC Input mio"])
    s.optimal_heights(c0, tc)
    CAPS, GROUPS = rng(1, c0, 1, c0 + 4, True), rng(2, c0, 2, c0 + 4, True)
    CAPIT, GCAPS, TOTAL = rng(3, c0, 3, c0 + 4, True), rng(1, g0, 1, g0 + 1, True), a1(1, tc, True)
    s.skip()

    s.section("Regneeksempel: optjent før lofter (mio. kr.)")
    head = ["Succeskriterium", None] + YEARS_SIB + ["I alt"]
    hst = ["BC Tabelhoved"] * 2 + ["BC Tabelhoved år"] * 3 + ["BC Tabelhoved år"]
    s.line(head, styles=hst)
    e0 = s.row
    for i, v in enumerate(EARNED_A):
        r = s.line([SHORT[i], None, v, v, v], styles=["BC Tekst", None] + ["BC Input mio"] * 3)
        s.put(5, r, f"=SUM({rng(2, r, 4, r)})", "BC Mio")
    e_tot = s.line(["I alt"], styles=["BC Total tekst", "BC Total tekst"])
    for c in range(2, 6):
        s.put(c, e_tot, f"=SUM({rng(c, e0, c, e0 + 4)})", "BC Mio total")
    EARNED = rng(2, e0, 4, e0 + 4, True)
    b.name("Optjent", s, 2, e0, 4, e0 + 4)
    s.skip()

    def sib(*opt, earned=EARNED):
        args = [earned, CAPS, GROUPS, GCAPS, TOTAL] + list(opt)
        while args and args[-1] == "":
            args.pop()
        return "SIBPAYOUT(" + ";".join(args) + ")"

    s.page_break()
    s.section("Udbetaling efter lofter, fordelt pro rata (SIB.UDBETALING)")
    s.line(head, styles=hst)
    p0 = s.row
    for i in range(5):
        r = s.line([SHORT[i]], styles=["BC Tekst"])
        for k in range(1, 4):
            s.put(1 + k, r, "=" + sib("", "", "", '"matrix"', str(k), str(i + 1)), "BC Mio")
        s.put(5, r, "=" + sib("", "", "", '"criterion"', "", str(i + 1)), "BC Resultat mio")
    b.name("Udbetalt_kriterie", s, 5, p0, 5, p0 + 4)
    p_tot = s.line(["Udbetalt i alt"], styles=["BC Total tekst", "BC Total tekst"])
    for k in range(1, 4):
        s.put(1 + k, p_tot, "=" + sib("", "", "", '"year"', str(k)), "BC Mio total")
    s.put(5, p_tot, "=" + sib(), "BC Resultat mio")
    b.name("Udbetalt_aar", s, 2, p_tot, 4, p_tot)
    b.name("Udbetalt_i_alt", s, 5, p_tot)
    s.skip()

    s.section("Beskåret af lofterne (mio. kr.)")
    s.line(["Loft", None] + YEARS_SIB + ["I alt"], styles=hst)
    k0 = s.row
    for label, what, name in [("Kriteriets eget loft over perioden", "cutcriterion", "Beskaaret_kriterie"),
                              ("Gruppens loft pr. år", "cutgroup", "Beskaaret_gruppe"),
                              ("Det samlede loft", "cuttotal", "Beskaaret_samlet")]:
        r = s.line([label], styles=["BC Tekst"])
        for k in range(1, 4):
            s.put(1 + k, r, f"=SUM(INDEX({sib('', '', '', q(what))};0;{k}))", "BC Mio")
        s.put(5, r, f"=SUM({sib('', '', '', q(what))})", "BC Resultat mio")
        b.name(name, s, 5, r)
    k_tot = s.line(["Beskåret i alt"], styles=["BC Total tekst", "BC Total tekst"])
    for c in range(2, 6):
        s.put(c, k_tot, f"=SUM({rng(c, k0, c, k0 + 2)})", "BC Mio total")
    b.name("Beskaaret_i_alt", s, 5, k_tot)
    r = s.line(["Kontrol: optjent - udbetalt"], styles=["BC Tekst"])
    for c in range(2, 6):
        s.put(c, r, f"={a1(c, e_tot)}-{a1(c, p_tot)}", "BC Mio")
    s.skip()

    s.section("Pro rata eller rækkefølge? (mio. kr. over hele perioden)")
    s.line(["Succeskriterium", None, "Pro rata", "Rækkefølge", "Forskel"],
           styles=["BC Tabelhoved"] * 2 + ["BC Tabelhoved år"] * 3)
    o0 = s.row
    for i in range(5):
        r = s.line([SHORT[i]], styles=["BC Tekst"])
        s.put(2, r, f"={a1(5, p0 + i)}", "BC Mio")
        s.put(3, r, "=" + sib("", '"order"', "", '"criterion"', "", str(i + 1)), "BC Mio")
        s.put(4, r, f"={a1(3, r)}-{a1(2, r)}", "BC Mio")
    b.name("Raekkefoelge_kriterie", s, 3, o0, 3, o0 + 4)
    r = s.line(["I alt"], styles=["BC Total tekst", "BC Total tekst"])
    for c in (2, 3, 4):
        s.put(c, r, f"=SUM({rng(c, o0, c, o0 + 4)})", "BC Mio total")
    r = s.line([None])
    s.explain(1, r, "Pro rata: alle kriterier i en gruppe beskæres med samme andel. Rækkefølge: kriterierne "
                    "betales i den anførte rækkefølge, indtil loftet er brugt. Totalen er den samme, fordelingen "
                    "ikke.", 105)
    s.skip()

    s.section("Risiko: udbetaling der ikke kan kapitaliseres (SIB.UDÆKKET)")
    s.key("Kriterie 4 og 5, fordelt pro rata", f"=SIBUNCOVERED({sib('', '', '', q('criterion'))};{CAPIT})",
          "BC Resultat mio", "udbetaling for kriterier der ikke ses som besparelse i budgettet (Kapitaliserbar = Nej)",
          "Udaekket_prorata")
    s.key("Kriterie 4 og 5, i rækkefølge",
          f"=SIBUNCOVERED({sib('', q('order'), '', q('criterion'))};{CAPIT})", "BC Resultat mio",
          "samme med fordeling i rækkefølge", "Udaekket_raekkefoelge")
    s.skip()

    s.section("Med pris- og lønindeks (mio. kr., løbende priser)")
    s.line(["", None] + YEARS_SIB + ["I alt"], styles=hst)
    ix = s.line(["Indeks (faktor; antaget)", None, 1, 1.02, 1.045], styles=["BC Tekst", None] + ["BC Input faktor"] * 3)
    INDEX = rng(2, ix, 4, ix, True)
    r = s.line(["Udbetalt, indekseret (SIB.UDBETALING med indeks)"], styles=["BC Tekst"])
    for k in range(1, 4):
        s.put(1 + k, r, "=" + sib(INDEX, "", "", '"year"', str(k)), "BC Mio")
    s.put(5, r, "=" + sib(INDEX), "BC Resultat mio")
    b.name("Udbetalt_indekseret", s, 5, r)
    s.optimal_heights(ix, r)
    s.skip()

    s.page_break()
    s.section("Figur: optjent, udbetalt og det samlede loft")
    fy = s.line([None, "mio. kr."] + YEARS_SIB, styles=[None, "BC Figurdata"] + ["BC Figurdata år"] * 3)
    s.line([None, "Optjent før lofter"] + [f"={a1(2 + k, e_tot)}" for k in range(3)],
           styles=[None, "BC Figurdata"] + ["BC Figurdata"] * 3)
    s.line([None, "Udbetalt"] + [f"={a1(2 + k, p_tot)}" for k in range(3)],
           styles=[None, "BC Figurdata"] + ["BC Figurdata"] * 3)
    r_acc = s.line([None, "Akkumuleret udbetalt", f"={a1(2, p_tot)}"] +
                   [f"={a1(1 + k, s.row)}+{a1(2 + k, p_tot)}" for k in range(1, 3)],
                   styles=[None, "BC Figurdata"] + ["BC Figurdata"] * 3)
    r_cap = s.line([None, "Samlet loft"] + [f"={TOTAL}"] * 3, styles=[None, "BC Figurdata"] + ["BC Figurdata"] * 3)
    for r in range(fy + 1, r_cap + 1):
        for c in range(2, 5):
            s.cell(c, r).NumberFormat = b.fmt(F_MIO)
    s.skip()
    s.chart("Gevinstbetaling", 1, fy, 4, r_cap, s.row,
            "Gevinstbetaling pr. år: lofterne beskærer, og i 2028 er det samlede loft nået", 2,
            y_title="mio. kr.", colors=[0xA5A5A5, 0x4472C4, 0x2F5597, RED])
    b.fit(3)
    return b


def q(text):
    return '"' + text + '"'


# ---------------------------------------------------------------- 002 recovery plan
YEARS_002 = SEED002_YEARS


def recovery_002(office):
    b = Book(office)
    b.properties("Økonomisk genopretning: netto-udestående med og uden overførsel",
                 "Reduktionsmål og initiativer (seed 002). NETTOUDESTÅENDE giver den trykte række og "
                 "læsningen hvor manglende reduktion overføres til næste år.")
    s = b.sheet("Netto-udestående")
    s.last_col = 6
    s.widths([9.5, 2.4, 2.4, 2.4, 2.4, 2.4, 2.4])
    s.title("Økonomisk genopretning af myndighedsområderne: netto-udestående",
            "Notatark til styregruppen 20.4.2021 · Beskrivelse af initiativer, status april 2021")
    s.notes([
        "Økonomioversigten er gengivet som trykt. Beløb i 1.000 kr.; reduktioner med negativt fortegn; "
        "'-' betyder intet beløb.",
        "Den trykte række 'Netto-udestående' er reduktionsmålet minus den opnåede reduktion, hvert år for sig. "
        "Teksten siger samtidig, at et års manglende reduktion 'overføres og lægges oveni reduktionsmålet for "
        "det efterfølgende år'. socinv (NETTOUDESTÅENDE) regner begge læsninger; en overopfyldelse overføres ikke.",
        "Kilde: notatark 'Økonomisk genopretning af myndighedsområderne' (socinv: tests/data/seeds/002).",
    ], chars_per_line=130)
    s.section("Økonomioversigt")
    s.line(["(1.000 kr.)"] + YEARS_002, styles=["BC Tabelhoved"] + ["BC Tabelhoved år"] * 4)
    tgt = s.line(SEED002_TARGET, styles=["BC Subtotal tekst"] + ["BC Subtotal"] * 4)
    s.line(["Initiativer (status april 2021):"], styles=["BC Overskrift"])
    i0 = s.row
    for label, *vals in SEED002_INITIATIVES:
        s.line([label] + vals, styles=["BC Tekst"] + ["BC Beløb"] * 4)
    i1 = s.row - 1
    printed = s.line(SEED002_PRINTED, styles=["BC Total tekst"] + ["BC Total"] * 4)
    s.skip()

    s.section("Beregnet af socinv")
    ach = s.line(["Opnået reduktion i alt (summen af initiativerne)"] +
                 [f"=SUM({rng(1 + k, i0, 1 + k, i1)})" for k in range(4)],
                 styles=["BC Tekst"] + ["BC Beregnet"] * 4)
    b.name("Opnaaet", s, 1, ach, 4, ach)
    T, A = rng(1, tgt, 4, tgt, True), rng(1, ach, 4, ach, True)
    gap = s.line(["Netto-udestående, hvert år for sig (NETTOUDESTÅENDE)"] +
                 [f"=TARGETGAP({T};{A};FALSE();{k})" for k in range(1, 5)],
                 styles=["BC Tekst"] + ["BC Beregnet"] * 4)
    b.name("Udestaaende", s, 1, gap, 4, gap)
    diff = s.line(["Forskel til den trykte række"] + [f"={a1(1 + k, gap)}-{a1(1 + k, printed)}" for k in range(4)],
                  styles=["BC Tekst"] + ["BC Beløb"] * 4)
    s.highlight_nonzero(1, diff, 4, diff)
    b.name("Forskel", s, 1, diff, 4, diff)
    carry = s.line(["Netto-udestående, manglende reduktion overført til næste år (NETTOUDESTÅENDE, SAND)"] +
                   [f"=TARGETGAP({T};{A};TRUE();{k})" for k in range(1, 5)],
                   styles=["BC Subtotal tekst"] + ["BC Subtotal"] * 4)
    for c in range(1, 5):
        s.cell(c, carry).CellBackColor = RESULT_FILL
    b.name("Udestaaende_overfoert", s, 1, carry, 4, carry)
    s.optimal_heights(ach, carry)
    s.skip()
    s.key("Udestående i 2024, hvert år for sig", f"={a1(4, gap)}", "BC Resultat beløb",
          "som den trykte række: -7.000 - (-2.280) = -4.720", "Udestaaende_2024", chars_per_line=60)
    s.key("Udestående i 2024, med overførsel", f"={a1(4, carry)}", "BC Resultat beløb",
          "2023: -5.000 - 720 + 2.280 = -3.440; 2024: -7.000 - 3.440 + 2.280 = -8.160", "Udestaaende_overfoert_2024",
          chars_per_line=60)
    s.skip()

    s.page_break()
    s.section("Figur: reduktionsmål, opnået reduktion og netto-udestående")
    fy = s.line([None] + YEARS_002, styles=[None] + ["BC Figurdata år"] * 4)
    s.put(0, fy, "1.000 kr.", "BC Figurdata")
    r_last = fy
    for label, row in [("Reduktionsmål", tgt), ("Opnået reduktion", ach), ("Netto-udestående, hvert år for sig", gap),
                       ("Netto-udestående, med overførsel", carry)]:
        r_last = s.line([label] + [f"={a1(1 + k, row)}" for k in range(4)],
                        styles=["BC Figurdata"] + ["BC Figurdata"] * 4)
    s.line(["Negative tal er reduktioner; udestående under 0 er reduktion der mangler."], styles=["BC Forklaring"])
    s.skip()
    s.chart("Udestaaende", 0, fy, 4, r_last, s.row,
            "Reduktionsmål, opnået reduktion og netto-udestående (1.000 kr.)", 2,
            colors=[0xA5A5A5, 0x4472C4, 0xED7D31, RED])
    b.fit(2)
    return b


# ---------------------------------------------------------------- 004 Randers
YEARS_004 = [2024, 2025, 2026, 2027]


def randers_digital(office):
    b = Book(office)
    b.properties("Randers: Digital først – virtuel støtte som førstevalg",
                 "Randers Kommune, Fingerplanen 2024-27 (seed 004): indfasning 'først fra juni' og nettoeffekt.")
    s = b.sheet("Digital først")
    s.widths([6.2, 7.6, 2.1, 2.1, 2.1, 2.1, 3.0, 2.0])
    s.title("Digital først – virtuel støtte som førstevalg",
            "Randers Kommune · Fingerplanen, nye stationer 2024-27 · Budget 2024-2027")
    s.notes([
        "Budgettabellen er gengivet som trykt. Beløb i 1.000 kr. ('+' = udgift, '-' = gevinst). Gevinsten i 2024 "
        "(-200) er kun for juni-december: 'forventede effekter medregnes derfor først fra juni 2024'.",
        "socinv regner gevinsten i 2024 med INDFASNING ud fra helårsvirkningen og startmåneden (gule felter), og "
        "nettoeffekten med NETTOEFFEKT (varige ændringer plus investeringen). Helårsvirkningen er ikke trykt; "
        "her er den regnet tilbage fra de trykte -200 (× 12/7).",
        "Kilde: Fingerplanen, Randers Kommune, forslag 1 (socinv: tests/data/seeds/004).",
    ], chars_per_line=140)

    s.section("Indfasning af gevinsten i 2024")
    h = s.line(["Helårsvirkning af gevinsten i 2024", "=-200*12/7"], styles=["BC Tekst", "BC Input beløb"])
    s.explain(2, h, "1.000 kr.; ikke trykt, regnet tilbage: -200 × 12/7 = -342,9")
    m = s.line(["Startmåned (juni = 6)", 6], styles=["BC Tekst", "BC Input"])
    s.explain(2, m, "'først fra juni': juni-december er 7 af 12 måneder")
    g = s.line(["Gevinst i 2024 efter indfasning (INDFASNING)", f"=PHASEIN({a1(1, h, True)};{a1(1, m, True)})"],
               styles=["BC Tekst", "BC Resultat beløb"])
    s.explain(2, g, "helårsvirkning × 7/12 = -200, som trykt")
    b.name("Indfasning_2024", s, 1, g)
    s.skip()

    s.section("Budget 2024-2027 (1.000 kr.)")
    hdr = s.line(["Overskrift", "Beskrivelse"] + YEARS_004 + ["Styrings-\nområde", "Type"],
                 styles=["BC Tabelhoved"] * 2 + ["BC Tabelhoved år"] * 4 + ["BC Tabelhoved"] * 2)
    rows = [
        ("Velfærdsteknologi og digitalisering – virtuel støtte *",
         "Virtuel støtte tilbydes som standard og førstevalg for de borgere på socialområdet, hvor det er "
         "foreneligt med funktionsniveau og støttebehov",
         [f"={a1(1, g, True)}", -475, -575, -775], "Service", "V"),
        ("", "Kompetenceudvikling af medarbejdere i at yde virtuel støtte samt merudgifter til IT-udstyr",
         [200], "Service", "I"),
        ("Teknologipulje på socialområdet",
         "It-/teknologipulje på 50 t. kr. årligt til prøvehandlinger inden for velfærdsteknologi",
         [50, 50, 50, 50], "Service", "V"),
    ]
    l0 = s.row
    for head, desc, amounts, area, kind in rows:
        vals = [head or None, desc] + amounts + [None] * (4 - len(amounts)) + [area, kind]
        r = s.line(vals, styles=["BC Tekst", "BC Tekst"] + ["BC Beløb"] * 4 + ["BC Input tekst", "BC Input tekst"])
    l1 = s.row - 1
    s.cell(2, l0).CellStyle = "BC Beregnet"
    printed = s.line(['Forventet effekt ("+" = udgift / "-" = gevinst)', None, 50, -425, -525, -725],
                     styles=["BC Total tekst", "BC Total tekst"] + ["BC Total"] * 4)
    s.optimal_heights(hdr, printed)
    s.line(["* Gradvis indfasning af initiativet i 2024 – forventede effekter medregnes derfor først fra juni 2024. "
            "Kolonnerne Styringsområde og Type er tilføjet til beregningen (V = varig, I = investering)."],
           styles=["BC Forklaring"])
    AM, AR, KI = rng(2, l0, 5, l1, True), rng(6, l0, 6, l1, True), rng(7, l0, 7, l1, True)
    s.skip()

    s.section("Beregnet af socinv")
    net = s.line(["Nettoeffekt (NETTOEFFEKT)", None] + [f"=NETIMPACT({AM};{AR};{KI};;{k})" for k in range(1, 5)],
                 styles=["BC Tekst", None] + ["BC Beregnet"] * 4)
    b.name("Nettoeffekt", s, 2, net, 5, net)
    diff = s.line(["Forskel til trykt forventet effekt", None] +
                  [f"={a1(2 + k, net)}-{a1(2 + k, printed)}" for k in range(4)],
                  styles=["BC Tekst", None] + ["BC Beløb"] * 4)
    s.highlight_nonzero(2, diff, 5, diff)
    b.name("Forskel", s, 2, diff, 5, diff)
    s.skip()
    NET = rng(2, net, 5, net, True)
    s.key("Tilbagebetalingstid", f"=PAYBACK({NET})", "BC Resultat år",
          "akkumuleret 50, derefter -375: under 0 i år 2", "Tilbagebetaling_total")
    s.key("Tilbagebetalt i år", f"={a1(2, hdr, True)}+Tilbagebetaling_total-1", "BC Resultat årstal",
          "2024 + 2 - 1", "Tilbagebetalt_aar")
    s.key("Nutidsværdi 2024-2027 (DK2021)", f"=NPVSOC({NET})", "BC Resultat beløb",
          "NUTIDSVÆRDI.SAMF; 2024 udiskonteret, 3,5 % om året; negativ = nettogevinst", "Nutidsvaerdi")
    s.skip()

    s.section("Hvis starten udskydes")
    s.line(["Startmåned", None] + YEARS_004 + ["Tilbage-\nbetaling"],
           styles=["BC Tabelhoved"] * 2 + ["BC Tabelhoved år"] * 4 + ["BC Tabelhoved"])
    x0 = s.row
    for label, month in [("juni", 6), ("september", 9), ("december", 12)]:
        r = s.line([f"Fra {label}", month], styles=["BC Tekst", "BC Input"])
        s.put(2, r, f"=PHASEIN({a1(1, h, True)};{a1(1, r)})+SUM({rng(2, l0 + 1, 2, l1, True)})", "BC Beløb")
        for k in range(1, 4):
            s.put(2 + k, r, f"={a1(2 + k, net, True)}", "BC Beløb")
        s.put(6, r, f"=PAYBACK({rng(2, r, 5, r)})", "BC Resultat år")
    b.name("Udskudt_tilbagebetaling", s, 6, x0, 6, x0 + 2)
    s.line(["Nettoeffekten i 2024 med senere start; tilbagebetalingstiden er 2 år i alle tilfælde."],
           styles=["BC Forklaring"])
    s.skip()

    s.page_break()
    s.section("Figur: akkumuleret nettoeffekt")
    cumulative_figure(s, rng(2, hdr, 5, hdr, True), [
        ("Årlig nettoeffekt", NET, False),
        ("Akkumuleret nettoeffekt", NET, True),
    ], 6, "* efter 2027 gentages 2027 (den varige effekt), sådan som tilbagebetalingstiden regnes",
        "Akkumuleret nettoeffekt – tilbagebetalt i 2025, når kurven er under 0", lines=1, name="Akkumuleret")
    b.fit(2)
    return b


# ---------------------------------------------------------------- 003 the portfolio
# The results of each basis: (column header, function over the block, style, name prefix); each is
# one array formula over the whole block, one result per proposal (FUNCTIONS.md, the portfolio form).
PORTFOLIO_RESULTS = [
    ("Tilbage-\nbetalingstid", "PAYBACK({})", "BC Resultat år", "Tilbagebetaling"),
    ("Med brøkdel", "PAYBACK({};1)", "BC Resultat brøk", "Tilbagebetaling_broek"),
    ("Diskonteret\n(DK2021)", "PAYBACKDISC({})", "BC Resultat år", "Tilbagebetaling_disk"),
    ("Nutidsværdi\n(DK2021)", "NPVSOC({})", "BC Resultat beløb", "Nutidsvaerdi"),
]


def portfolio_header(s, years, extra):
    r = s.line(["Forslag"] + list(years) + extra,
               styles=["BC Tabelhoved"] + ["BC Tabelhoved år"] * len(years) + ["BC Tabelhoved"] * len(extra))
    s.sh.Rows.getByIndex(r).OptimalHeight = True
    return r


def portfolio_rows(s, proposals, amounts_of, ny):
    """One proposal per row: code and title in A, its amounts across; returns (first, last row)."""
    r0 = s.row
    for p in proposals:
        s.line([f"{p.code} {p.title}"] + list(amounts_of(p)), styles=["BC Tekst"] + ["BC Beløb"] * ny)
    s.optimal_heights(r0, s.row - 1)
    return r0, s.row - 1


def portfolio_block(s, years, proposals, basis, amounts_of):
    """A basis's block of proposals and its results in portfolio form, with the paybacks the
    catalogue prints beside them. Names: Portefolje_<basis> and <prefix>_<basis> per result."""
    ny = len(years)
    portfolio_header(s, years, [head for head, _, _, _ in PORTFOLIO_RESULTS] + ["Trykt"])
    r0, r1 = portfolio_rows(s, proposals, amounts_of, ny)
    block = rng(1, r0, ny, r1, True)
    s.book.name(f"Portefolje_{basis}", s, 1, r0, ny, r1)
    for i, (_, fn, style, prefix) in enumerate(PORTFOLIO_RESULTS):
        s.array(1 + ny + i, r0, r1, "=" + fn.format(block), style)
        s.book.name(f"{prefix}_{basis}", s, 1 + ny + i, r0, 1 + ny + i, r1)
    c_printed = 1 + ny + len(PORTFOLIO_RESULTS)
    for k, p in enumerate(proposals):
        cell = s.put(c_printed, r0 + k, p.printed_payback if p.printed_payback is not None else "–", "BC Beløb")
        cell.NumberFormat = s.book.fmt(F_YEARS)  # printed, not a result: no green
    return r0, r1


def copenhagen_portfolio(office, socinv):
    proposals = seed003_portfolio(socinv)
    years = proposals[0].years
    ny = len(years)
    b = Book(office)
    b.properties("Porteføljen: seed 003's investeringsforslag, ét forslag pr. række",
                 "Københavns Kommune, katalog over investerings- og innovationsforslag (seed 003): "
                 "tilbagebetalingstid, nutidsværdi og kontrol for alle forslag med én formel pr. kolonne.")
    s = b.sheet("Portefølje")
    s.last_col = ny + len(PORTFOLIO_RESULTS) + 1
    s.widths([8.6] + [1.6] * ny + [2.5, 2.2, 2.6, 2.6, 1.5])
    s.title("Porteføljen: katalogets investeringsforslag, ét forslag pr. række",
            "Københavns Kommune · Katalog over investerings- og innovationsforslag til overførselssagen "
            "2023-2024 · 1.000 kr., besparelser med negativt fortegn")
    notes = [
        "Hver række er ét forslag fra kataloget (socinv: tests/data/seeds/003), årene går på tværs. Beløbene er "
        "den økonomiske påvirkning genberegnet af tabellernes linjer (socinv audit) på begge grundlag: "
        "totaløkonomi (alle linjer) og serviceeffektivisering (varige ændringer på Service + alle "
        "implementeringsomkostninger); de er kun forskellige for HA06, hvis drift af IT ligger på Anlæg.",
        "De grønne kolonner er hver én matrixformel over hele blokken (porteføljeformen, fx "
        "=TILBAGEBETALINGSTID({block}) indtastet med Ctrl+Shift+Enter): ét kald giver ét resultat pr. forslag. "
        "Et forslag der aldrig betaler sig hjem, viser sin egen fejlværdi #I/T (#N/A) i sin celle.",
        "'Trykt' er den tilbagebetalingstid kataloget selv trykker. TV03 trykker 11 år, men linjerne giver 10; "
        "TV04's trykte samlede påvirkning er forkert i 2026-2027 (TABELKONTROL på side 3 finder det).",
    ]
    first = s.row + len(notes) + 1 + 2  # the notes, a blank row, the section and the header row
    notes[1] = notes[1].format(block=rng(1, first, ny, first + len(proposals) - 1))
    s.notes(notes, chars_per_line=165)

    s.section("Totaløkonomi: samlet økonomisk påvirkning, genberegnet af linjerne")
    t0, t1 = portfolio_block(s, years, proposals, "total", lambda p: p.total)
    assert t0 == first
    s.page_break()
    s.section("Serviceeffektivisering: varige ændringer på Service + alle implementeringsomkostninger")
    portfolio_block(s, years, proposals, "service", lambda p: p.service)
    s.skip()

    s.page_break()
    s.section("Den trykte samlede påvirkning mod den genberegnede (TABELKONTROL)")
    printed = [p for p in proposals if p.printed is not None]  # the innovation proposal prints no total
    portfolio_header(s, years, ["Kontrol"])
    p0, p1 = portfolio_rows(s, printed, lambda p: p.printed, ny)
    s.array(1 + ny, p0, p1, f"=TABLECHECK({rng(1, t0, ny, t0 + len(printed) - 1, True)};"
                            f"{rng(1, p0, ny, p1, True)})", "BC Kontrol")
    b.name("Tabelkontrol", s, 1 + ny, p0, 1 + ny, p1)
    s.line(["TABELKONTROL(genberegnet; trykt) over blokkene: SAND hvor den trykte række stemmer med "
            "den genberegnede, ellers det første år der ikke gør (TV04: år 3 = 2026)."], styles=["BC Forklaring"])
    s.skip()
    s.key("Forslag der betaler sig hjem (totaløkonomi)", f"=COUNT({rng(1 + ny, t0, 1 + ny, t1, True)})",
          "BC Resultat", "TÆL over tilbagebetalingstiderne: alle investeringsforslag, ikke innovationsforslaget",
          "Antal_hjem")
    s.key("Porteføljens nutidsværdi 2024-2029 (DK2021)", f"=SUM({rng(4 + ny, t0, 4 + ny, t1, True)})",
          "BC Resultat beløb", "summen af forslagenes NUTIDSVÆRDI.SAMF; positiv = nettoudgift inden for "
                               "tabellernes 6 år", "Nutidsvaerdi_portefolje")
    s.skip()

    s.page_break()
    s.section("Figur: tilbagebetalingstid pr. forslag, beregnet og trykt")
    r_code = s.line([None, "Forslag"], styles=[None, "BC Figurdata"])
    r_rule = s.line([None, "Tilbagebetalingstid, totaløkonomi (socinv)"], styles=[None, "BC Figurdata"])
    r_print = s.line([None, "Trykt tilbagebetalingstid"], styles=[None, "BC Figurdata"])
    c_printed = 1 + ny + len(PORTFOLIO_RESULTS)
    for k, p in enumerate(proposals):
        s.put(2 + k, r_code, p.code, "BC Figurdata")
        s.put(2 + k, r_rule, f'=IFERROR({a1(1 + ny, t0 + k, True)};"")', "BC Figurdata")
        s.put(2 + k, r_print, f'=IF(ISNUMBER({a1(c_printed, t0 + k, True)});{a1(c_printed, t0 + k, True)};"")',
              "BC Figurdata")
    s.line([None, "Forslag uden søjle betaler sig ikke hjem (innovationsforslaget har ingen besparelser)."],
           styles=[None, "BC Forklaring"])
    s.skip()
    s.chart("Tilbagebetaling", 1, r_code, 1 + len(proposals), r_print, s.row,
            "Tilbagebetalingstid pr. forslag: socinv og kataloget er enige, undtagen TV03 (10 mod trykt 11 år)", 0,
            y_title="år", colors=[0x4472C4, 0x7F7F7F])
    b.fit(4)
    return b


# ---------------------------------------------------------------- the template
AREAS = ["Service", "Anlæg", "Overførsler", "Efterspørgselsstyret"]
N_PERM, N_IMPL, N_YEARS, HORIZON = 10, 8, 6, 10


def validation_list(sheet, c0, r0, c1, r1, values, message):
    rg = sheet.sh.getCellRangeByName(rng(c0, r0, c1, r1))
    v = rg.Validation
    v.Type = enum("com.sun.star.sheet.ValidationType", "LIST")
    v.setFormula1(";".join(f'"{x}"' for x in values))
    v.ShowList = 1  # unsorted, as listed
    v.IgnoreBlankCells = True
    v.ShowErrorMessage = True
    v.ErrorAlertStyle = enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
    v.ErrorTitle = "Styringsområde"
    v.ErrorMessage = message
    v.ShowInputMessage = True
    v.InputTitle = "Styringsområde"
    v.InputMessage = "Vælg " + ", ".join(values[:-1]) + " eller " + values[-1]
    rg.Validation = v


def template(office):
    b = Book(office)
    b.properties("Business case: Forslagets samlede økonomiske konsekvenser",
                 "Skabelon til en business case i Københavns format. Udfyld linjerne; socinv beregner subtotaler, "
                 "samlet økonomisk påvirkning, tilbagebetalingstid, kontrol, nutidsværdi og figur.")
    s = b.sheet("Business case")
    s.widths([9.6, 4.4, 2.2, 2.2, 2.2, 2.2, 2.2, 2.2])
    s.title("Business case: Forslagets samlede økonomiske konsekvenser",
            "Skabelon i Københavns format · beregnes af tilføjelsesprogrammet socinv")
    r = s.line(["Forslagets titel:"], styles=["BC Subtotal tekst"])
    s.put(1, r, None, "BC Input tekst")
    s.sh.getCellRangeByName(rng(1, r, 7, r)).merge(True)
    b.name("Titel", s, 1, r)
    s.skip()
    s.notes([
        "Udfyld de gule felter: p/l-året og det første år i tabellens overskrift, én linje pr. varig ændring og pr. "
        "implementeringsomkostning med tekst, styringsområde (vælg på listen) og beløb i 1.000 kr. Besparelser med "
        "negativt (-) fortegn, udgifter positive. Lad ubrugte linjer og år stå tomme, eller indsæt flere rækker "
        "inde i et afsnit.",
        "Subtotaler, samlet økonomisk påvirkning, tilbagebetalingstider, kontrol, nutidsværdi og figur regnes af "
        "socinv efter reglen i Københavns business cases: tilbagebetalt det første år den akkumulerede påvirkning "
        "er under 0, og efter tabellen gentages sidste år. Serviceeffektivisering tæller de varige ændringer på "
        "Service mod alle implementeringsomkostninger. socinv læser tabellen uden de tomme linjer fra det skjulte "
        "ark Beregningsgrundlag.",
    ], chars_per_line=140)
    s.section("Forslagets samlede økonomiske konsekvenser")
    hdr = s.row
    s.put(0, hdr, "1.000 kr. 2026 p/l", "BC Input tekst")
    s.cell(0, hdr).CharWeight = BOLD
    s.put(1, hdr, "Styringsområde", "BC Tabelhoved")
    s.put(2, hdr, None, "BC Input år")
    for k in range(1, N_YEARS):
        s.put(2 + k, hdr, f'=IF({a1(1 + k, hdr)}="";"";{a1(1 + k, hdr)}+1)', "BC Tabelhoved år")
    b.name("Foerste_aar", s, 2, hdr)
    s.row += 1
    s.line(["Varige ændringer"], styles=["BC Overskrift"])
    p0 = s.row
    for _ in range(N_PERM):
        s.line([None] * (2 + N_YEARS), styles=["BC Input tekst", "BC Input tekst"] + ["BC Input beløb"] * N_YEARS)
    p1 = s.row - 1
    psub = s.line(["Samlet varig ændring"], styles=["BC Subtotal tekst", "BC Subtotal tekst"])
    s.line(["Implementeringsomkostninger"], styles=["BC Overskrift"])
    i0 = s.row
    for _ in range(N_IMPL):
        s.line([None] * (2 + N_YEARS), styles=["BC Input tekst", "BC Input tekst"] + ["BC Input beløb"] * N_YEARS)
    i1 = s.row - 1
    isub = s.line(["Samlede implementeringsomkostninger"], styles=["BC Subtotal tekst", "BC Subtotal tekst"])
    net = s.line(["Samlet økonomisk påvirkning"], styles=["BC Total tekst", "BC Total tekst"])
    for k in range(N_YEARS):
        c = 2 + k
        s.put(c, psub, f'=IF(COUNT({rng(c, p0, c, p1)})=0;"";SUM({rng(c, p0, c, p1)}))', "BC Subtotal")
        s.put(c, isub, f'=IF(COUNT({rng(c, i0, c, i1)})=0;"";SUM({rng(c, i0, c, i1)}))', "BC Subtotal")
        s.put(c, net, f'=IF(COUNT({a1(c, psub)};{a1(c, isub)})=0;"";SUM({a1(c, psub)};{a1(c, isub)}))', "BC Total")
    b.name("Varige_linjer", s, 0, p0, 1 + N_YEARS, p1)
    b.name("Implementering_linjer", s, 0, i0, 1 + N_YEARS, i1)
    b.name("Samlet_paavirkning", s, 2, net, 1 + N_YEARS, net)
    validation_list(s, 1, p0, 1, p1, AREAS, "Styringsområdet skal være Service, Anlæg, Overførsler eller "
                    "Efterspørgselsstyret.")
    validation_list(s, 1, i0, 1, i1, AREAS, "Styringsområdet skal være Service, Anlæg, Overførsler eller "
                    "Efterspørgselsstyret.")
    pb_srv = s.line(["Tilbagebetalingstid baseret på serviceeffektivisering"],
                    styles=["BC Subtotal tekst", "BC Resultat år"])
    pb_tot = s.line(["Tilbagebetalingstid baseret på totaløkonomi"], styles=["BC Subtotal tekst", "BC Resultat år"])
    for rr in (pb_srv, pb_tot):
        for c in range(2, 2 + N_YEARS):
            s.put(c, rr, None, "BC Subtotal")
    NET = rng(2, net, 1 + N_YEARS, net, True)
    FIRST = a1(2, hdr, True)
    has = f"COUNT({NET})=0"
    b.name("Tabel", s, 0, hdr, 1 + N_YEARS, pb_tot)
    # socinv reads a table up to three blank lines in a row (the end of a table in a document):
    # the unused input lines would end it early. So it reads a copy without the empty lines,
    # on the sheet Beregningsgrundlag: one of the lines up to the net impact (for NETIMPACT;
    # the paybacks are computed from it) and one of the whole table (for CASECHECK).
    g = b.sheet("Beregningsgrundlag", 1)
    g.widths([9.6, 4.4] + [2.2] * N_YEARS + [0.6, 1.6])
    g.title("Beregningsgrundlag", "Tabellen fra arket 'Business case' uden tomme linjer; regnes automatisk, "
            "rediger den ikke")
    g.notes(["socinv læser en tabel til og med tre tomme linjer i træk (slutningen på en tabel i et dokument). "
             "Skabelonens ubrugte linjer ville afslutte tabellen for tidligt, så NETTOEFFEKT og CASEKONTROL læser "
             "disse kopier, hvor de tomme linjer er taget ud. Kolonne J er rækkenummeret i 'Business case'."],
            chars_per_line=140)
    g.section("Linjerne til og med samlet økonomisk påvirkning (til NETTOEFFEKT)", last_col=9)
    lines_top = compact(g, s, hdr, net, 1 + N_YEARS)
    g.skip()
    g.section("Hele tabellen med tilbagebetalingstider (til CASEKONTROL)", last_col=9)
    full_top = compact(g, s, hdr, pb_tot, 1 + N_YEARS)
    sheet_ref = f"$'{g.sh.Name}'."
    tbl_lines = sheet_ref + rng(0, lines_top, 1 + N_YEARS, lines_top + net - hdr, True)
    tbl = sheet_ref + rng(0, full_top, 1 + N_YEARS, full_top + pb_tot - hdr, True)
    b.name("Tabel_uden_tomme_linjer", g, 0, full_top, 1 + N_YEARS, full_top + pb_tot - hdr)
    g.sh.IsVisible = False
    s.skip()

    s.section("Beregnet af socinv")
    r_srv = s.line(["Økonomisk påvirkning, serviceeffektivisering (NETTOEFFEKT)"], styles=["BC Tekst"])
    r_tot = s.line(["Samlet økonomisk påvirkning, totaløkonomi (NETTOEFFEKT)"], styles=["BC Tekst"])
    for k in range(1, N_YEARS + 1):
        c = 1 + k
        s.put(c, r_srv, f'=IF({a1(c, net)}="";"";NETIMPACT({tbl_lines};;;"service";{k}))', "BC Beregnet")
        s.put(c, r_tot, f'=IF({a1(c, net)}="";"";NETIMPACT({tbl_lines};;;;{k}))', "BC Beregnet")
    b.name("Nettoeffekt_service", s, 2, r_srv, 1 + N_YEARS, r_srv)
    b.name("Nettoeffekt_total", s, 2, r_tot, 1 + N_YEARS, r_tot)
    SRV = rng(2, r_srv, 1 + N_YEARS, r_srv, True)
    s.put(1, pb_srv, f'=IF({has};"";PAYBACK({SRV}))', "BC Resultat år")
    s.put(1, pb_tot, f'=IF({has};"";PAYBACK({NET}))', "BC Resultat år")
    b.name("Tilbagebetaling_service", s, 1, pb_srv)
    b.name("Tilbagebetaling_total", s, 1, pb_tot)
    s.optimal_heights(r_srv, r_tot)
    s.skip()
    s.key("Tilbagebetalt i år (totaløkonomi)", f'=IF(ISNUMBER({a1(1, pb_tot, True)});{FIRST}+{a1(1, pb_tot, True)}-1;"")',
          "BC Resultat årstal", "første år + tilbagebetalingstid - 1", "Tilbagebetalt_aar")
    s.key("Tilbagebetalingstid med brøkdel", f'=IF({has};"";PAYBACK({NET};1))', "BC Resultat brøk",
          "interpoleret inden for året (TILBAGEBETALINGSTID, metode 1)", "Tilbagebetaling_broek")
    s.key("Diskonteret tilbagebetalingstid (DK2021)", f'=IF({has};"";PAYBACKDISC({NET}))', "BC Resultat år",
          "TILBAGEBETALINGSTID.DISK med Finansministeriets diskonteringsrente (3,5 % år 1-35)",
          "Tilbagebetaling_disk")
    s.key("Nutidsværdi af samlet påvirkning (DK2021)", f'=IF({has};"";NPVSOC({NET}))', "BC Resultat beløb",
          "NUTIDSVÆRDI.SAMF over tabellens år, 1.000 kr.; første år udiskonteret; negativ = nettogevinst",
          "Nutidsvaerdi")
    s.key_wide("Kontrol af tabellen (CASEKONTROL)", f'=IF({has};"";CASECHECK({tbl}))', "BC Kontrol",
               "SAND når subtotaler, samlet påvirkning og tilbagebetalingstider stemmer med linjerne og reglen; "
               "ellers den første fejl. Tjek også at hver linje har et styringsområde.", "Kontrol")
    s.skip()

    s.page_break()
    s.section("Figur: akkumuleret økonomisk påvirkning", last_col=1 + HORIZON)
    years_ref = rng(2, hdr, 1 + N_YEARS, hdr, True)
    r_year, (r_ann, r_cum, r_scum) = figure_block(s, years_ref, [
        ("Årlig påvirkning, totaløkonomi", NET, False),
        ("Akkumuleret, totaløkonomi", NET, True),
        ("Akkumuleret, serviceeffektivisering", SRV, True),
    ], HORIZON, "* efter tabellens sidste år gentages sidste års påvirkning (den varige effekt), sådan som "
                "tilbagebetalingstiden regnes")
    b.name("Akkumuleret_total", s, 2, r_cum, 1 + HORIZON, r_cum)
    s.skip()
    # A chart made over empty cells gets no data series (and no line/column types): make it
    # over a placeholder case, then empty the table again.
    s.put(2, hdr, 2026)
    s.put(0, p0, "x")
    s.put(1, p0, "Service")
    for k in range(N_YEARS):
        s.put(2 + k, p0, 1 if k == 0 else -1)
    b.doc.calculateAll()
    s.chart("Tilbagebetaling", 1, r_year, 1 + HORIZON, r_scum, s.row,
            "Akkumuleret økonomisk påvirkning – tilbagebetalt når kurven er under 0", 2,
            width=s.cell(2 + HORIZON, 0).Position.X - s.cell(0, 0).Position.X)
    flags = sum(uno.getConstantByName(f"com.sun.star.sheet.CellFlags.{f}") for f in ("VALUE", "STRING"))
    s.sh.getCellRangeByName(rng(0, p0, 1 + N_YEARS, p0)).clearContents(flags)
    s.cell(2, hdr).clearContents(flags)
    b.doc.calculateAll()
    return b


def compact(g, src, r0, r1, last_col):
    """Rows r0..r1 (A..last_col) of sheet src without the empty ones, from the current row of g:
    column J holds the source row number (an array formula: the k-th non-empty row)."""
    top = g.row
    name = f"$'{src.sh.Name}'."
    cond = "+".join(f"(LEN({name}{rng(c, r0, c, r1, True)})>0)" for c in range(last_col + 1))
    rows = f"ROW({name}{rng(0, r0, 0, r1, True)})"
    whole = name + rng(0, 0, last_col, r1 + 200, True)
    for k in range(1, r1 - r0 + 2):
        r = top + k - 1
        idx = a1(last_col + 2, r, True)
        g.sh.getCellRangeByName(idx.replace("$", "")).setArrayFormula(
            f'IFERROR(SMALL(IF(({cond})>0;{rows});{k});"")')
        g.cell(last_col + 2, r).CharColor = GREY
        for c in range(last_col + 1):
            v = f"INDEX({whole};{idx};{c + 1})"
            g.put(c, r, f'=IF({idx}="";"";IF(LEN({v})=0;"";{v}))',
                  "BC Tekst" if c < 2 else "BC Beløb")
    g.row = top + (r1 - r0 + 1)
    return top


def fill_case(doc, header, first_year, perm, impl):
    """Type a case into a document made from the template, into its yellow cells as a user does:
    the header, the first year and the lines (label, Styringsområde, amounts; None left blank).
    The end-to-end tests fill the template with this too."""
    def target(name):
        return doc.NamedRanges.getByName(name).ReferredCells

    target("Foerste_aar").getCellByPosition(0, 0).setValue(first_year)
    target("Tabel").getCellByPosition(0, 0).setString(header)
    for name, rows in (("Varige_linjer", perm), ("Implementering_linjer", impl)):
        area = target(name)
        for i, (label, area_name, amounts) in enumerate(rows):
            area.getCellByPosition(0, i).setString(label)
            area.getCellByPosition(1, i).setString(area_name)
            for k, v in enumerate(amounts):
                if v is not None:
                    area.getCellByPosition(2 + k, i).setValue(v)
    doc.calculateAll()


def fill_template(office, path, header, first_year, perm, impl):
    """A new document from the template with rows filled in (for --render)."""
    b = Book(office, template=path)
    fill_case(b.doc, header, first_year, perm, impl)
    return b


# ---------------------------------------------------------------- main
BUILDERS = {
    "copenhagen-001.ods": copenhagen_001,
    "copenhagen-tv04.ods": copenhagen_tv04,
    "herning-sib.ods": herning_sib,
    "recovery-002.ods": recovery_002,
    "randers-digital.ods": randers_digital,
    "copenhagen-portfolio.ods": copenhagen_portfolio,  # also takes socinv (main passes it)
    "business-case-template.ots": template,
}


def render(office, path, outdir):
    """PDF through Calc, then PNG pages with pdftoppm."""
    doc = office.open(path)
    doc.calculateAll()
    stem = os.path.splitext(os.path.basename(path))[0]
    pdf_tmp = os.path.join(office.docdir, stem + ".pdf")
    doc.storeToURL(uno.systemPathToFileUrl(pdf_tmp), props(FilterName="calc_pdf_Export"))
    office.close_doc(doc)
    pdf = os.path.join(outdir, stem + ".pdf")
    shutil.copyfile(pdf_tmp, pdf)
    for old in os.listdir(outdir):
        if old.startswith(stem + "-") and old.endswith(".png"):
            os.remove(os.path.join(outdir, old))
    subprocess.run(["pdftoppm", "-png", "-r", "80", pdf, os.path.join(outdir, stem)], check=True)
    return sorted(os.path.join(outdir, f) for f in os.listdir(outdir)
                  if f.startswith(stem + "-") and f.endswith(".png"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--oxt", required=True, help="the built add-in, <build>/socinv-0.1.0.oxt")
    ap.add_argument("--socinv", help="the built command line, which reads seed 003 for the portfolio "
                    "(default: cli/socinv in the folder of --oxt)")
    ap.add_argument("--out", default=HERE, help="where to write the workbooks (default: examples/)")
    ap.add_argument("--render", metavar="DIR", help="also write PDF and PNG renderings to DIR")
    ap.add_argument("--only", help="only this file (e.g. copenhagen-001.ods)")
    a = ap.parse_args()
    need_office(a.oxt)
    socinv = a.socinv or os.path.join(os.path.dirname(os.path.abspath(a.oxt)), "cli", "socinv")
    os.makedirs(a.out, exist_ok=True)
    if a.render:
        os.makedirs(a.render, exist_ok=True)
    with Office(oxt=a.oxt, locale="da-DK") as office:
        written = []
        for name, build in BUILDERS.items():
            if a.only and name != a.only:
                continue
            book = build(office, socinv) if build is copenhagen_portfolio else build(office)
            book.doc.calculateAll()
            path = book.save(os.path.join(a.out, name), os.path.splitext(name)[1][1:])
            office.close_doc(book.doc)
            print("wrote", path)
            written.append(path)
        if a.render:
            for path in written:
                for png in render(office, path, a.render):
                    print("rendered", png)
                if path.endswith(".ots"):
                    filled = fill_template(office, path, "1.000 kr. 2018 p/l", 2018, SEED001_PERM, SEED001_IMPL)
                    tmp = filled.save(os.path.join(a.render, "template-filled-001.ods"), "ods")
                    office.close_doc(filled.doc)
                    for png in render(office, tmp, a.render):
                        print("rendered", png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
