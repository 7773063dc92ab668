/* The add-in's whole-table functions (NETIMPACT over a table, CASECHECK) on
 * seed tables laid out as a Calc range: amounts as numbers, labels as text. */
#include <stdio.h>
#include <stdlib.h>

#include "functions.h"
#include "test_util.h"

typedef struct {
    char *text;
    socinv_grid g;
    sv_cell *cells; /* the table's rows, as Calc passes them */
    size_t rows, cols;
} range;

/* Rows [first, last] (1-based lines) and the first `cols` columns of a seed file, amounts as numbers. */
static range *seed_range(const char *file, size_t first, size_t last, size_t cols)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/%s", SOCINV_TEST_DATA, file);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    range *r = calloc(1, sizeof *r);
    r->text = malloc((size_t)n);
    assert_int_equal(fread(r->text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    assert_ok(socinv_grid_parse_text(r->text, (size_t)n, '\t', &r->g));
    r->rows = last - first + 1;
    r->cols = cols; /* label, area, the years */
    r->cells = calloc(r->rows * r->cols, sizeof *r->cells);
    for (size_t i = 0; i < r->rows; i++) {
        for (size_t j = 0; j < r->cols && j < r->g.cols; j++) {
            const socinv_cell *src = &r->g.cells[(first - 1 + i) * r->g.cols + j];
            sv_cell *dst = &r->cells[i * r->cols + j];
            *dst = *src;
            double v;
            if (src->kind == SOCINV_CELL_TEXT && src->len && src->text[0] != '-' &&
                socinv_parse_number(src->text, src->len, SOCINV_NUMBERS_DANISH, &v) == SOCINV_OK) {
                dst->kind = SV_NUMBER; /* "1.200" typed in a Danish Calc is the number 1200 */
                dst->num = v;
            } else if (src->kind == SOCINV_CELL_TEXT && src->len > 1 && src->text[0] == '-' &&
                       socinv_parse_number(src->text, src->len, SOCINV_NUMBERS_DANISH, &v) == SOCINV_OK) {
                dst->kind = SV_NUMBER;
                dst->num = v;
            }
        }
    }
    return r;
}

static void free_range(range *r)
{
    socinv_grid_free(&r->g);
    free(r->cells);
    free(r->text);
    free(r);
}

static const sv_cell *text_cell(const char *s)
{
    static sv_cell c[8];
    static int next;
    sv_cell *x = &c[next++ % 8];
    x->kind = SV_TEXT;
    x->text = s;
    x->len = strlen(s);
    x->num = 0;
    return x;
}

static const sv_cell *num_cell(double v)
{
    static sv_cell c[8];
    static int next;
    sv_cell *x = &c[next++ % 8];
    x->kind = SV_NUMBER;
    x->num = v;
    return x;
}

/* A call of a function with the range as its first argument and up to 5 more scalars
 * (NULL = omitted), made ready in c: the function. */
static const sv_function *prepare(const char *method, const range *r, const sv_cell *more[5], sv_call *c)
{
    static sv_arg args[6];
    args[0] = (sv_arg){0, r->rows, r->cols, r->cells};
    for (int i = 0; i < 5; i++)
        args[i + 1] = more && more[i] ? (sv_arg){0, 1, 1, more[i]} : (sv_arg){1, 0, 0, NULL};
    const sv_function *fn = sv_function_find(method, strlen(method));
    assert_non_null(fn);
    sv_call_init(c, args, fn->nparams);
    return fn;
}

static socinv_status call(const char *method, const range *r, const sv_cell *more[5], sv_call *c)
{
    return prepare(method, r, more, c)->glue(c);
}

/** NETIMPACT over TV04's table (lines 2004-2023) gives the recomputed net impact
 * 350, 5950, 3750, 1750, -2900, -2900 (not the printed 4850, 3950); year 3 alone is 3750. */
static void test_netimpact_table_tv04(void **state)
{
    (void)state;
    range *r = seed_range("003_41e023f3ba919440.txt", 2004, 2023, 8);
    sv_call c;
    assert_ok(call("netImpact", r, NULL, &c));
    assert_int_equal(c.res.kind, SV_RES_MATRIX);
    assert_int_equal(c.res.rows, 1);
    assert_int_equal(c.res.cols, 6);
    const double want[] = {350, 5950, 3750, 1750, -2900, -2900};
    for (int j = 0; j < 6; j++)
        assert_close(c.res.matrix[j], want[j], 0);
    sv_call_done(&c);
    const sv_cell *year3[5] = {NULL, NULL, NULL, num_cell(3), NULL};
    assert_ok(call("netImpact", r, year3, &c));
    assert_int_equal(c.res.kind, SV_RES_NUMBER);
    assert_close(c.res.num, 3750, 0);
    sv_call_done(&c);
    free_range(r);
}

/** NETIMPACT over 001's table on the service basis: 1511, -915, -1047, 0; only the
 * permanent part ("V") on the total basis: 0, -1217, -1631, -504. */
static void test_netimpact_table_001(void **state)
{
    (void)state;
    range *r = seed_range("001_24239eb3fbd11930.txt", 22, 35, 6);
    sv_call c;
    const sv_cell *service[5] = {NULL, NULL, text_cell("service"), NULL, NULL};
    assert_ok(call("netImpact", r, service, &c));
    const double want[] = {1511, -915, -1047, 0};
    assert_int_equal(c.res.cols, 4);
    for (int j = 0; j < 4; j++)
        assert_close(c.res.matrix[j], want[j], 0);
    sv_call_done(&c);
    const sv_cell *perm[5] = {NULL, NULL, NULL, NULL, text_cell("V")};
    assert_ok(call("netImpact", r, perm, &c));
    const double wperm[] = {0, -1217, -1631, -504};
    for (int j = 0; j < 4; j++)
        assert_close(c.res.matrix[j], wperm[j], 0);
    sv_call_done(&c);
    free_range(r);
}

/** CASECHECK on TV04 names the first error in Danish; 2 errors, 1 warning (no
 * 'Implementeringsomkostninger' heading). On HA02 (lines 167-189): TRUE. */
static void test_casecheck(void **state)
{
    (void)state;
    range *r = seed_range("003_41e023f3ba919440.txt", 2004, 2023, 8);
    sv_call c;
    assert_ok(call("caseCheck", r, NULL, &c));
    assert_int_equal(c.res.kind, SV_RES_TEXT);
    assert_string_equal(c.res.text, "Samlet \xc3\xb8konomisk p\xc3\xa5virkning 2026: trykt 4.850, beregnet 3.750");
    sv_call_done(&c);
    const sv_cell *errors[5] = {NULL, num_cell(1), NULL, NULL, NULL};
    assert_ok(call("caseCheck", r, errors, &c));
    assert_close(c.res.num, 2, 0);
    sv_call_done(&c);
    const sv_cell *warnings[5] = {NULL, num_cell(2), NULL, NULL, NULL};
    assert_ok(call("caseCheck", r, warnings, &c));
    assert_close(c.res.num, 1, 0);
    sv_call_done(&c);
    free_range(r);
    r = seed_range("003_41e023f3ba919440.txt", 167, 189, 8);
    assert_ok(call("caseCheck", r, NULL, &c));
    assert_int_equal(c.res.kind, SV_RES_BOOL);
    assert_close(c.res.num, 1, 0);
    sv_call_done(&c);
    free_range(r);
}

/** Blank rows inside the selected range do not cut the table: TV04 with four empty rows
 * inserted after 'Samlet varig ændring' still gives the recomputed net row (year 3: 3750)
 * and CASECHECK still finds the two errors. */
static void test_blank_rows_inside_range(void **state)
{
    (void)state;
    range *r = seed_range("003_41e023f3ba919440.txt", 2004, 2023, 8);
    size_t cut = 10, gap = 4, rows = r->rows + gap; /* line 2013, after 'Samlet varig ændring' */
    sv_cell *cells = calloc(rows * r->cols, sizeof *cells);
    memcpy(cells, r->cells, cut * r->cols * sizeof *cells);
    memcpy(cells + (cut + gap) * r->cols, r->cells + cut * r->cols, (r->rows - cut) * r->cols * sizeof *cells);
    free(r->cells);
    r->cells = cells;
    r->rows = rows;
    sv_call c;
    const sv_cell *year3[5] = {NULL, NULL, NULL, num_cell(3), NULL};
    assert_ok(call("netImpact", r, year3, &c));
    assert_close(c.res.num, 3750, 0);
    sv_call_done(&c);
    const sv_cell *errors[5] = {NULL, num_cell(1), NULL, NULL, NULL};
    assert_ok(call("caseCheck", r, errors, &c));
    assert_close(c.res.num, 2, 0);
    sv_call_done(&c);
    free_range(r);
}

/** A range with no table: #N/A (no table), and areas without kinds: a shape error. */
static void test_no_table(void **state)
{
    (void)state;
    range *r = seed_range("003_41e023f3ba919440.txt", 40, 50, 8);
    sv_call c;
    assert_status(call("caseCheck", r, NULL, &c), SOCINV_E_NOTABLE);
    assert_int_equal(sv_error_class_of(SOCINV_E_NOTABLE), SV_ERR_NA);
    sv_call_done(&c);
    const sv_cell *areas[5] = {text_cell("Service"), NULL, NULL, NULL, NULL};
    assert_status(call("netImpact", r, areas, &c), SOCINV_E_SHAPE);
    sv_call_done(&c);
    free_range(r);
}

/** A range of numbers only arrives from the dispatcher as doubles, its cells not yet
 * written (sv_call.nums); the whole-table functions read it as cells, so they must have
 * them written first (sv_arg_read), or the recognizer would read the call's scratch
 * memory. The cells here start as text: after NETIMPACT and CASECHECK they hold the six
 * numbers, and a grid of numbers only has no labels, so no table: #N/A (SOCINV_E_NOTABLE). */
static void test_numbers_only_range(void **state)
{
    (void)state;
    static const double nums[6] = {1511, -1130, -504, 2, 0, 7.5};
    const char *methods[] = {"netImpact", "caseCheck"};
    for (size_t m = 0; m < 2; m++) {
        sv_cell cells[6];
        for (size_t k = 0; k < 6; k++)
            cells[k] = (sv_cell){SV_TEXT, 0.0, "not written", 11};
        sv_arg args[SV_MAX_PARAMS];
        const double *decoded[SV_MAX_PARAMS] = {nums};
        args[0] = (sv_arg){0, 2, 3, cells};
        for (size_t i = 1; i < SV_MAX_PARAMS; i++)
            args[i] = (sv_arg){1, 0, 0, NULL};
        const sv_function *fn = sv_function_find(methods[m], strlen(methods[m]));
        assert_non_null(fn);
        sv_call c;
        sv_call_init(&c, args, fn->nparams);
        c.nums = decoded;
        assert_status(fn->glue(&c), SOCINV_E_NOTABLE);
        for (size_t k = 0; k < 6; k++) {
            assert_int_equal(cells[k].kind, SV_NUMBER);
            assert_close(cells[k].num, nums[k], 0);
        }
        sv_call_done(&c);
    }
}

/* ---- the table memo (uno_memo.h): a later call given the same table ------------------------ */

/* The memo as the dispatcher keeps one, without UNO: the payload the last call kept. */
static void *kept;
static void (*kept_free)(void *);

static int keep_last(sv_call *c, void *payload, void (*free_payload)(void *))
{
    if (kept)
        kept_free(kept);
    kept = payload;
    kept_free = free_payload;
    c->memo.payload = payload;
    return 1;
}

static void forget(void)
{
    if (kept)
        kept_free(kept);
    kept = NULL;
}

/* call() with the table (argument 0) looked up in the memo: handed what the last call
 * kept when `hit`, else nothing (the last call's payload is replaced if this one keeps). */
static socinv_status call_memo(const char *method, const range *r, const sv_cell *more[5], sv_call *c, int hit)
{
    const sv_function *fn = prepare(method, r, more, c);
    c->memo.arg = 0;
    c->memo.keep = keep_last;
    c->memo.payload = hit ? kept : NULL;
    return fn->glue(c);
}

/* The same call with the memo's payload and without: the same status and result. */
static void same_with_memo(const char *method, const range *r, const sv_cell *more[5])
{
    sv_call plain, memo;
    socinv_status a = call(method, r, more, &plain);
    socinv_status b = call_memo(method, r, more, &memo, 1);
    assert_int_equal(b, a);
    assert_int_equal(memo.res.kind, plain.res.kind);
    if (a == SOCINV_OK && plain.res.kind == SV_RES_MATRIX) {
        assert_int_equal(memo.res.rows * memo.res.cols, plain.res.rows * plain.res.cols);
        assert_memory_equal(memo.res.matrix, plain.res.matrix, plain.res.rows * plain.res.cols * sizeof(double));
    } else if (a == SOCINV_OK && plain.res.kind == SV_RES_TEXT) {
        assert_string_equal(memo.res.text, plain.res.text);
    } else if (a == SOCINV_OK) {
        assert_memory_equal(&memo.res.num, &plain.res.num, sizeof(double));
    }
    sv_call_done(&plain);
    sv_call_done(&memo);
}

/** Every whole-table call given what an earlier call kept for the same table answers as
 * without it: NETIMPACT (every year, one year, a basis, a part) and CASECHECK (each output,
 * another tolerance than the audit kept, which is made again) after a CASECHECK kept TV04
 * (2 errors), HA02 (TRUE), 001 and a range with no table (#N/A) as read. */
static void test_memo_same_answers(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        size_t first, last, cols;
    } tables[] = {
        {"003_41e023f3ba919440.txt", 2004, 2023, 8},
        {"003_41e023f3ba919440.txt", 167, 189, 8},
        {"001_24239eb3fbd11930.txt", 22, 35, 6},
        {"003_41e023f3ba919440.txt", 40, 50, 8},
    };
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        range *r = seed_range(tables[t].file, tables[t].first, tables[t].last, tables[t].cols);
        sv_call c;
        const sv_cell *first[5] = {NULL, num_cell(1), NULL, NULL, NULL};
        (void)call_memo("caseCheck", r, first, &c, 0); /* reads, audits at tolerance 1 and keeps */
        sv_call_done(&c);
        assert_non_null(kept);
        const sv_cell *calls[][5] = {
            {NULL, NULL, NULL, NULL, NULL},
            {NULL, num_cell(1), NULL, NULL, NULL},
            {NULL, num_cell(2), NULL, NULL, NULL},
            {num_cell(100000), num_cell(1), NULL, NULL, NULL}, /* every difference within it */
            {num_cell(1), NULL, NULL, NULL, NULL},
        };
        for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++)
            same_with_memo("caseCheck", r, calls[k]);
        const sv_cell *nets[][5] = {
            {NULL, NULL, NULL, NULL, NULL},
            {NULL, NULL, NULL, num_cell(3), NULL},
            {NULL, NULL, text_cell("service"), NULL, NULL},
            {NULL, NULL, NULL, NULL, text_cell("V")},
            {NULL, NULL, text_cell("service"), num_cell(2), text_cell("I")},
            {NULL, NULL, NULL, num_cell(40), NULL}, /* a year past the table */
        };
        for (size_t k = 0; k < sizeof nets / sizeof nets[0]; k++)
            same_with_memo("netImpact", r, nets[k]);
        forget();
        free_range(r);
    }
}

