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
 *    number ("7", "Side 7", "7/40") or repeat, digits aside, on half the pages;
 *    then the lines next to them once more (headers and footers of two lines).
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
 *    beginning left of them: where most words under its header begin (the cells'
 *    left edge), else a little left of its header text. A word only opens a new
 *    cell after a gap wider than a space: a heading merged across the table
 *    stays one cell.
 * 5. Rows: a label that wraps puts several lines into one row, with the amounts
 *    on its first, middle or last line (the cell's vertical alignment). Lines of
 *    one cell are closer than rows, which have cell padding between them, so the
 *    wrapped-line pitch is found among the table's line gaps (relative to the
 *    text height; row_threshold in pdftable.c says how) and a gap within 8 % of
 *    it joins lines. A row broken over a page goes on when the next page's first
 *    line starts with neither a capital nor a digit ("(BUF/SUF)", "implementering…").
 * 6. A table continues over page breaks (its repeated header skipped) until a
 *    line of running text: one cell of words reaching into the year columns with
 *    no amount in it or in the next three lines. A merged heading row inside the
 *    table is followed by amounts, so it does not end the table.
 * 7. Other lines are paragraphs, one-cell rows: a line continues the one before
 *    when that one was full (the next line's first word would not have fitted
 *    before the right margin) and the gap is a line pitch, so a heading 'HA02(2025)
 *    – Omlægning af …' that wraps is one row, as in the text; also over a page,
 *    as rows do.
 * Text of one cell over several lines is joined with a space, or with nothing
 * after a hyphen between lower-case letters that ends a line ("Peer-" + "indsats")
 * or after a minus sign alone on its line ("-" + "1.075").
 *
 * Not handled: text in several columns side by side on a page, tables whose rows
 * have no space between them and labels that wrap, words broken inside (a column
 * too narrow for one word), running headers of more than two lines.
 *
 * Steps 1, 2 and 7 are here; 3 to 6 in pdftable.c. The thresholds were set on
 * PDFs of LibreOffice Writer and groff (tests/e2e/make_pdfs.py) and are tested
 * one by one on boxes placed by hand in tests/unit/test_pdflayout.c.
 *
 * All steps are O(n log n) in the number of words (sorting); memory is bounded
 * by PDF_MAX_WORDS and PDF_MAX_CELLS. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdflayout_int.h"

/* Most cells of the rebuilt grid (rows × widest row), as for other documents. */
#define PDF_MAX_CELLS ((size_t)8 << 20)

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

const pdf_word *pl_word_at(const layout *L, const line *ln, size_t k)
{
    return &L->w->words[L->ord[ln->first + k]];
}

const char *pl_text_of(const layout *L, const pdf_word *wd)
{
    return L->w->pool + wd->text;
}

