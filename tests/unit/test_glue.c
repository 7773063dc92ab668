/* The add-in's UNO-free layer: argument decoding (call.h), the status -> Calc error
 * mapping, results, every glue function of the table called the way Calc delivers
 * arguments (a range is rows x cols cells, an empty cell is SV_EMPTY, an optional
 * argument left out arrives with omitted = 1), and a lint of the table itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "test_util.h"

#include "call.h"
#include "functions.h"

/* ---- building arguments by hand ------------------------------------------------------- */

#define NUM(v) {SV_NUMBER, (double)(v), NULL, 0}
#define TXT(s) {SV_TEXT, 0.0, (s), sizeof(s) - 1}
#define EMP {SV_EMPTY, 0.0, NULL, 0}
#define CELLS(...) ((const sv_cell[]){__VA_ARGS__})
#define NCELLS(...) (sizeof(CELLS(__VA_ARGS__)) / sizeof(sv_cell))
#define ROW(...) {0, 1, NCELLS(__VA_ARGS__), CELLS(__VA_ARGS__)}
#define COL(...) {0, NCELLS(__VA_ARGS__), 1, CELLS(__VA_ARGS__)}
#define MAT(r, c, ...) {0, (r), (c), CELLS(__VA_ARGS__)}
#define N1(v) ROW(NUM(v))   /* one number */
#define T1(s) ROW(TXT(s))   /* one text */
#define BLANK ROW(EMP)      /* a reference to an empty cell */
#define OMIT {1, 0, 0, NULL} /* an optional argument left out */
#define ARGS(...) (const sv_arg[]){__VA_ARGS__}, (sizeof((const sv_arg[]){__VA_ARGS__}) / sizeof(sv_arg))
#define DBL(...) (const double[]){__VA_ARGS__}
/* assert_ok() would stringify the expanded argument macros (kilobytes of text) */
#define assert_go_ok(call) assert_status_((call), SOCINV_OK, #call, __FILE__, __LINE__)

/* ---- running a glue function from the table ---------------------------------------------- */

static sv_call C;
static sv_arg full_args[SV_MAX_PARAMS];

/* Calls `method` as the dispatcher does: every parameter is passed, those not given
 * here arrive omitted. The result stays in C until the next call or the teardown. */
static socinv_status go(const char *method, const sv_arg *args, size_t n)
{
    const sv_function *f = sv_function_find(method, strlen(method));
    assert_non_null(f);
    assert_true(n <= f->nparams);
    sv_call_done(&C);
    for (size_t i = 0; i < SV_MAX_PARAMS; i++) {
        sv_arg omitted = OMIT;
        full_args[i] = i < n ? args[i] : omitted;
    }
    sv_call_init(&C, full_args, f->nparams);
    return f->glue(&C);
}

/* A successful call with a number result; failures are reported at the caller's line. */
#define go_num(method, ...) go_num_(__FILE__, __LINE__, method, __VA_ARGS__)
static double go_num_(const char *file, int line, const char *method, const sv_arg *args, size_t n)
{
    socinv_status st = go(method, args, n);
    if (st != SOCINV_OK) {
        print_error("%s returned %s, expected SOCINV_OK\n", method, socinv_status_name(st));
        _fail(file, line);
    }
    if (C.res.kind != SV_RES_NUMBER) {
        print_error("%s gave result kind %d, expected a number\n", method, (int)C.res.kind);
        _fail(file, line);
    }
    return C.res.num;
}

/* A failing call: its status, which must be an error Calc shows. */
#define go_err(method, ...) go_err_(__FILE__, __LINE__, method, __VA_ARGS__)
static socinv_status go_err_(const char *file, int line, const char *method, const sv_arg *args, size_t n)
{
    socinv_status st = go(method, args, n);
    if (sv_error_class_of(st) == SV_ERR_NONE) {
        print_error("%s succeeded, expected an error\n", method);
        _fail(file, line);
    }
    return st;
}

/* The sum of a matrix result. */
static double result_sum(void)
{
    assert_int_equal(C.res.kind, SV_RES_MATRIX);
    double s = 0;
    for (size_t i = 0; i < C.res.rows * C.res.cols; i++)
        s += C.res.matrix[i];
    return s;
}

static void assert_result_matrix(size_t rows, size_t cols, const double *expected, double tol)
{
    assert_int_equal(C.res.kind, SV_RES_MATRIX);
    assert_int_equal(C.res.rows, rows);
    assert_int_equal(C.res.cols, cols);
    assert_non_null(C.res.matrix);
    for (size_t i = 0; i < rows * cols; i++)
        assert_close(C.res.matrix[i], expected[i], tol);
}

static int teardown(void **state)
{
    (void)state;
    sv_call_done(&C);
    return 0;
}

/* A call over hand-made arguments for the decoding tests (no glue). */
static sv_call *with(sv_call *c, const sv_arg *args, size_t n)
{
    sv_call_init(c, args, n);
    return c;
}

/* ====================================================================================== */
/* ---- call.h: decoding ------------------------------------------------------------------ */

/** sv_present: omitted, missing and a lone empty cell are absent; a number, text or range is present. */
static void test_present(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {OMIT, BLANK, N1(0), T1("x"), ROW(EMP, EMP), {0, 0, 0, NULL}};
    with(&c, a, N_OF(a));
    assert_false(sv_present(&c, 0));
    assert_false(sv_present(&c, 1));
    assert_true(sv_present(&c, 2)); /* a real 0 is a value */
    assert_true(sv_present(&c, 3));
    assert_true(sv_present(&c, 4));
    assert_false(sv_present(&c, 5)); /* an empty sequence */
    assert_false(sv_present(&c, 6)); /* beyond nargs */
    sv_call_done(&c);
}

/** sv_number: a number; absent -> the default; text E_TYPE; a range E_SHAPE; NaN/Inf E_NONFINITE. */
static void test_number(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {N1(-4.5), OMIT, BLANK, T1("12"), ROW(NUM(1), NUM(2)), N1(NAN), N1(-INFINITY),
                        COL(NUM(1), EMP)};
    with(&c, a, N_OF(a));
    double v = 0;
    assert_ok(sv_number(&c, 0, 9, &v));
    assert_close(v, -4.5, 0);
    assert_ok(sv_number(&c, 1, 9, &v));
    assert_close(v, 9, 0);
    v = 0;
    assert_ok(sv_number(&c, 2, 9, &v));
    assert_close(v, 9, 0);
    v = 0;
    assert_ok(sv_number(&c, 20, 8, &v)); /* not passed at all */
    assert_close(v, 8, 0);
    v = 7;
    assert_status(sv_number(&c, 3, 9, &v), SOCINV_E_TYPE); /* text in a number cell, even "12" */
    assert_status(sv_number(&c, 4, 9, &v), SOCINV_E_SHAPE);
    assert_status(sv_number(&c, 5, 9, &v), SOCINV_E_NONFINITE);
    assert_status(sv_number(&c, 6, 9, &v), SOCINV_E_NONFINITE);
    assert_status(sv_number(&c, 7, 9, &v), SOCINV_E_SHAPE); /* two cells, one of them empty */
    assert_close(v, 7, 0);
    sv_call_done(&c);
}

/** sv_int: whole numbers within [lo, hi]; a fraction or out of range is E_DOMAIN; absent -> default. */
static void test_int(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {N1(3), N1(2.5), N1(-1), N1(10), N1(11), OMIT, T1("3")};
    with(&c, a, N_OF(a));
    long v = 0;
    assert_ok(sv_int(&c, 0, 0, 0, 10, &v));
    assert_int_equal(v, 3);
    assert_ok(sv_int(&c, 3, 0, 0, 10, &v)); /* hi is inclusive */
    assert_int_equal(v, 10);
    assert_ok(sv_int(&c, 2, 0, -1, 1, &v)); /* lo is inclusive */
    assert_int_equal(v, -1);
    assert_ok(sv_int(&c, 5, 42, 0, 100, &v));
    assert_int_equal(v, 42);
    v = 7;
    assert_status(sv_int(&c, 1, 0, 0, 10, &v), SOCINV_E_DOMAIN);
    assert_status(sv_int(&c, 2, 0, 0, 10, &v), SOCINV_E_DOMAIN);
    assert_status(sv_int(&c, 4, 0, 0, 10, &v), SOCINV_E_DOMAIN);
    assert_status(sv_int(&c, 6, 0, 0, 10, &v), SOCINV_E_TYPE);
    assert_int_equal(v, 7);
    sv_call_done(&c);
}

/** sv_bool: numbers (nonzero TRUE) and the words sand/falsk, ja/nej, true/false, yes/no in any case. */
static void test_bool(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {N1(1), N1(0), N1(2), T1("SAND"), T1("falsk"), T1("Ja"), T1("nej"), T1("True"),
                        T1("FALSE"), T1("yes"), T1("No"), OMIT, BLANK, T1("maybe"), T1("1"),
                        ROW(NUM(1), NUM(0)), N1(NAN)};
    with(&c, a, N_OF(a));
    const int expected[] = {1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0};
    for (size_t i = 0; i < N_OF(expected); i++) {
        int v = -1;
        assert_ok(sv_bool(&c, i, 5, &v));
        assert_int_equal(v, expected[i]);
    }
    int v = -1;
    assert_ok(sv_bool(&c, 11, 1, &v));
    assert_int_equal(v, 1);
    assert_ok(sv_bool(&c, 12, 0, &v));
    assert_int_equal(v, 0);
    v = 7;
    assert_status(sv_bool(&c, 13, 0, &v), SOCINV_E_OPTION);
    assert_status(sv_bool(&c, 14, 0, &v), SOCINV_E_OPTION); /* the text "1" is not a word */
    assert_status(sv_bool(&c, 15, 0, &v), SOCINV_E_SHAPE);
    assert_status(sv_bool(&c, 16, 0, &v), SOCINV_E_NONFINITE);
    assert_int_equal(v, 7);
    sv_call_done(&c);
}

/** sv_text: the cell's bytes (not NUL-terminated); absent -> ""; a number E_TYPE; a range E_SHAPE. */
static void test_text(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {T1("DK2021"), OMIT, BLANK, N1(4), ROW(TXT("a"), TXT("b"))};
    with(&c, a, N_OF(a));
    const char *t = NULL;
    size_t len = 99;
    assert_ok(sv_text(&c, 0, &t, &len));
    assert_int_equal(len, 6);
    assert_memory_equal(t, "DK2021", 6);
    assert_ok(sv_text(&c, 1, &t, &len));
    assert_int_equal(len, 0);
    assert_string_equal(t, "");
    assert_ok(sv_text(&c, 2, &t, &len));
    assert_int_equal(len, 0);
    t = NULL;
    assert_status(sv_text(&c, 3, &t, &len), SOCINV_E_TYPE);
    assert_status(sv_text(&c, 4, &t, &len), SOCINV_E_SHAPE);
    assert_null(t);
    sv_call_done(&c);
}

/** sv_vector: rows, columns and one cell; trailing empty cells dropped, empty cells inside are 0. */
static void test_vector(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {ROW(NUM(1511), NUM(-1130), EMP, NUM(-504), EMP, EMP), COL(NUM(1), NUM(2), NUM(3)),
                        N1(5)};
    with(&c, a, N_OF(a));
    const double *v = NULL;
    size_t n = 0;
    assert_ok(sv_vector(&c, 0, &v, &n));
    assert_int_equal(n, 4);
    assert_close(v[0], 1511, 0);
    assert_close(v[1], -1130, 0);
    assert_close(v[2], 0, 0);
    assert_close(v[3], -504, 0);
    assert_ok(sv_vector(&c, 1, &v, &n));
    assert_int_equal(n, 3);
    assert_close(v[2], 3, 0);
    assert_ok(sv_vector(&c, 2, &v, &n));
    assert_int_equal(n, 1);
    assert_close(v[0], 5, 0);
    sv_call_done(&c);
}

/** sv_vector_full keeps trailing empty cells as 0 (positions matter). */
static void test_vector_full(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {ROW(NUM(1), EMP, NUM(3), EMP, EMP), ROW(EMP, EMP)};
    with(&c, a, N_OF(a));
    const double *v = NULL;
    size_t n = 0;
    assert_ok(sv_vector_full(&c, 0, &v, &n));
    assert_int_equal(n, 5);
    assert_close(v[0], 1, 0);
    assert_close(v[1], 0, 0);
    assert_close(v[2], 3, 0);
    assert_close(v[3], 0, 0);
    assert_close(v[4], 0, 0);
    assert_ok(sv_vector_full(&c, 1, &v, &n)); /* two empty cells are two zeros */
    assert_int_equal(n, 2);
    sv_call_done(&c);
}

/** sv_vector errors: text anywhere (trailing part included) E_TYPE, 2-D E_SHAPE, nothing E_LENGTH. */
static void test_vector_invalid(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {ROW(NUM(1), TXT("1.200"), NUM(3)), ROW(NUM(1), EMP, TXT("note")),
                        MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)), ROW(EMP, EMP, EMP), OMIT, BLANK,
                        {0, 0, 0, NULL}};
    with(&c, a, N_OF(a));
    const double *v = NULL;
    size_t n = 77;
    assert_status(sv_vector(&c, 0, &v, &n), SOCINV_E_TYPE);
    assert_status(sv_vector(&c, 1, &v, &n), SOCINV_E_TYPE);
    assert_status(sv_vector_full(&c, 1, &v, &n), SOCINV_E_TYPE);
    assert_status(sv_vector(&c, 2, &v, &n), SOCINV_E_SHAPE);
    assert_status(sv_vector_full(&c, 2, &v, &n), SOCINV_E_SHAPE);
    assert_status(sv_vector(&c, 3, &v, &n), SOCINV_E_LENGTH);
    assert_status(sv_vector(&c, 4, &v, &n), SOCINV_E_LENGTH);
    assert_status(sv_vector(&c, 5, &v, &n), SOCINV_E_LENGTH);
    assert_status(sv_vector(&c, 6, &v, &n), SOCINV_E_LENGTH);
    assert_status(sv_vector(&c, 9, &v, &n), SOCINV_E_LENGTH); /* not passed */
    assert_null(v);
    assert_int_equal(n, 77);
    sv_call_done(&c);
}

