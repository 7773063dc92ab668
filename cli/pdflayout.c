/* From words with boxes to rows and cells: how a PDF's business-case tables are
 * read back (issue 11).
 *
 * A PDF has no tables, only words placed on pages; the rule lines of a table are
 * drawings. So the layout is rebuilt from positions, in these steps:
 *
 * 1. Lines: the words of a page sorted by baseline (the bottom of their box) and
 *    gathered while the baseline moves less than 40 % of a word's height; each
 *    line's words sorted left to right.
 * 2. Page furniture: the top and the bottom line of a page are a running header
 *    or footer when they lie in the outer 10 % of the page and either are a page
 *    number ("7", "Side 7", "7/40") or repeat, digits aside, on half the pages.
 * 3. Tables start at a year header: a line with three or more years (1900-2199),
 *    ascending, each standing apart (a gap of 0.8 × the text height either side:
 *    "1.000 kr. 2025 p/l" is text, not a column). The header's words give the
 *    columns: each year a column (its box); left of the years, each run of words
 *    after a wide gap starts a text column (label, 'Styringsområde'); runs on
 *    the header's lines that overlap are one column ('Styrings-' over 'område').
 * 4. A word goes to a column by position. An amount ("1.200", "-4.100", "-")
 *    that reaches into the year columns goes to a year: when the table's amounts
 *    line up in exactly one column per year by their left edges, right edges or
 *    centres (the tightest of the three), to the nearest such column; else to the
 *    year whose header box is nearest by left edge, right edge or centre. So
 *    left-aligned, right-aligned and centred numbers land right, also under a
 *    header laid out apart from the rows. Other words go to the last text column
 *    beginning left of them: where most words under its header begin (the
 *    cells' left edge), else a little left of its header text. A word only opens a new cell after a
 *    gap wider than a space: a heading merged across the table stays one cell.
 * 5. Rows: a label that wraps puts several lines into one row, with the amounts
 *    on its first, middle or last line (the cell's vertical alignment). Lines of
 *    one cell are closer than rows, which have cell padding between them: the
 *    smallest line gap in the table that recurs (ignoring half-pitch offsets of
 *    centred cells) is the wrapped-line pitch, and a gap within 8 % of it joins
 *    lines, when the table has wider gaps at all (else every line is its own row).
 * 6. A table continues over page breaks (its repeated header skipped) until a
 *    line of running text: one cell of words reaching into the year columns with
 *    no amount in it or in the next three lines. A merged heading row inside the
 *    table is followed by amounts, so it does not end the table.
 * 7. Other lines are paragraphs, one-cell rows: a line continues the one before
 *    when that one was full (the next line's first word would not have fitted
 *    before the right margin) and the gap is a line pitch, so a heading 'HA02(2025)
 *    – Omlægning af …' that wraps is one row, as in the text.
 * Text of one cell over several lines is joined with a space, or with nothing
 * after a hyphen between lower-case letters that ends a line ("Peer-" + "indsats")
 * or after a minus sign alone on its line ("-" + "1.075").
 *
 * Not handled: text in several columns side by side on a page, tables whose rows
 * have no space between them and labels that wrap, words broken inside (a column
 * too narrow for one word), running headers of more than one line.
 *
 * All steps are O(n log n) in the number of words (sorting); memory is bounded
 * by PDF_MAX_WORDS and PDF_MAX_CELLS. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdflayout.h"

/* Most cells of the rebuilt grid (rows × widest row), as for other documents. */
#define PDF_MAX_CELLS ((size_t)8 << 20)
#define MAX_TEXT_COLS 8
#define MAX_YEARS SOCINV_CASE_MAX_YEARS

typedef struct {
    size_t first, n; /* ord[first .. first + n) */
    size_t page;
    double y, h, x0, x1;
    int dropped; /* page header or footer */
} line;

typedef struct {
    size_t ntext, nyears;
    double text_start[MAX_TEXT_COLS]; /* where a word of the column may begin */
    double text_head[MAX_TEXT_COLS];  /* where the column's header text begins */
    double text_low[MAX_TEXT_COLS];   /* halfway to the header text of the column before */
    double yx0[MAX_YEARS], yx1[MAX_YEARS];
    int years[MAX_YEARS];
    double year_left; /* where the year columns begin */
    int anchor_kind;  /* -1: the header's boxes place the years; else the amounts' edge 0 left, 1 right, 2 centre */
    double anchor[MAX_YEARS];
    double h;         /* text height of the header */
} columns;