double pl_height_of(const pdf_word *wd)
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
    const pdf_word *a = pl_word_at(L, ln, 0);
    ln->x0 = a->x0;
    ln->x1 = a->x1;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = pl_word_at(L, ln, k);
        ln->x1 = wd->x1 > ln->x1 ? wd->x1 : ln->x1;
        ln->h = pl_height_of(wd) > ln->h ? pl_height_of(wd) : ln->h;
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
        if (cur && cur->page == wd->page && wd->y1 - cur->y <= 0.4 * pl_height_of(wd)) {
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
        cap += pl_word_at(L, ln, k)->len + 1;
    char *key = malloc(cap), *o = key;
    if (!key)
        return NULL;
    for (size_t k = 0; k < ln->n; k++) {
        const pdf_word *wd = pl_word_at(L, ln, k);
        for (size_t c = 0; c < wd->len; c++)
            if (pl_text_of(L, wd)[c] < '0' || pl_text_of(L, wd)[c] > '9')
                *o++ = pl_text_of(L, wd)[c];
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
        const pdf_word *wd = pl_word_at(L, ln, k);
        const char *t = pl_text_of(L, wd);
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

/* A candidate for page furniture: its line and its key. */
typedef struct {
    size_t line;
    char *key;
} furniture;

static int by_key(const void *a, const void *b)
{
    return strcmp(((const furniture *)a)->key, ((const furniture *)b)->key);
}

/* The top (top = 1) or bottom line of each page that is still there, when in the
 * outer 10 %: into c. */
static size_t furniture_candidates(const layout *L, int top, furniture *c, int *failed)
{
    size_t nc = 0, edge_page = SIZE_MAX; /* the page whose edge line was seen */
    for (size_t k = 0; k < L->nlines && !*failed; k++) {
        size_t i = top ? k : L->nlines - 1 - k;
        const line *ln = &L->lines[i];
        if (ln->dropped || ln->page == edge_page)
            continue;
        edge_page = ln->page;
        double H = L->w->page_height[ln->page];
        if (top ? ln->y > 0.1 * H : ln->y - ln->h < 0.9 * H)
            continue;
        c[nc] = (furniture){i, furniture_key(L, ln)};
        *failed = c[nc++].key == NULL;
    }
    return nc;
}

/* Drop the top (top = 1) or bottom line of each page when it is furniture: a page
 * number, or a line repeating (digits aside) on half the pages. */
static int drop_furniture(layout *L, int top)
{
    size_t np = L->w->npages;
    furniture *c = malloc((np ? np : 1) * sizeof *c);
    int failed = c == NULL;
    size_t nc = c ? furniture_candidates(L, top, c, &failed) : 0;
    if (!failed)
        qsort(c, nc, sizeof *c, by_key);
    for (size_t lo = 0, hi; !failed && lo < nc; lo = hi) {
        for (hi = lo + 1; hi < nc && !strcmp(c[hi].key, c[lo].key); hi++)
            ;
        for (size_t k = lo; k < hi; k++)
            if ((hi - lo >= 2 && 2 * (hi - lo) >= np) || is_page_number(L, &L->lines[c[k].line]))
                L->lines[c[k].line].dropped = 1;
    }
    for (size_t k = 0; k < nc; k++)
        free(c[k].key);
    free(c);
    return failed ? -1 : 0;
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


/* A lower-case letter at t (ASCII, or Latin-1's à-ÿ as UTF-8: æ, ø, å). */
int pl_is_lower_at(const char *t, size_t avail)
{
    unsigned char c = (unsigned char)t[0];
    return (c >= 'a' && c <= 'z') || (avail >= 2 && c == 0xC3 && (unsigned char)t[1] >= 0xA0);
}

/* A line ending in a hyphen inside a lower-case word ("Peer-" / "indsats") was
 * broken there by the layout: no space. "HJEMME-" / "PLEJEOMRÅDET" keeps one. */
static int soft_break(const cellbuf *cb, const char *next, size_t len)
{
    size_t n = cb->len;
    if (n < 2 || cb->s[n - 1] != '-' || !pl_is_lower_at(next, len))
        return 0;
    return pl_is_lower_at(cb->s + n - 2, 1) || (n >= 3 && pl_is_lower_at(cb->s + n - 3, 2));
}

/* A minus sign alone on a line, its number on the next: a column too narrow for
 * "-1.075" (Writer breaks it after the sign). */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The digits of an amount's last thousands group when it is short: "-1.07" gives 2, "2.9" 1,
 * "-1.075", "850" and text give 0 (the cell is [-]d{1,3}(.ddd)*.d{1,2}, '-' or an en dash). */
static size_t short_last_group(const char *s, size_t n)
{
    size_t i = 0, run = 0, groups = 0;
    if (n && s[0] == '-')
        i = 1;
    else if (n >= 3 && !memcmp(s, "\xE2\x80\x93", 3))
        i = 3;
    for (; i < n; i++) {
        if (is_digit(s[i])) {
            run++;
        } else if (s[i] == '.' && run >= 1 && run <= 3 && (groups == 0 || run == 3)) {
            groups++;
            run = 0;
        } else {
            return 0;
        }
    }
    return groups && run >= 1 && run <= 2 ? run : 0;
}

/* A number the column was too narrow for, broken at the end of a line: a lone minus sign
 * before digits, or an amount whose last group the next line completes ("-1.07" then "5":
 * LibreOffice 25.2's Writer breaks a right-aligned amount so). */
static int broken_number(const cellbuf *cb, const char *next, size_t len)
{
    int sign = (cb->len == 1 && cb->s[0] == '-') || (cb->len == 3 && !memcmp(cb->s, "\xE2\x80\x93", 3));
    if (sign)
        return len && is_digit(next[0]);
    size_t have = short_last_group(cb->s, cb->len);
    if (!have || !len || have + len != 3)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!is_digit(next[i]))
            return 0;
    return 1;
}

/* Does the first line of a page go on with the row or paragraph the page before
 * ended with? When it does not start with a capital letter or a digit, as a new
 * row or paragraph does: Writer and Word break a table row or a paragraph over
 * pages ("Samlede" / "implementeringsomkostninger", "Opstart af team" / "(BUF)"). */
int pl_goes_on(const layout *L, const line *ln)
{
    const unsigned char *t = (const unsigned char *)pl_text_of(L, pl_word_at(L, ln, 0));
    int capital = (t[0] >= 'A' && t[0] <= 'Z') || (t[0] == 0xC3 && t[1] >= 0x80 && t[1] <= 0x9E);
    return !capital && !(t[0] >= '0' && t[0] <= '9');
}

/* Add a word: a space before it, none after a hyphen that ended the previous line. */
int pl_cell_add(cellbuf *cb, size_t line_no, const char *t, size_t len)
{
    char *s = grow(cb->s, &cb->cap, cb->len + len + 2, 1);
    if (!s)
        return -1;
    cb->s = s;
    if (cb->len && !(cb->line != line_no + 1 && (soft_break(cb, t, len) || broken_number(cb, t, len))))
        cb->s[cb->len++] = ' ';
    memcpy(cb->s + cb->len, t, len);
    if (!cb->len)
        cb->first = line_no + 1;
    cb->len += len;
    cb->line = line_no + 1;
    return 0;
}

/* The cells gathered become grid row `row`; the buffers are emptied for the next. */
void pl_flush_row(gridb *g, cellbuf *cbs, size_t ncols)
{
    size_t first = 0; /* the row's first line, + 1 */
    for (size_t c = 0; c < ncols; c++) {
        if (cbs[c].len && (!first || cbs[c].first < first))
            first = cbs[c].first;
        gb_cell(g, g->rows, c, cbs[c].s, cbs[c].len);
        cbs[c].len = 0;
        cbs[c].line = 0;
        cbs[c].first = 0;
    }
    if (!first || g->failed)
        return;
    size_t *at = grow(g->row_line, &g->row_cap, g->rows + 1, sizeof *at);
    if (!at) {
        g->failed = 1;
        return;
    }
    g->row_line = at;
    at[g->rows++] = first - 1;
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
    if (fabs(a->h - b->h) > 0.25 * h || (a->page == b->page ? b->y - a->y > 1.6 * h : !pl_goes_on(L, b)))
        return 0;
    const pdf_word *first = pl_word_at(L, b, 0);
    return a->x1 + 0.3 * h + (first->x1 - first->x0) > right; /* a was full */
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
            pl_flush_row(&L->g, cb, 1);
        for (size_t k = 0; k < ln->n; k++) {
            const pdf_word *wd = pl_word_at(L, ln, k);
            if (pl_cell_add(cb, i, pl_text_of(L, wd), wd->len) != 0)
                L->g.failed = 1;
        }
        prev = ln;
    }
    pl_flush_row(&L->g, cb, 1);
}

/* ------------------------------------------------------------------ putting it together */
/* The page (1-based) each row begins on, for locations a reader of the PDF can find. */
static size_t *row_pages(const layout *L)
{
    size_t *pages = malloc((L->g.rows ? L->g.rows : 1) * sizeof *pages);
    for (size_t r = 0; pages && r < L->g.rows; r++)
        pages[r] = L->lines[L->g.row_line[r]].page + 1;
    return pages;
}

static int finish_grid(const layout *L, gridb *g, input_part *part, char *err, size_t errcap)
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
    part->row_page = row_pages(L);
    if (!part->name || !part->row_page) {
        free(part->name);
        free(part->row_page);
        part->name = NULL;
        part->row_page = NULL;
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
    free(L->g.row_line);
}

int pdf_layout(const pdf_words *w, input_part *part, char *err, size_t errcap)
{
    layout L = {w, NULL, NULL, 0, {0}};
    size_t ncbs = MAX_TEXT_COLS + MAX_YEARS;
    cellbuf *cbs = calloc(ncbs, sizeof *cbs);
    table *t = calloc(1, sizeof *t);
    int rc = -1;
    err[0] = '\0';
    /* twice at each edge: running headers and footers of two lines ("Katalog" over "Side 7") */
    if (!cbs || !t || make_lines(&L) != 0 || drop_furniture(&L, 1) != 0 || drop_furniture(&L, 1) != 0 ||
        drop_furniture(&L, 0) != 0 || drop_furniture(&L, 0) != 0)
        goto done;
    t->cols = malloc((w->n ? w->n : 1) * sizeof *t->cols);
    t->skip = calloc(L.nlines ? L.nlines : 1, 1);
    t->xs = malloc((2 * w->n + 2) * sizeof *t->xs); /* edges of the words, or two per line */
    if (!t->cols || !t->skip || !t->xs)
        goto done;
    size_t i = 0;
    while (!L.g.failed && pl_next_table(&L, i, t) == 0) {
        emit_paragraphs(&L, i, t->a, cbs);
        pl_emit_table(&L, t, cbs);
        i = t->e;
    }
    emit_paragraphs(&L, i, L.nlines, cbs);
    if (!L.g.failed)
        rc = finish_grid(&L, &L.g, part, err, errcap);
done:
    if (rc != 0 && !err[0])
        snprintf(err, errcap, "out of memory");
    free_layout(&L, t, cbs, ncbs);
    return rc;
}