/** sv_matrix: rows x cols row-major, empty cells 0; text E_TYPE; nothing E_LENGTH; oversized E_LENGTH. */
static void test_matrix(void **state)
{
    (void)state;
    sv_call c;
    static const sv_cell one[] = {NUM(1)};
    const sv_arg a[] = {MAT(2, 3, NUM(1), EMP, NUM(3), NUM(4), NUM(5), EMP), MAT(2, 1, NUM(1), TXT("x")), OMIT,
                        {0, (size_t)1 << 40, (size_t)1 << 40, one}, {0, SIZE_MAX, 2, one}};
    with(&c, a, N_OF(a));
    const double *m = NULL;
    size_t rows = 0, cols = 0;
    assert_ok(sv_matrix(&c, 0, &m, &rows, &cols));
    assert_int_equal(rows, 2);
    assert_int_equal(cols, 3);
    const double e[] = {1, 0, 3, 4, 5, 0};
    for (size_t i = 0; i < 6; i++)
        assert_close(m[i], e[i], 0);
    m = NULL;
    assert_status(sv_matrix(&c, 1, &m, &rows, &cols), SOCINV_E_TYPE);
    assert_status(sv_matrix(&c, 2, &m, &rows, &cols), SOCINV_E_LENGTH);
    /* dimensions whose product is beyond SOCINV_MAX_CELLS (or overflows): refused before any cell is read */
    assert_status(sv_matrix(&c, 3, &m, &rows, &cols), SOCINV_E_LENGTH);
    assert_status(sv_matrix(&c, 4, &m, &rows, &cols), SOCINV_E_LENGTH);
    assert_null(m);
    sv_call_done(&c);
}

/** sv_cells: the raw cells of a row or column; 2-D E_SHAPE, omitted E_LENGTH. */
static void test_cells(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {COL(TXT("Service"), EMP, TXT("Anlæg")), MAT(2, 2, EMP, EMP, EMP, EMP), OMIT};
    with(&c, a, N_OF(a));
    const sv_cell *cells = NULL;
    size_t n = 0;
    assert_ok(sv_cells(&c, 0, &cells, &n));
    assert_int_equal(n, 3);
    assert_int_equal(cells[0].kind, SV_TEXT);
    assert_int_equal(cells[1].kind, SV_EMPTY);
    assert_memory_equal(cells[2].text, "Anl\xc3\xa6g", 6);
    assert_status(sv_cells(&c, 1, &cells, &n), SOCINV_E_SHAPE);
    assert_status(sv_cells(&c, 2, &cells, &n), SOCINV_E_LENGTH);
    sv_call_done(&c);
}

/** sv_alloc: the inline buffer first, then the heap; 16-byte aligned; impossible sizes NULL. */
static void test_alloc_beyond_inline(void **state)
{
    (void)state;
    sv_call c;
    with(&c, NULL, 0);
    unsigned char *a = sv_alloc(&c, 100);
    assert_non_null(a);
    assert_true((uintptr_t)a % 16 == 0);
    memset(a, 0xab, 100);
    /* more than the inline buffer holds: still usable memory */
    unsigned char *b = sv_alloc(&c, SV_CALL_INLINE);
    assert_non_null(b);
    assert_true((uintptr_t)b % 16 == 0);
    memset(b, 0xcd, SV_CALL_INLINE);
    unsigned char *big = sv_alloc(&c, 1000000);
    assert_non_null(big);
    memset(big, 0xef, 1000000);
    assert_true(a[99] == 0xab); /* blocks do not overlap */
    assert_true(b[SV_CALL_INLINE - 1] == 0xcd);
    assert_null(sv_alloc(&c, SIZE_MAX));
    assert_null(sv_alloc(&c, SIZE_MAX - 8));
    sv_call_done(&c); /* frees the heap blocks: ASan reports a leak otherwise */
    /* after done the call can be used again */
    void *again = sv_alloc(&c, 32);
    assert_non_null(again);
    sv_call_done(&c);
}

/** A 1000-value row (8000 bytes, beyond the 4096-byte inline buffer) decodes completely. */
static void test_vector_beyond_inline(void **state)
{
    (void)state;
    static sv_cell cells[1000];
    for (size_t i = 0; i < 1000; i++) {
        cells[i].kind = SV_NUMBER;
        cells[i].num = (double)i;
    }
    const sv_arg a[] = {{0, 1, 1000, cells}, {0, 1000, 1, cells}};
    sv_call c;
    with(&c, a, 2);
    const double *v, *w;
    size_t n, m;
    assert_ok(sv_vector(&c, 0, &v, &n));
    assert_ok(sv_vector(&c, 1, &w, &m));
    assert_int_equal(n, 1000);
    assert_int_equal(m, 1000);
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] + w[i];
    assert_close(s, 2 * 999.0 * 1000.0 / 2, 0); /* 2 x (0 + 1 + ... + 999) */
    sv_call_done(&c);
}

/* ---- call.h: errors and results ------------------------------------------------------------ */

/** Every status has its Calc error class, as call.h and the catalogue describe them:
 * #N/A for "no result" (never pays back, a year not in the series, no table),
 * #VALUE! for wrong type/shape/empty input, Err:502 for impossible parameter values,
 * #NUM! for numbers that cannot be shown (too large, NaN/Inf). */
static void test_error_class_every_status(void **state)
{
    (void)state;
    static const struct {
        socinv_status st;
        sv_error_class cls;
    } table[] = {
        {SOCINV_OK, SV_ERR_NONE},
        {SOCINV_NO_RESULT, SV_ERR_NA},
        {SOCINV_E_NULL, SV_ERR_VALUE},     /* a required input missing */
        {SOCINV_E_LENGTH, SV_ERR_VALUE},   /* empty range */
        {SOCINV_E_SHAPE, SV_ERR_VALUE},    /* shapes differ */
        {SOCINV_E_NONFINITE, SV_ERR_NUM},  /* never let NaN/Inf reach Calc silently */
        {SOCINV_E_TYPE, SV_ERR_VALUE},     /* text in a number cell */
        {SOCINV_E_RATE, SV_ERR_ILLEGAL},   /* rate <= -100 % */
        {SOCINV_E_SHARE, SV_ERR_ILLEGAL},  /* share outside 0-1 */
        {SOCINV_E_OPTION, SV_ERR_ILLEGAL}, /* unknown keyword */
        {SOCINV_E_DOMAIN, SV_ERR_ILLEGAL},
        {SOCINV_E_AREA, SV_ERR_ILLEGAL},
        {SOCINV_E_MISSING_YEAR, SV_ERR_NA}, /* "a year not in a series" */
        {SOCINV_E_INDEX, SV_ERR_ILLEGAL},
        {SOCINV_E_BUFFER, SV_ERR_VALUE},   /* see the next test: undocumented */
        {SOCINV_E_OVERFLOW, SV_ERR_NUM},   /* "a result too large to represent" */
        {SOCINV_E_NOMEM, SV_ERR_VALUE},    /* see the next test: undocumented */
        {SOCINV_E_PARSE, SV_ERR_VALUE},    /* text that is not a number: a type error */
        {SOCINV_E_NOTABLE, SV_ERR_NA},     /* nothing to compute from: no result */
    };
    assert_int_equal(N_OF(table), SOCINV_STATUS_MAX); /* a new status must be added here */
    for (size_t i = 0; i < N_OF(table); i++) {
        assert_int_equal((int)table[i].st, (int)i);
        if (sv_error_class_of(table[i].st) != table[i].cls) {
            print_error("%s -> class %d, expected %d\n", socinv_status_name(table[i].st),
                        (int)sv_error_class_of(table[i].st), (int)table[i].cls);
            fail();
        }
    }
}

/** Internal failures and unknown statuses are never shown as a result or as #N/A. */
static void test_error_class_internal_and_unknown(void **state)
{
    (void)state;
    const socinv_status internal[] = {SOCINV_E_BUFFER, SOCINV_E_NOMEM, SOCINV_STATUS_MAX,
                                      (socinv_status)(SOCINV_STATUS_MAX + 1), (socinv_status)1000,
                                      (socinv_status)-1};
    for (size_t i = 0; i < N_OF(internal); i++) {
        sv_error_class cls = sv_error_class_of(internal[i]);
        assert_int_not_equal(cls, SV_ERR_NONE);
        assert_int_not_equal(cls, SV_ERR_NA);
    }
}

/** What Calc shows for each class. */
static void test_error_class_names(void **state)
{
    (void)state;
    assert_string_equal(sv_error_class_name(SV_ERR_NONE), "");
    assert_string_equal(sv_error_class_name(SV_ERR_NA), "#N/A");
    assert_string_equal(sv_error_class_name(SV_ERR_VALUE), "#VALUE!");
    assert_string_equal(sv_error_class_name(SV_ERR_ILLEGAL), "Err:502");
    assert_string_equal(sv_error_class_name(SV_ERR_NUM), "#NUM!");
}

/** Results: number, bool (any nonzero is TRUE = 1), #N/A, text (truncated, NUL-terminated), matrix. */
static void test_results(void **state)
{
    (void)state;
    sv_call c;
    with(&c, NULL, 0);
    sv_set_number(&c, -1483.5);
    assert_int_equal(c.res.kind, SV_RES_NUMBER);
    assert_close(c.res.num, -1483.5, 0);
    sv_set_bool(&c, 5);
    assert_int_equal(c.res.kind, SV_RES_BOOL);
    assert_close(c.res.num, 1, 0);
    sv_set_bool(&c, 0);
    assert_close(c.res.num, 0, 0);
    sv_set_text(&c, "\xc3\xa5r %d: trykt %s", 3, "4850");
    assert_int_equal(c.res.kind, SV_RES_TEXT);
    assert_string_equal(c.res.text, "\xc3\xa5r 3: trykt 4850");
    char longer[400];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    sv_set_text(&c, "%s", longer);
    assert_int_equal(strlen(c.res.text), SV_RESULT_TEXT_MAX - 1);
    double *m = sv_set_matrix(&c, 2, 3);
    assert_non_null(m);
    assert_int_equal(c.res.kind, SV_RES_MATRIX);
    assert_int_equal(c.res.rows, 2);
    assert_int_equal(c.res.cols, 3);
    assert_ptr_equal(c.res.matrix, m);
    for (size_t i = 0; i < 6; i++)
        m[i] = (double)i;
    assert_null(sv_set_matrix(&c, 0, 3));
    assert_null(sv_set_matrix(&c, 3, 0));
    assert_null(sv_set_matrix(&c, SIZE_MAX, 2));
    sv_call_done(&c);
    assert_null(c.res.matrix);
}

/** Vector results follow the input's orientation; a pick returns one element or E_DOMAIN. */
static void test_vector_results(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {COL(NUM(1), NUM(2)), ROW(NUM(1), NUM(2)), N1(1), OMIT};
    with(&c, a, N_OF(a));
    assert_true(sv_is_column(&c, 0));
    assert_false(sv_is_column(&c, 1));
    assert_false(sv_is_column(&c, 2));
    assert_false(sv_is_column(&c, 3));
    const double v[] = {0, -720, -2720};
    assert_ok(sv_set_vector(&c, v, 3, 1));
    assert_int_equal(c.res.rows, 3);
    assert_int_equal(c.res.cols, 1);
    assert_close(c.res.matrix[2], -2720, 0);
    assert_ok(sv_set_vector(&c, v, 3, 0));
    assert_int_equal(c.res.rows, 1);
    assert_int_equal(c.res.cols, 3);
    assert_ok(sv_set_vector_or_pick(&c, v, 3, 0, 2));
    assert_int_equal(c.res.kind, SV_RES_NUMBER);
    assert_close(c.res.num, -720, 0);
    assert_ok(sv_set_vector_or_pick(&c, v, 3, 0, 0));
    assert_int_equal(c.res.kind, SV_RES_MATRIX);
    assert_status(sv_set_vector_or_pick(&c, v, 3, 0, 4), SOCINV_E_DOMAIN);
    assert_status(sv_set_vector_or_pick(&c, v, 3, 0, -1), SOCINV_E_DOMAIN);
    sv_call_done(&c);
}

/* ====================================================================================== */
/* ---- glue: PAYBACK ------------------------------------------------------------------------ */

#define S001 NUM(1511), NUM(-1130), NUM(-1551), NUM(-504)

/** Seed 001 row pays back in year 3 (cumulative 1511, 381, -1170); fractional 2 + 381/1551 = 2.245648. */
static void test_fn_payback(void **state)
{
    (void)state;
    assert_close(go_num("payback", ARGS(ROW(S001))), 3, 0);
    assert_close(go_num("payback", ARGS(COL(S001))), 3, 0);
    assert_close(go_num("payback", ARGS(ROW(S001), N1(1))), 2 + 381.0 / 1551.0, 1e-12);
    assert_close(go_num("payback", ARGS(ROW(S001), N1(1))), 2.245648, 1e-6);
    /* omitted and empty-cell optional arguments take the defaults */
    assert_close(go_num("payback", ARGS(ROW(S001), OMIT, BLANK, OMIT, BLANK, OMIT)), 3, 0);
    /* sign -1: 001 entered SØM-style (savings positive) */
    assert_close(go_num("payback", ARGS(ROW(NUM(-1511), NUM(1130), NUM(1551), NUM(504)), OMIT, OMIT, OMIT, N1(-1))),
                 3, 0);
}

/** Blanks: trailing ones are later years left blank (100, -10 repeats -10: 90 - 10j < 0 at
 * j = 10 -> 12); one inside counts as 0 (100, 0, -10: 90 - 10j < 0 at j = 10 -> 13). */
