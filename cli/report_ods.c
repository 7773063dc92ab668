/* socinv audit --ods FILE: the audit as a report workbook for the people who use it.
 *
 * Three sheets: one row per table (paybacks printed and by the rule, errors,
 * warnings, a flag), every finding, and the cumulative net impact of each proposal
 * (recomputed from its lines, total basis) as numbers and as one line chart with a
 * line per proposal, where one looks for the year a line crosses zero.
 *
 * The workbook is written as flat ODF (one XML file, the chart embedded inline the
 * way LibreOffice writes it into a .fods) and converted to .ods by headless
 * LibreOffice, through the same helper that reads inputs (inputs.c). A name ending
 * in .fods is written directly, without LibreOffice. The file is written under a
 * temporary name in its folder and renamed into place, so a failed run leaves no
 * half-written report; an input is never the target. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "proc.h"
#include "tables.h"
#include "utf8.h"

/* Years the chart runs past the latest payback by the rule, and the most years it
 * extrapolates beyond the printed ones (a payback later than that is off the chart). */
#define CHART_YEARS_AFTER_PAYBACK 1
#define CHART_MAX_YEARS 30

/* ------------------------------------------------------------------ words */
typedef struct {
    const char *sheet_tables, *sheet_findings, *sheet_chart;
    const char *table_cols[15];
    const char *finding_cols[10];
    const char *ok, *bad, *error, *warning, *not_printed, *no_payback;
    const char *kinds[5];
    const char *chart_title, *chart_subtitle, *x_title, *x_title_relative, *y_title, *year_word;
    const char *cum_corner, *extrapolated_note;
    const char *unread, *unread_status;
} words;

static const words DA = {
    "Forslag", "Fund", "Graf",
    {"Nr.", "Id", "Titel", "Kilde", "Placering", "Første år", "Sidste år",
     "Tilbagebetalingstid\nservice, trykt", "Tilbagebetalingstid\nservice, regel",
     "Tilbagebetalingstid\ntotaløkonomi, trykt", "Tilbagebetalingstid\ntotaløkonomi, regel", "Fejl", "Advarsler",
     "Status", NULL},
    {"Nr.", "Id", "Art", "Alvor", "Linje", "År", "Trykt", "Beregnet", "Besked", NULL},
    "i orden", "fejl", "fejl", "advarsel", "ikke trykt", "ingen",
    {"subtotal", "økonomisk påvirkning", "tilbagebetalingstid", "område", "opstilling"},
    "Kumuleret økonomisk påvirkning pr. forslag (totaløkonomi, genberegnet fra linjerne)",
    "1.000 kr. Under nul: investeringen er tilbagebetalt. * = efter sidste trykte år, "
    "fremskrevet med sidste års beløb som i reglen for tilbagebetalingstid",
    "År", "År fra forslagets første år", "Kumuleret, 1.000 kr.", "år",
    "Forslag \\ år", "Kursiv: fremskrevet med sidste trykte års beløb (som reglen for tilbagebetalingstid gør)",
    "Kunne ikke læses: ", "ikke læst",
};

static const words EN = {
    "Proposals", "Findings", "Chart",
    {"No.", "Id", "Title", "Source", "Location", "First year", "Last year", "Payback\nservice, printed",
     "Payback\nservice, rule", "Payback\ntotal, printed", "Payback\ntotal, rule", "Errors", "Warnings", "Status",
     NULL},
    {"No.", "Id", "Kind", "Severity", "Row", "Year", "Printed", "Computed", "Message", NULL},
    "consistent", "errors", "error", "warning", "not printed", "none",
    {"subtotal", "net impact", "payback", "area", "layout"},
    "Cumulative net impact per proposal (total basis, recomputed from the lines)",
    "1,000 DKK. Below zero: the investment has paid back. * = after the last printed year, "
    "extrapolated with the last year's amount as the payback rule does",
    "Year", "Years from the proposal's first year", "Cumulative, 1,000 DKK", "year",
    "Proposal \\ year", "Italics: extrapolated with the last printed year's amount (as the payback rule does)",
    "Could not be read: ", "not read",
};

/* Line colours: LibreOffice's own first twelve, then three more; with the automatic
 * symbols (a different marker per series) lines stay apart in black and white too. */
static const char *const COLOURS[] = {"#004586", "#ff420e", "#ffd320", "#579d1c", "#7e0021", "#83caff",
                                      "#314004", "#aecf00", "#4b1f6f", "#ff950e", "#c5000b", "#0084d1",
                                      "#000000", "#808080", "#e377c2"};
#define NCOLOURS (sizeof COLOURS / sizeof COLOURS[0])

/* ------------------------------------------------------------------ XML text */
/* Text content or attribute value: escaped, control characters dropped (not allowed
 * in XML 1.0), and anything that is not well-formed UTF-8 of a character XML allows
 * (overlong forms, surrogates, U+FFFE/U+FFFF) replaced by U+FFFD: one bad byte in a
 * title must not make LibreOffice reject the whole report. */
static void xml_text(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': fputs("&amp;", f); break;
            case '<': fputs("&lt;", f); break;
            case '>': fputs("&gt;", f); break;
            case '"': fputs("&quot;", f); break;
            default:
                if (c >= 0x20 || c == '\t' || c == '\n')
                    fputc(c, f);
            }
            i++;
            continue;
        }
        const unsigned char *u = (const unsigned char *)s + i;
        size_t k = socinv_utf8_char_len((const char *)u, n - i);
        int nonchar = k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] >= 0xBE; /* U+FFFE, U+FFFF */
        if (k && !nonchar) {
            fwrite(s + i, 1, k, f);
            i += k;
        } else {
            fputs("\xEF\xBF\xBD", f);
            i++;
        }
    }
}

