/* A business-case table printed correctly is read back as printed and audits
 * clean: the round trip socinv_case_find / socinv_case_read / socinv_case_audit
 * / socinv_case_net / socinv_payback on tables generated from the input.
 *
 * The input chooses the shape (years, area column, columns before the table,
 * lines per block, a qualified subtotal, a title), each line's label, area and
 * amounts, blank lines and payback labels split over two lines as PDFs
 * leave them, and how numbers are printed (Danish thousands, Unicode minus,
 * brackets, '-' for zero, "4 år") or held (as text, or as numbers the way a
 * Calc range holds them). Subtotals, net and paybacks are printed as the rules
 * compute them. Then:
 * - the recognizer finds exactly this table: header row, years, area column,
 *   one line per printed line, each detail line's kind, area and amounts;
 * - the audit finds no error, and its rule paybacks are the printed ones;
 * - socinv_case_read on the table as a selected range agrees with the search. */
#include "fuzz.h"

#define MAXY 8
#define MAXL 12

typedef struct {
    int is_detail;
    const char *label;
    socinv_row_kind kind;
    socinv_area area;
    double v[MAXY]; /* NaN = blank */
} gen_line;

typedef struct {
    char *text;
    size_t len, cap;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->text = realloc(o->text, o->cap);
        FZ_CHECK(o->text != NULL);
    }
    memcpy(o->text + o->len, s, n);
    o->len += n;
    o->text[o->len] = '\0';
}

static void puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* An amount as a document prints it; `how` picks the spelling. */
static void amount(out *o, double v, uint8_t how)
{
    char buf[64];
    if (isnan(v))
        return;
    if (v == 0.0 && (how & 1)) {
        puts_(o, "-"); /* a dash for zero */
        return;
    }
    socinv_format_amount(fabs(v), "da", buf, sizeof buf);
    if (v < 0.0) {
        switch ((how >> 1) & 3) {
        case 0: puts_(o, "-"); puts_(o, buf); return;
        case 1: puts_(o, "\xe2\x88\x92"); puts_(o, buf); return; /* U+2212 minus */
        case 2: puts_(o, "("); puts_(o, buf); puts_(o, ")"); return;
        default: puts_(o, "- "); puts_(o, buf); return;
        }
    }
    puts_(o, buf);
}

static const char *const detail_labels[] = {
    "Besparelse sfa. integrerede ydelser - SOF", "Besk\xc3\xa6\x66tigelseseffekt", "Opstart af makkerpar (BIF, SOF)",
    "F\xc3\xa6rre anbringelser", "Drift af team", "Uddannelse af medarbejdere", "Reduceret sygefrav\xc3\xa6r",
    "Projektleder", "Ny it-l\xc3\xb8sning, licens", "Evaluering",
};
static const socinv_area areas[] = {SOCINV_AREA_SERVICE, SOCINV_AREA_ANLAEG, SOCINV_AREA_OVERFOERSLER,
                                    SOCINV_AREA_EFTERSPOERGSEL};
static const char *const area_names[] = {"Service", "Anl\xc3\xa6g", "Overf\xc3\xb8rsler",
                                         "Eftersp\xc3\xb8rgselsstyret"};