static void test_fn_payback_blanks(void **state)
{
    (void)state;
    assert_close(go_num("payback", ARGS(ROW(NUM(100), NUM(-10), EMP, EMP, EMP))), 12, 0);
    assert_close(go_num("payback", ARGS(ROW(NUM(100), EMP, NUM(-10)))), 13, 0);
}

/** Options: crossing 1 (-100, 200, -300: first met year 1, stays met from 3), extrapolate FALSE
 * (003 TV03 needs year 10, beyond the 6-year table: #N/A), horizon (001 by year 2: #N/A). */
static void test_fn_payback_options(void **state)
{
    (void)state;
    const sv_arg net[] = {ROW(NUM(-100), NUM(200), NUM(-300))};
    assert_close(go_num("payback", ARGS(net[0])), 1, 0);
    assert_close(go_num("payback", ARGS(net[0], OMIT, N1(1))), 3, 0);
    const sv_arg tv03 = ROW(NUM(700), NUM(9800), NUM(8000), NUM(7400), NUM(-4500), NUM(-4500));
    assert_close(go_num("payback", ARGS(tv03)), 10, 0);
    assert_status(go("payback", ARGS(tv03, OMIT, OMIT, N1(0))), SOCINV_NO_RESULT);
    assert_status(go("payback", ARGS(tv03, OMIT, OMIT, T1("FALSK"))), SOCINV_NO_RESULT);
    assert_status(go("payback", ARGS(tv03, OMIT, OMIT, T1("false"))), SOCINV_NO_RESULT);
    assert_int_equal(sv_error_class_of(SOCINV_NO_RESULT), SV_ERR_NA);
    assert_status(go("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, OMIT, N1(2))), SOCINV_NO_RESULT);
    assert_close(go_num("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, OMIT, N1(3))), 3, 0);
    /* never pays back: #N/A */
    assert_status(go("payback", ARGS(ROW(NUM(100), NUM(50)))), SOCINV_NO_RESULT);
}

/** Method 3 (fractional, reaching zero counts): 100, -60, -40 has cumulative 100, 40, 0;
 * without extrapolating, method 3 gives 2 + 40 / 40 = 3 and method 1 #N/A (never below
 * zero). PAYBACKDISC at 0 % on 100, -100, 50, -100 (cumulative 100, 0, 50, -50): 1 + 100/100 = 2. */
static void test_fn_payback_method3(void **state)
{
    (void)state;
    const sv_arg net = ROW(NUM(100), NUM(-60), NUM(-40));
    assert_close(go_num("payback", ARGS(net, N1(3), OMIT, T1("FALSE"))), 3, 0);
    assert_status(go("payback", ARGS(net, N1(1), OMIT, T1("FALSE"))), SOCINV_NO_RESULT);
    assert_close(go_num("paybackDisc", ARGS(ROW(NUM(100), NUM(-100), NUM(50), NUM(-100)), N1(0), N1(3))), 2, 0);
}

/* The column a portfolio call returned: rows x 1, each cell's status as expected
 * (SOCINV_OK cells hold `value`). */
static void assert_column(size_t rows, const socinv_status *status, const double *value)
{
    assert_int_equal(C.res.kind, SV_RES_MATRIX);
    assert_int_equal(C.res.rows, rows);
    assert_int_equal(C.res.cols, 1);
    for (size_t r = 0; r < rows; r++) {
        socinv_status got = C.res.cell_status ? C.res.cell_status[r] : SOCINV_OK;
        assert_status(got, status[r]);
        if (status[r] == SOCINV_OK)
            assert_close(C.res.matrix[r], value[r], 1e-6);
    }
}

/** The portfolio form: a block of rows (one business case per row, years across)
 * gives a column with each row's answer; a row without one shows its own error.
 *   row 1: 001, 1511 -1130 -1551 -504: cumulative 1511, 381, -1170 -> 3
 *   row 2: 100 50 (blank, blank): rising, never pays back -> #N/A (SOCINV_NO_RESULT)
 *   row 3: 100 "x": text -> #VALUE! (SOCINV_E_TYPE)
 *   row 4: all blank -> #VALUE! (SOCINV_E_LENGTH, as PAYBACK of an empty range)
 *   row 5: 2250 -800 -1450 -1800: 003 HA02, cumulative 2250, 1450, 0, -1800 -> 4
 * Method 1 on rows 1 and 5: 2 + 381 / 1551 = 2.245648 and 3 + 0 / 1800 = 3.
 * NPVSOC at 10 %, first value year 0, rows 100 -110 and 0 0 -121: 100 - 100 = 0,
 * -100; PAYBACKDISC at 0 % is the payback. No error anywhere: no status array. */
static void test_fn_portfolio(void **state)
{
    (void)state;
    const sv_arg block = MAT(5, 4, NUM(1511), NUM(-1130), NUM(-1551), NUM(-504),
                             NUM(100), NUM(50), EMP, EMP,
                             NUM(100), TXT("x"), EMP, EMP,
                             EMP, EMP, EMP, EMP,
                             NUM(2250), NUM(-800), NUM(-1450), NUM(-1800));
    const socinv_status st[] = {SOCINV_OK, SOCINV_NO_RESULT, SOCINV_E_TYPE, SOCINV_E_LENGTH, SOCINV_OK};
    assert_go_ok(go("payback", ARGS(block)));
    assert_column(5, st, DBL(3, 0, 0, 0, 4));
    assert_int_equal(sv_error_class_of(C.res.cell_status[1]), SV_ERR_NA);
    assert_int_equal(sv_error_class_of(C.res.cell_status[2]), SV_ERR_VALUE);
    assert_go_ok(go("payback", ARGS(block, N1(1))));
    assert_column(5, st, DBL(2.245648, 0, 0, 0, 3));
    assert_go_ok(go("paybackDisc", ARGS(block, N1(0))));
    assert_column(5, st, DBL(3, 0, 0, 0, 4));
    const sv_arg two = MAT(2, 3, NUM(100), NUM(-110), EMP, NUM(0), NUM(0), NUM(-121));
    assert_go_ok(go("npvSoc", ARGS(two, N1(0.1))));
    const socinv_status ok2[] = {SOCINV_OK, SOCINV_OK};
    assert_column(2, ok2, DBL(0, -100));
    assert_null(C.res.cell_status);
    /* a bad option is the whole call's error, not each row's */
    assert_status(go_err("payback", ARGS(block, N1(9))), SOCINV_E_DOMAIN);
    assert_status(go_err("npvSoc", ARGS(two, T1("XX2000"))), SOCINV_E_OPTION);
    /* one row or one column is the ordinary form */
    assert_close(go_num("payback", ARGS(COL(NUM(1511), NUM(-1130), NUM(-1551), NUM(-504)))), 3, 0);
}

/** TABLECHECK's portfolio form: printed holds one total row per case, rows each
 * case's lines in turn (4 rows, 2 cases: 2 lines each).
 *   case 1: 983 0 + 150 0 = 1133 0, printed 1133 0 -> 1
 *   case 2: 378 87 + 0 5 = 378 92, printed 378 90 -> "år 2: trykt 90, beregnet 92";
 *           output 1: year 2; output 2: 90 - 92 = -2
 * A third case with NaN -> its own #NUM!; 5 rows for 2 cases -> #VALUE! (shape). */
static void test_fn_table_check_portfolio(void **state)
{
    (void)state;
    const sv_arg rows = MAT(4, 2, NUM(983), NUM(0), NUM(150), NUM(0), NUM(378), NUM(87), NUM(0), NUM(5));
    const sv_arg printed = MAT(2, 2, NUM(1133), NUM(0), NUM(378), NUM(90));
    const socinv_status ok2[] = {SOCINV_OK, SOCINV_OK};
    assert_go_ok(go("tableCheck", ARGS(rows, printed)));
    assert_column(2, ok2, DBL(1, 0));
    assert_non_null(C.res.cell_text);
    assert_null(C.res.cell_text[0]);
    assert_string_equal(C.res.cell_text[1], "\xc3\xa5r 2: trykt 90, beregnet 92");
    assert_go_ok(go("tableCheck", ARGS(rows, printed, OMIT, N1(1))));
    assert_column(2, ok2, DBL(0, 2));
    assert_null(C.res.cell_text);
    assert_go_ok(go("tableCheck", ARGS(rows, printed, OMIT, N1(2))));
    assert_column(2, ok2, DBL(0, -2));
    const sv_arg rows3 = MAT(6, 2, NUM(983), NUM(0), NUM(150), NUM(0), NUM(378), NUM(87), NUM(0), NUM(5),
                             NUM(1), NUM(NAN), NUM(2), NUM(3));
    const sv_arg printed3 = MAT(3, 2, NUM(1133), NUM(0), NUM(378), NUM(92), NUM(3), NUM(3));
    const socinv_status st3[] = {SOCINV_OK, SOCINV_OK, SOCINV_E_NONFINITE};
    assert_go_ok(go("tableCheck", ARGS(rows3, printed3, OMIT, N1(1))));
    assert_column(3, st3, DBL(0, 0, 0));
    const sv_arg rows5 = MAT(5, 2, NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1));
    assert_status(go_err("tableCheck", ARGS(rows5, printed)), SOCINV_E_SHAPE);
}

/** PAYBACK bad input: each argument. */
static void test_fn_payback_invalid(void **state)
{
    (void)state;
    assert_status(go_err("payback", ARGS(ROW(NUM(1511), TXT("-1.130")))), SOCINV_E_TYPE);
    assert_status(go_err("payback", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("payback", ARGS(ROW(EMP, EMP))), SOCINV_E_LENGTH);
    /* a 2-D range is the portfolio form since issue 13 (was E_SHAPE): test_fn_portfolio */
    assert_go_ok(go("payback", ARGS(MAT(2, 2, NUM(1), NUM(-2), NUM(3), NUM(-4)))));
    assert_status(go_err("payback", ARGS(ROW(NUM(1), NUM(NAN)))), SOCINV_E_NONFINITE);
    assert_status(go_err("payback", ARGS(ROW(S001), N1(4))), SOCINV_E_DOMAIN); /* methods are 0-3 (3 since issue 13) */
    assert_status(go_err("payback", ARGS(ROW(S001), N1(0.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), T1("fractional"))), SOCINV_E_TYPE);
    assert_status(go_err("payback", ARGS(ROW(S001), ROW(NUM(1), NUM(0)))), SOCINV_E_SHAPE);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, T1("final"))), SOCINV_E_TYPE);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, T1("maybe"))), SOCINV_E_OPTION);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, N1(0))), SOCINV_E_OPTION);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, N1(-2))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, OMIT, N1(0))), SOCINV_E_DOMAIN);
    assert_status(go_err("payback", ARGS(ROW(S001), OMIT, OMIT, OMIT, OMIT, N1(10001))), SOCINV_E_DOMAIN);
}

/* ---- glue: PAYBACKDISC ------------------------------------------------------------------------ */

#define P55 NUM(100), NUM(-55), NUM(-55)

/** 100, -55, -55 at 10 %: cumulative 100, 50, 4.545, -36.777 (the last -55 repeated, /1.331) -> 4;
 * fractional 3 + 4.545455/41.322314 = 3.11; first_year 1 scales every value by 1/1.1: same year. */
static void test_fn_payback_disc(void **state)
{
    (void)state;
    assert_close(go_num("paybackDisc", ARGS(ROW(P55), N1(0.1))), 4, 0);
    assert_close(go_num("paybackDisc", ARGS(ROW(P55), N1(0.1), N1(1))), 3.11, 1e-9);
    assert_close(go_num("paybackDisc", ARGS(ROW(P55), N1(0.1), OMIT, N1(1))), 4, 0);
    assert_close(go_num("paybackDisc", ARGS(ROW(P55), N1(0.1), N1(1), N1(1))), 3.11, 1e-9);
    /* bands (from year, rate): 10 % for years 1-49 covers the whole crossing */
    assert_close(go_num("paybackDisc", ARGS(ROW(P55), MAT(2, 2, NUM(1), NUM(0.1), NUM(50), NUM(0.05)))), 4, 0);
    /* 001 at DK2021 (the default, and by name): 1511, 419.2, -1028.7 -> 3 */
    assert_close(go_num("paybackDisc", ARGS(ROW(S001))), 3, 0);
    assert_close(go_num("paybackDisc", ARGS(ROW(S001), T1("dk2021"))), 3, 0);
    assert_close(go_num("paybackDisc", ARGS(ROW(S001), BLANK)), 3, 0);
    /* 1000 owed, -30 a year at 10 % is worth at most 300: #N/A */
    assert_status(go("paybackDisc", ARGS(ROW(NUM(1000), NUM(-30)), N1(0.1))), SOCINV_NO_RESULT);
}

/** PAYBACKDISC bad input: each argument, the schedule in all its forms. */
static void test_fn_payback_disc_invalid(void **state)
{
    (void)state;
    assert_status(go_err("paybackDisc", ARGS(ROW(NUM(100), TXT("x")))), SOCINV_E_TYPE);
    assert_status(go_err("paybackDisc", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), T1("DK2020"))), SOCINV_E_OPTION);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(-1))), SOCINV_E_RATE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(-1.5))), SOCINV_E_RATE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(NAN))), SOCINV_E_NONFINITE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), MAT(1, 3, NUM(1), NUM(0.1), NUM(2)))), SOCINV_E_SHAPE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), COL(NUM(0.1), NUM(0.05)))), SOCINV_E_SHAPE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), MAT(2, 2, NUM(1), NUM(0.1), TXT("36"), NUM(0.05)))),
                  SOCINV_E_TYPE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), MAT(2, 2, NUM(2), NUM(0.1), NUM(36), NUM(0.05)))),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), MAT(2, 2, NUM(1), NUM(0.1), NUM(36), NUM(-1)))),
                  SOCINV_E_RATE);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), MAT(2, 2, EMP, EMP, EMP, EMP))), SOCINV_E_LENGTH);
    static sv_cell bands17[34];
    for (size_t r = 0; r < 17; r++) {
        bands17[2 * r] = (sv_cell){SV_NUMBER, (double)(r + 1), NULL, 0};
        bands17[2 * r + 1] = (sv_cell){SV_NUMBER, 0.01, NULL, 0};
    }
    const sv_arg many = {0, 17, 2, bands17};
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), many)), SOCINV_E_LENGTH);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(0.1), N1(4))), SOCINV_E_DOMAIN); /* methods are 0-3 */
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(0.1), OMIT, N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(0.1), OMIT, OMIT, N1(0))), SOCINV_E_OPTION);
    assert_status(go_err("paybackDisc", ARGS(ROW(P55), N1(0.1), OMIT, OMIT, OMIT, N1(0))), SOCINV_E_DOMAIN);
}

