/* The add-in's unit tests: DISCFACTOR, DISCSCHEDULE, NPVSOC, BCR, NETROI, SWITCHBENEFITS (addin/fn_discount.c). */
#include "glue_test.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fn_disc_factor),
        T(test_fn_disc_factor_invalid),
        T(test_fn_disc_schedule),
        T(test_fn_disc_schedule_invalid),
        T(test_fn_npv_soc),
        T(test_fn_npv_soc_invalid),
        T(test_fn_benefit_cost),
        T(test_fn_benefit_cost_invalid),
    };
    return cmocka_run_group_tests_name("fn_discount", tests, NULL, NULL);
}