static void xml_str(FILE *f, const char *s)
{
    xml_text(f, s, strlen(s));
}

/* A paragraph of cell text: a line end starts a new text:p, a tab is text:tab and a
 * run of spaces keeps its length (text:s), as ODF collapses spaces otherwise. */
static void paragraphs(FILE *f, const char *s, size_t n)
{
    fputs("<text:p>", f);
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n' && s[i] != '\t' && !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
            continue;
        xml_text(f, s + start, i - start);
        if (i == n)
            break;
        if (s[i] == '\n') {
            fputs("</text:p><text:p>", f);
        } else if (s[i] == '\t') {
            fputs("<text:tab/>", f);
        } else {
            size_t run = 0;
            while (i + run < n && s[i + run] == ' ')
                run++;
            fprintf(f, " <text:s text:c=\"%zu\"/>", run - 1);
            i += run - 1;
        }
        start = i + 1;
    }
    fputs("</text:p>", f);
}

static void cell_text(FILE *f, const char *style, const char *s, size_t n)
{
    fputs("<table:table-cell", f);
    if (style)
        fprintf(f, " table:style-name=\"%s\"", style);
    fputs(" office:value-type=\"string\">", f);
    paragraphs(f, s, n);
    fputs("</table:table-cell>", f);
}

static void cell_str(FILE *f, const char *style, const char *s)
{
    cell_text(f, style, s, strlen(s));
}

static void cell_number(FILE *f, const char *style, double v, const char *lang)
{
    char shown[64];
    socinv_format_amount(v, lang, shown, sizeof shown);
    fputs("<table:table-cell", f);
    if (style)
        fprintf(f, " table:style-name=\"%s\"", style);
    char value[32];
    socinv_c_format(v, 'g', 17, value, sizeof value);
    fprintf(f, " office:value-type=\"float\" office:value=\"%s\"><text:p>%s</text:p></table:table-cell>", value,
            shown);
}

static void cell_empty(FILE *f)
{
    fputs("<table:table-cell/>", f);
}

/* A number, or a word where there is none (NaN): "ikke trykt", "ingen". */
static void cell_years(FILE *f, double v, const char *none, const char *style, const char *lang)
{
    if (isnan(v))
        cell_str(f, style, none);
    else
        cell_number(f, style, v, lang);
}

/* A cell range address "Sheet.B2:Sheet.L2" (the sheet names here are single words: no quotes). */
static void range(FILE *f, const char *sheet, size_t c1, size_t r1, size_t c2, size_t r2)
{
    char a[8], b[8];
    size_t cols[2] = {c1, c2};
    char *names[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        char tmp[8];
        size_t n = 0, c = cols[k] + 1;
        while (c && n < sizeof tmp - 1) {
            tmp[n++] = (char)('A' + (c - 1) % 26);
            c = (c - 1) / 26;
        }
        for (size_t i = 0; i < n; i++)
            names[k][i] = tmp[n - 1 - i];
        names[k][n] = '\0';
    }
    fprintf(f, "%s.%s%zu:%s.%s%zu", sheet, a, r1 + 1, sheet, b, r2 + 1);
}

/* ------------------------------------------------------------------ the chart's data */
typedef struct {
    size_t years;      /* columns of the chart's data: the longest line */
    int calendar;      /* all tables start the same year: label the points with years */
    int first_year;
    size_t min_printed; /* fewest printed years of a table: later points are extrapolated for someone */
    double *cum;       /* tables × years; NaN after a line's last point */
    size_t *printed;   /* per table: its printed years */
} chart_data;

/* Cumulative net impact, total basis, from the table's lines; after the printed years
 * the last year's amount repeats (the payback rule's extrapolation), as far as one
 * year past the payback by the rule, so each line is seen to cross zero. A line is
 * not drawn further than that: one proposal extrapolated for years would otherwise
 * set the scale and flatten the others. Blank years count 0. */
static size_t chart_points(const found *t)
{
    size_t want = t->t.nyears;
    double p = t->rep.payback_rule[SOCINV_BASIS_TOTAL];
    if (!isnan(p) && p + CHART_YEARS_AFTER_PAYBACK > (double)want)
        want = p + CHART_YEARS_AFTER_PAYBACK < (double)(t->t.nyears + CHART_MAX_YEARS)
                   ? (size_t)p + CHART_YEARS_AFTER_PAYBACK
                   : t->t.nyears + CHART_MAX_YEARS;
    return want;
}

static int chart_prepare(const found_list *all, chart_data *cd)
{
    memset(cd, 0, sizeof *cd);
    size_t years = 0;
    cd->calendar = 1;
    cd->min_printed = (size_t)-1;
    for (size_t k = 0; k < all->n; k++) {
        const found *t = &all->items[k];
        size_t want = chart_points(t);
        if (want > years)
            years = want;
        if (k == 0)
            cd->first_year = t->t.first_year;
        else if (t->t.first_year != cd->first_year)
            cd->calendar = 0;
        if (t->t.nyears < cd->min_printed)
            cd->min_printed = t->t.nyears;
    }
    cd->years = years;
    if (all->n == 0)
        return 0;
    cd->cum = calloc(all->n * years, sizeof *cd->cum);
    cd->printed = calloc(all->n, sizeof *cd->printed);
    if (!cd->cum || !cd->printed)
        return -1;
    for (size_t k = 0; k < all->n; k++) {
        const found *t = &all->items[k];
        const double *net = t->net[SOCINV_BASIS_TOTAL]; /* NULL: no line to sum */
        size_t ny = t->t.nyears, points = chart_points(t);
        cd->printed[k] = ny;
        double sum = 0, last = 0;
        for (size_t j = 0; j < years; j++) {
            if (j < ny)
                last = !net || isnan(net[j]) ? 0 : net[j];
            sum += last;
            cd->cum[k * years + j] = j < points ? sum : NAN;
        }
    }
    return 0;
}

