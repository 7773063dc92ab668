/* Argument decoding and scratch memory for one add-in call. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"

void sv_call_free_blocks(sv_call *c)
{
    for (size_t i = 0; i < c->nblocks; i++)
        free(c->blocks[i]);
    c->nblocks = 0;
}

/* sv_alloc() when the inline buffer has no room left: a block of its own. */
void *sv_alloc_block(sv_call *c, size_t bytes)
{
    size_t need = (bytes + 15) & ~(size_t)15;
    if (need < bytes || c->nblocks == SV_CALL_MAX_BLOCKS)
        return NULL;
    void *p = malloc(need ? need : 1);
    if (p)
        c->blocks[c->nblocks++] = p;
    return p;
}

sv_error_class sv_error_class_of(socinv_status status)
{
    switch (status) {
    case SOCINV_OK:
        return SV_ERR_NONE;
    case SOCINV_NO_RESULT:
    case SOCINV_E_MISSING_YEAR:
    case SOCINV_E_NOTABLE:
        return SV_ERR_NA;
    case SOCINV_E_NULL:
    case SOCINV_E_LENGTH:
    case SOCINV_E_SHAPE:
    case SOCINV_E_TYPE:
    case SOCINV_E_PARSE:
    case SOCINV_E_BUFFER:
    case SOCINV_E_NOMEM:
        return SV_ERR_VALUE;
    case SOCINV_E_RATE:
    case SOCINV_E_SHARE:
    case SOCINV_E_OPTION:
    case SOCINV_E_DOMAIN:
    case SOCINV_E_AREA:
    case SOCINV_E_INDEX:
        return SV_ERR_ILLEGAL;
    case SOCINV_E_NONFINITE:
    case SOCINV_E_OVERFLOW:
        return SV_ERR_NUM;
    case SOCINV_STATUS_MAX:
        break;
    }
    return SV_ERR_VALUE;
}

const char *sv_error_class_name(sv_error_class c)
{
    switch (c) {
    case SV_ERR_NA: return "#N/A";
    case SV_ERR_VALUE: return "#VALUE!";
    case SV_ERR_ILLEGAL: return "Err:502";
    case SV_ERR_NUM: return "#NUM!";
    default: return "";
    }
}

/* Argument i's cells as doubles when all are numbers, else NULL (the
 * dispatcher sets it for every argument of the function). */
static inline const double *nums_of(const sv_call *c, size_t i)
{
    return c->nums ? c->nums[i] : NULL;
}

/* sv_present, inlined into the readers: most optional arguments of most cells
 * are left out, and this is all such an argument costs. */
static inline int present(const sv_call *c, size_t i)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (!a || a->omitted || a->rows == 0 || a->cols == 0 || !a->cells)
        return 0;
    return !(a->rows == 1 && a->cols == 1 && a->cells[0].kind == SV_EMPTY);
}

int sv_present(const sv_call *c, size_t i)
{
    return present(c, i);
}

/* The single cell of a scalar argument. */
static socinv_status single(const sv_call *c, size_t i, const sv_cell **cell)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (a->rows != 1 || a->cols != 1)
        return SOCINV_E_SHAPE;
    *cell = &a->cells[0];
    return SOCINV_OK;
}

/* The one cell of optional argument i, which must be of `kind`; *cell is NULL
 * when the argument is absent. */
static socinv_status scalar(const sv_call *c, size_t i, sv_cell_kind kind, const sv_cell **cell)
{
    *cell = NULL;
    if (!present(c, i))
        return SOCINV_OK;
    socinv_status st = single(c, i, cell);
    if (st != SOCINV_OK)
        return st;
    return (*cell)->kind == kind ? SOCINV_OK : SOCINV_E_TYPE;
}

