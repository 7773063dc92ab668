/* The add-in's unit tests: PAYBACK and PAYBACKDISC, and the portfolio form (addin/fn_payback.c). */
#include "glue_test.h"
#include "params.h"

/* ====================================================================================== */
/* ---- glue: PAYBACK ------------------------------------------------------------------------ */


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

/** Method, sign and horizon all left out take the library's defaults without reading the
 * table's: they must be the same (whole years 0, sign 1, horizon 100), for PAYBACK and
 * PAYBACKDISC. One given option reads all three from the table: sign -1 on 001 entered
 * SØM-style (-1511, 1130, 1551, 504) is year 3 at DK2021 as with sign 1 on 001; horizon 2
 * on 001 stops before its year 3: #N/A; method 1 on 001 at 0 %: 2 + 381/1551. */
static void test_fn_payback_default_opts(void **state)
{
    (void)state;
    const socinv_payback_opts d = socinv_payback_opts_default();
    const size_t rows[] = {SV_ROW_PAYBACK, SV_ROW_PAYBACKDISC};
    const size_t method[] = {SV_PAYBACK_METHOD, SV_PAYBACKDISC_METHOD}, sign[] = {SV_PAYBACK_SIGN, SV_PAYBACKDISC_SIGN},
                 horizon[] = {SV_PAYBACK_HORIZON, SV_PAYBACKDISC_HORIZON};
    for (size_t i = 0; i < 2; i++) {
        const sv_param *p = sv_functions[rows[i]].params;
        assert_true(p[method[i]].dflt_value == (double)d.method);
        assert_true(p[sign[i]].dflt_value == (double)d.sign);
        assert_true(p[horizon[i]].dflt_value == (double)d.horizon);
    }
    assert_int_equal(d.method, SOCINV_PAYBACK_WHOLE);
    assert_int_equal(d.sign, 1);
    assert_int_equal(d.horizon, 100);
    /* left out: the defaults; one given: the table's for the others */
    assert_close(go_num("paybackDisc", ARGS(ROW(S001))), 3, 0);
    const sv_arg som = ROW(NUM(-1511), NUM(1130), NUM(1551), NUM(504));
    assert_close(go_num("paybackDisc", ARGS(som, OMIT, OMIT, OMIT, N1(-1))), 3, 0);
    assert_status(go("paybackDisc", ARGS(ROW(S001), OMIT, OMIT, OMIT, OMIT, N1(2))), SOCINV_NO_RESULT);
    assert_close(go_num("paybackDisc", ARGS(ROW(S001), N1(0), N1(1))), 2 + 381.0 / 1551.0, 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fn_payback),
        T(test_fn_payback_blanks),
        T(test_fn_payback_options),
        T(test_fn_payback_method3),
        T(test_fn_portfolio),
        T(test_fn_payback_invalid),
        T(test_fn_payback_disc),
        T(test_fn_payback_disc_invalid),
        T(test_fn_payback_default_opts),
    };
    return cmocka_run_group_tests_name("fn_payback", tests, NULL, NULL);
}
