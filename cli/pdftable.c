/* Business-case tables among a PDF's lines (steps 3 to 6 of pdflayout.c's
 * comment): the year header, the columns from the header and the amounts, the
 * rows of wrapped labels, tables over pages. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdflayout_int.h"

/* ------------------------------------------------------------------ words as numbers */
static int is_year(const char *t, size_t len, int *year)
{
    if (len != 4 || strspn(t, "0123456789") < 4)
        return 0;
    int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    *year = y;
    return y >= 1900 && y <= 2199;
}

/* "1.200", "-4.100", "350", "-" (zero), "1,5", with -, – or − for minus. */
static int is_amount(const char *t, size_t len)
{
    static const char *const minus[] = {"-", "\xE2\x80\x93", "\xE2\x88\x92", NULL};
    for (const char *const *m = minus; *m; m++) {
        size_t ml = strlen(*m);
        if (len >= ml && !memcmp(t, *m, ml)) {
            if (len == ml)
                return 1; /* a dash: zero */
            t += ml;
            len -= ml;
            break;
        }
    }
    size_t digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] >= '0' && t[i] <= '9')
            digits++;
        else if ((t[i] != '.' && t[i] != ',') || i == 0 || i + 1 == len)
            return 0;
    }
    return digits > 0;
}

static int word_is_amount(const layout *L, const pdf_word *wd)
{
    return is_amount(pl_text_of(L, wd), wd->len);
}

/* An amount that is not a year: a table's amounts are printed with a thousands
 * separator ("2.025"), a plain 2025 in running text is a year. */
static int word_is_table_amount(const layout *L, const pdf_word *wd)
{
    int year;
    return word_is_amount(L, wd) && !is_year(pl_text_of(L, wd), wd->len, &year);
}

/* ------------------------------------------------------------------ 3. year headers */
/* The years standing apart on the line (at most MAX_YEARS), with their word index. */
static size_t line_years(const layout *L, const line *ln, int *years, size_t *at)
{
    size_t ny = 0;
    for (size_t k = 0; k < ln->n && ny < MAX_YEARS; k++) {
        const pdf_word *wd = pl_word_at(L, ln, k);
        int y;
        if (!is_year(pl_text_of(L, wd), wd->len, &y))
            continue;
        double gap = 0.8 * pl_height_of(wd);
        if (k > 0 && wd->x0 - pl_word_at(L, ln, k - 1)->x1 < gap)
            continue;
        if (k + 1 < ln->n && pl_word_at(L, ln, k + 1)->x0 - wd->x1 < gap)
            continue;
        if (ny && y <= years[ny - 1])
            return 0;
        years[ny] = y;
        at[ny++] = k;
    }
    return ny >= 3 ? ny : 0;
}

static int is_year_line(const layout *L, const line *ln)
{
    int years[MAX_YEARS];
    size_t at[MAX_YEARS];
    return !ln->dropped && line_years(L, ln, years, at) > 0;
}

/* Where each text column begins: up to 1.2 text heights left of its header text
 * (a centred 'Styringsområde' starts right of the left-aligned 'Service' below
 * it), but not past halfway to the header text of the column before. */
static void text_bounds(const layout *L, const line *rows, size_t n, columns *c)
{
    for (size_t t = 1; t < c->ntext; t++) {
        double right = -INFINITY;
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < rows[i].n; k++) {
                const pdf_word *wd = pl_word_at(L, &rows[i], k);
                if (wd->x1 <= c->text_start[t] && wd->x1 > right)
                    right = wd->x1;
            }
        double mid = isfinite(right) ? (right + c->text_start[t]) / 2 : c->text_start[t] - 3 * c->h;
        double near = c->text_start[t] - 1.2 * c->h;
        c->text_head[t] = c->text_start[t];
        c->text_low[t] = mid;
        c->text_start[t] = mid > near ? mid : near;
    }
}

/* The runs of words of a header line left of the years: each starts after a wide
 * gap. Their extents go to x0s/x1s (at most cap); returns how many. */
static size_t header_runs(const layout *L, const columns *c, const line *ln, double *x0s, double *x1s, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = pl_word_at(L, ln, k);
        if (wd->x1 > c->year_left)
            break;
        if (k == 0 || wd->x0 - pl_word_at(L, ln, k - 1)->x1 >= 0.8 * c->h) {
            if (n == cap)
                break;
            x0s[n++] = wd->x0;
        }
        x1s[n - 1] = wd->x1;
    }
    return n;
}