static void chart_free(chart_data *cd)
{
    free(cd->cum);
    free(cd->printed);
}

/* The legend name of table k: its id ("TV04"); without one the start of its title
 * ("Pilotprojekt vedr. helhed…"), or "nr. 14" without either. The same id twice (the
 * same proposal in two files) gets its number: "TV04 (nr. 3)". */
static void series_name(const found_list *all, size_t k, char *buf, size_t cap)
{
    const found *t = &all->items[k];
    int dup = 0;
    for (size_t i = 0; i < all->n; i++)
        dup |= i != k && t->id[0] && !strcmp(all->items[i].id, t->id);
    if (t->id[0] && dup) {
        snprintf(buf, cap, "%s (nr. %zu)", t->id, k + 1);
    } else if (t->id[0]) {
        snprintf(buf, cap, "%s", t->id);
    } else if (t->title_len) {
        /* at most 24 characters, not bytes; nothing of it when that does not fit */
        size_t i = utf8_prefix(t->title, t->title_len, 24);
        if (i + 4 > cap)
            i = 0;
        snprintf(buf, cap, "%.*s%s", (int)i, t->title, i < t->title_len ? "\xe2\x80\xa6" : "");
    } else {
        snprintf(buf, cap, "nr. %zu", k + 1);
    }
}

static void category(const chart_data *cd, size_t j, const words *w, char *buf, size_t cap)
{
    const char *mark = j >= cd->min_printed ? "*" : "";
    if (cd->calendar)
        snprintf(buf, cap, "%d%s", cd->first_year + (int)j, mark);
    else
        snprintf(buf, cap, "%s %zu%s", w->year_word, j + 1, mark);
}

/* ------------------------------------------------------------------ the document */
#define NS_DECLS                                                                                                \
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                                       \
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""                                         \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                                           \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""                                         \
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""                                        \
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""                                \
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""                                                              \
    " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""                                    \
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""                                  \
    " xmlns:chart=\"urn:oasis:names:tc:opendocument:xmlns:chart:1.0\""                                         \
    " xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\""                    \
    " xmlns:chartooo=\"http://openoffice.org/2010/chart\""                                                      \
    " office:version=\"1.3\""

static const char *number_locale(const char *lang)
{
    return strcmp(lang, "da") ? "number:language=\"en\" number:country=\"GB\""
                              : "number:language=\"da\" number:country=\"DK\"";
}

