/* Building a grid of cells row by row, with its texts in one string pool: what
 * every reader of workbooks and documents (flat ODF, zipped ODF, OOXML) fills. */
#ifndef SOCINV_CLI_GRIDBUILD_H
#define SOCINV_CLI_GRIDBUILD_H

#include "parts.h"

/* Widest row kept, and most cells of one sheet or document (48 bytes each here):
 * Calc's own row limit, and a bound that keeps a crafted file (a cell at row
 * 1.000.000 of a wide sheet, repeats of repeats) from taking gigabytes. A
 * business case is a few thousand cells. */
#define GB_MAX_COLS 1024
#define GB_MAX_ROWS 1048576
#define GB_MAX_CELLS ((size_t)8 << 20)

/* An array formula's result: the cells [row, row + rows) x [col, col + cols), its
 * formula in the pool (1 + offset, as formulas). */
typedef struct {
    size_t row, col, rows, cols, formula;
} gb_array;

typedef struct {
    socinv_cell *cells;
    size_t rows, cols, cap_rows; /* cols: the row stride, grown in steps; at least width */
    size_t width;                /* the widest row: the grid's columns */
    char *pool;
    size_t pool_len, pool_cap;
    size_t *offsets;  /* text offsets into the pool, fixed up at the end */
    size_t *formulas; /* 1 + pool offset of a cell's formula, 0 for none (same layout as cells) */
    int any_formula;
    gb_array *arrays; /* array formulas, their cells given the formula by gb_finish */
    size_t narrays, arrays_cap;
    int failed;
    int too_large;
    size_t cut_cols; /* cells right of GB_MAX_COLS that were not read (named in a warning) */
} builder;

/* Start a new row of `cols` cells (all empty); NULL when too large or out of memory
 * (b->failed set). The row is b->cells + (b->rows - 1) * b->cols. */
socinv_cell *gb_new_row(builder *b, size_t cols);
/* Would `rows` more rows of `width` cells pass the limits? Sets too_large if not. */
int gb_room_for(builder *b, size_t rows, size_t width);
/* Cell k (row * b->cols + col) of a row made: text (copied; nothing when n is 0),
 * a number, a formula. */
void gb_set_text(builder *b, size_t k, const char *s, size_t n);
void gb_set_number(builder *b, size_t k, double v);
void gb_set_formula(builder *b, size_t k, const char *formula);
/* The formula of an array formula entered at (row, col) whose result is rows x cols
 * cells: every cell of the result is given it in braces, "{of:=...}", as Calc shows it
 * (the file names the formula only in the first cell). */
void gb_set_array_formula(builder *b, size_t row, size_t col, const char *formula, size_t rows, size_t cols);
/* Close the builder into a new part of `in` named `name` (nothing added when it has
 * no cells). 0, or -1 with in->error set (too large, out of memory). */
int gb_finish(builder *b, input *in, const char *name);
void gb_drop(builder *b);

/* A number as XML files store it ("-1130", "2.5E-3"), read the same in any locale.
 * 0, or -1 when s is not one. */
int gb_xml_number(const char *s, double *v);

#endif
