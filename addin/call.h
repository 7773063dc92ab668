/* One call of an add-in function, seen without UNO: the arguments as cells,
 * the result, and scratch memory that lives until the call ends. The function
 * glue, its unit tests and the fuzzers run without LibreOffice; the UNO
 * dispatcher (uno_dispatch.c) is the only code that converts to and from UNO. */
#ifndef SOCINV_CALL_H
#define SOCINV_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "socinv.h"

/* A cell is the rules library's cell, so a range goes to the table recognizer
 * as it is: SV_EMPTY (an empty cell, or ""), SV_NUMBER (TRUE/FALSE arrive as
 * 1/0), SV_TEXT (UTF-8 in text[0..len), not NUL-terminated). */
typedef socinv_cell_kind sv_cell_kind;
typedef socinv_cell sv_cell;
#define SV_EMPTY SOCINV_CELL_EMPTY
#define SV_NUMBER SOCINV_CELL_NUMBER
#define SV_TEXT SOCINV_CELL_TEXT

/* One argument: a matrix of cells (a scalar is 1x1), or omitted. */
typedef struct sv_arg {
    int omitted; /* an optional argument left out: =PAYBACK(A1:F1) or =PAYBACK(A1:F1;) */
    size_t rows, cols;
    const sv_cell *cells; /* row-major */
} sv_arg;

/* n number cells from their doubles: how sv_arg_read() writes the cells of a
 * range the dispatcher decoded as doubles only (sv_call.nums). */
static inline void sv_number_cells(sv_cell *cells, const double *nums, size_t n)
{
    for (size_t k = 0; k < n; k++)
        cells[k] = (sv_cell){SV_NUMBER, nums[k], NULL, 0};
}

typedef enum sv_result_kind {
    SV_RES_NUMBER = 0,
    SV_RES_MATRIX, /* rows x cols numbers */
    SV_RES_TEXT,   /* UTF-8 text */
    SV_RES_BOOL    /* TRUE/FALSE: 1/0 to Calc (7.4 reads a boolean result as 0) */
} sv_result_kind;

#define SV_RESULT_TEXT_MAX 256

typedef struct sv_result {
    sv_result_kind kind;
    double num;
    size_t rows, cols;
    double *matrix; /* scratch memory of the call */
    /* NULL, or per matrix cell: SOCINV_OK for a number, else the status whose
     * error value the cell shows (the portfolio form: one result per row) */
    const socinv_status *cell_status;
    /* NULL, or per matrix cell: NULL, or UTF-8 text the cell shows instead */
    const char *const *cell_text;
    char text[SV_RESULT_TEXT_MAX];
} sv_result;

/* Scratch blocks: most calls fit in the inline buffer, so a PAYBACK over a
 * 30-year row never touches malloc, nor a NETIMPACT over a 20-row table with
 * its labels (about 8 kB of cells, numbers and text: a malloc of that size
 * was 800 instructions a call). The call is the last frame on the stack. */
#define SV_CALL_INLINE 16384
#define SV_CALL_MAX_BLOCKS 32

struct sv_call;

/* A whole table argument's memo (uno_memo.h): what the glue made of the table,
 * kept for later calls given the same cells. arg is SIZE_MAX when the call has
 * none (the unit tests, a call without such a range, the memo busy). */
typedef struct sv_table_memo {
    size_t arg;    /* the argument the memo looked up */
    void *payload; /* what an earlier call kept for its cells, or NULL */
    /* keep a payload for this call's cells of arg (the dispatcher's) */
    int (*keep)(struct sv_call *c, void *payload, void (*free_payload)(void *));
    const void *raw; /* the dispatcher's: the range as it came */
} sv_table_memo;

typedef struct sv_call {
    const sv_arg *args;
    size_t nargs;
    /* NULL, or per argument NULL or its cells as doubles when it has more than
     * one cell and every one is a number (no empty cell, no text): the UNO
     * dispatcher fills it in as it decodes the ranges, so the readers of
     * numbers hand it out, not a copy. Such an argument's cells are writable
     * scratch memory of the call, not yet written: most glue reads the doubles
     * only (SIBPAYOUT's 27 cells, a PAYBACK row), and sv_arg_read() writes the
     * cells for a reader of cells. */
    const double *const *nums;
    sv_result res;
    sv_table_memo memo;
    size_t used;
    void *blocks[SV_CALL_MAX_BLOCKS];
    size_t nblocks;
    _Alignas(16) unsigned char inline_buf[SV_CALL_INLINE];
} sv_call;