/* ---- glue: NETIMPACT -------------------------------------------------------------------------- */

/* Seed 001 table 1.1 (2018-2021): three permanent rows, three implementation rows; blank
 * cells as Calc delivers them (the printed "-" entered as a blank). */
#define T001_AMOUNTS                                                                   \
    MAT(6, 4, NUM(0), NUM(-1002), NUM(-1127), EMP, NUM(0), NUM(0), NUM(0), EMP,       \
        EMP, NUM(-215), NUM(-504), NUM(-504), NUM(983), EMP, EMP, EMP,                 \
        NUM(150), EMP, EMP, EMP, NUM(378), NUM(87), NUM(80), NUM(0))
#define T001_AREAS                                                                     \
    COL(TXT("Service"), TXT("Efterspørgselsst yret indsats"), TXT("Overførsler"),    \
        TXT("Service"), TXT("Service"), TXT("Service"))
#define T001_KINDS COL(TXT("V"), TXT("V"), TXT("V"), TXT("I"), TXT("I"), TXT("I"))

/** 001 on the total basis: 1511 = 983 + 150 + 378; -1130 = -1002 - 215 + 87; -1551 = -1127 - 504 + 80;
 * -504 (the printed 'Samlet økonomisk påvirkning'). Service basis drops Overførsler:
 * 1511, -1002 + 87 = -915, -1127 + 80 = -1047, 0. */
static void test_fn_net_impact_seed001(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS)));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("service"))));
    assert_result_matrix(1, 4, DBL(1511, -915, -1047, 0), 1e-9);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("total"), N1(2))), -1130, 1e-9);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("service"), N1(2))), -915, 1e-9);
    /* parts: 'Samlet varig ændring' 0, -1217, -1631, -504; implementation 1511, 87, 80, 0 */
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("V"))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("I"))));
    assert_result_matrix(1, 4, DBL(1511, 87, 80, 0), 1e-9);
    /* a list of areas: only Overførsler among the permanent rows: 1511, -215 + 87 = -128,
     * -504 + 80 = -424, -504 */
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("Overførsler"))));
    assert_result_matrix(1, 4, DBL(1511, -128, -424, -504), 1e-9);
    /* areas are not needed on the total basis */
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, OMIT, T001_KINDS, OMIT, N1(3))), -1551, 1e-9);
}

/** Every keyword argument goes through one reader (sv_keyword), so case never
 * matters: NETIMPACT's part "Net" and "NETTO" were Err:502 (compared
 * case-sensitively), now the net row 1511, -1130, -1551, -504; "v" and "Varig" the
 * permanent 0, -1217, -1631, -504; the numbers 0-2 (documented now) as the words;
 * 3 is Err:502, " " (no word) Err:502. SIBPAYOUT's "PRORATA", "År" (UTF-8 capital
 * Å) and PAYBACK's "SAND" likewise. */
static void test_keywords_ignore_case(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("Net"))));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("NETTO"))));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("Varig"))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, N1(1))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1(" "))), SOCINV_E_OPTION);
    /* Herning unlimited (see test_fn_sib_payout): year 1 pays 2 + 0.66 = 2.66 */
    const sv_arg earned = MAT(5, 3, NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10),
                              NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10));
    const sv_arg crit = COL(NUM(5.58), NUM(2), NUM(3), NUM(1), NUM(1));
    const sv_arg groups = COL(NUM(1), NUM(1), NUM(1), NUM(2), NUM(2));
    const sv_arg gcaps = COL(NUM(2), NUM(0.66));
    assert_go_ok(go("sibPayout", ARGS(earned, crit, groups, gcaps, N1(5.58), OMIT, T1("PRORATA"), OMIT,
                                      T1("\xc3\x85r"), N1(1))));
    assert_close(C.res.num, 2.66, 1e-9);
    assert_go_ok(go("sibPayout", ARGS(earned, crit, groups, gcaps, N1(5.58), OMIT, N1(0), OMIT, N1(1), N1(1))));
    assert_close(C.res.num, 2.66, 1e-9);
    const sv_arg tv03 = ROW(NUM(700), NUM(9800), NUM(8000), NUM(7400), NUM(-4500), NUM(-4500));
    assert_close(go_num("payback", ARGS(tv03, OMIT, OMIT, T1("SAND"))), 10, 0);
}

/** Randers (004) 'Digital først': -200 gain + 200 investment + 50 pool = 50 in 2024, then
 * -475 + 50 = -425, -575 + 50 = -525, -775 + 50 = -725 (the printed 'Forventet effekt'). */
static void test_fn_net_impact_seed004(void **state)
{
    (void)state;
    const sv_arg amounts = MAT(3, 4, NUM(-200), NUM(-475), NUM(-575), NUM(-775), NUM(200), EMP, EMP, EMP,
                               NUM(50), NUM(50), NUM(50), NUM(50));
    const sv_arg areas = COL(TXT("Service"), TXT("Service"), TXT("Service"));
    const sv_arg kinds = COL(TXT("varig"), TXT("implementering"), TXT("I"));
    assert_close(go_num("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(1))), 50, 0);
    assert_go_ok(go("netImpact", ARGS(amounts, areas, kinds)));
    assert_result_matrix(1, 4, DBL(50, -425, -525, -725), 0);
}

/** NETIMPACT bad input: each argument. */
static void test_fn_net_impact_invalid(void **state)
{
    (void)state;
    const sv_arg amounts = MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4));
    const sv_arg areas = COL(TXT("Service"), TXT("Anlæg"));
    const sv_arg kinds = COL(TXT("V"), TXT("I"));
    /* kinds left out means "read the first argument as a whole table": areas make no sense then */
    assert_status(go_err("netImpact", ARGS(amounts, areas, OMIT)), SOCINV_E_SHAPE);
    /* ... and bare amounts are no business-case table (#N/A) */
    assert_status(go_err("netImpact", ARGS(amounts)), SOCINV_E_NOTABLE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V")))), SOCINV_E_SHAPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V"), TXT("X")))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V"), NUM(1)))), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service"), TXT("Mars")), kinds)), SOCINV_E_AREA);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service")), kinds)), SOCINV_E_SHAPE);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service"), NUM(2)), kinds)), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, T1("everything"))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, N1(1))), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(1.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, OMIT, T1("gross"))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(MAT(2, 2, NUM(1), TXT("2"), NUM(3), NUM(4)), areas, kinds)),
                  SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(OMIT, areas, kinds)), SOCINV_E_LENGTH);
    /* the service basis needs the area of every permanent row (implementation rows count whatever
     * their area) */
    assert_status(go_err("netImpact", ARGS(amounts, OMIT, kinds, T1("service"))), SOCINV_E_AREA);
    assert_status(go_err("netImpact", ARGS(amounts, COL(EMP, TXT("Anlæg")), kinds, T1("service"))),
                  SOCINV_E_AREA);
    /* a blank area on the implementation row is fine: permanent 1 + implementation 3 = 4 in year 1 */
    assert_close(go_num("netImpact", ARGS(amounts, COL(TXT("Service"), EMP), kinds, T1("service"), N1(1))), 4, 0);
}

/* A minimal printed table, as in the table's CASECHECK examples: header row with the years,
 * one implementation line of 100 (2024) and 0 (2025), and the printed net row. */
#define CC_TABLE(net2025)                                                                          \
    MAT(4, 4, TXT("1.000 kr."), TXT("Styringsområde"), NUM(2024), NUM(2025),                      \
        TXT("Implementeringsomkostninger"), EMP, EMP, EMP, TXT("Kurser"), TXT("Service"), NUM(100), \
        NUM(0), TXT("Samlet økonomisk påvirkning"), EMP, NUM(100), NUM(net2025))

/** NETIMPACT over a whole table (kinds left out): the one line gives 100, 0; year 1 picks 100. */
static void test_fn_net_impact_whole_table(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(CC_TABLE(0))));
    assert_result_matrix(1, 2, DBL(100, 0), 0);
    assert_close(go_num("netImpact", ARGS(CC_TABLE(0), OMIT, OMIT, OMIT, N1(1))), 100, 0);
    assert_status(go_err("netImpact", ARGS(CC_TABLE(0), OMIT, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
}

/* ---- glue: TABLECHECK ------------------------------------------------------------------------- */

/* 003 TV04: permanent and implementation subtotals and the printed net row, 2024-2029. */
#define TV04_ROWS                                                                                     \
    MAT(2, 6, NUM(0), NUM(-1900), NUM(-2450), NUM(-2800), NUM(-2900), NUM(-2900), NUM(350), NUM(7850), \
        NUM(6200), NUM(4550), NUM(0), NUM(0))
#define TV04_PRINTED ROW(NUM(350), NUM(5950), NUM(4850), NUM(3950), NUM(-2900), NUM(-2900))

/** TV04's printed 2026 total 4850 is not -2450 + 6200 = 3750: the first mismatch is year 3,
 * difference 4850 - 3750 = 1100. The corrected row (3750, -2800 + 4550 = 1750) is TRUE. */
static void test_fn_table_check(void **state)
{
    (void)state;
    assert_go_ok(go("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED)));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    /* CASECHECK's number format (issue 14: was "trykt 4850") */
    assert_string_equal(C.res.text, "\xc3\xa5r 3: trykt 4.850, beregnet 3.750");
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(1))), 3, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(2))), 1100, 0);
    const sv_arg fixed = ROW(NUM(350), NUM(5950), NUM(3750), NUM(1750), NUM(-2900), NUM(-2900));
    assert_go_ok(go("tableCheck", ARGS(TV04_ROWS, fixed)));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, fixed, OMIT, N1(1))), 0, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, fixed, OMIT, N1(2))), 0, 0);
}

/** 001 implementation costs: 983 + 150 + 378 = 1511, 87, 80, 0 agree; 1511.4 is within the
 * default 0.5, 1511.6 is not (shown with a decimal comma), unless the tolerance is 1. */
static void test_fn_table_check_tolerance(void **state)
{
    (void)state;
    const sv_arg rows = MAT(3, 4, NUM(983), EMP, EMP, EMP, NUM(150), EMP, EMP, EMP, NUM(378), NUM(87), NUM(80),
                            NUM(0));
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    /* a blank printed last year is 0 = 0 */
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511), NUM(87), NUM(80), EMP))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.4), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.6), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    assert_string_equal(C.res.text, "\xc3\xa5r 1: trykt 1.511,6, beregnet 1.511");
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.6), NUM(87), NUM(80), NUM(0)), N1(1))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
}

/** TABLECHECK bad input: each argument. */
static void test_fn_table_check_invalid(void **state)
{
    (void)state;
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, ROW(NUM(350), NUM(5950), NUM(4850)))), SOCINV_E_SHAPE);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, T1("0,5"))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), TXT("x")), ROW(NUM(1), NUM(2)))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), NUM(2)), ROW(NUM(1), TXT("2")))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(OMIT, ROW(NUM(1)))), SOCINV_E_LENGTH);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), NUM(2)), OMIT)), SOCINV_E_LENGTH);
}

/* ---- glue: CASECHECK -------------------------------------------------------------------------- */

/** The printed 2025 net 5 is not the line's 0: the first error in the audit's words; with 0 it is TRUE;
 * output 1 counts the errors (1, then 0); a tolerance of 10 accepts the difference of 5. */
static void test_fn_case_check(void **state)
{
    (void)state;
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(5))));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    assert_string_equal(C.res.text, "Samlet økonomisk påvirkning 2025: trykt 5, beregnet 0");
    assert_close(go_num("caseCheck", ARGS(CC_TABLE(5), OMIT, N1(1))), 1, 0);
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(0))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    assert_close(go_num("caseCheck", ARGS(CC_TABLE(0), OMIT, N1(1))), 0, 0);
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(5), N1(10))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
}

/** CASECHECK bad input: each argument; a range that is no table is #N/A. */
static void test_fn_case_check_invalid(void **state)
{
    (void)state;
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), T1("0,5"))), SOCINV_E_TYPE);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), OMIT, T1("errors"))), SOCINV_E_TYPE);
    assert_status(go_err("caseCheck", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("caseCheck", ARGS(MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)))), SOCINV_E_NOTABLE);
    assert_int_equal(sv_error_class_of(SOCINV_E_NOTABLE), SV_ERR_NA);
}

/* ---- glue: SIBPAYOUT ------------------------------------------------------------------------------ */

#define TEN3 NUM(10), NUM(10), NUM(10)
#define H_EARNED MAT(5, 3, TEN3, TEN3, TEN3, TEN3, TEN3)
#define H_CCAPS COL(NUM(5.58), NUM(2), NUM(3), NUM(1), NUM(1))
#define H_GROUPS COL(NUM(1), NUM(1), NUM(1), NUM(2), NUM(2))
#define H_GCAPS COL(NUM(2), NUM(0.66))
#define H_TOTAL N1(5.58)
#define HERNING H_EARNED, H_CCAPS, H_GROUPS, H_GCAPS, H_TOTAL