static void styles(FILE *f, const char *lang)
{
    int da = !strcmp(lang, "da");
    fputs("<office:font-face-decls/>\n<office:styles>\n", f);
    /* the document's language: Calc shows 1.200 in Danish, 1,200 in English */
    fprintf(f,
            "<style:default-style style:family=\"table-cell\"><style:text-properties fo:language=\"%s\" "
            "fo:country=\"%s\"/></style:default-style>\n",
            da ? "da" : "en", da ? "DK" : "GB");
    /* amounts grouped as the report's language writes them: 1.200 (da), 1,200 (en) */
    fprintf(f,
            "<number:number-style style:name=\"Namount\" %s><number:number number:decimal-places=\"0\" "
            "number:min-decimal-places=\"0\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
            "</number:number-style>\n"
            "<number:number-style style:name=\"Nyear\"><number:number number:decimal-places=\"0\" "
            "number:min-integer-digits=\"1\"/></number:number-style>\n"
            "<style:style style:name=\"Default\" style:family=\"table-cell\"/>\n"
            "</office:styles>\n<office:automatic-styles>\n",
            number_locale(lang));
    /* columns: narrow numbers, wide texts */
    static const struct {
        const char *name, *width;
    } cols[] = {{"coN", "1.2cm"}, {"coId", "1.8cm"}, {"coTitle", "9cm"}, {"coSrc", "6.5cm"}, {"coLoc", "2.6cm"},
                {"coNum", "2cm"}, {"coPay", "4.4cm"}, {"coMsg", "14cm"}, {"coRow", "7cm"}, {"coWide", "4.5cm"}, {"coName", "5.5cm"}};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        fprintf(f,
                "<style:style style:name=\"%s\" style:family=\"table-column\"><style:table-column-properties "
                "fo:break-before=\"auto\" style:column-width=\"%s\"/></style:style>\n",
                cols[i].name, cols[i].width);
    fputs("<style:style style:name=\"roHead\" style:family=\"table-row\"><style:table-row-properties "
          "style:row-height=\"1.5cm\" style:use-optimal-row-height=\"false\"/></style:style>\n"
          "<style:style style:name=\"taList\" style:family=\"table\" style:master-page-name=\"List\">"
          "<style:table-properties table:display=\"true\"/></style:style>\n"
          "<style:style style:name=\"taChart\" style:family=\"table\" style:master-page-name=\"Chart\">"
          "<style:table-properties table:display=\"true\"/></style:style>\n"
          /* header: bold on grey, wrapped; flags: a red cell says "look here" */
          "<style:style style:name=\"ceHead\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
          "<style:table-cell-properties fo:background-color=\"#dddddd\" fo:wrap-option=\"wrap\" "
          "style:vertical-align=\"top\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
          "<style:style style:name=\"ceText\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
          "<style:table-cell-properties fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>\n"
          "<style:style style:name=\"ceNum\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
          "style:data-style-name=\"Namount\"><style:table-cell-properties style:vertical-align=\"top\"/>"
          "</style:style>\n"
          "<style:style style:name=\"ceYear\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
          "style:data-style-name=\"Nyear\"><style:table-cell-properties style:vertical-align=\"top\"/>"
          "</style:style>\n"
          "<style:style style:name=\"ceBad\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
          "style:data-style-name=\"Namount\"><style:table-cell-properties fo:background-color=\"#ffc7ce\" "
          "style:vertical-align=\"top\"/><style:text-properties fo:color=\"#9c0006\" fo:font-weight=\"bold\"/>"
          "</style:style>\n"
          "<style:style style:name=\"ceWarn\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
          "<style:table-cell-properties fo:background-color=\"#ffeb9c\" style:vertical-align=\"top\"/>"
          "<style:text-properties fo:color=\"#9c5700\"/></style:style>\n"
          "<style:style style:name=\"ceOk\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
          "<style:table-cell-properties fo:background-color=\"#c6efce\" style:vertical-align=\"top\"/>"
          "<style:text-properties fo:color=\"#006100\"/></style:style>\n"
          "<style:style style:name=\"ceExtra\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
          "style:data-style-name=\"Namount\"><style:text-properties fo:font-style=\"italic\" "
          "fo:color=\"#666666\"/></style:style>\n"
          "<style:style style:name=\"ceNote\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
          "<style:text-properties fo:font-style=\"italic\"/></style:style>\n"
          /* the chart's frame: no line around it (the chart draws its own) */
          "<style:style style:name=\"grChart\" style:family=\"graphic\"><style:graphic-properties "
          "draw:stroke=\"none\" draw:fill=\"none\"/></style:style>\n",
          f);
    /* A4 landscape, the chart sheet scaled to one page. The header and footer are
     * written out: a master page that leaves them implicit prints blank pages once
     * LibreOffice has stored it as .ods (LibreOffice 7.4). */
    static const char hf[] =
        "<style:header-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-bottom=\"0.2cm\"/>"
        "</style:header-style><style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" "
        "fo:margin-top=\"0.2cm\"/></style:footer-style>";
    fprintf(f,
            "<style:page-layout style:name=\"pmList\"><style:page-layout-properties fo:page-width=\"29.7cm\" "
            "fo:page-height=\"21cm\" style:print-orientation=\"landscape\" fo:margin-top=\"1.2cm\" "
            "fo:margin-bottom=\"1.2cm\" fo:margin-left=\"1.5cm\" fo:margin-right=\"1.5cm\" "
            "loext:scale-to-X=\"1\" loext:scale-to-Y=\"0\"/>%s</style:page-layout>\n"
            "<style:page-layout style:name=\"pmChart\"><style:page-layout-properties fo:page-width=\"29.7cm\" "
            "fo:page-height=\"21cm\" style:print-orientation=\"landscape\" fo:margin-top=\"1.2cm\" "
            "fo:margin-bottom=\"1.2cm\" fo:margin-left=\"1.2cm\" fo:margin-right=\"1.2cm\" "
            "style:scale-to-pages=\"1\"/>%s</style:page-layout>\n"
            "</office:automatic-styles>\n<office:master-styles>\n",
            hf, hf);
    static const char *const masters[][2] = {{"List", "pmList"}, {"Chart", "pmChart"}};
    for (size_t i = 0; i < 2; i++)
        fprintf(f,
                "<style:master-page style:name=\"%s\" style:page-layout-name=\"%s\"><style:header "
                "style:display=\"false\"/><style:footer><text:p>socinv audit - <text:sheet-name>?</text:sheet-name>"
                " - %s <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>\n",
                masters[i][0], masters[i][1], da ? "side" : "page");
    fputs("</office:master-styles>\n", f);
}

static void columns(FILE *f, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(f, "<table:table-column table:style-name=\"%s\" table:default-cell-style-name=\"Default\"/>\n",
                names[i]);
}

static void header_row(FILE *f, const char *const *labels)
{
    fputs("<table:table-row table:style-name=\"roHead\">", f);
    for (size_t i = 0; labels[i]; i++)
        cell_str(f, "ceHead", labels[i]);
    fputs("</table:table-row>\n", f);
}