/** The audit kept is for its tolerance only: TV04's 2 errors at tolerance 1 are none at
 * 100 000, whichever the memo saw first; and a memo kept while reading a table is handed
 * only to its argument (a call that looks up another argument gets nothing). */
static void test_memo_tolerance(void **state)
{
    (void)state;
    range *r = seed_range("003_41e023f3ba919440.txt", 2004, 2023, 8);
    sv_call c;
    const sv_cell *wide[5] = {num_cell(100000), num_cell(1), NULL, NULL, NULL};
    assert_ok(call_memo("caseCheck", r, wide, &c, 0));
    assert_close(c.res.num, 0, 0);
    sv_call_done(&c);
    const sv_cell *errors[5] = {NULL, num_cell(1), NULL, NULL, NULL};
    assert_ok(call_memo("caseCheck", r, errors, &c, 1));
    assert_close(c.res.num, 2, 0);
    sv_call_done(&c);
    assert_ok(call_memo("caseCheck", r, wide, &c, 1));
    assert_close(c.res.num, 0, 0);
    sv_call_done(&c);
    c.memo.arg = 1;
    c.memo.payload = kept;
    assert_null(sv_table_payload(&c, 0));
    assert_false(sv_table_keep(&c, 0, NULL, free));
    forget();
    free_range(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_netimpact_table_tv04),
        cmocka_unit_test(test_netimpact_table_001),
        cmocka_unit_test(test_casecheck),
        cmocka_unit_test(test_blank_rows_inside_range),
        cmocka_unit_test(test_no_table),
        cmocka_unit_test(test_numbers_only_range),
        cmocka_unit_test(test_memo_same_answers),
        cmocka_unit_test(test_memo_tolerance),
    };
    return cmocka_run_group_tests_name("glue_case", tests, NULL, NULL);
}
