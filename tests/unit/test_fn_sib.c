/* The add-in's unit tests: SIBPAYOUT, SIBDECREASE, REFUNDNET, CASEPRICE, SIBUNCOVERED (addin/fn_sib.c). */
#include "glue_test.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
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
    };
    return cmocka_run_group_tests_name("fn_sib", tests, NULL, NULL);
}
