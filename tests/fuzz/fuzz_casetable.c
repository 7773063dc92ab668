/* The business-case table recognizer and everything that reads its result:
 * socinv_case_find, socinv_case_read, socinv_case_title, socinv_case_year, socinv_case_label,
 * socinv_case_net, socinv_case_audit, socinv_finding_format,
 * socinv_format_amount, socinv_note_text, socinv_finding_kind_name.
 *
 * Input: two option bytes, then delimited text (seeded with slices of the
 * seed documents), split by socinv_grid_parse_text. Option bits turn the text
 * cells into what a Danish Calc range holds (amounts and years as numbers,
 * "NaN"/"inf" as non-finite numbers, which only a C caller can pass), pick
 * the number style, the row to search from and the buffer sizes.
 *
 * Checks, besides memory and UB errors, for every table found:
 * - the table lies inside the grid (header, label, area and year columns in
 *   that order, lines in increasing rows between header and end), years are
 *   headings 1950-2150,
 *   the enums and note bits are in range, amounts are NaN or finite;
 * - short buffers give SOCINV_E_BUFFER with the sizes needed, and those
 *   sizes are enough for that table;
 * - socinv_case_read (the whole grid is the table) reads a table as valid;
 * - the title points into a cell above the table, the id is "AB12" or "";
 * - the net on the total basis is the sum of the detail lines;
 * - the audit's counts agree with its findings, findings point at real lines
 *   and years, a short findings buffer gets a prefix of the full list;
 * - a finding formatted into a big enough buffer is NUL-terminated UTF-8
 *   when the grid's text is. */
#include "fuzz.h"

#define MAX_TABLES 8
#define FMT_CAP 1024

typedef struct {
    socinv_grid g;
    socinv_cell *cells; /* the grid's cells, some turned into numbers */
    int utf8;           /* every text cell is UTF-8 */
} sheet;

static int word(const socinv_cell *c, const char *w)
{
    return c->kind == SOCINV_CELL_TEXT && c->len == strlen(w) && !memcmp(c->text, w, c->len);
}

/* Cells as a Danish Calc range holds them: "1.200" is the number 1200 (a lone
 * dash stays text, as Calc keeps it). */
static void as_calc(sheet *s, int nonfinite)
{
    for (size_t i = 0; i < s->g.rows * s->g.cols; i++) {
        socinv_cell *c = &s->cells[i];
        double v;
        if (c->kind != SOCINV_CELL_TEXT)
            continue;
        if (nonfinite && (word(c, "NaN") || word(c, "inf") || word(c, "-inf"))) {
            c->num = word(c, "NaN") ? NAN : word(c, "inf") ? INFINITY : -INFINITY;
            c->kind = SOCINV_CELL_NUMBER;
        } else if (!(c->len == 1 && c->text[0] == '-') &&
                   socinv_parse_number(c->text, c->len, SOCINV_NUMBERS_DANISH, &v) == SOCINV_OK) {
            c->num = v;
            c->kind = SOCINV_CELL_NUMBER;
        }
    }
}

static const socinv_cell *cell(const socinv_grid *g, size_t r, size_t c)
{
    return &g->cells[r * g->cols + c];
}

static int inside_cell(const socinv_cell *c, const char *p, size_t n)
{
    return c->kind == SOCINV_CELL_TEXT && p >= c->text && p + n <= c->text + c->len;
}

