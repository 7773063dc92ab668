/* One call of an add-in function, seen without UNO: the arguments as cells,
 * the result, and scratch memory that lives until the call ends. The function
 * glue, its unit tests and the fuzzers run without LibreOffice; the UNO
 * dispatcher (uno_dispatch.c) is the only code that converts to and from UNO. */
#ifndef SOCINV_CALL_H
#define SOCINV_CALL_H

#include <stddef.h>

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
    char text[SV_RESULT_TEXT_MAX];
} sv_result;

/* Scratch blocks: most calls fit in the inline buffer, so a PAYBACK over a
 * 30-year row never touches malloc. */
#define SV_CALL_INLINE 4096
#define SV_CALL_MAX_BLOCKS 32

typedef struct sv_call {
    const sv_arg *args;
    size_t nargs;
    sv_result res;
    size_t used;
    void *blocks[SV_CALL_MAX_BLOCKS];
    size_t nblocks;
    _Alignas(16) unsigned char inline_buf[SV_CALL_INLINE];
} sv_call;

void sv_call_init(sv_call *c, const sv_arg *args, size_t nargs);
/* Free everything the call allocated (the result's matrix included). */
void sv_call_done(sv_call *c);
/* Scratch memory until sv_call_done(); NULL when out of memory. */
void *sv_alloc(sv_call *c, size_t bytes);

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

/* Does optional argument i have a value? Left out (=F(A1;;2)), or a lone empty
 * text "" (as an empty cell of a range arrives), counts as absent. A reference to
 * one empty cell arrives from Calc as the number 0 and is not absent: Calc gives
 * us no way to tell it from 0. */
int sv_present(const sv_call *c, size_t i);

/* One number. Absent -> dflt. Text -> SOCINV_E_TYPE; more than one cell -> SOCINV_E_SHAPE. */
socinv_status sv_number(const sv_call *c, size_t i, double dflt, double *out);
/* A whole number in [lo, hi]; a fraction or out of range -> SOCINV_E_DOMAIN. */
socinv_status sv_int(const sv_call *c, size_t i, long dflt, long lo, long hi, long *out);
/* TRUE/FALSE, 1/0, or the words sand/falsk, ja/nej, true/false, yes/no. */
socinv_status sv_bool(const sv_call *c, size_t i, int dflt, int *out);
/* Text of one cell; absent -> "" (len 0). A number -> SOCINV_E_TYPE. */
socinv_status sv_text(const sv_call *c, size_t i, const char **text, size_t *len);

/* A row or a column of numbers (1xN, Nx1 or one cell). Trailing empty cells are
 * dropped (later years left blank), empty cells inside count as 0, text is
 * SOCINV_E_TYPE, a 2-D range SOCINV_E_SHAPE, nothing at all SOCINV_E_LENGTH. */
socinv_status sv_vector(sv_call *c, size_t i, const double **v, size_t *n);
/* Like sv_vector but keeps trailing empty cells as 0 (when positions matter). */
socinv_status sv_vector_full(sv_call *c, size_t i, const double **v, size_t *n);
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

#endif

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
/* An amount as Danish text: "4850", "-1,5" (for messages in cells). */
void sv_format_amount(double v, char *buf, size_t cap);