static int by_first(const void *a, const void *b)
{
    const double *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Text columns from the header row: the runs of all its lines, those that overlap
 * (a wrapped 'Styrings-' over 'område') taken as one column. */
static void text_columns(const layout *L, const line *rows, size_t n, columns *c)
{
    double runs[64][2], x0[MAX_TEXT_COLS], x1[MAX_TEXT_COLS];
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = header_runs(L, c, &rows[i], x0, x1, MAX_TEXT_COLS);
        for (size_t j = 0; j < k && nr < 64; j++, nr++) {
            runs[nr][0] = x0[j];
            runs[nr][1] = x1[j];
        }
    }
    qsort(runs, nr, sizeof *runs, by_first);
    c->ntext = 0;
    double reach = -INFINITY; /* the right end of the column being gathered */
    for (size_t i = 0; i < nr; i++) {
        if (c->ntext && runs[i][0] <= reach) {
            reach = runs[i][1] > reach ? runs[i][1] : reach;
            continue;
        }
        if (c->ntext == MAX_TEXT_COLS)
            break;
        c->text_start[c->ntext++] = runs[i][0];
        reach = runs[i][1];
    }
    if (!c->ntext)
        c->text_start[c->ntext++] = 0;
    text_bounds(L, rows, n, c);
}

/* The columns of the table whose year line is `yl`, with the header row's lines [a, b).
 * The year columns begin half a column before the first year, but never left of
 * header text before it (a wide year column with a centred year). */
static void make_columns(const layout *L, size_t yl, size_t a, size_t b, columns *c)
{
    size_t at[MAX_YEARS];
    const line *ln = &L->lines[yl];
    c->nyears = line_years(L, ln, c->years, at);
    for (size_t j = 0; j < c->nyears; j++) {
        c->yx0[j] = pl_word_at(L, ln, at[j])->x0;
        c->yx1[j] = pl_word_at(L, ln, at[j])->x1;
    }
    c->h = ln->h;
    c->anchor_kind = -1;
    double spacing = (c->yx0[c->nyears - 1] - c->yx0[0]) / (double)(c->nyears - 1);
    c->year_left = c->yx0[0] - 0.5 * spacing;
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < L->lines[i].n; k++) {
            const pdf_word *wd = pl_word_at(L, &L->lines[i], k);
            if (wd->x1 <= c->yx0[0] && wd->x1 + 0.1 * c->h > c->year_left)
                c->year_left = wd->x1 + 0.1 * c->h;
        }
    text_columns(L, &L->lines[a], b - a, c);
}

/* ------------------------------------------------------------------ 4. columns of words */
static double edge(const pdf_word *wd, int kind)
{
    return kind == 0 ? wd->x0 : kind == 1 ? wd->x1 : (wd->x0 + wd->x1) / 2;
}

static size_t nearest_year(const columns *c, const pdf_word *wd)
{
    if (c->anchor_kind >= 0) {
        size_t best = 0;
        double x = edge(wd, c->anchor_kind);
        for (size_t j = 1; j < c->nyears; j++)
            if (fabs(x - c->anchor[j]) < fabs(x - c->anchor[best]))
                best = j;
        return best;
    }
    size_t best = 0;
    double best_d = INFINITY, mid = (wd->x0 + wd->x1) / 2;
    for (size_t j = 0; j < c->nyears; j++) {
        double d0 = fabs(wd->x0 - c->yx0[j]), d1 = fabs(wd->x1 - c->yx1[j]);
        double dm = fabs(mid - (c->yx0[j] + c->yx1[j]) / 2);
        double d = d0 < d1 ? (d0 < dm ? d0 : dm) : (d1 < dm ? d1 : dm);
        if (d < best_d) {
            best_d = d;
            best = j;
        }
    }
    return best;
}

static size_t column_of(const layout *L, const columns *c, const pdf_word *wd)
{
    int in_years = word_is_amount(L, wd) ? wd->x1 > c->year_left : wd->x0 >= c->year_left;
    if (in_years)
        return c->ntext + nearest_year(c, wd);
    size_t col = 0;
    for (size_t t = 1; t < c->ntext; t++)
        if (wd->x0 >= c->text_start[t])
            col = t;
    return col;
}

/* Each word's cell on a table line: its column, unless it follows the previous
 * word at a space's distance (a merged cell running over a column boundary). */
static void line_cells(const layout *L, const columns *c, const line *ln, size_t *cols)
{
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = pl_word_at(L, ln, k);
        size_t col = column_of(L, c, wd);
        if (k > 0 && (col <= cols[k - 1] || wd->x0 - pl_word_at(L, ln, k - 1)->x1 < 0.45 * pl_height_of(wd)))
            col = cols[k - 1];
        cols[k] = col;
    }
}