static void sheet_tables(FILE *f, const input *ins, size_t nin, const found_list *all, const words *w,
                         const char *lang)
{
    static const char *const cols[] = {"coN",   "coId",  "coTitle", "coSrc", "coLoc", "coNum", "coNum",
                                       "coPay", "coPay", "coPay",   "coPay", "coNum", "coNum", "coLoc"};
    fprintf(f, "<table:table table:name=\"%s\" table:style-name=\"taList\">\n", w->sheet_tables);
    columns(f, cols, sizeof cols / sizeof cols[0]);
    header_row(f, w->table_cols);
    for (size_t k = 0; k < all->n; k++) {
        const found *t = &all->items[k];
        char loc[128];
        table_location(t, lang, loc, sizeof loc);
        size_t warnings = t->rep.nfindings_total - t->rep.nerrors;
        fputs("<table:table-row>", f);
        cell_number(f, "ceYear", (double)(k + 1), lang);
        if (t->id[0])
            cell_str(f, "ceText", t->id);
        else
            cell_empty(f);
        cell_text(f, "ceText", t->title, t->title_len);
        cell_str(f, "ceText", t->in->path);
        cell_str(f, "ceText", loc);
        cell_number(f, "ceYear", socinv_case_year(&t->part->grid, &t->t, 0), lang);
        cell_number(f, "ceYear", socinv_case_year(&t->part->grid, &t->t, t->t.nyears - 1), lang);
        for (int b = 0; b < 2; b++) {
            double p = t->rep.payback_printed[b], r = t->rep.payback_rule[b];
            /* a printed payback the rule does not give is marked on both cells */
            int differ = !(isnan(p) && isnan(r)) && !(p == r);
            int shown = !isnan(p) || !isnan(r);
            cell_years(f, p, w->not_printed, differ && shown ? "ceBad" : "ceNum", lang);
            cell_years(f, r, w->no_payback, differ && shown ? "ceBad" : "ceNum", lang);
        }
        cell_number(f, t->rep.nerrors ? "ceBad" : "ceNum", (double)t->rep.nerrors, lang);
        cell_number(f, warnings ? "ceWarn" : "ceNum", (double)warnings, lang);
        cell_str(f, t->rep.nerrors ? "ceBad" : "ceOk", t->rep.nerrors ? w->bad : w->ok);
        fputs("</table:table-row>\n", f);
    }
    /* inputs that could not be read, after a blank row: a report must not look complete without them */
    int any = 0;
    for (size_t i = 0; i < nin; i++) {
        if (!ins[i].error[0])
            continue;
        if (!any++)
            fputs("<table:table-row><table:table-cell/></table:table-row>\n", f);
        char why[640];
        snprintf(why, sizeof why, "%s%s", w->unread, ins[i].error);
        fputs("<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>", f);
        cell_str(f, "ceText", why);
        cell_str(f, "ceText", ins[i].path);
        fputs("<table:table-cell table:number-columns-repeated=\"9\"/>", f);
        cell_str(f, "ceBad", w->unread_status);
        fputs("</table:table-row>\n", f);
    }
    fputs("</table:table>\n", f);
}

static void sheet_findings(FILE *f, const found_list *all, const words *w, const char *lang, size_t *nrows)
{
    static const char *const cols[] = {"coN", "coId", "coWide", "coNum", "coRow", "coNum", "coNum", "coNum",
                                       "coMsg"};
    fprintf(f, "<table:table table:name=\"%s\" table:style-name=\"taList\">\n", w->sheet_findings);
    columns(f, cols, sizeof cols / sizeof cols[0]);
    header_row(f, w->finding_cols);
    *nrows = 0;
    for (size_t k = 0; k < all->n; k++) {
        const found *t = &all->items[k];
        for (size_t i = 0; i < t->rep.nfindings; i++) {
            const socinv_finding *x = &t->findings[i];
            int err = x->severity == SOCINV_SEVERITY_ERROR;
            fputs("<table:table-row>", f);
            cell_number(f, "ceYear", (double)(k + 1), lang);
            if (t->id[0])
                cell_str(f, "ceText", t->id);
            else
                cell_empty(f);
            cell_str(f, "ceText", (unsigned)x->kind < 5 ? w->kinds[x->kind] : socinv_finding_kind_name(x->kind));
            cell_str(f, err ? "ceBad" : "ceWarn", err ? w->error : w->warning);
            const char *label;
            size_t len;
            if (x->line != SOCINV_NONE &&
                socinv_case_label(&t->part->grid, &t->t, &t->lines[x->line], &label, &len) == SOCINV_OK)
                cell_text(f, "ceText", label, len);
            else
                cell_empty(f);
            if (x->year != SOCINV_NONE)
                cell_number(f, "ceYear", socinv_case_year(&t->part->grid, &t->t, x->year), lang);
            else
                cell_empty(f);
            if (isnan(x->printed))
                cell_empty(f);
            else
                cell_number(f, "ceNum", x->printed, lang);
            if (isnan(x->computed))
                cell_empty(f);
            else
                cell_number(f, "ceNum", x->computed, lang);
            char msg[512];
            socinv_finding_format(&t->part->grid, &t->t, t->lines, x, lang, msg, sizeof msg);
            cell_str(f, "ceText", msg);
            fputs("</table:table-row>\n", f);
            (*nrows)++;
        }
    }
    fputs("</table:table>\n", f);
}

/* The chart, inline, as LibreOffice writes one into a .fods: draw:frame > draw:object >
 * office:document (a chart document) whose series point at the cells of the sheet. */