/* sv_number, inlined into sv_int (four of them in every PAYBACK cell). */
static inline socinv_status number_at(const sv_call *c, size_t i, double dflt, double *out)
{
    const sv_cell *cell;
    SV_TRY(scalar(c, i, SV_NUMBER, &cell));
    if (!cell) {
        *out = dflt;
        return SOCINV_OK;
    }
    if (!isfinite(cell->num))
        return SOCINV_E_NONFINITE;
    *out = cell->num;
    return SOCINV_OK;
}

socinv_status sv_number(const sv_call *c, size_t i, double dflt, double *out)
{
    return number_at(c, i, dflt, out);
}

socinv_status sv_int_given(const sv_call *c, size_t i, long dflt, long lo, long hi, long *out)
{
    if (!present(c, i)) /* the common case, decided in whole numbers */
        return sv_int_default(dflt, lo, hi, out);
    double v;
    socinv_status st = number_at(c, i, (double)dflt, &v);
    if (st != SOCINV_OK)
        return st;
    /* in range first, so the cast is defined; the cast is floor() without a libm call */
    if (!(v >= (double)lo && v <= (double)hi) || v != (double)(long)v)
        return SOCINV_E_DOMAIN;
    *out = (long)v;
    return SOCINV_OK;
}

/* One byte of a keyword in lower case: ASCII, and the second byte of the UTF-8
 * capitals Æ Ø Å (C3 86, C3 98, C3 85 -> C3 A6, C3 B8, C3 A5). */
static char lower_at(const char *text, size_t k)
{
    char ch = text[k];
    if (ch >= 'A' && ch <= 'Z')
        return (char)(ch - 'A' + 'a');
    if (k > 0 && (unsigned char)text[k - 1] == 0xC3 &&
        ((unsigned char)ch == 0x86 || (unsigned char)ch == 0x98 || (unsigned char)ch == 0x85))
        return (char)(ch + 0x20);
    return ch;
}

int sv_word_is(const char *text, size_t len, const char *word)
{
    size_t wl = strlen(word);
    if (len != wl)
        return 0;
    for (size_t k = 0; k < len; k++)
        if (lower_at(text, k) != word[k])
            return 0;
    return 1;
}

/* A number given for a keyword argument: the code it names, by the keywords' rule. */
static socinv_status keyword_number(const sv_keywords *k, double v, long *out)
{
    if (!isfinite(v))
        return SOCINV_E_NONFINITE;
    if (k->numbers == SV_NUMBER_IS_BOOL) {
        *out = v != 0.0;
        return SOCINV_OK;
    }
    if (k->numbers == SV_NUMBER_NONE)
        return SOCINV_E_TYPE;
    if (!(v >= (double)k->lo && v <= (double)k->hi) || v != (double)(long)v)
        return SOCINV_E_DOMAIN;
    *out = (long)v;
    return SOCINV_OK;
}

socinv_status sv_keyword_given(const sv_call *c, size_t i, const sv_keywords *k, long dflt, long *out)
{
    const sv_cell *cell;
    if (!present(c, i)) {
        *out = dflt;
        return SOCINV_OK;
    }
    SV_TRY(single(c, i, &cell));
    if (cell->kind == SV_NUMBER)
        return keyword_number(k, cell->num, out);
    for (size_t w = 0; w < k->nwords; w++) {
        if (sv_word_is(cell->text, cell->len, k->words[w].word)) {
            *out = k->words[w].code;
            return SOCINV_OK;
        }
    }
    if (k->fallback)
        return k->fallback(cell->text, cell->len, out);
    return SOCINV_E_OPTION;
}

static const sv_word bool_words[] = {{"true", 1}, {"sand", 1}, {"ja", 1}, {"yes", 1},
                                     {"false", 0}, {"falsk", 0}, {"nej", 0}, {"no", 0}};
const sv_keywords sv_bool_keywords = {SV_WORDS(bool_words), SV_NUMBER_IS_BOOL, 0, 1, NULL};