/* The rows being built: non-empty cells and their text. */
typedef struct {
    size_t row, col, off, len;
} gcell;

typedef struct {
    gcell *cells;
    size_t n, cap;
    char *pool;
    size_t len, cap_pool;
    size_t rows, width;
    int failed;
} gridb;

typedef struct {
    const pdf_words *w;
    size_t *ord;
    line *lines;
    size_t nlines;
    gridb g;
} layout;

/* ------------------------------------------------------------------ words */
/* buf with room for `need` items of `size` bytes (doubling), or NULL when out of
 * memory (buf is then still valid, *cap unchanged). */
static void *grow(void *buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return buf;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *p = realloc(buf, c * size);
    if (p)
        *cap = c;
    return p;
}

int pdf_words_page(pdf_words *w, double height)
{
    double *h = grow(w->page_height, &w->pages_cap, w->npages + 1, sizeof *h);
    if (!h)
        return -1;
    w->page_height = h;
    h[w->npages++] = isfinite(height) && height > 0 ? height : 0;
    return 0;
}

int pdf_words_add(pdf_words *w, double x0, double y0, double x1, double y1, const char *text, size_t len)
{
    if (!len || !w->npages || !isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
        return 0;
    if (w->n >= PDF_MAX_WORDS)
        return -2;
    pdf_word *words = grow(w->words, &w->cap, w->n + 1, sizeof *words);
    if (!words)
        return -1;
    w->words = words;
    char *pool = grow(w->pool, &w->pool_cap, w->pool_len + len + 1, 1);
    if (!pool)
        return -1;
    w->pool = pool;
    memcpy(w->pool + w->pool_len, text, len);
    w->pool[w->pool_len + len] = '\0';
    w->words[w->n++] = (pdf_word){x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, x0 < x1 ? x1 : x0, y0 < y1 ? y1 : y0,
                                  w->npages - 1, w->pool_len, len};
    w->pool_len += len + 1;
    return 0;
}

void pdf_words_free(pdf_words *w)
{
    free(w->words);
    free(w->pool);
    free(w->page_height);
    memset(w, 0, sizeof *w);
}

static const pdf_word *word_at(const layout *L, const line *ln, size_t k)
{
    return &L->w->words[L->ord[ln->first + k]];
}

static const char *text_of(const layout *L, const pdf_word *wd)
{
    return L->w->pool + wd->text;
}

static double height_of(const pdf_word *wd)
{
    double h = wd->y1 - wd->y0;
    return h > 0.5 ? h : 0.5;
}

/* ------------------------------------------------------------------ 1. lines */
static const pdf_words *sort_words; /* qsort has no context argument */

static int by_page_baseline(const void *a, const void *b)
{
    const pdf_word *p = &sort_words->words[*(const size_t *)a], *q = &sort_words->words[*(const size_t *)b];
    if (p->page != q->page)
        return p->page < q->page ? -1 : 1;
    if (p->y1 != q->y1)
        return p->y1 < q->y1 ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int by_x(const void *a, const void *b)
{
    const pdf_word *p = &sort_words->words[*(const size_t *)a], *q = &sort_words->words[*(const size_t *)b];
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static void finish_line(layout *L, line *ln)
{
    qsort(L->ord + ln->first, ln->n, sizeof *L->ord, by_x);
    const pdf_word *a = word_at(L, ln, 0);
    ln->x0 = a->x0;
    ln->x1 = a->x1;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = word_at(L, ln, k);
        ln->x1 = wd->x1 > ln->x1 ? wd->x1 : ln->x1;
        ln->h = height_of(wd) > ln->h ? height_of(wd) : ln->h;
    }
}

static int make_lines(layout *L)
{
    const pdf_words *w = L->w;
    L->ord = malloc((w->n ? w->n : 1) * sizeof *L->ord);
    L->lines = malloc((w->n ? w->n : 1) * sizeof *L->lines);
    if (!L->ord || !L->lines)
        return -1;
    for (size_t i = 0; i < w->n; i++)
        L->ord[i] = i;
    sort_words = w;
    qsort(L->ord, w->n, sizeof *L->ord, by_page_baseline);
    for (size_t i = 0; i < w->n; i++) {
        const pdf_word *wd = &w->words[L->ord[i]];
        line *cur = L->nlines ? &L->lines[L->nlines - 1] : NULL;
        if (cur && cur->page == wd->page && wd->y1 - cur->y <= 0.4 * height_of(wd)) {
            cur->n++;
            continue;
        }
        if (cur)
            finish_line(L, cur);
        L->lines[L->nlines++] = (line){i, 1, wd->page, wd->y1, 0, 0, 0, 0};
    }
    if (L->nlines)
        finish_line(L, &L->lines[L->nlines - 1]);
    return 0;
}

/* ------------------------------------------------------------------ 2. page furniture */
/* The line's text without digits (what repeats on every page of a running header). */
static char *furniture_key(const layout *L, const line *ln)
{
    size_t cap = 1;
    for (size_t k = 0; k < ln->n; k++)
        cap += word_at(L, ln, k)->len + 1;
    char *key = malloc(cap), *o = key;
    if (!key)
        return NULL;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = word_at(L, ln, k);
        for (size_t c = 0; c < wd->len; c++)
            if (text_of(L, wd)[c] < '0' || text_of(L, wd)[c] > '9')
                *o++ = text_of(L, wd)[c];
        *o++ = ' ';
    }
    *o = '\0';
    return key;
}

static int is_page_number(const layout *L, const line *ln)
{
    static const char *const words[] = {"Side", "side", "Page", "page", "af", "of", "-", "–", "/", "|", NULL};
    int digits = 0;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = word_at(L, ln, k);
        const char *t = text_of(L, wd);
        size_t d = strspn(t, "0123456789/-");
        digits |= d > 0 && strcspn(t, "0123456789") < wd->len;
        if (d == wd->len)
            continue;
        int known = 0;
        for (const char *const *x = words; *x; x++)
            known |= !strcmp(t, *x);
        if (!known)
            return 0;
    }
    return digits;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Drop the top (top = 1) or bottom line of each page when it is furniture. */
static int drop_furniture(layout *L, int top)
{
    size_t np = L->w->npages, nc = 0;
    size_t *cand = malloc((np ? np : 1) * sizeof *cand);
    char **keys = calloc(np ? np : 1, sizeof *keys);
    char **sorted = malloc((np ? np : 1) * sizeof *sorted);
    int rc = cand && keys && sorted ? 0 : -1;
    for (size_t i = 0; !rc && i < L->nlines; i++) {
        const line *ln = &L->lines[i];
        int edge = top ? (i == 0 || L->lines[i - 1].page != ln->page)
                       : (i + 1 == L->nlines || L->lines[i + 1].page != ln->page);
        double H = L->w->page_height[ln->page];
        int outer = top ? ln->y <= 0.1 * H : ln->y - ln->h >= 0.9 * H;
        if (!edge || !outer || ln->dropped)
            continue;
        keys[nc] = furniture_key(L, ln);
        if (!keys[nc])
            rc = -1;
        sorted[nc] = keys[nc];
        cand[nc++] = i;
    }
    if (!rc)
        qsort(sorted, nc, sizeof *sorted, by_key);
    for (size_t c = 0; !rc && c < nc; c++) {
        /* how often the key repeats: the run of equal keys around it in the sorted list */
        char **hit = bsearch(&keys[c], sorted, nc, sizeof *sorted, by_key);
        size_t lo = (size_t)(hit - sorted), hi = lo;
        while (lo > 0 && !strcmp(sorted[lo - 1], keys[c]))
            lo--;
        while (hi + 1 < nc && !strcmp(sorted[hi + 1], keys[c]))
            hi++;
        size_t count = hi - lo + 1;
        if ((count >= 2 && 2 * count >= np) || is_page_number(L, &L->lines[cand[c]]))
            L->lines[cand[c]].dropped = 1;
    }
    for (size_t c = 0; keys && c < nc; c++)
        free(keys[c]);
    free(cand);
    free(keys);
    free(sorted);
    return rc;
}

/* ------------------------------------------------------------------ words as numbers */
static int is_year(const char *t, size_t len, int *year)
{
    if (len != 4 || strspn(t, "0123456789") < 4)
        return 0;
    int y = atoi(t);
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
    return is_amount(text_of(L, wd), wd->len);
}

/* An amount that is not a year: a table's amounts are printed with a thousands
 * separator ("2.025"), a plain 2025 in running text is a year. */
static int word_is_table_amount(const layout *L, const pdf_word *wd)
{
    int year;
    return word_is_amount(L, wd) && !is_year(text_of(L, wd), wd->len, &year);
}

/* ------------------------------------------------------------------ 3. year headers */
/* The years standing apart on the line (at most MAX_YEARS), with their word index. */
static size_t line_years(const layout *L, const line *ln, int *years, size_t *at)
{
    size_t ny = 0;
    for (size_t k = 0; k < ln->n && ny < MAX_YEARS; k++) {
        const pdf_word *wd = word_at(L, ln, k);
        int y;
        if (!is_year(text_of(L, wd), wd->len, &y))
            continue;
        double gap = 0.8 * height_of(wd);
        if (k > 0 && wd->x0 - word_at(L, ln, k - 1)->x1 < gap)
            continue;
        if (k + 1 < ln->n && word_at(L, ln, k + 1)->x0 - wd->x1 < gap)
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
                const pdf_word *wd = word_at(L, &rows[i], k);
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
        const pdf_word *wd = word_at(L, ln, k);
        if (wd->x1 > c->year_left)
            break;
        if (k == 0 || wd->x0 - word_at(L, ln, k - 1)->x1 >= 0.8 * c->h) {
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
        c->yx0[j] = word_at(L, ln, at[j])->x0;
        c->yx1[j] = word_at(L, ln, at[j])->x1;
    }
    c->h = ln->h;
    c->anchor_kind = -1;
    double spacing = (c->yx0[c->nyears - 1] - c->yx0[0]) / (double)(c->nyears - 1);
    c->year_left = c->yx0[0] - 0.5 * spacing;
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < L->lines[i].n; k++) {
            const pdf_word *wd = word_at(L, &L->lines[i], k);
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
        const pdf_word *wd = word_at(L, ln, k);
        size_t col = column_of(L, c, wd);
        if (k > 0 && (col <= cols[k - 1] || wd->x0 - word_at(L, ln, k - 1)->x1 < 0.45 * height_of(wd)))
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
        s.amounts |= cols[k] >= c->ntext && word_is_table_amount(L, word_at(L, ln, k));
    }
    s.wide = !s.amounts && s.cells == 1 && ln->x1 > c->year_left;
    return s;
}

/* ------------------------------------------------------------------ the grid */
static void gb_cell(gridb *g, size_t row, size_t col, const char *text, size_t len)
{
    if (g->failed || !len)
        return;
    gcell *cells = grow(g->cells, &g->cap, g->n + 1, sizeof *cells);
    char *pool = cells ? grow(g->pool, &g->cap_pool, g->len + len + 1, 1) : NULL;
    if (cells)
        g->cells = cells;
    if (pool)
        g->pool = pool;
    if (!cells || !pool) {
        g->failed = 1;
        return;
    }
    memcpy(g->pool + g->len, text, len);
    g->pool[g->len + len] = '\0';
    g->cells[g->n++] = (gcell){row, col, g->len, len};
    g->len += len + 1;
    if (col + 1 > g->width)
        g->width = col + 1;
}

/* One row's cells while its lines are read: the words of each column joined. */
typedef struct {
    char *s;
    size_t len, cap;
    size_t line; /* the line of the last word added, + 1 */
} cellbuf;

/* A lower-case letter at t (ASCII, or Latin-1's à-ÿ as UTF-8: æ, ø, å). */
static int is_lower_at(const char *t, size_t avail)
{
    unsigned char c = (unsigned char)t[0];
    return (c >= 'a' && c <= 'z') || (avail >= 2 && c == 0xC3 && (unsigned char)t[1] >= 0xA0);
}

/* A line ending in a hyphen inside a lower-case word ("Peer-" / "indsats") was
 * broken there by the layout: no space. "HJEMME-" / "PLEJEOMRÅDET" keeps one. */
static int soft_break(const cellbuf *cb, const char *next, size_t len)
{
    size_t n = cb->len;
    if (n < 2 || cb->s[n - 1] != '-' || !is_lower_at(next, len))
        return 0;
    return is_lower_at(cb->s + n - 2, 1) || (n >= 3 && is_lower_at(cb->s + n - 3, 2));
}

/* A minus sign alone on a line, its number on the next: a column too narrow for
 * "-1.075" (Writer breaks it after the sign). */
static int broken_number(const cellbuf *cb, const char *next)
{
    int sign = (cb->len == 1 && cb->s[0] == '-') || (cb->len == 3 && !memcmp(cb->s, "\xE2\x80\x93", 3));
    return sign && next[0] >= '0' && next[0] <= '9';
}

/* Does the first line of a page go on with the row or paragraph the page before
 * ended with? When it starts with a lower-case letter: Writer and Word break a
 * table row or a paragraph over pages ("Samlede" / "implementeringsomkostninger"). */
static int goes_on(const layout *L, const line *ln)
{
    const pdf_word *first = word_at(L, ln, 0);
    return is_lower_at(text_of(L, first), first->len);
}

/* Add a word: a space before it, none after a hyphen that ended the previous line. */
static int cell_add(cellbuf *cb, size_t line_no, const char *t, size_t len)
{
    char *s = grow(cb->s, &cb->cap, cb->len + len + 2, 1);
    if (!s)
        return -1;
    cb->s = s;
    if (cb->len && !(cb->line != line_no + 1 && (soft_break(cb, t, len) || broken_number(cb, t))))
        cb->s[cb->len++] = ' ';
    memcpy(cb->s + cb->len, t, len);
    cb->len += len;
    cb->line = line_no + 1;
    return 0;
}

/* The cells gathered become grid row `row`; the buffers are emptied for the next. */
static void flush_row(gridb *g, cellbuf *cbs, size_t ncols)
{
    int any = 0;
    for (size_t c = 0; c < ncols; c++) {
        any |= cbs[c].len > 0;
        gb_cell(g, g->rows, c, cbs[c].s, cbs[c].len);
        cbs[c].len = 0;
        cbs[c].line = 0;
    }
    g->rows += any;
}

/* ------------------------------------------------------------------ 7. paragraphs */
static double page_right(const layout *L, size_t i)
{
    double r = 0;
    for (size_t j = i; j < L->nlines && L->lines[j].page == L->lines[i].page; j++)
        if (!L->lines[j].dropped && L->lines[j].x1 > r)
            r = L->lines[j].x1;
    for (size_t j = i; j-- > 0 && L->lines[j].page == L->lines[i].page;)
        if (!L->lines[j].dropped && L->lines[j].x1 > r)
            r = L->lines[j].x1;
    return r;
}

/* Does line b continue the paragraph of line a (a full line just above it)? */
static int continues(const layout *L, const line *a, const line *b, double right)
{
    double h = a->h > b->h ? a->h : b->h;
    if (a->page != b->page)
        return goes_on(L, b) && fabs(a->h - b->h) <= 0.25 * h;
    if (b->y - a->y > 1.6 * h || fabs(a->h - b->h) > 0.25 * h)
        return 0;
    const pdf_word *first = word_at(L, b, 0);
    return a->x1 + 0.3 * h + (first->x1 - first->x0) > right;
}

static void emit_paragraphs(layout *L, size_t from, size_t to, cellbuf *cb)
{
    const line *prev = NULL;
    double right = 0;
    for (size_t i = from; i < to && !L->g.failed; i++) {
        const line *ln = &L->lines[i];
        if (ln->dropped)
            continue;
        if (!prev || prev->page != ln->page)
            right = page_right(L, i);
        if (prev && !continues(L, prev, ln, right))
            flush_row(&L->g, cb, 1);
        for (size_t k = 0; k < ln->n; k++) {
            const pdf_word *wd = word_at(L, ln, k);
            if (cell_add(cb, i, text_of(L, wd), wd->len) != 0)
                L->g.failed = 1;
        }
        prev = ln;
    }
    flush_row(&L->g, cb, 1);
}

/* ------------------------------------------------------------------ 5, 6. tables */
typedef struct {
    size_t a, yl, e; /* header row from line a, years on line yl, table up to line e */
    columns c;
    size_t hb;       /* first line after the header row */
    size_t *cols;    /* scratch: the cell of each word of a line */
    double *xs;      /* scratch: edges of the amounts */
    unsigned char *skip; /* lines of repeated headers (indexed from a) */
} table;

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

/* The joining gap of the table's lines (5.), as a multiple of the taller line's
 * height (a 12 pt total row wraps at a wider pitch than 9 pt lines): 8 % over the
 * wrapped-line pitch, the smallest gap that recurs (within 2.5 %; a superscript's
 * odd gap does not count), or below any full line pitch when no gap is wider. */
static double row_threshold(const layout *L, table *t)
{
    size_t n = 0;
    const line *prev = NULL;
    for (size_t i = t->a; i < t->e; i++) {
        const line *ln = &L->lines[i];
        if (ln->dropped || t->skip[i - t->a])
            continue;
        double h = prev && prev->h > ln->h ? prev->h : ln->h;
        if (prev && prev->page == ln->page && ln->y - prev->y >= 0.7 * h)
            t->xs[n++] = (ln->y - prev->y) / h;
        prev = ln;
    }
    if (n == 0)
        return 0.7;
    qsort(t->xs, n, sizeof *t->xs, by_double);
    double pitch = t->xs[0];
    for (size_t i = 0; i + 1 < n; i++)
        if (t->xs[i + 1] - t->xs[i] <= 0.025) {
            pitch = t->xs[i];
            break;
        }
    if (t->xs[n - 1] <= 1.12 * pitch)
        return 0.7;
    return 1.08 * pitch;
}

static void emit_table(layout *L, table *t, cellbuf *cbs)
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
        if (prev && (prev->page != ln->page ? !goes_on(L, ln) : ln->y - prev->y > thr * h))
            flush_row(&L->g, cbs, ncols);
        line_cells(L, i < t->hb ? &header : &t->c, ln, t->cols);
        for (size_t k = 0; k < ln->n; k++) {
            const pdf_word *wd = word_at(L, ln, k);
            if (cell_add(&cbs[t->cols[k]], i, text_of(L, wd), wd->len) != 0)
                L->g.failed = 1;
        }
        prev = ln;
    }
    flush_row(&L->g, cbs, ncols);
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
            const pdf_word *wd = word_at(L, ln, k);
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
                double x = word_at(L, ln, k)->x0;
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
static int next_table(const layout *L, size_t from, table *t)
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
        memset(t->skip, 0, L->nlines - a);
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