/* Inline, as the two ends of every add-in call. */
static inline void sv_call_init(sv_call *c, const sv_arg *args, size_t nargs)
{
    c->args = args;
    c->nargs = nargs;
    c->nums = NULL;
    /* every field but the text buffer, which is only read up to its NUL: clearing
     * its 256 bytes on every call was a memset per cell of the sheet */
    c->res.kind = SV_RES_NUMBER;
    c->res.num = 0.0;
    c->res.rows = c->res.cols = 0;
    c->res.matrix = NULL;
    c->res.cell_status = NULL;
    c->res.cell_text = NULL;
    c->res.text[0] = '\0';
    c->memo.arg = SIZE_MAX;
    c->memo.payload = NULL;
    c->memo.keep = NULL;
    c->used = 0;
    c->nblocks = 0;
}
void sv_call_free_blocks(sv_call *c); /* the blocks sv_alloc took from malloc */
/* Free everything the call allocated (the result's matrix included). */
static inline void sv_call_done(sv_call *c)
{
    if (c->nblocks)
        sv_call_free_blocks(c);
    c->used = 0;
    c->res.matrix = NULL;
    c->res.cell_status = NULL;
    c->res.cell_text = NULL;
}
/* Scratch memory until sv_call_done(); NULL when out of memory. Inline for
 * the common case, a piece of the call's own buffer (two or three per cell). */
void *sv_alloc_block(sv_call *c, size_t bytes); /* the rest: malloc */
static inline void *sv_alloc(sv_call *c, size_t bytes)
{
    size_t need = (bytes + 15) & ~(size_t)15;
    if (need >= bytes && need <= SV_CALL_INLINE - c->used) {
        void *p = c->inline_buf + c->used;
        c->used += need;
        return p;
    }
    return sv_alloc_block(c, bytes);
}

/* Calc's error value for a status: the one place that decides it. */
typedef enum sv_error_class {
    SV_ERR_NONE = 0, /* a result */
    SV_ERR_NA,       /* #N/A: no result (never pays back), a year not in a series, no table found */
    SV_ERR_VALUE,    /* #VALUE!: wrong type or shape (text in a number cell, empty range, shapes
                        differ, unreadable text), and out of memory */
    SV_ERR_ILLEGAL,  /* Err:502 "Invalid argument" (#NUM! in Excel): impossible parameter values */
    SV_ERR_NUM       /* #NUM!: a result too large to represent, or an infinite input */
} sv_error_class;

sv_error_class sv_error_class_of(socinv_status status);
/* What Calc shows for the class: "#N/A", "#VALUE!", "Err:502", "#NUM!" ("" for none). */
const char *sv_error_class_name(sv_error_class c);

/* ---- reading argument i (return SOCINV_OK or the status to report) --------- */

/* Argument i as it came, NULL past the last. */
static inline const sv_arg *sv_arg_at(const sv_call *c, size_t i)
{
    return i < c->nargs ? &c->args[i] : NULL;
}

/* Argument i with its cells written (see sv_call.nums); NULL past the last.
 * Every reader of the cells of a range goes through it; a reader of one cell
 * need not (the dispatcher writes the cell of a scalar). */
static inline const sv_arg *sv_arg_read(const sv_call *c, size_t i)
{
    const sv_arg *a = sv_arg_at(c, i);
    const double *nums = a && c->nums ? c->nums[i] : NULL;
    if (nums) /* written each time it is read: the same cells, and rarely twice */
        sv_number_cells((sv_cell *)(uintptr_t)a->cells, nums, a->rows * a->cols);
    return a;
}

/* What an earlier call kept for argument i's table (sv_table_keep), when it was
 * given the same cells; NULL otherwise. */
static inline void *sv_table_payload(const sv_call *c, size_t i)
{
    return c->memo.arg == i ? c->memo.payload : NULL;
}

/* Would the memo keep a payload for argument i (sv_table_keep)? Not when the call
 * has no memo for it, or was handed one. */
static inline int sv_table_may_keep(const sv_call *c, size_t i)
{
    return c->memo.arg == i && !c->memo.payload && c->memo.keep;
}

