/* Building grids row by row (see gridbuild.h). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gridbuild.h"

#define MAX_COLS GB_MAX_COLS
#define MAX_ROWS GB_MAX_ROWS
#define MAX_CELLS GB_MAX_CELLS

static size_t pool_add(builder *b, const char *s, size_t n)
{
    if (b->pool_len + n + 1 > b->pool_cap) {
        size_t cap = (b->pool_cap ? b->pool_cap * 2 : 4096) + n;
        char *p = realloc(b->pool, cap);
        if (!p) {
            b->failed = 1;
            return 0;
        }
        b->pool = p;
        b->pool_cap = cap;
    }
    size_t at = b->pool_len;
    memcpy(b->pool + at, s, n);
    b->pool[at + n] = '\0';
    b->pool_len += n + 1;
    return at;
}

/* Start a new row of `cols` cells (growing every row when the table is wider). */
socinv_cell *gb_new_row(builder *b, size_t cols)
{
    if (cols > b->width)
        b->width = cols;
    if (b->rows + 1 > MAX_ROWS || (b->rows + 1) * b->width > MAX_CELLS) {
        b->too_large = b->failed = 1;
        return NULL;
    }
    if (cols > b->cols) {
        /* widen: re-lay the rows so far, doubling the stride so that rows widening one
         * column at a time do not re-lay everything each time (finish() trims it) */
        if (cols < 2 * b->cols)
            cols = 2 * b->cols < MAX_COLS ? 2 * b->cols : MAX_COLS;
        size_t rows_cap = b->cap_rows ? b->cap_rows : 1;
        socinv_cell *w = calloc(rows_cap, cols * sizeof *w);
        size_t *o = calloc(rows_cap, cols * sizeof *o);
        size_t *fo = calloc(rows_cap, cols * sizeof *fo);
        if (!w || !o || !fo) {
            free(w);
            free(o);
            free(fo);
            b->failed = 1;
            return NULL;
        }
        for (size_t r = 0; r < b->rows; r++)
            for (size_t c = 0; c < b->cols; c++) {
                w[r * cols + c] = b->cells[r * b->cols + c];
                o[r * cols + c] = b->offsets[r * b->cols + c];
                fo[r * cols + c] = b->formulas[r * b->cols + c];
            }
        free(b->cells);
        free(b->offsets);
        free(b->formulas);
        b->cells = w;
        b->offsets = o;
        b->formulas = fo;
        b->cols = cols;
    }
    if (b->rows == b->cap_rows) {
        size_t cap = b->cap_rows ? b->cap_rows * 2 : 64;
        size_t width = b->cols ? b->cols : 1;
        socinv_cell *w = realloc(b->cells, cap * width * sizeof *w);
        if (w)
            b->cells = w;
        size_t *o = w ? realloc(b->offsets, cap * width * sizeof *o) : NULL;
        if (o)
            b->offsets = o;
        size_t *fo = o ? realloc(b->formulas, cap * width * sizeof *fo) : NULL;
        if (fo)
            b->formulas = fo;
        if (!w || !o || !fo) {
            b->failed = 1;
            return NULL;
        }
        b->cap_rows = cap;
    }
    socinv_cell *row = &b->cells[b->rows * b->cols];
    memset(row, 0, b->cols * sizeof *row);
    memset(&b->offsets[b->rows * b->cols], 0, b->cols * sizeof(size_t));
    memset(&b->formulas[b->rows * b->cols], 0, b->cols * sizeof(size_t));
    b->rows++;
    return row;
}

/* Every cell of an array formula's result given its formula, where it has none of its
 * own. The results of a valid file's arrays do not overlap; a crafted file's that claim
 * each other's cells are filled only up to the sheet's cells in all: linear in the sheet. */
static void fill_arrays(const builder *b, const char **formulas)
{
    size_t budget = b->rows * b->cols;
    for (size_t i = 0; i < b->narrays; i++) {
        const gb_array *a = &b->arrays[i];
        size_t row_end = a->rows < b->rows - a->row ? a->row + a->rows : b->rows;
        size_t col_end = a->cols < b->cols - a->col ? a->col + a->cols : b->cols;
        for (size_t r = a->row; r < row_end; r++)
            for (size_t c = a->col; c < col_end; c++) {
                if (budget == 0)
                    return;
                budget--;
                if (!formulas[r * b->cols + c])
                    formulas[r * b->cols + c] = b->pool + a->formula - 1;
            }
    }
}