/* The chart's styles: the frame, titles, axes (the x axis is the zero line) and one per series. */
static void chart_styles(FILE *f, size_t n, const char *lang)
{
    fputs("<office:automatic-styles>\n"
          "<number:number-style style:name=\"N0\" ",
          f);
    fputs(number_locale(lang), f);
    fputs("><number:number number:decimal-places=\"0\" "
          "number:min-integer-digits=\"1\" number:grouping=\"true\"/></number:number-style>\n"
          "<style:style style:name=\"chChart\" style:family=\"chart\"><style:graphic-properties "
          "draw:stroke=\"none\" draw:fill=\"solid\" draw:fill-color=\"#ffffff\"/></style:style>\n"
          "<style:style style:name=\"chTitle\" style:family=\"chart\"><style:text-properties "
          "fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>\n"
          "<style:style style:name=\"chSub\" style:family=\"chart\"><style:text-properties "
          "fo:font-size=\"9pt\"/></style:style>\n"
          "<style:style style:name=\"chLegend\" style:family=\"chart\"><style:chart-properties "
          "chart:auto-position=\"true\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
          "<style:style style:name=\"chPlot\" style:family=\"chart\"><style:chart-properties "
          "chart:treat-empty-cells=\"leave-gap\" chart:auto-position=\"true\" chart:auto-size=\"true\"/>"
          "</style:style>\n"
          /* the x axis crosses at 0: its line is the zero line; labels stay at the bottom */
          "<style:style style:name=\"chAxisX\" style:family=\"chart\"><style:chart-properties "
          "chart:display-label=\"true\" chart:axis-position=\"0\" chart:axis-label-position=\"outside-start\" "
          "chart:tick-marks-major-outer=\"true\" chart:reverse-direction=\"false\" "
          "chart:link-data-style-to-source=\"false\"/><style:graphic-properties svg:stroke-color=\"#000000\" "
          "svg:stroke-width=\"0.04cm\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
          "<style:style style:name=\"chAxisY\" style:family=\"chart\" style:data-style-name=\"N0\">"
          "<style:chart-properties chart:display-label=\"true\" chart:link-data-style-to-source=\"false\" "
          "chart:tick-marks-major-outer=\"true\"/><style:graphic-properties svg:stroke-color=\"#b3b3b3\"/>"
          "<style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
          "<style:style style:name=\"chAxisTitle\" style:family=\"chart\"><style:text-properties "
          "fo:font-size=\"10pt\"/></style:style>\n"
          "<style:style style:name=\"chAxisTitleY\" style:family=\"chart\"><style:chart-properties "
          "style:rotation-angle=\"90\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>\n"
          "<style:style style:name=\"chGrid\" style:family=\"chart\"><style:graphic-properties "
          "svg:stroke-color=\"#dddddd\"/></style:style>\n"
          "<style:style style:name=\"chWall\" style:family=\"chart\"><style:graphic-properties "
          "draw:stroke=\"solid\" svg:stroke-color=\"#b3b3b3\" draw:fill=\"none\"/></style:style>\n",
          f);
    for (size_t k = 0; k < n; k++) {
        const char *colour = COLOURS[k % NCOLOURS];
        fprintf(f,
                "<style:style style:name=\"chS%zu\" style:family=\"chart\" style:data-style-name=\"N0\">"
                "<style:chart-properties chart:symbol-type=\"automatic\" chart:symbol-width=\"0.2cm\" "
                "chart:symbol-height=\"0.2cm\" chart:link-data-style-to-source=\"false\"/>"
                "<style:graphic-properties svg:stroke-width=\"0.05cm\" svg:stroke-color=\"%s\" "
                "draw:fill-color=\"%s\"%s/></style:style>\n",
                k, colour, colour, k >= NCOLOURS ? " draw:stroke=\"dash\"" : "");
    }
    fputs("</office:automatic-styles>\n", f);
}

/* The plot area: both axes with their titles, and one line per proposal, from the sheet. */
static void chart_plot(FILE *f, const found_list *all, const chart_data *cd, const words *w)
{
    const char *sh = w->sheet_chart;
    size_t n = all->n, years = cd->years;
    fputs("<chart:plot-area chart:style-name=\"chPlot\" chart:data-source-has-labels=\"both\" "
          "table:cell-range-address=\"",
          f);
    range(f, sh, 0, 0, years, n);
    fputs("\">\n<chart:axis chart:dimension=\"x\" chart:name=\"primary-x\" chart:style-name=\"chAxisX\">"
          "<chart:title chart:style-name=\"chAxisTitle\"><text:p>",
          f);
    xml_str(f, cd->calendar ? w->x_title : w->x_title_relative);
    fputs("</text:p></chart:title><chart:categories table:cell-range-address=\"", f);
    range(f, sh, 1, 0, years, 0);
    fputs("\"/></chart:axis>\n<chart:axis chart:dimension=\"y\" chart:name=\"primary-y\" "
          "chart:style-name=\"chAxisY\"><chart:title chart:style-name=\"chAxisTitleY\"><text:p>",
          f);
    xml_str(f, w->y_title);
    fputs("</text:p></chart:title><chart:grid chart:style-name=\"chGrid\" chart:class=\"major\"/></chart:axis>\n",
          f);
    for (size_t k = 0; k < n; k++) {
        fprintf(f, "<chart:series chart:style-name=\"chS%zu\" chart:class=\"chart:line\" "
                   "chart:values-cell-range-address=\"",
                k);
        range(f, sh, 1, k + 1, years, k + 1);
        fputs("\" chart:label-cell-address=\"", f);
        range(f, sh, 0, k + 1, 0, k + 1);
        fprintf(f, "\"><chart:data-point chart:repeated=\"%zu\"/></chart:series>\n", years);
    }
    fputs("<chart:wall chart:style-name=\"chWall\"/><chart:floor/>\n</chart:plot-area>\n", f);

}

/* The chart's own copy of its data (what a viewer without the sheet shows). */
static void chart_local_table(FILE *f, const found_list *all, const chart_data *cd, const words *w)
{
    size_t n = all->n, years = cd->years;
    fputs("<table:table table:name=\"local-table\"><table:table-header-columns><table:table-column/>"
          "</table:table-header-columns>",
          f);
    fprintf(f, "<table:table-columns><table:table-column table:number-columns-repeated=\"%zu\"/>"
               "</table:table-columns><table:table-header-rows><table:table-row><table:table-cell><text:p/>"
               "</table:table-cell>",
            n);
    char name[64];
    for (size_t k = 0; k < n; k++) {
        series_name(all, k, name, sizeof name);
        cell_str(f, NULL, name);
    }
    fputs("</table:table-row></table:table-header-rows><table:table-rows>\n", f);
    for (size_t j = 0; j < years; j++) {
        char cat[32];
        category(cd, j, w, cat, sizeof cat);
        fputs("<table:table-row>", f);
        cell_str(f, NULL, cat);
        for (size_t k = 0; k < n; k++) {
            double v = cd->cum[k * years + j];
            if (isnan(v))
                cell_empty(f);
            else {
                char value[32];
                socinv_c_format(v, 'g', 17, value, sizeof value);
                fprintf(f, "<table:table-cell office:value-type=\"float\" office:value=\"%s\"><text:p>%s"
                           "</text:p></table:table-cell>",
                        value, value);
            }
        }
        fputs("</table:table-row>\n", f);
    }
    fputs("</table:table-rows></table:table>\n", f);
}