/* Keep payload (made by the glue from argument i's cells alone) for later calls
 * given the same cells: 1 when the memo took it (and frees it with free_payload
 * in time), 0 when the caller still owns it. */
static inline int sv_table_keep(sv_call *c, size_t i, void *payload, void (*free_payload)(void *))
{
    return sv_table_may_keep(c, i) && c->memo.keep(c, payload, free_payload);
}

/* Does optional argument i have a value? Left out (=F(A1;;2)), or a lone empty
 * text "" (as an empty cell of a range arrives), counts as absent. A reference to
 * one empty cell arrives from Calc as the number 0 and is not absent: Calc gives
 * us no way to tell it from 0. */
int sv_present(const sv_call *c, size_t i);

/* One number. Absent -> dflt. Text -> SOCINV_E_TYPE; more than one cell -> SOCINV_E_SHAPE. */
socinv_status sv_number(const sv_call *c, size_t i, double dflt, double *out);
/* Was argument i left out (=F(A1;;2), or not given at all)? Most optional
 * arguments of most cells are, so the readers below answer it inline, without
 * a call; everything else goes to their *_given part (sv_present's full test). */
static inline int sv_left_out(const sv_call *c, size_t i)
{
    return i >= c->nargs || c->args[i].omitted;
}

/* An absent whole-number argument: its default, which must lie in [lo, hi]. */
static inline socinv_status sv_int_default(long dflt, long lo, long hi, long *out)
{
    if (dflt < lo || dflt > hi)
        return SOCINV_E_DOMAIN;
    *out = dflt;
    return SOCINV_OK;
}
/* A whole number in [lo, hi]; a fraction or out of range -> SOCINV_E_DOMAIN. */
socinv_status sv_int_given(const sv_call *c, size_t i, long dflt, long lo, long hi, long *out);
static inline socinv_status sv_int(const sv_call *c, size_t i, long dflt, long lo, long hi, long *out)
{
    return sv_left_out(c, i) ? sv_int_default(dflt, lo, hi, out) : sv_int_given(c, i, dflt, lo, hi, out);
}
/* Keyword arguments, all read by sv_keyword: a word (ASCII and æøå case
 * ignored), or a number by the keywords' rule. */
typedef struct sv_word {
    const char *word; /* lower case */
    long code;
} sv_word;
typedef enum sv_keyword_numbers {
    SV_NUMBER_NONE,    /* a number is SOCINV_E_TYPE */
    SV_NUMBER_CODE,    /* a whole number lo..hi is that code, else SOCINV_E_DOMAIN */
    SV_NUMBER_IS_BOOL  /* any number: nonzero is 1 (TRUE), zero 0 */
} sv_keyword_numbers;
typedef struct sv_keywords {
    const sv_word *words;
    size_t nwords;
    sv_keyword_numbers numbers;
    long lo, hi; /* SV_NUMBER_CODE's range */
    /* for text that is no word: a reader of its own (NULL: SOCINV_E_OPTION) */
    socinv_status (*fallback)(const char *text, size_t len, long *code);
} sv_keywords;
/* An array of sv_word with its length computed: {SV_WORDS(words), ...}. */
#define SV_WORDS(a) (a), (sizeof(a) / sizeof((a)[0]))

/* Argument i as a keyword: absent -> dflt; one cell, else SOCINV_E_SHAPE; a word
 * that is none of them -> SOCINV_E_OPTION. */
socinv_status sv_keyword_given(const sv_call *c, size_t i, const sv_keywords *k, long dflt, long *out);
static inline socinv_status sv_keyword(const sv_call *c, size_t i, const sv_keywords *k, long dflt, long *out)
{
    if (!sv_left_out(c, i))
        return sv_keyword_given(c, i, k, dflt, out);
    *out = dflt;
    return SOCINV_OK;
}
/* TRUE/FALSE: any number (nonzero TRUE), or the words sand/falsk, ja/nej, true/false, yes/no. */
extern const sv_keywords sv_bool_keywords;
socinv_status sv_bool(const sv_call *c, size_t i, int dflt, int *out);
/* Text of one cell; absent -> "" (len 0). A number -> SOCINV_E_TYPE. */
socinv_status sv_text(const sv_call *c, size_t i, const char **text, size_t *len);