/* Close a builder into a part: text pointers into the pool. */
int gb_finish(builder *b, input *in, const char *name)
{
    if (b->too_large) {
        snprintf(in->error, sizeof in->error, "%s%s%stoo large to audit (more than %zu cells or %d rows)",
                 name && *name ? "sheet '" : "", name && *name ? name : "", name && *name ? "' is " : "",
                 (size_t)MAX_CELLS, MAX_ROWS);
        return -1;
    }
    if (b->failed) {
        snprintf(in->error, sizeof in->error, "out of memory reading the document");
        return -1;
    }
    if (b->cut_cols && !in->warning[0]) /* never silently nothing: say what was left out */
        snprintf(in->warning, sizeof in->warning, "%s%s%s%zu %s right of column %d not read (socinv reads %d columns)",
                 name && *name ? "sheet '" : "", name && *name ? name : "", name && *name ? "': " : "", b->cut_cols,
                 b->cut_cols == 1 ? "cell" : "cells", MAX_COLS, MAX_COLS);
    if (b->rows == 0 || b->width == 0)
        return 0;
    if (b->cols > b->width) {
        /* trim the stride to the widest row, in place (rows only move down in memory) */
        for (size_t r = 0; r < b->rows; r++) {
            memmove(&b->cells[r * b->width], &b->cells[r * b->cols], b->width * sizeof *b->cells);
            memmove(&b->offsets[r * b->width], &b->offsets[r * b->cols], b->width * sizeof *b->offsets);
            memmove(&b->formulas[r * b->width], &b->formulas[r * b->cols], b->width * sizeof *b->formulas);
        }
        b->cols = b->width;
    }
    input_part *parts = realloc(in->parts, (in->nparts + 1) * sizeof *parts);
    if (!parts)
        return -1;
    in->parts = parts;
    input_part *p = &parts[in->nparts++];
    memset(p, 0, sizeof *p);
    p->name = strdup(name ? name : "");
    for (size_t i = 0; i < b->rows * b->cols; i++)
        if (b->cells[i].kind == SOCINV_CELL_TEXT)
            b->cells[i].text = b->pool + b->offsets[i];
    if (b->any_formula) {
        p->formulas = calloc(b->rows * b->cols, sizeof *p->formulas);
        if (!p->formulas) {
            b->failed = 1;
            return -1;
        }
        for (size_t i = 0; i < b->rows * b->cols; i++)
            if (b->formulas[i])
                p->formulas[i] = b->pool + b->formulas[i] - 1;
        fill_arrays(b, p->formulas);
    }
    p->cells_owned = b->cells;
    p->text_owned = b->pool;
    p->grid.cells = b->cells;
    p->grid.rows = b->rows;
    p->grid.cols = b->cols;
    free(b->offsets);
    free(b->formulas);
    free(b->arrays);
    memset(b, 0, sizeof *b);
    return 0;
}

void gb_drop(builder *b)
{
    free(b->cells);
    free(b->offsets);
    free(b->formulas);
    free(b->pool);
    free(b->arrays);
    memset(b, 0, sizeof *b);
}


int gb_room_for(builder *b, size_t rows, size_t width)
{
    size_t w = width > b->width ? width : b->width;
    if (b->rows + rows > MAX_ROWS || (b->rows + rows) * w > MAX_CELLS) {
        b->too_large = b->failed = 1;
        return 0;
    }
    return 1;
}

void gb_set_text(builder *b, size_t k, const char *s, size_t n)
{
    if (!n)
        return;
    b->cells[k].kind = SOCINV_CELL_TEXT;
    b->cells[k].len = n;
    b->offsets[k] = pool_add(b, s, n);
}

void gb_set_number(builder *b, size_t k, double v)
{
    b->cells[k].kind = SOCINV_CELL_NUMBER;
    b->cells[k].num = v;
}

void gb_set_formula(builder *b, size_t k, const char *formula)
{
    b->formulas[k] = 1 + pool_add(b, formula, strlen(formula));
    b->any_formula = 1;
}

void gb_set_array_formula(builder *b, size_t row, size_t col, const char *formula, size_t rows, size_t cols)
{
    size_t n = strlen(formula);
    char *braced = malloc(n + 3);
    if (b->narrays == b->arrays_cap) {
        size_t cap = b->arrays_cap ? 2 * b->arrays_cap : 16;
        gb_array *a = realloc(b->arrays, cap * sizeof *a);
        if (a) {
            b->arrays = a;
            b->arrays_cap = cap;
        }
    }
    if (!braced || b->narrays == b->arrays_cap) {
        free(braced);
        b->failed = 1;
        return;
    }
    braced[0] = '{';
    memcpy(braced + 1, formula, n);
    memcpy(braced + 1 + n, "}", 2);
    size_t at = 1 + pool_add(b, braced, n + 2);
    free(braced);
    b->formulas[row * b->cols + col] = at;
    b->any_formula = 1;
    b->arrays[b->narrays++] = (gb_array){row, col, rows, cols, at};
}

/* A number as XML writes it (xsd:double in the C locale's form, blanks around it allowed):
 * decimal digits only, no inf/nan/hex, which strtod would also take; correctly rounded. */
int gb_xml_number(const char *s, double *v)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    const char *digit = s + (*s == '-' || *s == '+');
    if (!(*digit >= '0' && *digit <= '9') && !(*digit == '.' && digit[1] >= '0' && digit[1] <= '9'))
        return -1;
    char *end;
    double r = socinv_c_parse(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (*end)
        return -1;
    *v = r;
    return 0;
}
