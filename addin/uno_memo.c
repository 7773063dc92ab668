/* The table memo (uno_memo.h): a few tables, each as it came (every cell's type,
 * number or UTF-16 text, to compare the next call's range with) and as decoded
 * (its cells, UTF-8), with the glue's payload. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "uno_memo.h"

/* Tables held: a workbook's few business cases, read in turn. */
#define MEMO_SLOTS 4
/* The largest table held, in cells and in UTF-16 units of text: a business case
 * is a few hundred cells. */
#define MEMO_MAX_CELLS 4096
#define MEMO_MAX_UNITS 65536

/* A cell as it came: a number's bits, or a text's units in the entry's block. */
typedef struct {
    unsigned char is_text;
    uint32_t len, at; /* a text's units: units[at, at + len) */
    double num;
} raw_cell;

typedef struct {
    size_t rows, cols; /* 0 x 0: an empty slot */
    raw_cell *raw;
    sal_Unicode *units;
    sv_cell *cells;
    void *payload;
    void (*free_payload)(void *);
    void *block; /* raw, units, cells and the cells' UTF-8, in one allocation */
} memo_entry;

static memo_entry slots[MEMO_SLOTS];
static size_t next_slot;
static atomic_flag busy = ATOMIC_FLAG_INIT;

int sv_memo_lock(void)
{
    return !atomic_flag_test_and_set_explicit(&busy, memory_order_acquire);
}

void sv_memo_unlock(void)
{
    atomic_flag_clear_explicit(&busy, memory_order_release);
}

static inline const uno_Any *row_anys(const uno_Sequence *rows, size_t r, size_t ncols)
{
    const uno_Sequence *row = ((uno_Sequence *const *)rows->elements)[r];
    return row && (size_t)row->nElements == ncols ? (const uno_Any *)row->elements : NULL;
}

/* Is the any the cell as it came? */
static inline int same_cell(const uno_Any *a, const raw_cell *x, const sal_Unicode *units)
{
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        return !x->is_text && memcmp(a->pData, &x->num, sizeof x->num) == 0;
    case typelib_TypeClass_STRING: {
        const rtl_uString *s = *(rtl_uString *const *)a->pData;
        return x->is_text && s && (uint32_t)s->length == x->len &&
               (x->len == 0 || memcmp(s->buffer, units + x->at, x->len * sizeof *units) == 0);
    }
    default:
        return 0;
    }
}

static int same_table(const memo_entry *e, const uno_Sequence *rows, size_t nrows, size_t ncols)
{
    if (e->rows != nrows || e->cols != ncols)
        return 0;
    const raw_cell *x = e->raw;
    for (size_t r = 0; r < nrows; r++) {
        const uno_Any *v = row_anys(rows, r, ncols);
        if (!v)
            return 0;
        for (size_t k = 0; k < ncols; k++, x++)
            if (!same_cell(&v[k], x, e->units))
                return 0;
    }
    return 1;
}

const sv_cell *sv_memo_find(const uno_Sequence *rows, size_t nrows, size_t ncols, void **payload)
{
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        if (slots[i].payload && same_table(&slots[i], rows, nrows, ncols)) {
            *payload = slots[i].payload;
            return slots[i].cells;
        }
    return NULL;
}

static void entry_free(memo_entry *e)
{
    if (e->payload)
        e->free_payload(e->payload);
    free(e->block);
    memset(e, 0, sizeof *e);
}

/* The UTF-16 units of the range's texts, and the UTF-8 bytes of the decoded cells';
 * 0 when the memo does not hold such a range. */
static int measure(const uno_Sequence *rows, const sv_arg *a, size_t *units, size_t *bytes)
{
    size_t n = a->rows * a->cols;
    *units = *bytes = 0;
    if (n > MEMO_MAX_CELLS)
        return 0;
    for (size_t r = 0; r < a->rows; r++) {
        const uno_Any *v = row_anys(rows, r, a->cols);
        if (!v)
            return 0; /* ragged */
        for (size_t k = 0; k < a->cols; k++) {
            typelib_TypeClass tc = v[k].pType->eTypeClass;
            const rtl_uString *s = tc == typelib_TypeClass_STRING ? *(rtl_uString *const *)v[k].pData : NULL;
            if (s)
                *units += (size_t)s->length;
            else if (tc != typelib_TypeClass_DOUBLE)
                return 0;
        }
    }
    for (size_t k = 0; k < n; k++)
        if (a->cells[k].kind == SV_TEXT)
            *bytes += a->cells[k].len;
    return *units <= MEMO_MAX_UNITS;
}

/* The range as it came into e->raw and e->units. */
static void copy_raw(memo_entry *e, const uno_Sequence *rows)
{
    raw_cell *x = e->raw;
    uint32_t at = 0;
    for (size_t r = 0; r < e->rows; r++) {
        const uno_Any *v = row_anys(rows, r, e->cols);
        for (size_t k = 0; k < e->cols; k++, x++) {
            memset(x, 0, sizeof *x);
            if (v[k].pType->eTypeClass == typelib_TypeClass_DOUBLE) {
                memcpy(&x->num, v[k].pData, sizeof x->num);
                continue;
            }
            const rtl_uString *s = *(rtl_uString *const *)v[k].pData;
            x->is_text = 1;
            x->at = at;
            x->len = (uint32_t)s->length;
            memcpy(e->units + at, s->buffer, x->len * sizeof *e->units);
            at += x->len;
        }
    }
}

/* The decoded cells into e->cells, their UTF-8 after them at text. */
static void copy_cells(memo_entry *e, const sv_cell *cells, char *text)
{
    size_t n = e->rows * e->cols;
    for (size_t k = 0; k < n; k++) {
        e->cells[k] = cells[k];
        if (cells[k].kind == SV_TEXT) {
            memcpy(text, cells[k].text, cells[k].len);
            e->cells[k].text = text;
            text += cells[k].len;
        }
    }
}

int sv_memo_keep(sv_call *c, void *payload, void (*free_payload)(void *))
{
    const uno_Sequence *rows = c->memo.raw;
    const sv_arg *a = sv_arg_at(c, c->memo.arg);
    size_t units, bytes;
    if (!rows || !a || !a->cells || !measure(rows, a, &units, &bytes))
        return 0;
    size_t n = a->rows * a->cols;
    /* raw cells, then cells (both 8-byte aligned), units, UTF-8 */
    size_t size = n * sizeof(raw_cell) + n * sizeof(sv_cell) + units * sizeof(sal_Unicode) + bytes;
    unsigned char *block = malloc(size ? size : 1);
    if (!block)
        return 0;
    memo_entry *e = &slots[next_slot];
    next_slot = (next_slot + 1) % MEMO_SLOTS;
    entry_free(e);
    e->rows = a->rows;
    e->cols = a->cols;
    e->block = block;
    e->raw = (raw_cell *)(void *)block;
    e->cells = (sv_cell *)(void *)(block + n * sizeof(raw_cell));
    e->units = (sal_Unicode *)(void *)(block + n * sizeof(raw_cell) + n * sizeof(sv_cell));
    copy_raw(e, rows);
    copy_cells(e, a->cells, (char *)(e->units + units));
    e->payload = payload;
    e->free_payload = free_payload;
    c->memo.payload = payload; /* kept once */
    return 1;
}