/* A row or a column of numbers (1xN, Nx1 or one cell). Trailing empty cells are
 * dropped (later years left blank), empty cells inside count as 0, text is
 * SOCINV_E_TYPE, a 2-D range SOCINV_E_SHAPE, nothing at all SOCINV_E_LENGTH. */
socinv_status sv_vector_read(sv_call *c, size_t i, int keep_trailing, const double **v, size_t *n);
/* A row or column whose every cell is a number, as the dispatcher decoded it
 * (sv_call.nums): the common case of sv_vector, answered inline. */
static inline int sv_numbers_decoded(const sv_call *c, size_t i, const double **v, size_t *n)
{
    if (!c->nums || i >= c->nargs)
        return 0;
    const sv_arg *a = &c->args[i];
    if (a->omitted || (a->rows > 1 && a->cols > 1) || !c->nums[i])
        return 0;
    *v = c->nums[i];
    *n = a->rows * a->cols;
    return 1;
}
static inline socinv_status sv_vector(sv_call *c, size_t i, const double **v, size_t *n)
{
    return sv_numbers_decoded(c, i, v, n) ? SOCINV_OK : sv_vector_read(c, i, 0, v, n);
}
/* Like sv_vector but keeps trailing empty cells as 0 (when positions matter). */
static inline socinv_status sv_vector_full(sv_call *c, size_t i, const double **v, size_t *n)
{
    return sv_numbers_decoded(c, i, v, n) ? SOCINV_OK : sv_vector_read(c, i, 1, v, n);
}
/* A matrix of numbers, empty cells as 0, text SOCINV_E_TYPE. */
socinv_status sv_matrix(sv_call *c, size_t i, const double **m, size_t *rows, size_t *cols);

/* ---- writing the result --------------------------------------------------------- */
void sv_set_number(sv_call *c, double v);
void sv_set_bool(sv_call *c, int v);
#ifdef _WIN32 /* the Windows build uses mingw's C99 printf (%zu; cmake/mingw-w64-x86_64.cmake) */
void sv_set_text(sv_call *c, const char *fmt, ...) __attribute__((format(gnu_printf, 2, 3)));
#else
void sv_set_text(sv_call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
/* A rows x cols result to fill in; NULL when out of memory. */
double *sv_set_matrix(sv_call *c, size_t rows, size_t cols);

/* ---- helpers shared by the glue --------------------------------------------------- */

/* Return a status from the enclosing glue function unless it is SOCINV_OK. */
#define SV_TRY(expr)                          \
    do {                                      \
        socinv_status sv_try_ = (expr);       \
        if (sv_try_ != SOCINV_OK)             \
            return sv_try_;                   \
    } while (0)

/* Is argument i laid out as a column (more than one row)? Results follow the
 * input's orientation, so a row in gives a row out. */
int sv_is_column(const sv_call *c, size_t i);
/* A vector result as a row, or as a column when as_column. */
socinv_status sv_set_vector(sv_call *c, const double *v, size_t n, int as_column);
/* The cells of a row or column argument i (text vectors: areas, kinds, flags). */
socinv_status sv_cells(const sv_call *c, size_t i, const sv_cell **cells, size_t *n);
/* Select element `pick` (1-based) of a vector, or all of it when pick is 0. */
socinv_status sv_set_vector_or_pick(sv_call *c, const double *v, size_t n, int as_column, long pick);
/* Is text[0..len) the word, ignoring ASCII case? (keywords such as "prorata") */
int sv_word_is(const char *text, size_t len, const char *word);

/* ---- the portfolio form: one business case per row ------------------------------- */

/* Is argument i a block of rows, more than one row and more than one column? A
 * function that takes a row of years then answers each row (sv_per_row). */
static inline int sv_is_portfolio(const sv_call *c, size_t i)
{
    const sv_arg *a = sv_arg_at(c, i);
    return a && !a->omitted && a->cells && a->rows > 1 && a->cols > 1;
}
/* The rule for one row of numbers (as sv_vector reads it): its result in *out. */
typedef socinv_status (*sv_row_rule)(const double *v, size_t n, const void *ctx, double *out);
/* A column result with rule's answer for each row of argument i. A row with no
 * answer shows its own error value (its status's class: #N/A for never, #VALUE!
 * for text or an empty row, #NUM! ...); the others their numbers. */
socinv_status sv_per_row(sv_call *c, size_t i, sv_row_rule rule, const void *ctx);

#endif