/* ------------------------------------------------------------------ putting it together */
static int finish_grid(gridb *g, input_part *part, char *err, size_t errcap)
{
    size_t width = g->width ? g->width : 1;
    if (g->rows && width > PDF_MAX_CELLS / g->rows) {
        snprintf(err, errcap, "too large: its text makes more than %zu cells", PDF_MAX_CELLS);
        return -1;
    }
    socinv_cell *cells = calloc(g->rows ? g->rows * width : 1, sizeof *cells);
    if (!cells)
        return -1;
    for (size_t i = 0; i < g->n; i++) {
        socinv_cell *c = &cells[g->cells[i].row * width + g->cells[i].col];
        *c = (socinv_cell){SOCINV_CELL_TEXT, 0, g->pool + g->cells[i].off, g->cells[i].len};
    }
    part->name = strdup("");
    if (!part->name) {
        free(cells);
        return -1;
    }
    part->cells_owned = cells;
    part->text_owned = g->pool; /* the cells point into it */
    g->pool = NULL;
    part->grid = (socinv_grid){cells, g->rows, width};
    return 0;
}

static void free_layout(layout *L, table *t, cellbuf *cbs, size_t ncbs)
{
    for (size_t i = 0; cbs && i < ncbs; i++)
        free(cbs[i].s);
    free(cbs);
    if (t) {
        free(t->cols);
        free(t->skip);
        free(t->xs);
        free(t);
    }
    free(L->ord);
    free(L->lines);
    free(L->g.cells);
    free(L->g.pool);
}