static void chart_object(FILE *f, const found_list *all, const chart_data *cd, const words *w, double y_cm,
                         const char *lang)
{
    const char *sh = w->sheet_chart;
    size_t n = all->n, years = cd->years;
    /* as wide as the table of its data above it (and at least wide enough for the legend) */
    double width = 5.5 + 2.0 * (double)years, height;
    if (width < 25)
        width = 25;
    height = width * 0.55;
    char width_cm[32], height_cm[32], y_text[32]; /* '.' whatever the locale */
    socinv_c_format(width, 'f', 1, width_cm, sizeof width_cm);
    socinv_c_format(height, 'f', 1, height_cm, sizeof height_cm);
    socinv_c_format(y_cm, 'f', 2, y_text, sizeof y_text);
    fprintf(f,
            "<draw:frame draw:z-index=\"0\" draw:style-name=\"grChart\" draw:name=\"%s\" svg:width=\"%scm\" svg:height=\"%scm\" "
            "svg:x=\"0.3cm\" svg:y=\"%scm\"><draw:object draw:notify-on-update-of-ranges=\"",
            w->sheet_chart, width_cm, height_cm, y_text);
    range(f, sh, 0, 0, years, n);
    fputs("\"><office:document" NS_DECLS " office:mimetype=\"application/vnd.oasis.opendocument.chart\">\n", f);
    chart_styles(f, n, lang);
    fputs("<office:body><office:chart>\n", f);
    fprintf(f,
            "<chart:chart svg:width=\"%scm\" svg:height=\"%scm\" xlink:href=\"..\" xlink:type=\"simple\" "
            "chart:class=\"chart:line\" chart:style-name=\"chChart\">\n",
            width_cm, height_cm);
    fputs("<chart:title chart:style-name=\"chTitle\"><text:p>", f);
    xml_str(f, w->chart_title);
    fputs("</text:p></chart:title>\n<chart:subtitle chart:style-name=\"chSub\"><text:p>", f);
    xml_str(f, w->chart_subtitle);
    fputs("</text:p></chart:subtitle>\n"
          "<chart:legend chart:legend-position=\"end\" style:legend-expansion=\"high\" "
          "chart:style-name=\"chLegend\"/>\n",
          f);
    chart_plot(f, all, cd, w);
    chart_local_table(f, all, cd, w);
    fputs("</chart:chart>\n</office:chart></office:body>\n"
          "</office:document></draw:object></draw:frame>\n",
          f);
}

/* The chart's sheet: a row per proposal, a column per year (the chart's data, readable
 * as a table), a note, then the chart below it. */
static void sheet_chart(FILE *f, const found_list *all, const chart_data *cd, const words *w, const char *lang)
{
    size_t n = all->n, years = cd->years;
    fprintf(f, "<table:table table:name=\"%s\" table:style-name=\"taChart\">\n", w->sheet_chart);
    if (n) {
        /* rows are 0.45 cm by default; the header row is taller */
        double y = 1.4 + 0.452 * (double)(n + 2) + 0.4;
        fputs("<table:shapes>", f);
        chart_object(f, all, cd, w, y, lang);
        fputs("</table:shapes>\n", f);
    }
    fputs("<table:table-column table:style-name=\"coName\" table:default-cell-style-name=\"Default\"/>\n", f);
    if (years)
        fprintf(f,
                "<table:table-column table:style-name=\"coNum\" table:number-columns-repeated=\"%zu\" "
                "table:default-cell-style-name=\"Default\"/>\n",
                years);
    fputs("<table:table-row table:style-name=\"roHead\">", f);
    cell_str(f, "ceHead", w->cum_corner);
    for (size_t j = 0; j < years; j++) {
        char cat[32];
        category(cd, j, w, cat, sizeof cat);
        cell_str(f, "ceHead", cat);
    }
    fputs("</table:table-row>\n", f);
    char name[64];
    for (size_t k = 0; k < n; k++) {
        series_name(all, k, name, sizeof name);
        fputs("<table:table-row>", f);
        cell_str(f, NULL, name); /* not wrapped: the chart below is placed for rows of one line */
        for (size_t j = 0; j < years; j++) {
            double v = cd->cum[k * years + j];
            if (isnan(v))
                cell_empty(f);
            else
                cell_number(f, j < cd->printed[k] ? "ceNum" : "ceExtra", v, lang);
        }
        fputs("</table:table-row>\n", f);
    }
    fputs("<table:table-row>", f);
    cell_str(f, "ceNote", w->extrapolated_note);
    fputs("</table:table-row>\n</table:table>\n", f);
}

/* Autofilter buttons on the two lists (Data > AutoFilter): sort or show only "fejl". */
static void filters(FILE *f, const words *w, size_t ntables, size_t nfindings)
{
    fputs("<table:database-ranges>", f);
    fputs("<table:database-range table:name=\"__Anonymous_Sheet_DB__0\" table:target-range-address=\"", f);
    range(f, w->sheet_tables, 0, 0, 13, ntables);
    fputs("\" table:display-filter-buttons=\"true\"/>", f);
    fputs("<table:database-range table:name=\"__Anonymous_Sheet_DB__1\" table:target-range-address=\"", f);
    range(f, w->sheet_findings, 0, 0, 8, nfindings);
    fputs("\" table:display-filter-buttons=\"true\"/>", f);
    fputs("</table:database-ranges>\n", f);
}