/* Herning, every criterion earning 10 a year, pro rata (worked out in test_sib.c):
 * years 2.66, 2.66, 0.26; criteria 2 a + a f, with a = 2 x (5.58, 2, 3)/10.58, f = 0.26/2.66,
 * and 0.66 + 0.33 f for criteria 4-5. */
#define A1 (2 * 5.58 / 10.58)
#define A2 (2 * 2 / 10.58)
#define A3 (2 * 3 / 10.58)
#define F3 (0.26 / 2.66)

/** Herning unlimited: 5.58 in total, 2.66 in year 1 (the table's examples), per year and per criterion. */
static void test_fn_sib_payout(void **state)
{
    (void)state;
    assert_close(go_num("sibPayout", ARGS(HERNING)), 5.58, 1e-12);
    assert_close(go_num("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("year"), N1(1))), 2.66, 1e-12);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("year"))));
    assert_result_matrix(1, 3, DBL(2.66, 2.66, 0.26), 1e-12);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("criterion"))));
    assert_result_matrix(5, 1, DBL(2 * A1 + A1 * F3, 2 * A2 + A2 * F3, 2 * A3 + A3 * F3, 0.66 + 0.33 * F3,
                                   0.66 + 0.33 * F3), 1e-12);
    /* 2.212744 for criterion 1 */
    assert_close(go_num("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("criterion"), OMIT, N1(1))), 2.212744, 1e-6);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("matrix"))));
    assert_result_matrix(5, 3, DBL(A1, A1, A1 * F3, A2, A2, A2 * F3, A3, A3, A3 * F3, 0.33, 0.33, 0.33 * F3, 0.33,
                                   0.33, 0.33 * F3), 1e-12);
    /* one cell: criterion 4, year 3 = 0.33 x 0.26/2.66 = 0.032256 */
    assert_close(go_num("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("matrix"), N1(3), N1(4))), 0.032256, 1e-6);
}

/** Cuts come as criteria x years like "matrix": all caps remove 150 - 5.58 = 144.42; the total cap
 * only year 3's 2.66 - 0.26 = 2.4; group caps in year 1 remove (10.58 - 2) + (2 - 0.66) = 9.92;
 * criterion caps in year 1 remove 10 - 5.58, 10 - 2, 10 - 3, 10 - 1, 10 - 1 = 4.42, 8, 7, 9, 9. */
static void test_fn_sib_payout_cuts(void **state)
{
    (void)state;
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("cut"))));
    assert_int_equal(C.res.rows, 5);
    assert_int_equal(C.res.cols, 3);
    assert_close(result_sum(), 144.42, 1e-9);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("cuttotal"))));
    assert_close(result_sum(), 2.4, 1e-12);
    assert_close(C.res.matrix[0 * 3 + 2], A1 * (1 - F3), 1e-12); /* criterion 1, year 3 */
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("cutgroup"), N1(1))));
    assert_int_equal(C.res.rows, 5);
    assert_int_equal(C.res.cols, 1);
    assert_close(result_sum(), 9.92, 1e-12);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("cutcriterion"), N1(1))));
    assert_result_matrix(5, 1, DBL(4.42, 8, 7, 9, 9), 1e-12);
    /* one cell: criterion 4's year-2 criterion cut, 10 - (1 - 0.33) = 9.33 (pro rata paid 0.33 in year 1) */
    assert_close(go_num("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("cutcriterion"), N1(2), N1(4))), 9.33,
                 1e-12);
}

/** Allocation "order" (also Danish, or 1): criteria 4.26, 0, 0, 1.00, 0.32 (see test_sib.c). */
static void test_fn_sib_payout_order(void **state)
{
    (void)state;
    const double expected[] = {4.26, 0, 0, 1.0, 0.32};
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, T1("order"), OMIT, T1("criterion"))));
    assert_result_matrix(5, 1, expected, 1e-12);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, T1("Rækkefølge"), OMIT, T1("criterion"))));
    assert_result_matrix(5, 1, expected, 1e-12);
    assert_go_ok(go("sibPayout", ARGS(HERNING, OMIT, N1(1), OMIT, T1("criterion"))));
    assert_result_matrix(5, 1, expected, 1e-12);
    assert_close(go_num("sibPayout", ARGS(HERNING, OMIT, T1("prorata"), OMIT, T1("criterion"), OMIT, N1(1))),
                 2.212744, 1e-6);
}

/** Index 1, 1.02, 1.0404: caps counted in base prices, paid in current prices:
 * 2.66 + 2.66 x 1.02 + 0.26 x 1.0404 = 5.643704. */
static void test_fn_sib_payout_index(void **state)
{
    (void)state;
    assert_close(go_num("sibPayout", ARGS(HERNING, ROW(NUM(1), NUM(1.02), NUM(1.0404)))), 5.643704, 1e-9);
    assert_close(go_num("sibPayout", ARGS(HERNING, COL(NUM(1), NUM(1.02), NUM(1.0404)), OMIT, OMIT, T1("year"),
                                          N1(2))),
                 2.66 * 1.02, 1e-12);
}

/** Carry and blank criterion caps: one group (cap 2 a year), earned 0.5, 3, 3 and 0, 0, 1:
 * no carry 0.5 + 2 + 2 = 4.5; carry 0.5 + 3 + 2.5 = 6 (= 3 x 2). */
static void test_fn_sib_payout_carry(void **state)
{
    (void)state;
    const sv_arg earned = MAT(2, 3, NUM(0.5), NUM(3), NUM(3), NUM(0), NUM(0), NUM(1));
    const sv_arg nocaps = COL(EMP, EMP);
    const sv_arg groups = COL(NUM(1), NUM(1));
    assert_close(go_num("sibPayout", ARGS(earned, nocaps, groups, N1(2))), 4.5, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, nocaps, groups, N1(2), OMIT, OMIT, OMIT, T1("FALSK"))), 4.5, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, nocaps, groups, N1(2), OMIT, OMIT, OMIT, N1(1))), 6, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, nocaps, groups, N1(2), OMIT, OMIT, OMIT, T1("sand"))), 6, 1e-12);
}

/** Cap mode: criterion cap 1, earned 1.5, 0.5, 2: over the period 1; per year 1 + 0.5 + 1 = 2.5.
 * (A roomy group 1 with cap 100 keeps group caps out of it.) */
static void test_fn_sib_payout_capmode(void **state)
{
    (void)state;
    const sv_arg earned = MAT(1, 3, NUM(1.5), NUM(0.5), NUM(2));
    assert_close(go_num("sibPayout", ARGS(earned, N1(1), N1(1), N1(100))), 1, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, N1(1), N1(1), N1(100), OMIT, OMIT, OMIT, OMIT, OMIT, OMIT, OMIT,
                                          T1("annual"))),
                 2.5, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, N1(1), N1(1), N1(100), OMIT, OMIT, OMIT, OMIT, OMIT, OMIT, OMIT,
                                          T1("period"))),
                 1, 1e-12);
}

/** Groups: "0 or blank = no group". Two ungrouped criteria earning 3 and 4 with no group caps
 * given (blank) are paid 7 in full; a grouped one next to an ungrouped one: group cap 1 -> 1 + 4 = 5. */
static void test_fn_sib_payout_no_group(void **state)
{
    (void)state;
    const sv_arg earned = MAT(2, 1, NUM(3), NUM(4));
    assert_close(go_num("sibPayout", ARGS(earned, COL(EMP, EMP), COL(NUM(1), EMP), N1(1))), 5, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, COL(EMP, EMP), COL(NUM(1), NUM(0)), N1(1))), 5, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, COL(EMP, EMP), COL(NUM(0), NUM(0)), BLANK)), 7, 1e-12);
    assert_close(go_num("sibPayout", ARGS(earned, COL(EMP, EMP), COL(EMP, EMP), BLANK)), 7, 1e-12);
}

/** SIBPAYOUT bad input: each argument. */
static void test_fn_sib_payout_invalid(void **state)
{
    (void)state;
    assert_status(go_err("sibPayout", ARGS(MAT(5, 3, TEN3, TEN3, TEN3, TEN3, NUM(10), TXT("x"), NUM(10)), H_CCAPS,
                                           H_GROUPS, H_GCAPS, H_TOTAL)),
                  SOCINV_E_TYPE);
    assert_status(go_err("sibPayout", ARGS(OMIT, H_CCAPS, H_GROUPS, H_GCAPS, H_TOTAL)), SOCINV_E_LENGTH);
    /* criterion caps: too few, text, negative, extra non-empty */
    assert_status(go_err("sibPayout", ARGS(H_EARNED, COL(NUM(5.58), NUM(2), NUM(3), NUM(1)), H_GROUPS, H_GCAPS,
                                           H_TOTAL)),
                  SOCINV_E_SHAPE);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, COL(NUM(5.58), NUM(2), TXT("3"), NUM(1), NUM(1)), H_GROUPS,
                                           H_GCAPS, H_TOTAL)),
                  SOCINV_E_TYPE);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, COL(NUM(5.58), NUM(2), NUM(-3), NUM(1), NUM(1)), H_GROUPS,
                                           H_GCAPS, H_TOTAL)),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, COL(NUM(5.58), NUM(2), NUM(3), NUM(1), NUM(1), NUM(9)),
                                           H_GROUPS, H_GCAPS, H_TOTAL)),
                  SOCINV_E_SHAPE);
    /* groups: count, fraction, negative, text */
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, COL(NUM(1), NUM(1), NUM(1), NUM(2)), H_GCAPS,
                                           H_TOTAL)),
                  SOCINV_E_SHAPE);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, COL(NUM(1), NUM(1), NUM(1.5), NUM(2), NUM(2)),
                                           H_GCAPS, H_TOTAL)),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, COL(NUM(1), NUM(1), NUM(-1), NUM(2), NUM(2)),
                                           H_GCAPS, H_TOTAL)),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, COL(NUM(1), NUM(1), TXT("A"), NUM(2), NUM(2)),
                                           H_GCAPS, H_TOTAL)),
                  SOCINV_E_TYPE);
    /* group caps: too few for group 2, negative, text */
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, N1(2), H_TOTAL)), SOCINV_E_SHAPE);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, COL(NUM(2), NUM(-0.66)), H_TOTAL)),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, COL(NUM(2), TXT("0,66")), H_TOTAL)),
                  SOCINV_E_TYPE);
    /* total cap */
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, H_GCAPS, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, H_GCAPS, T1("5,58"))), SOCINV_E_TYPE);
    assert_status(go_err("sibPayout", ARGS(H_EARNED, H_CCAPS, H_GROUPS, H_GCAPS, ROW(NUM(5.58), NUM(1)))),
                  SOCINV_E_SHAPE);
    /* index: length, zero, text */
    assert_status(go_err("sibPayout", ARGS(HERNING, ROW(NUM(1), NUM(1.02)))), SOCINV_E_SHAPE);
    assert_status(go_err("sibPayout", ARGS(HERNING, ROW(NUM(1), NUM(0), NUM(1.04)))), SOCINV_E_INDEX);
    assert_status(go_err("sibPayout", ARGS(HERNING, ROW(NUM(1), NUM(-1), NUM(1.04)))), SOCINV_E_INDEX);
    assert_status(go_err("sibPayout", ARGS(HERNING, ROW(NUM(1), TXT("1,02"), NUM(1.04)))), SOCINV_E_TYPE);
    /* keywords and picks */
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, T1("random"))), SOCINV_E_OPTION);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, T1("maybe"))), SOCINV_E_OPTION);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, T1("everything"))), SOCINV_E_OPTION);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, N1(8))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, OMIT, N1(4))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, OMIT, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, OMIT, OMIT, N1(6))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, OMIT, OMIT, OMIT, T1("weekly"))),
                  SOCINV_E_OPTION);
    assert_status(go_err("sibPayout", ARGS(HERNING, OMIT, OMIT, OMIT, OMIT, OMIT, OMIT, N1(2))), SOCINV_E_DOMAIN);
}

/* ---- glue: SIBDECREASE, REFUNDNET, CASEPRICE, SIBUNCOVERED ------------------------------------------ */

/** 100, 90, 95, 80 -> 10, -5, 15 (a row in, a row out; a column in, a column out); floor0 -> 10, 0, 15;
 * fixed baseline 100 for 90, 95, 80 -> 10, 5, 20. */
static void test_fn_sib_decrease(void **state)
{
    (void)state;
    const sv_arg row = ROW(NUM(100), NUM(90), NUM(95), NUM(80));
    assert_go_ok(go("sibDecrease", ARGS(row)));
    assert_result_matrix(1, 3, DBL(10, -5, 15), 0);
    assert_go_ok(go("sibDecrease", ARGS(COL(NUM(100), NUM(90), NUM(95), NUM(80)))));
    assert_result_matrix(3, 1, DBL(10, -5, 15), 0);
    assert_close(go_num("sibDecrease", ARGS(row, OMIT, OMIT, N1(2))), -5, 0);
    assert_close(go_num("sibDecrease", ARGS(row, OMIT, T1("SAND"), N1(2))), 0, 0);
    assert_go_ok(go("sibDecrease", ARGS(row, BLANK, N1(1))));
    assert_result_matrix(1, 3, DBL(10, 0, 15), 0);
    assert_go_ok(go("sibDecrease", ARGS(ROW(NUM(90), NUM(95), NUM(80)), N1(100))));
    assert_result_matrix(1, 3, DBL(10, 5, 20), 0);
    assert_close(go_num("sibDecrease", ARGS(ROW(NUM(90), NUM(95), NUM(80)), N1(100), OMIT, N1(3))), 20, 0);
}

