/* Tidying the layout of workbooks and documents (see layout.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "layout.h"

static int blank_cell(const socinv_cell *c)
{
    if (c->kind == SOCINV_CELL_NUMBER)
        return 0;
    for (size_t i = 0; c->kind == SOCINV_CELL_TEXT && i < c->len; i++)
        if (c->text[i] != ' ' && c->text[i] != '\t' && c->text[i] != '\n' && c->text[i] != '\r')
            return 0;
    return 1;
}

/* Which columns hold anything, in any row. */
static unsigned char *used_columns(const socinv_grid *g)
{
    unsigned char *used = calloc(g->cols ? g->cols : 1, 1);
    for (size_t r = 0; used && r < g->rows; r++)
        for (size_t c = 0; c < g->cols; c++)
            used[c] |= !blank_cell(&g->cells[r * g->cols + c]);
    return used;
}

/* Take the columns that are blank in every row out of a part (in place: rows only
 * move left). 0, or -1 when out of memory. */
static int drop_spacer_columns(input_part *p)
{
    socinv_grid *g = &p->grid;
    if (!p->cells_owned || g->cols < 2)
        return 0;
    unsigned char *used = used_columns(g);
    if (!used)
        return -1;
    size_t kept = 0;
    for (size_t c = 0; c < g->cols; c++)
        kept += used[c];
    if (kept == g->cols || kept == 0) {
        free(used);
        return 0;
    }
    size_t *map = malloc(kept * sizeof *map); /* grid column -> column before (and, through
                                                  * an earlier map, the sheet's) */
    if (!map) {
        free(used);
        return -1;
    }
    for (size_t c = 0, k = 0; c < g->cols; c++)
        if (used[c])
            map[k++] = c;
    size_t *before = p->sheet_col;
    for (size_t r = 0; r < g->rows; r++)
        for (size_t k = 0; k < kept; k++) {
            p->cells_owned[r * kept + k] = p->cells_owned[r * g->cols + map[k]];
            if (p->formulas)
                p->formulas[r * kept + k] = p->formulas[r * g->cols + map[k]];
        }
    for (size_t k = 0; before && k < kept; k++)
        map[k] = before[map[k]];
    free(before);
    p->sheet_col = map;
    g->cols = kept;
    free(used);
    return 0;
}

/* Columns [from, to) of a part as a part of their own (cells copied; texts still in
 * the first part's pool, which owns them). */
static int band_part(const input_part *p, size_t from, size_t to, input_part *out)
{
    const socinv_grid *g = &p->grid;
    size_t w = to - from;
    memset(out, 0, sizeof *out);
    out->cells_owned = malloc(g->rows * w * sizeof *out->cells_owned);
    out->sheet_col = malloc(w * sizeof *out->sheet_col);
    out->name = strdup(p->name ? p->name : "");
    if (!out->cells_owned || !out->sheet_col || !out->name) {
        free(out->cells_owned);
        free(out->sheet_col);
        free(out->name);
        return -1;
    }
    for (size_t r = 0; r < g->rows; r++)
        memcpy(&out->cells_owned[r * w], &g->cells[r * g->cols + from], w * sizeof *out->cells_owned);
    for (size_t c = 0; c < w; c++)
        out->sheet_col[c] = from + c;
    out->grid.cells = out->cells_owned;
    out->grid.rows = g->rows;
    out->grid.cols = w;
    return 0;
}

/* Does a part hold a business-case table (the recognizer's own judgement)? */
static int has_table(const input_part *p)
{
    const socinv_grid *g = &p->grid;
    size_t years = g->cols < SOCINV_CASE_MAX_YEARS ? g->cols : SOCINV_CASE_MAX_YEARS;
    socinv_case_line *lines = malloc(g->rows * sizeof *lines);
    double *values = malloc(g->rows * years * sizeof *values);
    socinv_case t;
    int found = lines && values &&
                socinv_case_find(g, 0, SOCINV_NUMBERS_AUTO, &t, lines, g->rows, values, g->rows * years) == SOCINV_OK;
    free(lines);
    free(values);
    return found;
}

/* Where the parts of a sheet with tables side by side begin: each band of columns
 * between blank ones that holds a table gets a part, which also takes the columns
 * left of it since the previous table (prose, a title beside it); the last takes the
 * rest. Part k is columns [starts[k], starts[k + 1]). How many parts; 0 when fewer
 * than two bands hold a table. */
static size_t table_bands(const input_part *p, const unsigned char *used, size_t *starts)
{
    size_t n = 0, c = 0, cols = p->grid.cols, prev_end = 0;
    while (c < cols) {
        while (c < cols && !used[c])
            c++;
        size_t from = c;
        while (c < cols && used[c])
            c++;
        if (c == from)
            break;
        input_part band;
        if (band_part(p, from, c, &band) != 0)
            return 0;
        int t = has_table(&band);
        free(band.cells_owned);
        free(band.sheet_col);
        free(band.name);
        if (!t)
            continue;
        starts[n] = n ? prev_end : 0;
        n++;
        prev_end = c;
    }
    starts[n] = cols;
    return n >= 2 ? n : 0;
}

/* Tables side by side: part k becomes one part per band of columns holding a table. */
static int split_side_by_side(input *in, size_t k)
{
    input_part *p = &in->parts[k];
    /* a PDF's tables are laid out by pdflayout.c already (and its rows carry pages) */
    if (!p->cells_owned || p->grid.cols < 3 || p->sheet_col || p->row_page)
        return 0;
    unsigned char *used = used_columns(&p->grid);
    size_t *starts = malloc((p->grid.cols + 1) * sizeof *starts);
    if (!used || !starts) {
        free(used);
        free(starts);
        return -1;
    }
    size_t n = table_bands(p, used, starts);
    free(used);
    input_part *parts = n >= 2 ? realloc(in->parts, (in->nparts + n - 1) * sizeof *parts) : NULL;
    if (n < 2 || !parts) {
        free(starts);
        return n < 2 ? 0 : -1;
    }
    in->parts = parts;
    p = &in->parts[k];
    input_part *bands = calloc(n, sizeof *bands);
    int rc = bands ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = band_part(p, starts[i], starts[i + 1], &bands[i]);
    if (rc == 0) {
        /* the first band keeps the texts' pool (and the formulas: not audited, dropped) */
        bands[0].text_owned = p->text_owned;
        free(p->cells_owned);
        free(p->formulas);
        free(p->name);
        memmove(&in->parts[k + n], &in->parts[k + 1], (in->nparts - k - 1) * sizeof *in->parts);
        memcpy(&in->parts[k], bands, n * sizeof *bands);
        in->nparts += n - 1;
    } else if (bands) {
        for (size_t i = 0; i < n; i++) {
            free(bands[i].cells_owned);
            free(bands[i].sheet_col);
            free(bands[i].name);
        }
    }
    free(bands);
    free(starts);
    return rc;
}

int layout_tidy(input *in)
{
    if (in->kind == INPUT_TEXT)
        return 0;
    for (size_t k = 0; k < in->nparts; k++)
        if (split_side_by_side(in, k) != 0)
            return -1;
    for (size_t k = 0; k < in->nparts; k++)
        if (drop_spacer_columns(&in->parts[k]) != 0)
            return -1;
    return 0;
}
