/* The add-in's unit tests: TARGETGAP, PLFACTOR, PLCONVERT, PHASEIN, IMPACTADJ, OBUPLIFT, SHARE (addin/fn_misc.c). */
#include "glue_test.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fn_target_gap),
        T(test_fn_target_gap_invalid),
        T(test_fn_pl),
        T(test_fn_pl_invalid),
        T(test_fn_phase_in),
        T(test_fn_phase_in_invalid),
        T(test_fn_impact_adj),
        T(test_fn_impact_adj_invalid),
        T(test_fn_ob_uplift),
        T(test_fn_ob_uplift_invalid),
        T(test_fn_share),
        T(test_fn_share_invalid),
    };
    return cmocka_run_group_tests_name("fn_misc", tests, NULL, NULL);
}
