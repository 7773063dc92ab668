/* The add-in's unit tests: call.h: argument decoding, the status -> Calc error mapping and results (addin/call.c). */
#include "glue_test.h"

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

/* A rule for sv_per_row: the row's sum (1 + 2 = 3, 3 + 4 = 7 below). */
static socinv_status row_sum(const double *v, size_t n, const void *ctx, double *out)
{
    (void)ctx;
    *out = 0;
    for (size_t k = 0; k < n; k++)
        *out += v[k];
    return SOCINV_OK;
}

/** The numbers the UNO dispatcher decoded beside the cells (c.nums, when every cell of an
 * argument is a number): sv_vector, sv_vector_full and sv_matrix hand them out as they are
 * (the same pointer, no copy), and sv_per_row reads its rows from them; an argument without
 * them (NULL: an empty cell or text in it) is read from its cells as before. The cells and
 * the numbers agree, so the values are the same either way: 1511, -1130, -504; the block's
 * rows sum to 3 and 7. */
static void test_numbers_as_decoded(void **state)
{
    (void)state;
    sv_call c;
    const sv_arg a[] = {ROW(NUM(1511), NUM(-1130), NUM(-504)), ROW(NUM(1), EMP, NUM(3), EMP),
                        MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4))};
    static const double row0[] = {1511, -1130, -504}, block[] = {1, 2, 3, 4};
    const double *nums[] = {row0, NULL, block};
    with(&c, a, N_OF(a));
    c.nums = nums;
    const double *v = NULL;
    size_t n = 0, rows = 0, cols = 0;
    assert_ok(sv_vector(&c, 0, &v, &n));
    assert_ptr_equal(v, row0);
    assert_int_equal(n, 3);
    assert_ok(sv_vector_full(&c, 0, &v, &n));
    assert_ptr_equal(v, row0);
    assert_ok(sv_vector(&c, 1, &v, &n)); /* no numbers given: the cells, trailing blank dropped */
    assert_int_equal(n, 3);
    assert_close(v[1], 0, 0);
    assert_close(v[2], 3, 0);
    assert_ok(sv_matrix(&c, 2, &v, &rows, &cols));
    assert_ptr_equal(v, block);
    assert_int_equal(rows * cols, 4);
    assert_status(sv_vector(&c, 2, &v, &n), SOCINV_E_SHAPE); /* still 2-D */
    assert_ok(sv_per_row(&c, 2, row_sum, NULL));
    assert_int_equal(c.res.rows, 2);
    assert_close(c.res.matrix[0], 3, 0);
    assert_close(c.res.matrix[1], 7, 0);
    assert_null(c.res.cell_status);
    sv_call_done(&c);
}

/** A range the dispatcher decoded as doubles (c.nums) comes with its cells not yet
 * written (here text, as if left over): the readers of numbers hand out the doubles and
 * leave the cells as they are; sv_cells and sv_arg_read write them first, so a reader of
 * cells sees the numbers 4, -2.5, 0 (a row) and 1..4 (a 2 x 2 block); past the last
 * argument sv_arg_read is NULL. */
static void test_cells_written_when_read(void **state)
{
    (void)state;
    sv_cell row_cells[3], block_cells[4];
    for (size_t k = 0; k < 4; k++)
        row_cells[k % 3] = block_cells[k] = (sv_cell){SV_TEXT, 0.0, "not written", 11};
    const sv_arg a[] = {{0, 1, 3, row_cells}, {0, 2, 2, block_cells}};
    static const double row[] = {4, -2.5, 0}, block[] = {1, 2, 3, 4};
    const double *nums[] = {row, block};
    sv_call c;
    with(&c, a, N_OF(a));
    c.nums = nums;
    const double *v = NULL;
    size_t n = 0, rows = 0, cols = 0;
    assert_ok(sv_vector(&c, 0, &v, &n));
    assert_ok(sv_matrix(&c, 1, &v, &rows, &cols));
    assert_int_equal(row_cells[0].kind, SV_TEXT); /* not written by a reader of numbers */
    assert_int_equal(block_cells[3].kind, SV_TEXT);
    const sv_cell *cells = NULL;
    assert_ok(sv_cells(&c, 0, &cells, &n));
    assert_ptr_equal(cells, row_cells);
    assert_int_equal(n, 3);
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(cells[k].kind, SV_NUMBER);
        assert_close(cells[k].num, row[k], 0);
    }
    assert_ptr_equal(sv_arg_read(&c, 1), &a[1]);
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(block_cells[k].kind, SV_NUMBER);
        assert_close(block_cells[k].num, block[k], 0);
    }
    assert_null(sv_arg_read(&c, 2));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_present),
        T(test_number),
        T(test_int),
        T(test_bool),
        T(test_text),
        T(test_vector),
        T(test_vector_full),
        T(test_vector_invalid),
        T(test_matrix),
        T(test_numbers_as_decoded),
        T(test_cells_written_when_read),
        T(test_cells),
        T(test_alloc_beyond_inline),
        T(test_vector_beyond_inline),
        T(test_error_class_every_status),
        T(test_error_class_internal_and_unknown),
        T(test_error_class_names),
        T(test_results),
        T(test_vector_results),
    };
    return cmocka_run_group_tests_name("call", tests, NULL, NULL);
}