/** SIBDECREASE bad input: each argument. */
static void test_fn_sib_decrease_invalid(void **state)
{
    (void)state;
    const sv_arg row = ROW(NUM(100), NUM(90), NUM(95), NUM(80));
    assert_status(go_err("sibDecrease", ARGS(N1(100))), SOCINV_E_LENGTH); /* one value, nothing before it */
    assert_status(go_err("sibDecrease", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("sibDecrease", ARGS(ROW(NUM(100), TXT("90")))), SOCINV_E_TYPE);
    assert_status(go_err("sibDecrease", ARGS(MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)))), SOCINV_E_SHAPE);
    assert_status(go_err("sibDecrease", ARGS(row, T1("prev"))), SOCINV_E_TYPE);
    assert_status(go_err("sibDecrease", ARGS(row, N1(NAN))), SOCINV_E_NONFINITE);
    assert_status(go_err("sibDecrease", ARGS(row, OMIT, T1("maybe"))), SOCINV_E_OPTION);
    assert_status(go_err("sibDecrease", ARGS(row, OMIT, OMIT, N1(4))), SOCINV_E_DOMAIN); /* 3 falls */
    assert_status(go_err("sibDecrease", ARGS(row, OMIT, OMIT, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("sibDecrease", ARGS(row, N1(100), OMIT, N1(5))), SOCINV_E_DOMAIN); /* 4 falls */
}

/** After the 50 % state refund: 1000 -> 500; criterion 2's 2.0 -> 1.0; no refund keeps the amount. */
static void test_fn_refund_net(void **state)
{
    (void)state;
    assert_close(go_num("refundNet", ARGS(N1(1000), N1(0.5))), 500, 0);
    assert_close(go_num("refundNet", ARGS(N1(2.0), N1(0.5))), 1.0, 0);
    assert_close(go_num("refundNet", ARGS(N1(-300), N1(0))), -300, 0);
}

/** REFUNDNET bad input. */
static void test_fn_refund_net_invalid(void **state)
{
    (void)state;
    assert_status(go_err("refundNet", ARGS(N1(1000), N1(1.5))), SOCINV_E_SHARE);
    assert_status(go_err("refundNet", ARGS(N1(1000), N1(-0.5))), SOCINV_E_SHARE);
    assert_status(go_err("refundNet", ARGS(N1(1000), N1(INFINITY))), SOCINV_E_NONFINITE);
    assert_status(go_err("refundNet", ARGS(T1("1000"), N1(0.5))), SOCINV_E_TYPE);
    assert_status(go_err("refundNet", ARGS(ROW(NUM(1), NUM(2)), N1(0.5))), SOCINV_E_SHAPE);
    assert_status(go_err("refundNet", ARGS(N1(NAN), N1(0.5))), SOCINV_E_NONFINITE);
}

/** (300 + 400)/(10 + 20) = 23.333333; mean of 30 and 20 = 25; criterion 3 base period
 * 12000, 13500, 16500 on 40, 45, 50 cases: 42000/135 = 311.111111 pooled, (300 + 300 + 330)/3 = 310 mean. */
static void test_fn_case_price(void **state)
{
    (void)state;
    assert_close(go_num("casePrice", ARGS(ROW(NUM(300), NUM(400)), ROW(NUM(10), NUM(20)))), 700.0 / 30.0, 1e-12);
    assert_close(go_num("casePrice", ARGS(ROW(NUM(300), NUM(400)), ROW(NUM(10), NUM(20)), N1(1))), 25, 1e-12);
    const sv_arg costs = COL(NUM(12000), NUM(13500), NUM(16500)), cases = COL(NUM(40), NUM(45), NUM(50));
    assert_close(go_num("casePrice", ARGS(costs, cases)), 311.111111, 1e-6);
    assert_close(go_num("casePrice", ARGS(costs, cases, N1(1))), 310, 1e-12);
    /* a trailing blank year is not a year */
    assert_close(go_num("casePrice", ARGS(ROW(NUM(300), NUM(400), EMP), ROW(NUM(10), NUM(20)))), 700.0 / 30.0,
                 1e-12);
}

/** CASEPRICE bad input. */
static void test_fn_case_price_invalid(void **state)
{
    (void)state;
    const sv_arg costs = ROW(NUM(300), NUM(400));
    assert_status(go_err("casePrice", ARGS(costs, ROW(NUM(10)))), SOCINV_E_SHAPE);
    assert_status(go_err("casePrice", ARGS(costs, ROW(NUM(10), NUM(20)), N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("casePrice", ARGS(costs, ROW(NUM(10), NUM(20)), T1("mean"))), SOCINV_E_TYPE);
    assert_status(go_err("casePrice", ARGS(costs, ROW(NUM(0), NUM(0)))), SOCINV_E_DOMAIN);
    assert_status(go_err("casePrice", ARGS(costs, ROW(NUM(0), NUM(20)), N1(1))), SOCINV_E_DOMAIN);
    assert_status(go_err("casePrice", ARGS(ROW(TXT("300"), NUM(400)), ROW(NUM(10), NUM(20)))), SOCINV_E_TYPE);
    assert_status(go_err("casePrice", ARGS(costs, OMIT)), SOCINV_E_LENGTH);
}

/** Criteria 4-5 cannot be capitalised: 0.33 + 0.33 = 0.66; blank flags count as not capitalisable. */
static void test_fn_sib_uncovered(void **state)
{
    (void)state;
    const sv_arg payout = COL(NUM(1), NUM(0.5), NUM(0.5), NUM(0.33), NUM(0.33));
    assert_close(go_num("sibUncovered", ARGS(payout, COL(NUM(1), NUM(1), NUM(1), NUM(0), NUM(0)))), 0.66, 1e-15);
    assert_close(go_num("sibUncovered", ARGS(payout, COL(NUM(1), NUM(1), NUM(1), EMP, EMP))), 0.66, 1e-15);
    assert_close(go_num("sibUncovered", ARGS(payout, COL(NUM(0), NUM(0), NUM(0), NUM(0), NUM(0)))), 2.66, 1e-12);
}

/** SIBUNCOVERED bad input. */
static void test_fn_sib_uncovered_invalid(void **state)
{
    (void)state;
    const sv_arg payout = COL(NUM(1), NUM(0.5), NUM(0.5), NUM(0.33), NUM(0.33));
    assert_status(go_err("sibUncovered", ARGS(payout, COL(NUM(1), NUM(1), NUM(1), NUM(0)))), SOCINV_E_SHAPE);
    assert_status(go_err("sibUncovered", ARGS(payout, COL(NUM(1), NUM(1), NUM(1), NUM(0), TXT("nej")))),
                  SOCINV_E_TYPE);
    assert_status(go_err("sibUncovered", ARGS(COL(NUM(1), TXT("0,5")), COL(NUM(1), NUM(0)))), SOCINV_E_TYPE);
    assert_status(go_err("sibUncovered", ARGS(MAT(2, 2, NUM(1), NUM(1), NUM(1), NUM(1)), COL(NUM(1), NUM(0)))),
                  SOCINV_E_SHAPE);
    assert_status(go_err("sibUncovered", ARGS(payout, OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("sibUncovered", ARGS(OMIT, COL(NUM(1)))), SOCINV_E_LENGTH);
}

/* ---- glue: TARGETGAP ---------------------------------------------------------------------------- */

#define T002 NUM(-2000), NUM(-3000), NUM(-5000), NUM(-7000)
#define A002 NUM(-2000), NUM(-2280), NUM(-2280), NUM(-2280)

/** Seed 002: the printed row 0, -720, -2720, -4720; with carry 0, -720, -3440, -8160. */
static void test_fn_target_gap(void **state)
{
    (void)state;
    assert_go_ok(go("targetGap", ARGS(ROW(T002), ROW(A002))));
    assert_result_matrix(1, 4, DBL(0, -720, -2720, -4720), 0);
    assert_go_ok(go("targetGap", ARGS(ROW(T002), ROW(A002), T1("SAND"))));
    assert_result_matrix(1, 4, DBL(0, -720, -3440, -8160), 0);
    assert_go_ok(go("targetGap", ARGS(COL(T002), COL(A002))));
    assert_result_matrix(4, 1, DBL(0, -720, -2720, -4720), 0);
    assert_close(go_num("targetGap", ARGS(ROW(T002), ROW(A002), N1(0), N1(4))), -4720, 0);
    assert_close(go_num("targetGap", ARGS(ROW(T002), ROW(A002), N1(1), N1(4))), -8160, 0);
    /* a target row with a blank year after it, achieved with a blank achieved year (0) */
    assert_go_ok(go("targetGap", ARGS(ROW(T002, EMP), ROW(NUM(-2000), NUM(-2280), NUM(-2280), EMP))));
    assert_result_matrix(1, 4, DBL(0, -720, -2720, -7000), 0);
}

/** TARGETGAP bad input. */
static void test_fn_target_gap_invalid(void **state)
{
    (void)state;
    assert_status(go_err("targetGap", ARGS(ROW(T002), ROW(NUM(-2000), NUM(-2280), NUM(-2280)))), SOCINV_E_SHAPE);
    assert_status(go_err("targetGap", ARGS(ROW(T002), ROW(A002), T1("maybe"))), SOCINV_E_OPTION);
    assert_status(go_err("targetGap", ARGS(ROW(T002), ROW(A002), OMIT, N1(5))), SOCINV_E_DOMAIN);
    assert_status(go_err("targetGap", ARGS(ROW(T002), ROW(A002), OMIT, N1(0.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("targetGap", ARGS(ROW(NUM(-2000), TXT("-3.000")), ROW(A002))), SOCINV_E_TYPE);
    assert_status(go_err("targetGap", ARGS(ROW(T002), ROW(NUM(-2000), TXT("-"), NUM(0), NUM(0)))), SOCINV_E_TYPE);
    assert_status(go_err("targetGap", ARGS(OMIT, ROW(A002))), SOCINV_E_LENGTH);
    assert_status(go_err("targetGap", ARGS(ROW(T002), OMIT)), SOCINV_E_LENGTH);
}

/* ---- glue: PLFACTOR, PLCONVERT, PHASEIN ------------------------------------------------------------ */

/** 103/100 = 1.03 from 2024 to 2025, 100/103 back; -4100 in 2025 p/l at 102.5 is -4000 in 2024 p/l;
 * 1000 / 1.03 = 970.873786. */
static void test_fn_pl(void **state)
{
    (void)state;
    const sv_arg years = ROW(NUM(2024), NUM(2025)), ix = ROW(NUM(100), NUM(103));
    assert_close(go_num("plFactor", ARGS(N1(2024), N1(2025), years, ix)), 1.03, 1e-15);
    assert_close(go_num("plFactor", ARGS(N1(2025), N1(2024), years, ix)), 100.0 / 103.0, 1e-15);
    assert_close(go_num("plConvert", ARGS(N1(1000), N1(2025), N1(2024), years, ix)), 970.873786, 1e-6);
    assert_close(go_num("plConvert", ARGS(N1(-4100), N1(2025), N1(2024), COL(NUM(2024), NUM(2025)),
                                          COL(NUM(100), NUM(102.5)))),
                 -4000, 1e-9);
}

/** PLFACTOR and PLCONVERT bad input: each argument; a missing year is #N/A. */
static void test_fn_pl_invalid(void **state)
{
    (void)state;
    const sv_arg years = ROW(NUM(2024), NUM(2025)), ix = ROW(NUM(100), NUM(103));
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2026), years, ix)), SOCINV_E_MISSING_YEAR);
    assert_int_equal(sv_error_class_of(SOCINV_E_MISSING_YEAR), SV_ERR_NA);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), years, ROW(NUM(100)))), SOCINV_E_SHAPE);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), years, ROW(NUM(0), NUM(103)))), SOCINV_E_INDEX);
    assert_status(go_err("plFactor", ARGS(N1(2024.5), N1(2025), years, ix)), SOCINV_E_DOMAIN);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), ROW(NUM(2024), NUM(2024)), ix)), SOCINV_E_DOMAIN);
    assert_status(go_err("plFactor", ARGS(T1("2024"), N1(2025), years, ix)), SOCINV_E_TYPE);
    assert_status(go_err("plFactor", ARGS(N1(2024), T1("2025"), years, ix)), SOCINV_E_TYPE);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), ROW(NUM(2024), TXT("2025")), ix)), SOCINV_E_TYPE);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), years, ROW(NUM(100), TXT("103")))), SOCINV_E_TYPE);
    assert_status(go_err("plFactor", ARGS(N1(2024), N1(2025), OMIT, ix)), SOCINV_E_LENGTH);
    assert_status(go_err("plConvert", ARGS(T1("1000"), N1(2025), N1(2024), years, ix)), SOCINV_E_TYPE);
    assert_status(go_err("plConvert", ARGS(N1(1000), N1(2023), N1(2024), years, ix)), SOCINV_E_MISSING_YEAR);
    assert_status(go_err("plConvert", ARGS(N1(1000), N1(2025), N1(2024.5), years, ix)), SOCINV_E_DOMAIN);
    assert_status(go_err("plConvert", ARGS(N1(1000), N1(2025), N1(2024), years, ROW(NUM(100), NUM(-1)))),
                  SOCINV_E_INDEX);
    assert_status(go_err("plConvert", ARGS(N1(1000), N1(2025), N1(2024), years, ROW(NUM(100)))), SOCINV_E_SHAPE);
}

/** 'Fra juni' = start month 6: -1200 x 7/12 = -700; 3 months instead: -1200 x 3/12 = -300. */
static void test_fn_phase_in(void **state)
{
    (void)state;
    assert_close(go_num("phaseIn", ARGS(N1(-1200), N1(6))), -700, 1e-12);
    assert_close(go_num("phaseIn", ARGS(N1(-1200), N1(1))), -1200, 0);
    assert_close(go_num("phaseIn", ARGS(N1(-1200), N1(12))), -100, 1e-12);
    assert_close(go_num("phaseIn", ARGS(N1(-1200), N1(1), N1(3))), -300, 1e-12);
    assert_close(go_num("phaseIn", ARGS(N1(-1200), N1(6), BLANK)), -700, 1e-12);
}

