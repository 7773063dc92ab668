/* Internal to the PDF layout (pdflayout.c: lines, page furniture, paragraphs, the
 * grid; pdftable.c: business-case tables): the types and functions they share. */
#ifndef SOCINV_CLI_PDFLAYOUT_INT_H
#define SOCINV_CLI_PDFLAYOUT_INT_H

#include <stddef.h>

#include "pdflayout.h"

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
    size_t *row_line; /* the line of each row's first word */
    size_t row_cap;
    int failed;
} gridb;

typedef struct {
    const pdf_words *w;
    size_t *ord;
    line *lines;
    size_t nlines;
    gridb g;
} layout;

/* One row's cells while its lines are read: the words of each column joined. */
typedef struct {
    char *s;
    size_t len, cap;
    size_t line;  /* the line of the last word added, + 1 */
    size_t first; /* the line of the first word, + 1 (0: empty) */
} cellbuf;

typedef struct {
    size_t a, yl, e; /* header row from line a, years on line yl, table up to line e */
    columns c;
    size_t hb;       /* first line after the header row */
    size_t *cols;    /* scratch: the cell of each word of a line */
    double *xs;      /* scratch: edges of the amounts, gaps of the lines (2 × words) */
    unsigned char *skip; /* lines of repeated headers (indexed from a; all 0 between tables) */
    size_t marked;       /* skip[0 .. marked) may hold a mark: cleared after the table */
} table;

const pdf_word *pl_word_at(const layout *L, const line *ln, size_t k);
const char *pl_text_of(const layout *L, const pdf_word *wd);
double pl_height_of(const pdf_word *wd);
/* A lower-case letter at t (ASCII, or Latin-1's à-ÿ as UTF-8: æ, ø, å). */
int pl_is_lower_at(const char *t, size_t avail);
/* Does the first line of a page go on with the row or paragraph before it? */
int pl_goes_on(const layout *L, const line *ln);
/* Add word t of line line_no to a cell; 0, or -1 when out of memory. */
int pl_cell_add(cellbuf *cb, size_t line_no, const char *t, size_t len);
/* The cells gathered become the grid's next row; the buffers are emptied. */
void pl_flush_row(gridb *g, cellbuf *cbs, size_t ncols);

/* The next table at or after line `from`: 0 and *t filled, or -1 when none. */
int pl_next_table(const layout *L, size_t from, table *t);
/* The rows of table t into the grid. */
void pl_emit_table(layout *L, table *t, cellbuf *cbs);

#endif