socinv_status sv_bool(const sv_call *c, size_t i, int dflt, int *out)
{
    if (!present(c, i)) { /* what sv_keyword does first, without the call */
        *out = dflt;
        return SOCINV_OK;
    }
    long v;
    SV_TRY(sv_keyword(c, i, &sv_bool_keywords, dflt, &v));
    *out = (int)v;
    return SOCINV_OK;
}

socinv_status sv_text(const sv_call *c, size_t i, const char **text, size_t *len)
{
    const sv_cell *cell;
    SV_TRY(scalar(c, i, SV_TEXT, &cell));
    *text = cell ? cell->text : "";
    *len = cell ? cell->len : 0;
    return SOCINV_OK;
}

/* How many of total cells count: trailing empty cells dropped unless keep_trailing. */
static inline size_t used_cells(const sv_cell *cells, size_t total, int keep_trailing)
{
    size_t used = total;
    if (!keep_trailing)
        while (used > 0 && cells[used - 1].kind == SV_EMPTY)
            used--;
    return used;
}

/* cells[0..used) as numbers into buf, empty cells as 0, text SOCINV_E_TYPE. One
 * pass: the cells after `used` are empty, so no text can hide there. */
static inline socinv_status copy_numbers(const sv_cell *cells, size_t used, double *buf)
{
    for (size_t k = 0; k < used; k++) {
        if (cells[k].kind == SV_TEXT)
            return SOCINV_E_TYPE;
        buf[k] = cells[k].kind == SV_NUMBER ? cells[k].num : 0.0;
    }
    return SOCINV_OK;
}

/* total cells as numbers into buf: trailing empty cells dropped unless
 * keep_trailing, empty cells inside as 0, text anywhere SOCINV_E_TYPE. */
static socinv_status cells_to_numbers(const sv_cell *cells, size_t total, int keep_trailing, double *buf, size_t *n)
{
    size_t used = used_cells(cells, total, keep_trailing);
    SV_TRY(copy_numbers(cells, used, buf));
    if (used == 0)
        return SOCINV_E_LENGTH;
    *n = used;
    return SOCINV_OK;
}

socinv_status sv_vector_read(sv_call *c, size_t i, int keep_trailing, const double **v, size_t *n)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (!a || a->omitted || !a->cells || a->rows == 0 || a->cols == 0)
        return SOCINV_E_LENGTH;
    if (a->rows > 1 && a->cols > 1)
        return SOCINV_E_SHAPE;
    /* (a row or column of numbers only was answered inline: sv_numbers_decoded) */
    a = sv_arg_read(c, i);
    size_t used = used_cells(a->cells, a->rows * a->cols, keep_trailing);
    if (used == 0 || used > SOCINV_MAX_CELLS)
        return SOCINV_E_LENGTH;
    double *buf = sv_alloc(c, used * sizeof *buf);
    if (!buf)
        return SOCINV_E_NOMEM;
    SV_TRY(copy_numbers(a->cells, used, buf));
    *v = buf;
    *n = used;
    return SOCINV_OK;
}

socinv_status sv_per_row(sv_call *c, size_t i, sv_row_rule rule, const void *ctx)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (a->rows > SOCINV_MAX_CELLS || a->cols > SOCINV_MAX_CELLS / a->rows)
        return SOCINV_E_LENGTH;
    const double *nums = nums_of(c, i);
    double *row = nums ? NULL : sv_alloc(c, a->cols * sizeof *row); /* one row at a time */
    socinv_status *status = sv_alloc(c, a->rows * sizeof *status);
    if ((!nums && !row) || !status)
        return SOCINV_E_NOMEM;
    double *out = sv_set_matrix(c, a->rows, 1);
    if (!out)
        return SOCINV_E_NOMEM;
    int any_error = 0;
    for (size_t r = 0; r < a->rows; r++) {
        size_t n = a->cols;
        const double *values = nums ? nums + r * a->cols : row; /* all numbers: no copy */
        out[r] = 0.0;
        status[r] = nums ? SOCINV_OK : cells_to_numbers(a->cells + r * a->cols, a->cols, 0, row, &n);
        if (status[r] == SOCINV_OK)
            status[r] = rule(values, n, ctx, &out[r]);
        any_error |= status[r] != SOCINV_OK;
    }
    c->res.cell_status = any_error ? status : NULL;
    return SOCINV_OK;
}