typedef struct {
    int amounts; /* an amount in a year column */
    int cells;   /* how many cells */
    int wide;    /* one cell of text reaching into the year columns */
} line_shape;

static line_shape shape_of(const layout *L, const columns *c, const line *ln, size_t *cols)
{
    line_shape s = {0, 0, 0};
    line_cells(L, c, ln, cols);
    for (size_t k = 0; k < ln->n; k++) {
        if (k == 0 || cols[k] != cols[k - 1])
            s.cells++;
        s.amounts |= cols[k] >= c->ntext && word_is_table_amount(L, pl_word_at(L, ln, k));
    }
    s.wide = !s.amounts && s.cells == 1 && ln->x1 > c->year_left;
    return s;
}

/* ------------------------------------------------------------------ 5, 6. tables */

/* Wrapped header text just above or below the year line: close, left of the years. */
static int header_neighbour(const layout *L, const columns *c, const line *near, const line *ln)
{
    return !ln->dropped && ln->page == near->page && fabs(ln->y - near->y) <= 1.15 * c->h &&
           ln->x1 < c->yx0[0] && !is_year_line(L, ln);
}

static void header_bounds(const layout *L, const columns *c, size_t yl, size_t floor, size_t *a, size_t *b)
{
    *a = yl;
    while (*a > floor && header_neighbour(L, c, &L->lines[*a], &L->lines[*a - 1]))
        (*a)--;
    *b = yl + 1;
    while (*b < L->nlines && header_neighbour(L, c, &L->lines[*b - 1], &L->lines[*b]))
        (*b)++;
}

static int same_years(const layout *L, const columns *c, const line *ln)
{
    int years[MAX_YEARS];
    size_t at[MAX_YEARS];
    size_t ny = line_years(L, ln, years, at);
    return ny == c->nyears && !memcmp(years, c->years, ny * sizeof *years);
}

static int amounts_follow(const layout *L, table *t, size_t j)
{
    size_t seen = 0;
    for (size_t k = j + 1; k < L->nlines && seen < 3; k++) {
        if (L->lines[k].dropped)
            continue;
        if (is_year_line(L, &L->lines[k])) {
            if (!same_years(L, &t->c, &L->lines[k]))
                return 0;
            continue; /* the header repeated on the next page */
        }
        seen++;
        if (shape_of(L, &t->c, &L->lines[k], t->cols).amounts)
            return 1;
    }
    return 0;
}

/* The year line of a header repeated at the top of a page: a line with the
 * table's years among the first four of the page from line j; or SIZE_MAX. */