/** PHASEIN bad input. */
static void test_fn_phase_in_invalid(void **state)
{
    (void)state;
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(0))), SOCINV_E_DOMAIN);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(13))), SOCINV_E_DOMAIN);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(6.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(1), N1(13))), SOCINV_E_DOMAIN);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(1), N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), N1(1), T1("3"))), SOCINV_E_TYPE);
    assert_status(go_err("phaseIn", ARGS(T1("-1.200"), N1(6))), SOCINV_E_TYPE);
    assert_status(go_err("phaseIn", ARGS(N1(-1200), T1("juni"))), SOCINV_E_TYPE);
}

/* ---- glue: DISCFACTOR, DISCSCHEDULE, NPVSOC ---------------------------------------------------------- */

/** DK2021 DF(36) = 1.035^-35 / 1.025 = 0.292660; UK2022 DF(31) = 0.345901; 4 % DF(2) = 0.924556; DF(0) = 1;
 * bands 5 % from 1, 2 % from 11: DF(12) = 1.05^-10 / 1.02^2 = 0.590074. */
static void test_fn_disc_factor(void **state)
{
    (void)state;
    assert_close(go_num("discFactor", ARGS(N1(36))), 0.292660, 5e-7);
    assert_close(go_num("discFactor", ARGS(N1(31), T1("UK2022"))), 0.345901, 5e-7);
    assert_close(go_num("discFactor", ARGS(N1(2), N1(0.04))), 0.924556, 5e-7);
    assert_close(go_num("discFactor", ARGS(N1(0), T1("DK2013"))), 1, 0);
    assert_close(go_num("discFactor", ARGS(N1(12), MAT(2, 2, NUM(1), NUM(0.05), NUM(11), NUM(0.02)))), 0.590074,
                 5e-7);
}

/** DISCFACTOR bad input. */
static void test_fn_disc_factor_invalid(void **state)
{
    (void)state;
    assert_status(go_err("discFactor", ARGS(N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("discFactor", ARGS(N1(1.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("discFactor", ARGS(N1(10001))), SOCINV_E_DOMAIN);
    assert_status(go_err("discFactor", ARGS(T1("10"))), SOCINV_E_TYPE);
    assert_status(go_err("discFactor", ARGS(N1(10), T1("XX2021"))), SOCINV_E_OPTION);
    assert_status(go_err("discFactor", ARGS(N1(10), N1(-1))), SOCINV_E_RATE);
    assert_status(go_err("discFactor", ARGS(N1(10), MAT(1, 3, NUM(1), NUM(0.1), NUM(0.2)))), SOCINV_E_SHAPE);
}

/** The band table: DK2021 is (1, 3.5 %), (36, 2.5 %), (71, 1.5 %), also when left out; UK2022 has 6 rows;
 * a flat 4 % one row; user bands come back as given, trailing blank rows dropped. */
static void test_fn_disc_schedule(void **state)
{
    (void)state;
    const double dk[] = {1, 0.035, 36, 0.025, 71, 0.015};
    assert_go_ok(go("discSchedule", ARGS(T1("DK2021"))));
    assert_result_matrix(3, 2, dk, 0);
    assert_go_ok(go("discSchedule", ARGS(OMIT)));
    assert_result_matrix(3, 2, dk, 0);
    assert_go_ok(go("discSchedule", ARGS(T1("UK2022"))));
    assert_result_matrix(6, 2, DBL(1, 0.035, 31, 0.03, 76, 0.025, 126, 0.02, 201, 0.015, 301, 0.01), 0);
    assert_go_ok(go("discSchedule", ARGS(N1(0.04))));
    assert_result_matrix(1, 2, DBL(1, 0.04), 0);
    assert_go_ok(go("discSchedule", ARGS(MAT(3, 2, NUM(1), NUM(0.05), NUM(11), NUM(0.02), EMP, EMP))));
    assert_result_matrix(2, 2, DBL(1, 0.05, 11, 0.02), 0);
}

/** DISCSCHEDULE bad input. */
static void test_fn_disc_schedule_invalid(void **state)
{
    (void)state;
    assert_status(go_err("discSchedule", ARGS(T1("foo"))), SOCINV_E_OPTION);
    assert_status(go_err("discSchedule", ARGS(N1(-2))), SOCINV_E_RATE);
    assert_status(go_err("discSchedule", ARGS(MAT(2, 2, NUM(1), NUM(0.05), NUM(1), NUM(0.02)))), SOCINV_E_DOMAIN);
    assert_status(go_err("discSchedule", ARGS(MAT(2, 2, NUM(1), NUM(0.05), NUM(11), NUM(-1.2)))), SOCINV_E_RATE);
    assert_status(go_err("discSchedule", ARGS(COL(NUM(1), NUM(0.05)))), SOCINV_E_SHAPE);
}

/** 001 net row at DK2021 from year 0: -1483.241660; at 3.5 % first_year 1: / 1.035 = -1433.083729;
 * NPV-style 100, 100 at 10 % from year 1: 100/1.1 + 100/1.21 = 173.553719. */
static void test_fn_npv_soc(void **state)
{
    (void)state;
    assert_close(go_num("npvSoc", ARGS(ROW(S001))), -1483.24166, 1e-5);
    assert_close(go_num("npvSoc", ARGS(ROW(S001), N1(0.035), N1(1))), -1433.083729, 1e-6);
    assert_close(go_num("npvSoc", ARGS(COL(NUM(100), NUM(100)), N1(0.1), N1(1))), 173.553719, 1e-6);
    assert_close(go_num("npvSoc", ARGS(COL(NUM(100), NUM(100)), N1(0.1))), 190.909091, 1e-6);
}

/** NPVSOC bad input. */
static void test_fn_npv_soc_invalid(void **state)
{
    (void)state;
    assert_status(go_err("npvSoc", ARGS(ROW(S001), OMIT, N1(2))), SOCINV_E_DOMAIN);
    assert_status(go_err("npvSoc", ARGS(ROW(S001), OMIT, T1("1"))), SOCINV_E_TYPE);
    assert_status(go_err("npvSoc", ARGS(ROW(NUM(1), TXT("2")))), SOCINV_E_TYPE);
    assert_status(go_err("npvSoc", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("npvSoc", ARGS(ROW(S001), T1("x"))), SOCINV_E_OPTION);
    assert_status(go_err("npvSoc", ARGS(ROW(S001), N1(-1))), SOCINV_E_RATE);
    assert_status(go_err("npvSoc", ARGS(ROW(NUM(1e308), NUM(1e308)), N1(0))), SOCINV_E_OVERFLOW);
}

/* ---- glue: BCR, NETROI, SWITCHBENEFITS ----------------------------------------------------------- */

#define B001 ROW(NUM(0), NUM(-1217), NUM(-1631), NUM(-504))
#define B001POS ROW(NUM(0), NUM(1217), NUM(1631), NUM(504))
#define C001 ROW(NUM(1511), NUM(87), NUM(80), NUM(0))

/** 001 at DK2021: PVb = 1217/1.035 + 1631/1.035^2 + 504/1.035^3 = 3152.980487, PVc = 1511 + 87/1.035
 * + 80/1.035^2 = 1669.738827: BCR 1.888308, net ROI 0.888308, switching value 1 - PVc/PVb = 0.470425,
 * the same with both entered positive (sign -1). */
static void test_fn_benefit_cost(void **state)
{
    (void)state;
    assert_close(go_num("bcr", ARGS(B001, C001)), 1.888308, 1e-6);
    assert_close(go_num("netRoi", ARGS(B001, C001)), 0.888308, 1e-6);
    assert_close(go_num("switchBenefits", ARGS(B001, C001)), 0.470425, 1e-6);
    assert_close(go_num("bcr", ARGS(B001POS, C001, OMIT, OMIT, N1(-1))), 1.888308, 1e-6);
    assert_close(go_num("netRoi", ARGS(B001POS, C001, OMIT, OMIT, N1(-1))), 0.888308, 1e-6);
    assert_close(go_num("switchBenefits", ARGS(B001POS, C001, OMIT, OMIT, N1(-1))), 0.470425, 1e-6);
    /* a flat 0 %: (1217 + 1631 + 504)/(1511 + 87 + 80) = 3352/1678 = 1.997616 */
    assert_close(go_num("bcr", ARGS(B001, C001, N1(0))), 3352.0 / 1678.0, 1e-12);
    /* first_year 1 divides both by 1.035: same ratio */
    assert_close(go_num("bcr", ARGS(B001, C001, OMIT, N1(1))), 1.888308, 1e-6);
}

/** BCR, NETROI, SWITCHBENEFITS bad input: each argument, each function. */
static void test_fn_benefit_cost_invalid(void **state)
{
    (void)state;
    const char *methods[] = {"bcr", "netRoi", "switchBenefits"};
    for (size_t i = 0; i < N_OF(methods); i++) {
        const char *m = methods[i];
        assert_status(go_err(m, ARGS(ROW(NUM(0), TXT("-1217")), C001)), SOCINV_E_TYPE);
        assert_status(go_err(m, ARGS(B001, ROW(TXT("1511")))), SOCINV_E_TYPE);
        assert_status(go_err(m, ARGS(OMIT, C001)), SOCINV_E_LENGTH);
        assert_status(go_err(m, ARGS(B001, OMIT)), SOCINV_E_LENGTH);
        assert_status(go_err(m, ARGS(B001, MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)))), SOCINV_E_SHAPE);
        assert_status(go_err(m, ARGS(B001, C001, T1("DK1999"))), SOCINV_E_OPTION);
        assert_status(go_err(m, ARGS(B001, C001, N1(-1))), SOCINV_E_RATE);
        assert_status(go_err(m, ARGS(B001, C001, OMIT, N1(2))), SOCINV_E_DOMAIN);
        assert_status(go_err(m, ARGS(B001, C001, OMIT, OMIT, N1(0))), SOCINV_E_OPTION);
        assert_status(go_err(m, ARGS(B001, C001, OMIT, OMIT, N1(2))), SOCINV_E_DOMAIN);
        assert_status(go_err(m, ARGS(B001, C001, OMIT, OMIT, T1("positive"))), SOCINV_E_TYPE);
    }
    /* no costs: no ratio; no benefits: no switching value */
    assert_status(go_err("bcr", ARGS(B001, ROW(NUM(0), NUM(0)))), SOCINV_E_DOMAIN);
    assert_status(go_err("netRoi", ARGS(B001, ROW(NUM(0), NUM(0)))), SOCINV_E_DOMAIN);
    assert_status(go_err("switchBenefits", ARGS(ROW(NUM(0), NUM(0)), C001)), SOCINV_E_DOMAIN);
    /* benefits entered positive under the default seed sign: PVb < 0 */
    assert_status(go_err("switchBenefits", ARGS(B001POS, C001)), SOCINV_E_DOMAIN);
}

/* ---- glue: IMPACTADJ, OBUPLIFT, SHARE --------------------------------------------------------------- */

/** 1000 x 0.8 x 0.9 x 0.75 x 0.9^2 = 437.4; with optimism 0.5: 218.7; a row 1000 x 3 with drop-off 10 %
 * gives 1000, 900, 810 (year k+1 for value k), year 3 picks 810. */
static void test_fn_impact_adj(void **state)
{
    (void)state;
    assert_close(go_num("impactAdj", ARGS(N1(1000), N1(0.2), N1(0.1), N1(0.25), N1(0.1), N1(3))), 437.4, 1e-9);
    assert_close(go_num("impactAdj", ARGS(N1(1000), N1(0.2), N1(0.1), N1(0.25), N1(0.1), N1(3), N1(0.5))), 218.7,
                 1e-9);
    /* one amount, year left out: year 1, no drop-off: 1000 x 0.8 = 800 */
    assert_close(go_num("impactAdj", ARGS(N1(1000), N1(0.2), OMIT, OMIT, N1(0.5))), 800, 1e-9);
    assert_go_ok(go("impactAdj", ARGS(ROW(NUM(1000), NUM(1000), NUM(1000)), OMIT, OMIT, OMIT, N1(0.1))));
    assert_result_matrix(1, 3, DBL(1000, 900, 810), 1e-9);
    assert_go_ok(go("impactAdj", ARGS(COL(NUM(1000), NUM(1000), NUM(1000)), OMIT, OMIT, OMIT, N1(0.1))));
    assert_result_matrix(3, 1, DBL(1000, 900, 810), 1e-9);
    assert_close(go_num("impactAdj", ARGS(ROW(NUM(1000), NUM(1000), NUM(1000)), BLANK, BLANK, BLANK, N1(0.1),
                                          N1(3))),
                 810, 1e-9);
}

/** IMPACTADJ bad input: each argument. */
static void test_fn_impact_adj_invalid(void **state)
{
    (void)state;
    assert_status(go_err("impactAdj", ARGS(N1(1000), N1(1.2))), SOCINV_E_SHARE);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, N1(-0.1))), SOCINV_E_SHARE);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, OMIT, T1("25 %"))), SOCINV_E_TYPE);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, OMIT, OMIT, N1(2))), SOCINV_E_SHARE);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, OMIT, OMIT, OMIT, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, OMIT, OMIT, OMIT, N1(1.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("impactAdj", ARGS(ROW(NUM(1), NUM(2), NUM(3)), OMIT, OMIT, OMIT, OMIT, N1(4))),
                  SOCINV_E_DOMAIN);
    assert_status(go_err("impactAdj", ARGS(N1(1000), OMIT, OMIT, OMIT, OMIT, OMIT, N1(1.5))), SOCINV_E_SHARE);
    assert_status(go_err("impactAdj", ARGS(ROW(NUM(1000), TXT("x")))), SOCINV_E_TYPE);
    assert_status(go_err("impactAdj", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("impactAdj", ARGS(MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)))), SOCINV_E_SHAPE);
}