int pdf_layout(const pdf_words *w, input_part *part, char *err, size_t errcap)
{
    layout L = {w, NULL, NULL, 0, {0}};
    size_t ncbs = MAX_TEXT_COLS + MAX_YEARS;
    cellbuf *cbs = calloc(ncbs, sizeof *cbs);
    table *t = calloc(1, sizeof *t);
    int rc = -1;
    err[0] = '\0';
    if (!cbs || !t || make_lines(&L) != 0 || drop_furniture(&L, 1) != 0 || drop_furniture(&L, 0) != 0)
        goto done;
    t->cols = malloc((w->n ? w->n : 1) * sizeof *t->cols);
    t->skip = malloc(L.nlines ? L.nlines : 1);
    t->xs = malloc((w->n ? w->n : 1) * sizeof *t->xs);
    if (!t->cols || !t->skip || !t->xs)
        goto done;
    size_t i = 0;
    while (!L.g.failed && next_table(&L, i, t) == 0) {
        emit_paragraphs(&L, i, t->a, cbs);
        emit_table(&L, t, cbs);
        i = t->e;
    }
    emit_paragraphs(&L, i, L.nlines, cbs);
    if (!L.g.failed)
        rc = finish_grid(&L.g, part, err, errcap);
done:
    if (rc != 0 && !err[0])
        snprintf(err, errcap, "out of memory");
    free_layout(&L, t, cbs, ncbs);
    return rc;
}