static void check_table(const sheet *s, size_t from, const socinv_case *t, const socinv_case_line *lines,
                        size_t cap, const double *values)
{
    const socinv_grid *g = &s->g;
    FZ_CHECK(t->header_row >= from && t->header_row < g->rows);
    FZ_CHECK(t->nyears >= 2 && t->nyears <= SOCINV_CASE_MAX_YEARS);
    FZ_CHECK(t->label_col < t->year_col && t->year_col + t->nyears <= g->cols);
    FZ_CHECK(t->area_col == SOCINV_NONE || (t->area_col > t->label_col && t->area_col < t->year_col));
    FZ_CHECK(t->end_row > t->header_row && t->end_row <= g->rows);
    FZ_CHECK(t->nlines <= cap);
    FZ_CHECK(t->years_consecutive == 0 || t->years_consecutive == 1);
    FZ_CHECK(t->first_year == socinv_case_year(g, t, 0));
    int consecutive = 1;
    for (size_t j = 0; j < t->nyears; j++) {
        int y = socinv_case_year(g, t, j);
        FZ_CHECK(y >= 1950 && y <= 2150);
        if (j && y != socinv_case_year(g, t, j - 1) + 1)
            consecutive = 0;
    }
    FZ_CHECK(consecutive == t->years_consecutive);
    FZ_CHECK(socinv_case_year(g, t, t->nyears) == 0 && socinv_case_year(g, t, SOCINV_NONE) == 0);
    FZ_CHECK(socinv_case_year(NULL, t, 0) == 0);

    size_t prev_row = t->header_row;
    for (size_t i = 0; i < t->nlines; i++) {
        const socinv_case_line *l = &lines[i];
        FZ_CHECK(l->label_row > t->header_row && l->label_row <= l->row && l->row < t->end_row);
        FZ_CHECK(l->row > prev_row);
        prev_row = l->row;
        FZ_CHECK((unsigned)l->role <= SOCINV_LINE_PAYBACK);
        FZ_CHECK((unsigned)l->kind <= SOCINV_ROW_IMPLEMENTATION);
        FZ_CHECK(l->area == SOCINV_AREA_NONE || l->area == SOCINV_AREA_SERVICE || l->area == SOCINV_AREA_ANLAEG ||
                 l->area == SOCINV_AREA_OVERFOERSLER || l->area == SOCINV_AREA_EFTERSPOERGSEL);
        FZ_CHECK((unsigned)l->qualifier <= SOCINV_QUAL_OTHER);
        FZ_CHECK(l->basis == SOCINV_BASIS_SERVICE || l->basis == SOCINV_BASIS_TOTAL);
        FZ_CHECK(isnan(l->payback) || isfinite(l->payback));
        FZ_CHECK(!(l->notes & ~((1u << SOCINV_NOTE_COUNT) - 1)));
        if (l->role != SOCINV_LINE_DETAIL && l->role != SOCINV_LINE_SUBTOTAL)
            FZ_CHECK(l->area == SOCINV_AREA_NONE);
        for (size_t j = 0; j < t->nyears; j++) {
            double v = values[i * t->nyears + j];
            FZ_CHECK(isnan(v) || isfinite(v));
        }
        const char *text;
        size_t len;
        FZ_CHECK(socinv_case_label(g, t, l, &text, &len) == SOCINV_OK);
        if (len) {
            FZ_CHECK(inside_cell(cell(g, l->label_row, t->label_col), text, len));
            FZ_CHECK(text[0] != ' ' && text[len - 1] != ' ');
        }
    }
    socinv_case_line far;
    memset(&far, 0, sizeof far);
    far.row = far.label_row = g->rows;
    const char *text;
    size_t len;
    FZ_CHECK(socinv_case_label(g, t, &far, &text, &len) == SOCINV_E_DOMAIN);
}

static void check_title(const sheet *s, size_t from, const socinv_case *t)
{
    char id[8];
    const char *title;
    size_t tlen;
    memset(id, 0x7F, sizeof id);
    socinv_status st = socinv_case_title(&s->g, from, t, id, sizeof id, &title, &tlen);
    FZ_CHECK(st == SOCINV_OK);
    size_t idlen = fz_strnlen_checked(id, sizeof id);
    FZ_CHECK(idlen == 0 || idlen == 4);
    if (idlen == 4)
        FZ_CHECK(id[0] >= 'A' && id[0] <= 'Z' && id[1] >= 'A' && id[1] <= 'Z' && id[2] >= '0' && id[2] <= '9' &&
                 id[3] >= '0' && id[3] <= '9');
    if (tlen) {
        int found = 0;
        for (size_t r = from; r < t->header_row && !found; r++)
            for (size_t c = 0; c < s->g.cols && !found; c++)
                found = inside_cell(cell(&s->g, r, c), title, tlen);
        FZ_CHECK(found);
        FZ_CHECK(title[0] != ' ' && title[tlen - 1] != ' ');
    }
    FZ_CHECK(socinv_case_title(&s->g, from, t, id, 4, &title, &tlen) == SOCINV_E_BUFFER);
}