static int write_fods(FILE *f, const input *ins, size_t nin, const found_list *all, const char *lang)
{
    const words *w = strcmp(lang, "da") ? &EN : &DA;
    chart_data cd;
    if (chart_prepare(all, &cd) != 0) {
        chart_free(&cd);
        return -1;
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document" NS_DECLS
          " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n",
          f);
    styles(f, lang);
    fputs("<office:body>\n<office:spreadsheet>\n", f);
    size_t nfindings = 0;
    sheet_tables(f, ins, nin, all, w, lang);
    sheet_findings(f, all, w, lang, &nfindings);
    sheet_chart(f, all, &cd, w, lang);
    filters(f, w, all->n, nfindings);
    fputs("</office:spreadsheet>\n</office:body>\n</office:document>\n", f);
    chart_free(&cd);
    return ferror(f) ? -1 : 0;
}

/* ------------------------------------------------------------------ files */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

int report_ods_check_target(const char *file, const char *const *paths, size_t n)
{
    if (!ends_with(file, ".ods") && !ends_with(file, ".fods")) {
        fprintf(stderr, "socinv audit: --ods writes an OpenDocument workbook: give a name ending in .ods (or .fods)\n");
        return -1;
    }
    struct stat target;
    int exists = stat(file, &target) == 0;
    if (exists && !S_ISREG(target.st_mode)) {
        fprintf(stderr, "socinv audit: --ods %s: not a regular file\n", file);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        struct stat in;
        if (!strcmp(paths[i], file) ||
            (exists && stat(paths[i], &in) == 0 && in.st_dev == target.st_dev && in.st_ino == target.st_ino)) {
            fprintf(stderr, "socinv audit: --ods %s is one of the inputs; inputs are never overwritten\n", file);
            return -1;
        }
    }
    char *copy = strdup(file);
    if (!copy)
        return -1;
    const char *dir = dirname(copy);
    int ok = access(dir, W_OK) == 0;
    if (!ok)
        fprintf(stderr, "socinv audit: --ods %s: cannot write in %s: %s\n", file, dir, strerror(errno));
    free(copy);
    return ok ? 0 : -1;
}

/* Copy `from` to `file` through a temporary name in file's folder and a rename:
 * the report appears whole or not at all. */
static int put_in_place(const char *from, const char *file)
{
    size_t len = strlen(file);
    char *tmp = malloc(len + 16);
    if (!tmp)
        return -1;
    snprintf(tmp, len + 16, "%s.tmp-XXXXXX", file);
    int out = mkstemp(tmp);
    if (out < 0) {
        free(tmp);
        return -1;
    }
    FILE *in = fopen(from, "rb");
    int ok = in != NULL;
    char buf[65536];
    size_t got;
    while (ok && (got = fread(buf, 1, sizeof buf, in)) > 0)
        for (size_t done = 0; ok && done < got;) {
            ssize_t wr = write(out, buf + done, got - done);
            if (wr < 0 && errno == EINTR)
                continue;
            ok = wr > 0;
            done += wr > 0 ? (size_t)wr : 0;
        }
    if (in) {
        ok = ok && !ferror(in);
        fclose(in);
    }
    /* the mode a new file of the user's would have (mkstemp makes it 0600) */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(out, 0666 & ~mask);
    ok = close(out) == 0 && ok;
    if (ok && rename(tmp, file) != 0)
        ok = 0;
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok ? 0 : -1;
}

int report_ods_write(const char *file, const input *ins, size_t nin, const struct found_list *all, const char *lang,
                     const input_options *opt)
{
    char tmp[] = "/tmp/socinv-report-XXXXXX";
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "socinv audit: --ods: cannot make a temporary directory: %s\n", strerror(errno));
        return -1;
    }
    char fods[128], outdir[128], ods[192];
    snprintf(fods, sizeof fods, "%s/report.fods", tmp);
    snprintf(outdir, sizeof outdir, "%s/out", tmp);
    FILE *f = fopen(fods, "wb");
    int rc = -1;
    if (!f || write_fods(f, ins, nin, all, lang) != 0) {
        fprintf(stderr, "socinv audit: --ods: cannot write the report (%s)\n", f ? "out of memory or disk" : strerror(errno));
        if (f)
            fclose(f);
        goto done;
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "socinv audit: --ods: cannot write the report: %s\n", strerror(errno));
        goto done;
    }
    const char *result = fods;
    if (ends_with(file, ".ods")) {
        const char *files[] = {fods};
        mkdir(outdir, 0700);
        int r = inputs_soffice_convert(opt->soffice, tmp, "ods", outdir, files, 1);
        const char *why = inputs_soffice_failure(r);
        inputs_converted_name(outdir, fods, "ods", ods, sizeof ods);
        if (!why && access(ods, R_OK) != 0)
            why = "LibreOffice did not write the workbook (see its log with --keep-temp)";
        if (why) {
            fprintf(stderr, "socinv audit: --ods %s: %s\n", file, why);
            goto done;
        }
        result = ods;
    }
    if (put_in_place(result, file) != 0) {
        fprintf(stderr, "socinv audit: --ods %s: cannot write it: %s\n", file, strerror(errno));
        goto done;
    }
    rc = 0;
done:
    if (opt->keep_temp)
        fprintf(stderr, "socinv: report files kept in %s\n", tmp);
    else
        proc_remove_tree(tmp);
    return rc;
}