socinv_status sv_matrix(sv_call *c, size_t i, const double **m, size_t *rows, size_t *cols)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (!a || a->omitted || !a->cells || a->rows == 0 || a->cols == 0)
        return SOCINV_E_LENGTH;
    if (a->rows > SOCINV_MAX_CELLS || a->cols > SOCINV_MAX_CELLS / a->rows)
        return SOCINV_E_LENGTH;
    size_t total = a->rows * a->cols;
    if (nums_of(c, i)) { /* every cell a number already */
        *m = nums_of(c, i);
        *rows = a->rows;
        *cols = a->cols;
        return SOCINV_OK;
    }
    double *buf = sv_alloc(c, total * sizeof *buf);
    if (!buf)
        return SOCINV_E_NOMEM;
    for (size_t k = 0; k < total; k++) {
        if (a->cells[k].kind == SV_TEXT)
            return SOCINV_E_TYPE;
        buf[k] = a->cells[k].kind == SV_NUMBER ? a->cells[k].num : 0.0;
    }
    *m = buf;
    *rows = a->rows;
    *cols = a->cols;
    return SOCINV_OK;
}

void sv_set_number(sv_call *c, double v)
{
    c->res.kind = SV_RES_NUMBER;
    c->res.num = v;
}

void sv_set_bool(sv_call *c, int v)
{
    c->res.kind = SV_RES_BOOL;
    c->res.num = v ? 1.0 : 0.0;
}

void sv_set_text(sv_call *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->res.text, sizeof c->res.text, fmt, ap);
    va_end(ap);
    c->res.kind = SV_RES_TEXT;
}

double *sv_set_matrix(sv_call *c, size_t rows, size_t cols)
{
    if (rows == 0 || cols == 0 || rows > SOCINV_MAX_CELLS / cols)
        return NULL;
    double *m = sv_alloc(c, rows * cols * sizeof *m);
    if (!m)
        return NULL;
    c->res.kind = SV_RES_MATRIX;
    c->res.cell_status = NULL;
    c->res.cell_text = NULL;
    c->res.rows = rows;
    c->res.cols = cols;
    c->res.matrix = m;
    return m;
}

int sv_is_column(const sv_call *c, size_t i)
{
    const sv_arg *a = sv_arg_at(c, i);
    return a && !a->omitted && a->rows > 1;
}

socinv_status sv_set_vector(sv_call *c, const double *v, size_t n, int as_column)
{
    double *m = as_column ? sv_set_matrix(c, n, 1) : sv_set_matrix(c, 1, n);
    if (!m)
        return SOCINV_E_NOMEM;
    memcpy(m, v, n * sizeof *v);
    return SOCINV_OK;
}

socinv_status sv_set_vector_or_pick(sv_call *c, const double *v, size_t n, int as_column, long pick)
{
    if (pick == 0)
        return sv_set_vector(c, v, n, as_column);
    if (pick < 1 || (size_t)pick > n)
        return SOCINV_E_DOMAIN;
    sv_set_number(c, v[pick - 1]);
    return SOCINV_OK;
}

socinv_status sv_cells(const sv_call *c, size_t i, const sv_cell **cells, size_t *n)
{
    const sv_arg *a = sv_arg_at(c, i);
    if (!a || a->omitted || !a->cells || a->rows == 0 || a->cols == 0)
        return SOCINV_E_LENGTH;
    if (a->rows > 1 && a->cols > 1)
        return SOCINV_E_SHAPE;
    *cells = sv_arg_read(c, i)->cells;
    *n = a->rows * a->cols;
    return SOCINV_OK;
}