static void check_net(const socinv_case *t, const socinv_case_line *lines, const double *values, fz_in *in)
{
    double net[SOCINV_CASE_MAX_YEARS];
    socinv_basis b = socinv_basis_total();
    FZ_CHECK(socinv_case_net(t, lines, values, b, net) == SOCINV_OK);
    for (size_t j = 0; j < t->nyears; j++) {
        double sum = 0.0, mag = 0.0;
        for (size_t i = 0; i < t->nlines; i++) {
            double v = values[i * t->nyears + j];
            if (lines[i].role == SOCINV_LINE_DETAIL && !isnan(v)) {
                sum += v;
                mag += fabs(v);
            }
        }
        FZ_CHECK(isfinite(net[j]));
        if (isfinite(mag))
            FZ_CHECK(fz_close(net[j], sum, 0.0, 1e-12 * mag));
    }
    b = socinv_basis_service();
    socinv_status st = socinv_case_net(t, lines, values, b, net);
    FZ_CHECK(st == SOCINV_OK || st == SOCINV_E_OVERFLOW);
    b.permanent_areas = fz_u8(in) % 16;
    b.implementation_areas = fz_u8(in) % 16;
    st = socinv_case_net(t, lines, values, b, net);
    FZ_CHECK(st == SOCINV_OK || st == SOCINV_E_OVERFLOW);
}

static void check_audit(const sheet *s, const socinv_case *t, const socinv_case_line *lines, const double *values,
                        fz_in *in)
{
    enum { FULL = 4096 };
    static socinv_finding all[FULL], some[FULL];
    socinv_case_report rep, rep2;
    uint8_t tsel = fz_u8(in);
    double tol = tsel < 200 ? SOCINV_CHECK_TOLERANCE : fz_double(in);
    socinv_status st = socinv_case_audit(t, lines, values, tol, &rep, all, FULL);
    FZ_STATUS(st);
    if (st != SOCINV_OK) {
        FZ_CHECK(!isfinite(tol) || tol < 0.0);
        return;
    }
    FZ_CHECK(rep.nfindings == (rep.nfindings_total < FULL ? rep.nfindings_total : FULL));
    size_t errors = 0;
    for (size_t k = 0; k < rep.nfindings; k++) {
        const socinv_finding *f = &all[k];
        FZ_CHECK((unsigned)f->kind <= SOCINV_FINDING_LAYOUT);
        FZ_CHECK(f->severity == SOCINV_SEVERITY_ERROR || f->severity == SOCINV_SEVERITY_WARNING);
        FZ_CHECK((unsigned)f->note < SOCINV_NOTE_COUNT);
        FZ_CHECK(f->line == SOCINV_NONE || f->line < t->nlines);
        FZ_CHECK(f->year == SOCINV_NONE || f->year < t->nyears);
        errors += f->severity == SOCINV_SEVERITY_ERROR;
    }
    if (rep.nfindings == rep.nfindings_total)
        FZ_CHECK(errors == rep.nerrors);
    FZ_CHECK(rep.nerrors <= rep.nfindings_total);
    for (int b = 0; b < 2; b++) {
        double k = rep.payback_rule[b];
        FZ_CHECK(isnan(k) || (k == floor(k) && k >= 1.0 && k <= 100.0));
        FZ_CHECK(isnan(rep.payback_printed[b]) || isfinite(rep.payback_printed[b]));
    }

    /* a short buffer: the same counts, a prefix of the findings */
    size_t cap = fz_pick(in, 8);
    st = socinv_case_audit(t, lines, values, tol, &rep2, cap ? some : NULL, cap);
    FZ_CHECK(st == SOCINV_OK);
    FZ_CHECK(rep2.nfindings_total == rep.nfindings_total && rep2.nerrors == rep.nerrors);
    FZ_CHECK(rep2.nfindings == (rep.nfindings_total < cap ? rep.nfindings_total : cap));
    for (size_t k = 0; k < rep2.nfindings; k++) {
        const socinv_finding *a = &some[k], *b = &all[k];
        FZ_CHECK(a->kind == b->kind && a->severity == b->severity && a->note == b->note && a->line == b->line &&
                 a->year == b->year);
        FZ_CHECK((a->printed == b->printed || (isnan(a->printed) && isnan(b->printed))) &&
                 (a->computed == b->computed || (isnan(a->computed) && isnan(b->computed))));
    }

    /* findings as sentences */
    static const char *const langs[] = {"da", "en", NULL, "xx"};
    for (size_t k = 0; k < rep.nfindings && k < 64; k++) {
        const char *lang = langs[fz_pick(in, 4)];
        char buf[FMT_CAP + 1];
        memset(buf, 0x7F, sizeof buf);
        socinv_finding_format(&s->g, t, lines, &all[k], lang, buf, FMT_CAP);
        size_t n = fz_strnlen_checked(buf, FMT_CAP);
        FZ_CHECK(n + 1 < FMT_CAP); /* never near the end: nothing was cut */
        if (s->utf8 && !fz_utf8_valid(buf, n)) {
            fprintf(stderr, "finding %zu formats as invalid UTF-8: %s\n", k, buf);
            FZ_CHECK(!"findings of UTF-8 tables are UTF-8");
        }
        /* any buffer size: terminated, never written past cap */
        size_t small = fz_pick(in, 80);
        memset(buf, 0x7F, sizeof buf);
        socinv_finding_format(&s->g, t, lines, &all[k], lang, buf, small);
        if (small)
            fz_strnlen_checked(buf, small);
        FZ_CHECK(buf[small] == 0x7F);
    }
    for (int k = -2; k < SOCINV_NOTE_COUNT + 2; k++)
        FZ_CHECK(socinv_note_text((socinv_note)k, "da") && socinv_note_text((socinv_note)k, NULL));
    for (int k = -2; k < 7; k++)
        FZ_CHECK(socinv_finding_kind_name((socinv_finding_kind)k) != NULL);
}

