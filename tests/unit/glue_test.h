/* Shared by the add-in's unit tests (test_call.c, test_fn_*.c, test_functions.c):
 * arguments built by hand the way Calc delivers them (a range is rows x cols
 * cells, an empty cell is SV_EMPTY, an optional argument left out arrives with
 * omitted = 1), and a glue function run from the table as the dispatcher runs it. */
#ifndef SOCINV_GLUE_TEST_H
#define SOCINV_GLUE_TEST_H

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

static sv_call C __attribute__((unused));
static sv_arg full_args[SV_MAX_PARAMS] __attribute__((unused));

static const double *full_nums[SV_MAX_PARAMS] __attribute__((unused));

/* Argument a's cells as doubles, in the call's scratch memory, when it has more
 * than one cell and every one is a number; else NULL: what the UNO dispatcher
 * hands the glue beside the cells (sv_call.nums). */
static inline const double *decoded_numbers(sv_call *c, const sv_arg *a)
{
    size_t n = a->omitted ? 0 : a->rows * a->cols;
    for (size_t k = 0; k < n; k++)
        if (a->cells[k].kind != SV_NUMBER)
            return NULL;
    double *v = n > 1 ? sv_alloc(c, n * sizeof *v) : NULL;
    for (size_t k = 0; v && k < n; k++)
        v[k] = a->cells[k].num;
    return v;
}

/* The cells of an argument that comes as doubles: as the dispatcher leaves them, not
 * yet written (sv_call.nums), but as text, so a reader that takes them without
 * sv_arg_read() fails its test (text where numbers belong) instead of passing by
 * reading the test's own cells. */
static inline const sv_cell *unwritten_cells(sv_call *c, size_t n)
{
    sv_cell *cells = sv_alloc(c, n * sizeof *cells);
    assert_non_null(cells);
    for (size_t k = 0; k < n; k++)
        cells[k] = (sv_cell){SV_TEXT, 0.0, "not written", 11};
    return cells;
}

/* Calls `method` as the dispatcher does: every parameter is passed, those not given
 * here arrive omitted, and a range of numbers only comes as doubles, its cells not
 * written. The result stays in C until the next call or the teardown. */
static inline socinv_status go(const char *method, const sv_arg *args, size_t n)
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
    for (size_t i = 0; i < f->nparams; i++) {
        full_nums[i] = decoded_numbers(&C, &full_args[i]);
        if (full_nums[i])
            full_args[i].cells = unwritten_cells(&C, full_args[i].rows * full_args[i].cols);
    }
    C.nums = full_nums;
    return f->glue(&C);
}

/* A successful call with a number result; failures are reported at the caller's line. */
#define go_num(method, ...) go_num_(__FILE__, __LINE__, method, __VA_ARGS__)
static inline double go_num_(const char *file, int line, const char *method, const sv_arg *args, size_t n)
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
static inline socinv_status go_err_(const char *file, int line, const char *method, const sv_arg *args, size_t n)
{
    socinv_status st = go(method, args, n);
    if (sv_error_class_of(st) == SV_ERR_NONE) {
        print_error("%s succeeded, expected an error\n", method);
        _fail(file, line);
    }
    return st;
}

/* The sum of a matrix result. */
static inline double result_sum(void)
{
    assert_int_equal(C.res.kind, SV_RES_MATRIX);
    double s = 0;
    for (size_t i = 0; i < C.res.rows * C.res.cols; i++)
        s += C.res.matrix[i];
    return s;
}

static inline void assert_result_matrix(size_t rows, size_t cols, const double *expected, double tol)
{
    assert_int_equal(C.res.kind, SV_RES_MATRIX);
    assert_int_equal(C.res.rows, rows);
    assert_int_equal(C.res.cols, cols);
    assert_non_null(C.res.matrix);
    for (size_t i = 0; i < rows * cols; i++)
        assert_close(C.res.matrix[i], expected[i], tol);
}

static inline int teardown(void **state)
{
    (void)state;
    sv_call_done(&C);
    return 0;
}

/* A call over hand-made arguments for the decoding tests (no glue). */
static inline sv_call *with(sv_call *c, const sv_arg *args, size_t n)
{
    sv_call_init(c, args, n);
    return c;
}

/* The column a portfolio call returned: rows x 1, each cell's status as expected
 * (SOCINV_OK cells hold `value`). */
static inline void assert_column(size_t rows, const socinv_status *status, const double *value)
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

/* Seed 001's 'Samlet økonomisk påvirkning' 2018-2021, used across the files. */
#define S001 NUM(1511), NUM(-1130), NUM(-1551), NUM(-504)

#define T(f) cmocka_unit_test_teardown(f, teardown)

#endif