/** 1000 x (1 + 0.44 x (1 - 0.5)) = 1220; no mitigation 1440. */
static void test_fn_ob_uplift(void **state)
{
    (void)state;
    assert_close(go_num("obUplift", ARGS(N1(1000), N1(0.44), N1(0.5))), 1220, 1e-9);
    assert_close(go_num("obUplift", ARGS(N1(1000), N1(0.44))), 1440, 1e-9);
    assert_close(go_num("obUplift", ARGS(N1(1000), N1(0.44), BLANK)), 1440, 1e-9);
}

/** OBUPLIFT bad input. */
static void test_fn_ob_uplift_invalid(void **state)
{
    (void)state;
    assert_status(go_err("obUplift", ARGS(N1(1000), N1(-1))), SOCINV_E_RATE);
    assert_status(go_err("obUplift", ARGS(N1(1000), N1(0.44), N1(2))), SOCINV_E_SHARE);
    assert_status(go_err("obUplift", ARGS(N1(1000), N1(0.44), T1("halv"))), SOCINV_E_TYPE);
    assert_status(go_err("obUplift", ARGS(T1("1000"), N1(0.44))), SOCINV_E_TYPE);
    assert_status(go_err("obUplift", ARGS(N1(1000), T1("44 %"))), SOCINV_E_TYPE);
}

/** 1000 split 50/30/20: body 2 gets 300; all bodies 500, 300, 200; a column 1000, 500 -> body 3
 * gets 200, 100 as a column; a row of two values without `which` is a 2 x 3 matrix. */
static void test_fn_share(void **state)
{
    (void)state;
    const sv_arg shares = ROW(NUM(0.5), NUM(0.3), NUM(0.2));
    assert_close(go_num("share", ARGS(N1(1000), shares, N1(2))), 300, 1e-12);
    assert_go_ok(go("share", ARGS(N1(1000), shares)));
    assert_result_matrix(1, 3, DBL(500, 300, 200), 1e-12);
    assert_go_ok(go("share", ARGS(COL(NUM(1000), NUM(500)), shares, N1(3))));
    assert_result_matrix(2, 1, DBL(200, 100), 1e-12);
    assert_go_ok(go("share", ARGS(ROW(NUM(1000), NUM(500)), COL(NUM(0.5), NUM(0.3), NUM(0.2)))));
    assert_result_matrix(2, 3, DBL(500, 300, 200, 250, 150, 100), 1e-12);
}

/** SHARE bad input. */
static void test_fn_share_invalid(void **state)
{
    (void)state;
    const sv_arg shares = ROW(NUM(0.5), NUM(0.3), NUM(0.2));
    assert_status(go_err("share", ARGS(N1(1000), ROW(NUM(0.5), NUM(0.4)))), SOCINV_E_SHARE);
    assert_status(go_err("share", ARGS(N1(1000), ROW(NUM(1.2), NUM(-0.2)))), SOCINV_E_SHARE);
    assert_status(go_err("share", ARGS(N1(1000), shares, N1(4))), SOCINV_E_DOMAIN);
    assert_status(go_err("share", ARGS(N1(1000), shares, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("share", ARGS(N1(1000), ROW(NUM(0.5), TXT("0,5")))), SOCINV_E_TYPE);
    assert_status(go_err("share", ARGS(T1("1000"), shares)), SOCINV_E_TYPE);
    assert_status(go_err("share", ARGS(OMIT, shares)), SOCINV_E_LENGTH);
    assert_status(go_err("share", ARGS(N1(1000), OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("share", ARGS(N1(1000), MAT(2, 2, NUM(0.25), NUM(0.25), NUM(0.25), NUM(0.25)))),
                  SOCINV_E_SHAPE);
}

/* ====================================================================================== */
/* ---- the function table --------------------------------------------------------------------- */

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : 9;
        if (n == 9 || (n == 1 && *p < 0xc2))
            return 0;
        p++;
        for (size_t k = 0; k < n; k++, p++)
            if ((*p & 0xc0) != 0x80)
                return 0;
    }
    return 1;
}

static void assert_text(const char *s, const char *what, const char *method)
{
    if (!s || !*s || !valid_utf8(s)) {
        print_error("%s of %s is empty or not UTF-8\n", what, method);
        fail();
    }
}

static int is_identifier(const char *s)
{
    if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

/** Every row: unique method and display names, non-empty en/da texts, parameters named once,
 * nparams <= SV_MAX_PARAMS, an example, help summaries without a trailing period. */
static void test_table_lint(void **state)
{
    (void)state;
    assert_true(sv_function_count > 0);
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        const char *m = f->method;
        assert_true(is_identifier(m)); /* an IDL method name */
        assert_non_null(f->glue);
        assert_text(f->name.en, "English name", m);
        assert_text(f->name.da, "Danish name", m);
        assert_text(f->category, "category", m);
        assert_text(f->help.en, "English help", m);
        assert_text(f->help.da, "Danish help", m);
        for (const char *p = f->name.en; *p; p++) /* upper-case English display names */
            assert_false(*p >= 'a' && *p <= 'z');
        size_t le = strlen(f->help.en), ld = strlen(f->help.da);
        if (f->help.en[le - 1] == '.' || f->help.da[ld - 1] == '.') {
            print_error("help summary of %s ends with a period\n", m);
            fail();
        }
        for (size_t j = 0; j < i; j++) {
            const sv_function *g = &sv_functions[j];
            if (!strcmp(m, g->method) || !strcmp(f->name.en, g->name.en) || !strcmp(f->name.da, g->name.da) ||
                !strcmp(f->name.en, g->name.da) || !strcmp(f->name.da, g->name.en)) {
                print_error("%s and %s share a name\n", m, g->method);
                fail();
            }
        }
        assert_true(f->nparams >= 1);
        assert_true(f->nparams <= SV_MAX_PARAMS);
        for (size_t p = 0; p < f->nparams; p++) {
            const sv_param *a = &f->params[p];
            assert_true(is_identifier(a->name)); /* an IDL parameter name */
            assert_text(a->label.en, "parameter label (en)", m);
            assert_text(a->label.da, "parameter label (da)", m);
            assert_text(a->help.en, "parameter help (en)", m);
            assert_text(a->help.da, "parameter help (da)", m);
            for (size_t q = 0; q < p; q++)
                if (!strcmp(a->name, f->params[q].name)) {
                    print_error("%s has two parameters named %s\n", m, a->name);
                    fail();
                }
        }
        for (size_t p = f->nparams; p < SV_MAX_PARAMS; p++)
            assert_null(f->params[p].name); /* nothing hides beyond nparams */
        /* at least one example; every example names the function and says what Calc shows */
        assert_non_null(f->examples[0].formula);
        for (size_t e = 0; e < N_OF(f->examples) && f->examples[e].formula; e++) {
            char call[64];
            snprintf(call, sizeof call, "%s(", f->name.en);
            assert_text(f->examples[e].formula, "example", m);
            assert_text(f->examples[e].expected, "example result", m);
            assert_non_null(strstr(f->examples[e].formula, call));
        }
    }
}

/** Required parameters come before optional ones, so optional arguments can be left off at the end. */
static void test_table_required_first(void **state)
{
    (void)state;
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        int optional_seen = 0;
        for (size_t p = 0; p < f->nparams; p++) {
            if (f->params[p].type == SV_P_OPTIONAL)
                optional_seen = 1;
            else if (optional_seen) {
                print_error("%s: required %s after an optional parameter\n", f->method, f->params[p].name);
                fail();
            }
        }
    }
}

/** The catalogue's functions are all there, with its English and Danish names (PAYBACK, NETIMPACT and
 * SIBPAYOUT are fixed), and no name collides with NPV or Calc's Danish built-ins. */
static void test_table_catalogue_names(void **state)
{
    (void)state;
    static const char *const names[][2] = {
        {"PAYBACK", "TILBAGEBETALINGSTID"}, {"PAYBACKDISC", "TILBAGEBETALINGSTID.DISK"},
        {"NETIMPACT", "NETTOEFFEKT"}, {"TABLECHECK", "TABELKONTROL"}, {"SIBPAYOUT", "SIB.UDBETALING"},
        {"SIBDECREASE", "SIB.FALD"}, {"REFUNDNET", "EFTER.REFUSION"}, {"CASEPRICE", "PRIS.PR.SAG"},
        {"SIBUNCOVERED", "SIB.UD\xc3\x86KKET"}, {"TARGETGAP", "NETTOUDEST\xc3\x85\x45NDE"},
        {"PLFACTOR", "PL.FAKTOR"}, {"PLCONVERT", "PL.OMREGN"}, {"PHASEIN", "INDFASNING"},
        {"DISCFACTOR", "DISKONTERINGSFAKTOR"}, {"DISCSCHEDULE", "DISKONTERINGSSATSER"},
        {"NPVSOC", "NUTIDSV\xc3\x86RDI.SAMF"}, {"BCR", "BC.FORHOLD"}, {"NETROI", "NETTOAFKAST"},
        {"SWITCHBENEFITS", "SKIFTEV\xc3\x86RDI"}, {"IMPACTADJ", "EFFEKTJUSTERING"},
        {"OBUPLIFT", "OPTIMISMETILL\xc3\x86G"}, {"SHARE", "ANDEL"},
    };
    for (size_t k = 0; k < N_OF(names); k++) {
        const sv_function *found = NULL;
        for (size_t i = 0; i < sv_function_count; i++)
            if (!strcmp(sv_functions[i].name.en, names[k][0]))
                found = &sv_functions[i];
        if (!found) {
            print_error("%s is missing from the table\n", names[k][0]);
            fail();
        }
        assert_string_equal(found->name.da, names[k][1]);
    }
    assert_true(sv_function_count >= N_OF(names));
    static const char *const builtins[] = {"NPV", "NUTIDSV\xc3\x86RDI", "NV", "IA", "PVARIGHED", "RENTE"};
    for (size_t i = 0; i < sv_function_count; i++)
        for (size_t b = 0; b < N_OF(builtins); b++) {
            assert_string_not_equal(sv_functions[i].name.en, builtins[b]);
            assert_string_not_equal(sv_functions[i].name.da, builtins[b]);
        }
}

/** sv_function_find: exact method names (case and length matter), NULL otherwise. */
static void test_function_find(void **state)
{
    (void)state;
    for (size_t i = 0; i < sv_function_count; i++) {
        const char *m = sv_functions[i].method;
        assert_ptr_equal(sv_function_find(m, strlen(m)), &sv_functions[i]);
    }
    const sv_function *pb = sv_function_find("payback", 7);
    assert_non_null(pb);
    assert_string_equal(pb->name.en, "PAYBACK");
    assert_ptr_equal(sv_function_find("paybackDisc", 7), pb); /* only len bytes are read */
    assert_null(sv_function_find("paybac", 6));
    assert_null(sv_function_find("PAYBACK", 7));
    assert_null(sv_function_find("nosuch", 6));
    assert_null(sv_function_find("", 0));
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* call.h: decoding */
        T(test_present),
        T(test_number),
        T(test_int),
        T(test_bool),
        T(test_text),
        T(test_vector),
        T(test_vector_full),
        T(test_vector_invalid),
        T(test_matrix),
        T(test_cells),
        T(test_alloc_beyond_inline),
        T(test_vector_beyond_inline),
        /* call.h: errors and results */
        T(test_error_class_every_status),
        T(test_error_class_internal_and_unknown),
        T(test_error_class_names),
        T(test_results),
        T(test_vector_results),
        /* glue */
        T(test_fn_payback),
        T(test_fn_payback_blanks),
        T(test_fn_payback_options),
        T(test_fn_payback_method3),
        T(test_fn_portfolio),
        T(test_fn_table_check_portfolio),
        T(test_fn_payback_invalid),
        T(test_fn_payback_disc),
        T(test_fn_payback_disc_invalid),
        T(test_fn_net_impact_seed001),
        T(test_fn_net_impact_seed004),
        T(test_keywords_ignore_case),
        T(test_fn_net_impact_invalid),
        T(test_fn_net_impact_whole_table),
        T(test_fn_table_check),
        T(test_fn_table_check_tolerance),
        T(test_fn_table_check_invalid),
        T(test_fn_case_check),
        T(test_fn_case_check_invalid),
        T(test_fn_sib_payout),
        T(test_fn_sib_payout_cuts),
        T(test_fn_sib_payout_order),
        T(test_fn_sib_payout_index),
        T(test_fn_sib_payout_carry),
        T(test_fn_sib_payout_capmode),
        T(test_fn_sib_payout_no_group),
        T(test_fn_sib_payout_invalid),
        T(test_fn_sib_decrease),
        T(test_fn_sib_decrease_invalid),
        T(test_fn_refund_net),
        T(test_fn_refund_net_invalid),
        T(test_fn_case_price),
        T(test_fn_case_price_invalid),
        T(test_fn_sib_uncovered),
        T(test_fn_sib_uncovered_invalid),
        T(test_fn_target_gap),
        T(test_fn_target_gap_invalid),
        T(test_fn_pl),
        T(test_fn_pl_invalid),
        T(test_fn_phase_in),
        T(test_fn_phase_in_invalid),
        T(test_fn_disc_factor),
        T(test_fn_disc_factor_invalid),
        T(test_fn_disc_schedule),
        T(test_fn_disc_schedule_invalid),
        T(test_fn_npv_soc),
        T(test_fn_npv_soc_invalid),
        T(test_fn_benefit_cost),
        T(test_fn_benefit_cost_invalid),
        T(test_fn_impact_adj),
        T(test_fn_impact_adj_invalid),
        T(test_fn_ob_uplift),
        T(test_fn_ob_uplift_invalid),
        T(test_fn_share),
        T(test_fn_share_invalid),
        /* the table */
        T(test_table_lint),
        T(test_table_required_first),
        T(test_table_catalogue_names),
        T(test_function_find),
    };
    return cmocka_run_group_tests_name("glue", tests, NULL, NULL);
}