/* One call into buffers made for it, `cap` lines of `nyears` values (no lines at all
 * when cap is 0), freed after: with `from` the table found from that row on
 * (socinv_case_find), without it the whole grid as one table (socinv_case_read). */
static socinv_status case_into(const sheet *s, const size_t *from, socinv_number_style style, size_t cap,
                               size_t nyears, socinv_case *out)
{
    socinv_case_line *lines = malloc((cap ? cap : 1) * sizeof *lines);
    double *values = malloc((cap ? cap : 1) * nyears * sizeof *values);
    socinv_case_line *given = cap ? lines : NULL;
    socinv_status st = from ? socinv_case_find(&s->g, *from, style, out, given, cap, values, cap * nyears)
                            : socinv_case_read(&s->g, style, out, given, cap, values, cap * nyears);
    free(lines);
    free(values);
    return st;
}

/* A capacity short of the table's lines (fewer than 255). */
static size_t short_cap(const socinv_case *t, fz_in *in)
{
    return fz_pick(in, (unsigned)(t->nlines < 255 ? t->nlines : 255));
}

/* Short buffers: SOCINV_E_BUFFER with the sizes needed, which then suffice. */
static void check_short(const sheet *s, size_t from, socinv_number_style style, const socinv_case *t, fz_in *in)
{
    if (t->nlines == 0)
        return;
    socinv_case t2;
    socinv_status st = case_into(s, &from, style, short_cap(t, in), t->nyears, &t2);
    FZ_CHECK(st == SOCINV_E_BUFFER);
    FZ_CHECK(t2.header_row <= t->header_row);
    if (t2.header_row == t->header_row)
        FZ_CHECK(t2.nlines == t->nlines && t2.nyears == t->nyears);

    /* exactly what it asked for is enough for the table it asked about */
    socinv_case t3;
    st = case_into(s, &from, style, t2.nlines, t2.nyears, &t3);
    FZ_CHECK(st != SOCINV_E_BUFFER || t3.header_row > t2.header_row);
    if (st == SOCINV_OK && t3.header_row == t2.header_row)
        FZ_CHECK(t3.nlines == t2.nlines);
}

/* socinv_case_read with short buffers: SOCINV_E_BUFFER, and the sizes it asks for
 * read the same table (there is no search: the first header is the table's). */