static const char *area_text(socinv_area a)
{
    for (size_t i = 0; i < 4; i++)
        if (areas[i] == a)
            return area_names[i];
    return "";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t shape = fz_u8(&in), flags = fz_u8(&in), style_byte = fz_u8(&in);
    size_t nyears = 2 + shape % (MAXY - 1);
    int first_year = 2018 + (shape >> 3) % 12;
    int area_col = flags & 1, qualified = (flags & 2) && area_col, years_unit = flags & 4;
    int as_numbers = flags & 8, title = flags & 0x10, use_read = flags & 0x20;
    size_t lead = (flags >> 6) % 3; /* blank columns left of the table */
    size_t nperm = fz_pick(&in, 5), nimpl = fz_pick(&in, 4);
    socinv_number_style style = (socinv_number_style)(style_byte % 2); /* AUTO or DANISH */
    int split_payback = style_byte & 2, blank_row = style_byte & 4; /* as PDFs and Word tables break them */

    /* the lines, in print order */
    gen_line lines[MAXL + 8];
    size_t n = 0;
    double perm_sum[MAXY] = {0}, perm_service[MAXY] = {0}, impl_sum[MAXY] = {0};
    for (int block = 0; block < 2; block++) {
        socinv_row_kind kind = block == 0 ? SOCINV_ROW_PERMANENT : SOCINV_ROW_IMPLEMENTATION;
        lines[n++] = (gen_line){0, block == 0 ? "Varige \xc3\xa6ndringer" : "Implementeringsomkostninger", kind, 0, {0}};
        for (size_t j = 0; j < MAXY; j++)
            lines[n - 1].v[j] = NAN;
        size_t count = block == 0 ? nperm : nimpl;
        for (size_t k = 0; k < count; k++) {
            gen_line *l = &lines[n++];
            uint8_t lb = fz_u8(&in), mb = fz_u8(&in);
            l->is_detail = 1;
            l->label = detail_labels[lb % (sizeof detail_labels / sizeof detail_labels[0])];
            l->kind = kind;
            l->area = area_col ? areas[(lb >> 4) % 4] : SOCINV_AREA_NONE;
            static const double mult[] = {1.0, 7.0, 50.0, 1000.0};
            for (size_t j = 0; j < MAXY; j++) {
                uint8_t b = fz_u8(&in);
                l->v[j] = j >= nyears || (b == 0 && (mb & 0x80)) ? NAN : ((double)b - 128.0) * mult[mb % 4];
                double v = isnan(l->v[j]) ? 0.0 : l->v[j];
                if (j < nyears) {
                    if (block == 0) {
                        perm_sum[j] += v;
                        if (l->area == SOCINV_AREA_SERVICE)
                            perm_service[j] += v;
                    } else {
                        impl_sum[j] += v;
                    }
                }
            }
        }
        gen_line *t = &lines[n++];
        *t = (gen_line){0, block == 0 ? "Samlet varig \xc3\xa6ndring" : "Samlede implementeringsomkostninger", kind, 0, {0}};
        for (size_t j = 0; j < MAXY; j++)
            t->v[j] = j < nyears ? (block == 0 ? perm_sum[j] : impl_sum[j]) : NAN;
        if (block == 0 && qualified) {
            gen_line *q = &lines[n++];
            *q = (gen_line){0, "Samlet varig \xc3\xa6ndring, service", kind, 0, {0}};
            for (size_t j = 0; j < MAXY; j++)
                q->v[j] = j < nyears ? perm_service[j] : NAN;
        }
    }
    gen_line *net_line = &lines[n++];
    *net_line = (gen_line){0, "Samlet \xc3\xb8konomisk p\xc3\xa5virkning", SOCINV_ROW_IGNORE, 0, {0}};
    double net_total[MAXY], net_service[MAXY];
    for (size_t j = 0; j < MAXY; j++) {
        net_line->v[j] = j < nyears ? perm_sum[j] + impl_sum[j] : NAN;
        net_total[j] = perm_sum[j] + impl_sum[j];
        net_service[j] = perm_service[j] + impl_sum[j];
    }
    double rule[2]; /* [SOCINV_BASIS_SERVICE], [SOCINV_BASIS_TOTAL] */
    const double *nets[2] = {net_service, net_total};
    for (int b = 0; b < 2; b++) {
        double y;
        rule[b] = socinv_payback(nets[b], nyears, NULL, &y) == SOCINV_OK ? y : NAN;
    }

    /* print it */
    out o = {0};
    const char *tab = "\t";
    if (title) {
        puts_(&o, "Forslagets titel: Pilotprojekt\n\nKort resum\xc3\xa9: Et resum\xc3\xa9\n\n");
    }
    size_t header_row = title ? 4 : 0;
    for (size_t c = 0; c < lead; c++)
        puts_(&o, tab);
    puts_(&o, "1.000 kr. 2025 p/l");
    if (area_col) {
        puts_(&o, tab);
        puts_(&o, "Styringsomr\xc3\xa5\x64\x65");
    }
    for (size_t j = 0; j < nyears; j++) {
        char y[16];
        snprintf(y, sizeof y, "\t%d", first_year + (int)j);
        puts_(&o, y);
    }
    puts_(&o, "\n");
    size_t row_of[MAXL + 8], row = header_row + 1;
    for (size_t i = 0; i < n; i++) {
        const gen_line *l = &lines[i];
        if (blank_row && i > 0 && !strcmp(l->label, "Implementeringsomkostninger")) {
            puts_(&o, "\n"); /* a blank line between the blocks */
            row++;
        }
        row_of[i] = row++;
        for (size_t c = 0; c < lead; c++)
            puts_(&o, tab);
        puts_(&o, l->label);
        if (area_col) {
            puts_(&o, tab);
            puts_(&o, area_text(l->area));
        }
        for (size_t j = 0; j < nyears; j++) {
            puts_(&o, tab);
            amount(&o, l->v[j], fz_u8(&in));
        }
        puts_(&o, "\n");
    }
    static const char *const payback_labels[2] = {"Tilbagebetalingstid baseret p\xc3\xa5 serviceeffektivisering",
                                                  "Tilbagebetalingstid baseret p\xc3\xa5 total\xc3\xb8konomi"};
    for (int b = 0; b < 2; b++) {
        for (size_t c = 0; c < lead; c++)
            puts_(&o, tab);
        if (split_payback) { /* "Tilbagebetalingstid baseret på" / "Totaløkonomi | 3" */
            puts_(&o, "Tilbagebetalingstid baseret p\xc3\xa5\n");
            for (size_t c = 0; c < lead; c++)
                puts_(&o, tab);
            puts_(&o, b == 0 ? "Serviceeffektivisering" : "Total\xc3\xb8konomi");
        } else {
            puts_(&o, payback_labels[b]);
        }
        puts_(&o, tab);
        if (!isnan(rule[b])) {
            char y[32];
            snprintf(y, sizeof y, years_unit ? "%.0f \xc3\xa5r" : "%.0f", rule[b]);
            puts_(&o, y);
        }
        puts_(&o, "\n");
    }
    size_t nprinted = n + 2;

    /* read it */
    socinv_grid g;
    FZ_CHECK(socinv_grid_parse_text(o.text, o.len, '\t', &g) == SOCINV_OK);
    socinv_cell *cells = malloc(g.rows * g.cols * sizeof *cells);
    memcpy(cells, g.cells, g.rows * g.cols * sizeof *cells);
    socinv_grid sheet = g;
    sheet.cells = cells;
    if (as_numbers) { /* as a Danish Calc holds the pasted table: amounts and years as numbers */
        for (size_t i = 0; i < g.rows * g.cols; i++) {
            double v;
            if (cells[i].kind == SOCINV_CELL_TEXT && !(cells[i].len == 1 && cells[i].text[0] == '-') &&
                socinv_parse_number(cells[i].text, cells[i].len, SOCINV_NUMBERS_DANISH, &v) == SOCINV_OK &&
                !memchr(cells[i].text, 0xC3, cells[i].len)) { /* "3 år" stays text */
                cells[i].kind = SOCINV_CELL_NUMBER;
                cells[i].num = v;
            }
        }
    }
    socinv_case t;
    socinv_case_line found[MAXL + 16];
    double values[(MAXL + 16) * MAXY];
    socinv_status st = use_read ? socinv_case_read(&sheet, style, &t, found, MAXL + 16, values, (MAXL + 16) * MAXY)
                                : socinv_case_find(&sheet, 0, style, &t, found, MAXL + 16, values, (MAXL + 16) * MAXY);
    if (st != SOCINV_OK) {
        fprintf(stderr, "the table is not found (%s):\n%s", socinv_status_name(st), o.text);
        FZ_CHECK(!"a printed table is found");
    }
    FZ_CHECK(t.header_row == header_row && t.nyears == nyears && t.first_year == first_year && t.years_consecutive);
    FZ_CHECK(t.label_col == lead && t.year_col == lead + 1 + (size_t)area_col);
    FZ_CHECK(area_col ? t.area_col == lead + 1 : t.area_col == SOCINV_NONE);
    if (t.nlines != nprinted) {
        fprintf(stderr, "%zu lines read, %zu printed:\n%s", t.nlines, nprinted, o.text);
        FZ_CHECK(!"every printed line is read");
    }
    for (size_t i = 0; i < n; i++) {
        const gen_line *l = &lines[i];
        const socinv_case_line *f = &found[i];
        FZ_CHECK(f->row == row_of[i]);
        if (!l->is_detail)
            continue;
        int all_blank = 1;
        for (size_t j = 0; j < nyears; j++)
            all_blank &= isnan(l->v[j]);
        if (all_blank && !area_col)
            continue; /* a lone label: read as a footnote, which is as good */
        if (f->role != SOCINV_LINE_DETAIL || f->kind != l->kind || f->area != l->area) {
            fprintf(stderr, "line %zu read as role %d kind %d area %d:\n%s", i, f->role, f->kind, f->area, o.text);
            FZ_CHECK(!"a detail line is read as printed");
        }
        for (size_t j = 0; j < nyears; j++) {
            double v = values[i * nyears + j];
            if (!(v == l->v[j] || (isnan(l->v[j]) && (isnan(v) || v == 0.0)) || (l->v[j] == 0.0 && isnan(v)))) {
                fprintf(stderr, "line %zu year %zu read as %g, printed %g:\n%s", i, j, v, l->v[j], o.text);
                FZ_CHECK(!"amounts are read as printed");
            }
        }
    }

    socinv_case_report rep;
    socinv_finding findings[64];
    FZ_CHECK(socinv_case_audit(&t, found, values, SOCINV_CHECK_TOLERANCE, &rep, findings, 64) == SOCINV_OK);
    if (rep.nerrors) {
        char buf[512];
        for (size_t k = 0; k < rep.nfindings; k++) {
            socinv_finding_format(&sheet, &t, found, &findings[k], "en", buf, sizeof buf);
            fprintf(stderr, "%s: %s\n", findings[k].severity == SOCINV_SEVERITY_ERROR ? "error" : "warning", buf);
        }
        fprintf(stderr, "in:\n%s", o.text);
        FZ_CHECK(!"a correct table audits clean");
    }
    for (int b = 0; b < 2; b++) {
        FZ_CHECK(rep.payback_rule[b] == rule[b] || (isnan(rep.payback_rule[b]) && isnan(rule[b])));
        FZ_CHECK(rep.payback_printed[b] == rule[b] || (isnan(rep.payback_printed[b]) && isnan(rule[b])));
    }
    double net[MAXY];
    FZ_CHECK(socinv_case_net(&t, found, values, socinv_basis_total(), net) == SOCINV_OK);
    for (size_t j = 0; j < nyears; j++)
        FZ_CHECK(net[j] == net_total[j]);
    FZ_CHECK(socinv_case_net(&t, found, values, socinv_basis_service(), net) == SOCINV_OK);
    for (size_t j = 0; j < nyears; j++)
        FZ_CHECK(net[j] == net_service[j]);
    if (title) {
        char id[8];
        const char *tt;
        size_t tl;
        FZ_CHECK(socinv_case_title(&sheet, 0, &t, id, sizeof id, &tt, &tl) == SOCINV_OK);
        FZ_CHECK(tl == strlen("Pilotprojekt") && !memcmp(tt, "Pilotprojekt", tl) && id[0] == '\0');
    }

    free(cells);
    socinv_grid_free(&g);
    free(o.text);
    return 0;
}