static size_t repeated_header(const layout *L, const table *t, size_t j)
{
    size_t seen = 0;
    for (size_t k = j; k < L->nlines && L->lines[k].page == L->lines[j].page && seen < 4; k++) {
        if (L->lines[k].dropped)
            continue;
        seen++;
        if (is_year_line(L, &L->lines[k]))
            return same_years(L, &t->c, &L->lines[k]) ? k : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Where the table ends; repeated headers on later pages are marked in t->skip. */
static void find_end(const layout *L, table *t, size_t hb)
{
    size_t last_page = L->lines[t->yl].page;
    size_t j = hb;
    for (; j < L->nlines; j++) {
        const line *ln = &L->lines[j];
        if (ln->dropped)
            continue;
        size_t rep = ln->page != last_page ? repeated_header(L, t, j) : SIZE_MAX;
        if (rep != SIZE_MAX) {
            size_t ra, rb;
            header_bounds(L, &t->c, rep, j, &ra, &rb);
            for (size_t k = ra; k < rb; k++)
                t->skip[k - t->a] = 1;
            t->marked = rb - t->a > t->marked ? rb - t->a : t->marked;
            last_page = ln->page;
            j = rb - 1;
            continue;
        }
        if (is_year_line(L, ln))
            break;
        if (shape_of(L, &t->c, ln, t->cols).wide && !amounts_follow(L, t, j))
            break;
        last_page = ln->page;
    }
    t->e = j;
    /* the next table's wrapped header text above its years is not this table's */
    if (j < L->nlines && is_year_line(L, &L->lines[j])) {
        size_t na, nb;
        header_bounds(L, &t->c, j, hb, &na, &nb);
        t->e = na;
    }
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The smallest of the sorted values xs[0..n) that recurs (within 0.025), else xs[0]. */
static double smallest_recurring(const double *xs, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (xs[i + 1] - xs[i] <= 0.025)
            return xs[i];
    return xs[0];
}

/* The joining gap of the table's lines (5.), as a multiple of the taller line's
 * height (a 12 pt total row wraps at a wider pitch than 9 pt lines): 8 % over the
 * wrapped-line pitch. That pitch is the smallest line gap that recurs (a
 * superscript's odd gap, a little smaller, does not count); the smallest gap when
 * it is well below that (a table with one wrapped label); or twice the half gap of
 * a vertically centred cell (amounts halfway between two label lines) when that is
 * smaller: a table whose only wrapped label is centred has no full wrapped gap.
 * With no gap wider than the others every line is its own row. */
static double row_threshold(const layout *L, table *t)
{
    size_t n = 0, nhalf = 0;
    double *half = t->xs + (t->e - t->a); /* the second half of the scratch */
    const line *prev = NULL;
    for (size_t i = t->a; i < t->e; i++) {
        const line *ln = &L->lines[i];
        if (ln->dropped || t->skip[i - t->a])
            continue;
        double h = prev && prev->h > ln->h ? prev->h : ln->h;
        double gap = prev && prev->page == ln->page ? (ln->y - prev->y) / h : 0;
        if (gap >= 0.7)
            t->xs[n++] = gap;
        else if (gap >= 0.3)
            half[nhalf++] = gap;
        prev = ln;
    }
    if (n == 0)
        return 0.7;
    qsort(t->xs, n, sizeof *t->xs, by_double);
    qsort(half, nhalf, sizeof *half, by_double);
    double pitch = smallest_recurring(t->xs, n);
    if (1.3 * t->xs[0] <= pitch) /* one wrapped label, well apart from the row gaps */
        pitch = t->xs[0];
    if (nhalf >= 2 && 2 * smallest_recurring(half, nhalf) < pitch)
        pitch = 2 * smallest_recurring(half, nhalf);
    if (t->xs[n - 1] <= 1.12 * pitch)
        return 0.7;
    return 1.08 * pitch;
}

static void emit_rows(layout *L, table *t, cellbuf *cbs)
{
    size_t ncols = t->c.ntext + t->c.nyears;
    columns header = t->c; /* the header row's years are its own columns */
    header.anchor_kind = -1;
    double thr = row_threshold(L, t);
    const line *prev = NULL;
    for (size_t i = t->a; i < t->e && !L->g.failed; i++) {
        const line *ln = &L->lines[i];
        if (ln->dropped || t->skip[i - t->a])
            continue;
        double h = prev && prev->h > ln->h ? prev->h : ln->h;
        if (prev && (prev->page != ln->page ? !pl_goes_on(L, ln) : ln->y - prev->y > thr * h))
            pl_flush_row(&L->g, cbs, ncols);
        line_cells(L, i < t->hb ? &header : &t->c, ln, t->cols);
        for (size_t k = 0; k < ln->n; k++) {
            const pdf_word *wd = pl_word_at(L, ln, k);
            if (pl_cell_add(&cbs[t->cols[k]], i, pl_text_of(L, wd), wd->len) != 0)
                L->g.failed = 1;
        }
        prev = ln;
    }
    pl_flush_row(&L->g, cbs, ncols);
}

void pl_emit_table(layout *L, table *t, cellbuf *cbs)
{
    emit_rows(L, t, cbs);
    memset(t->skip, 0, t->marked); /* only the marked part: linear over all tables */
}


typedef struct {
    double mean, spread;
    size_t count;
} cluster;

static int by_count_desc(const void *a, const void *b)
{
    const cluster *x = a, *y = b;
    return x->count > y->count ? -1 : x->count < y->count;
}

static int by_mean(const void *a, const void *b)
{
    const cluster *x = a, *y = b;
    return x->mean < y->mean ? -1 : x->mean > y->mean;
}

/* The edges t->xs[0..n) (sorted) in runs no wider apart than `gap`: at most cap. */
static size_t make_clusters(const double *xs, size_t n, double gap, cluster *cl, size_t cap)
{
    size_t nc = 0, from = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && xs[i] - xs[i - 1] <= gap)
            continue;
        if (nc == cap)
            return cap + 1;
        double sum = 0;
        for (size_t k = from; k < i; k++)
            sum += xs[k];
        cl[nc++] = (cluster){sum / (double)(i - from), xs[i - 1] - xs[from], i - from};
        from = i;
    }
    return nc;
}

/* Cluster the table's amounts by one edge: 1 and the clusters' means when they
 * make one cluster per year (besides stray numbers: a footnote's "2023", at most
 * a tenth of them), with their total spread in *spread. */
static int cluster_edges(const layout *L, table *t, int kind, double *means, double *spread)
{
    size_t n = 0, ny = t->c.nyears;
    for (size_t i = t->hb; i < t->e; i++) {
        const line *ln = &L->lines[i];
        if (ln->dropped || t->skip[i - t->a])
            continue;
        for (size_t k = 0; k < ln->n; k++) {
            const pdf_word *wd = pl_word_at(L, ln, k);
            if (word_is_table_amount(L, wd) && column_of(L, &t->c, wd) >= t->c.ntext)
                t->xs[n++] = edge(wd, kind);
        }
    }
    if (n < ny)
        return 0;
    qsort(t->xs, n, sizeof *t->xs, by_double);
    cluster cl[2 * MAX_YEARS];
    double gap = 0.3 * (t->c.yx0[ny - 1] - t->c.yx0[0]) / (double)(ny - 1);
    size_t nc = make_clusters(t->xs, n, gap, cl, 2 * MAX_YEARS);
    if (nc < ny || nc > 2 * MAX_YEARS)
        return 0;
    qsort(cl, nc, sizeof *cl, by_count_desc);
    size_t stray = 0;
    for (size_t k = ny; k < nc; k++)
        stray += cl[k].count;
    if (10 * stray > n)
        return 0;
    qsort(cl, ny, sizeof *cl, by_mean);
    *spread = 0;
    for (size_t j = 0; j < ny; j++) {
        means[j] = cl[j].mean;
        *spread += cl[j].spread;
    }
    return 1;
}

/* Where a text column's cells begin (4.): where most words of the table's amount
 * lines between the column's lower bound and its header text begin at the same
 * place, within a point (three at least); a centred header lies right of its cells. */
static void align_text(const layout *L, table *t)
{
    for (size_t c = 1; c < t->c.ntext; c++) {
        size_t n = 0;
        for (size_t i = t->hb; i < t->e; i++) {
            const line *ln = &L->lines[i];
            if (ln->dropped || t->skip[i - t->a] || !shape_of(L, &t->c, ln, t->cols).amounts)
                continue;
            for (size_t k = 0; k < ln->n; k++) {
                double x = pl_word_at(L, ln, k)->x0;
                if (x >= t->c.text_low[c] && x <= t->c.text_head[c] + 0.5)
                    t->xs[n++] = x;
            }
        }
        qsort(t->xs, n, sizeof *t->xs, by_double);
        size_t best = 0, best_n = 0;
        for (size_t i = 0, j = 0; i < n; i++) {
            while (t->xs[i] - t->xs[j] > 1.0)
                j++;
            if (i - j + 1 >= best_n) {
                best_n = i - j + 1;
                best = j;
            }
        }
        if (best_n >= 3)
            t->c.text_start[c] = t->xs[best] - 0.5;
    }
}

/* Columns from the amounts themselves (4.): when the amounts line up in one column
 * per year by some edge, that edge places them, whatever the header's alignment. */
static void align_years(const layout *L, table *t)
{
    double means[MAX_YEARS], best_spread = INFINITY, spread;
    for (int kind = 0; kind < 3; kind++)
        if (cluster_edges(L, t, kind, means, &spread) && spread < best_spread) {
            best_spread = spread;
            t->c.anchor_kind = kind;
            memcpy(t->c.anchor, means, t->c.nyears * sizeof *means);
        }
}

/* The next table at or after line `from`: 0 and *t filled, or -1 when none. */
int pl_next_table(const layout *L, size_t from, table *t)
{
    for (size_t i = from; i < L->nlines; i++) {
        if (!is_year_line(L, &L->lines[i]))
            continue;
        size_t a, b;
        t->yl = i;
        make_columns(L, i, i, i + 1, &t->c); /* the years first: header_bounds needs them */
        header_bounds(L, &t->c, i, from, &a, &b);
        make_columns(L, i, a, b, &t->c);
        t->a = a;
        t->marked = 0; /* skip is all 0 here: the table before cleared its marks */
        t->hb = b;
        find_end(L, t, b);
        align_text(L, t);
        align_years(L, t);
#ifdef PDFLAYOUT_DEBUG
        fprintf(stderr, "table lines %zu-%zu (years %zu, header to %zu) ntext %zu:", t->a, t->e, t->yl, t->hb, t->c.ntext);
        for (size_t k = 0; k < t->c.ntext; k++)
            fprintf(stderr, " %.1f", t->c.text_start[k]);
        fprintf(stderr, " | year_left %.1f anchor %d:", t->c.year_left, t->c.anchor_kind);
        for (size_t k = 0; k < t->c.nyears; k++)
            fprintf(stderr, " %d@%.1f-%.1f/%.1f", t->c.years[k], t->c.yx0[k], t->c.yx1[k], t->c.anchor[k]);
        fprintf(stderr, "\n");
#endif
        return 0;
    }
    return -1;
}