static void check_short_read(const sheet *s, socinv_number_style style, const socinv_case *t, fz_in *in)
{
    if (t->nlines == 0)
        return;
    socinv_case t2;
    socinv_status st = case_into(s, NULL, style, short_cap(t, in), t->nyears, &t2);
    FZ_CHECK(st == SOCINV_E_BUFFER);
    FZ_CHECK(t2.header_row == t->header_row && t2.nlines == t->nlines && t2.nyears == t->nyears);
    st = case_into(s, NULL, style, t->nlines, t->nyears, &t2);
    FZ_CHECK(st == SOCINV_OK && t2.nlines == t->nlines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t opt = fz_u8(&in), opt2 = fz_u8(&in);
    /* the text is the rest of the input; option bytes for later steps come from its end */
    size_t tail = opt2 & 0x0F;
    if (tail > in.n)
        tail = in.n;
    const char *text = (const char *)in.p;
    size_t len = in.n - tail;
    fz_in more = {in.p + len, tail};

    sheet s;
    memset(&s, 0, sizeof s);
    if (socinv_grid_parse_text(text, len, (opt & 0x10) ? '\t' : 0, &s.g) != SOCINV_OK)
        return 0;
    size_t ncells = s.g.rows * s.g.cols;
    s.cells = malloc(ncells * sizeof *s.cells);
    memcpy(s.cells, s.g.cells, ncells * sizeof *s.cells);
    const socinv_cell *parsed = s.g.cells;
    s.g.cells = s.cells;
    if (opt & 0x20)
        as_calc(&s, (opt & 0x40) != 0);
    s.utf8 = 1;
    for (size_t i = 0; i < ncells; i++)
        if (s.cells[i].kind == SOCINV_CELL_TEXT && !fz_utf8_valid(s.cells[i].text, s.cells[i].len))
            s.utf8 = 0;

    socinv_number_style style = (socinv_number_style)(opt & 3);
    size_t cap = s.g.rows, years = s.g.cols < SOCINV_CASE_MAX_YEARS ? s.g.cols : SOCINV_CASE_MAX_YEARS;
    socinv_case_line *lines = malloc(cap * sizeof *lines);
    double *values = malloc(cap * years * sizeof *values);
    /* the whole grid as the one table a user selected (CASECHECK, NETIMPACT) */
    {
        socinv_case t;
        socinv_status st = socinv_case_read(&s.g, style, &t, lines, cap, values, cap * years);
        FZ_STATUS(st);
        if (style > SOCINV_NUMBERS_PLAIN)
            FZ_CHECK(st == SOCINV_E_OPTION || st == SOCINV_E_NOTABLE);
        else
            FZ_CHECK(st == SOCINV_OK || st == SOCINV_E_NOTABLE);
        if (st == SOCINV_OK) {
            check_table(&s, 0, &t, lines, cap, values);
            check_title(&s, 0, &t);
            check_net(&t, lines, values, &more);
            check_audit(&s, &t, lines, values, &more);
            check_short_read(&s, style, &t, &more);
        }
    }
    size_t from = (opt & 0x80) ? (opt2 >> 4) : 0;
    for (int k = 0; k < MAX_TABLES && from <= s.g.rows; k++) {
        socinv_case t;
        socinv_status st = socinv_case_find(&s.g, from, style, &t, lines, cap, values, cap * years);
        FZ_STATUS(st);
        if (style > SOCINV_NUMBERS_PLAIN) {
            FZ_CHECK(st == SOCINV_E_OPTION || st == SOCINV_E_NOTABLE);
            break;
        }
        if (st != SOCINV_OK) {
            /* one line per row at most, so a buffer of one line per row is never short */
            FZ_CHECK(st == SOCINV_E_NOTABLE);
            break;
        }
        check_table(&s, from, &t, lines, cap, values);
        check_title(&s, from, &t);
        check_net(&t, lines, values, &more);
        check_audit(&s, &t, lines, values, &more);
        check_short(&s, from, style, &t, &more);
        from = t.end_row;
    }
    free(lines);
    free(values);
    free(s.cells);
    s.g.cells = parsed;
    socinv_grid_free(&s.g);
    return 0;
}
