/* Reduction targets (seed 002): netto-udestående = target - achieved per year, with
 * reductions negative; optionally a shortfall is added to the next year's target. */
#include "test_util.h"

/* Seed 002, 'Økonomioversigt' (1.000 kr.), 2021-2024:
 *   Reduktionsmål i budgetaftale            -2.000  -3.000  -5.000  -7.000
 *   Foranstaltninger vedr. unge               -977  -1.257  -1.257  -1.257
 *   Forventet, men p.t. ufordelt            -1.023  -1.023  -1.023  -1.023
 *   Netto-udestående                             0    -720  -2.720  -4.720
 * achieved = -977 - 1023 = -2000, then -1257 - 1023 = -2280 each year. */
static const double targets002[] = {-2000, -3000, -5000, -7000};
static const double achieved002[] = {-2000, -2280, -2280, -2280};

/* ---- seed tables ------------------------------------------------------------------- */

/** Without carry the printed row: -2000+2000 = 0, -3000+2280 = -720, -5000+2280 = -2720, -7000+2280 = -4720. */
static void test_seed002_printed_row(void **state)
{
    (void)state;
    double gap[4];
    assert_ok(socinv_target_gap(targets002, achieved002, 4, 0, gap));
    assert_close(gap[0], 0, 0);
    assert_close(gap[1], -720, 0);
    assert_close(gap[2], -2720, 0);
    assert_close(gap[3], -4720, 0);
}

/** The text's reading, a shortfall added to next year's target:
 * 0; -3000+2280 = -720; (-5000-720)+2280 = -3440; (-7000-3440)+2280 = -8160. */
static void test_seed002_carry(void **state)
{
    (void)state;
    double gap[4];
    assert_ok(socinv_target_gap(targets002, achieved002, 4, 1, gap));
    assert_close(gap[0], 0, 0);
    assert_close(gap[1], -720, 0);
    assert_close(gap[2], -3440, 0);
    assert_close(gap[3], -8160, 0);
}

/** The initiatives summed by hand give the achieved row: -977 + -1023 = -2000, -1257 + -1023 = -2280. */
static void test_seed002_initiatives(void **state)
{
    (void)state;
    const double unge[] = {-977, -1257, -1257, -1257}, ufordelt[] = {-1023, -1023, -1023, -1023};
    double achieved[4], gap[4];
    for (size_t t = 0; t < 4; t++)
        achieved[t] = unge[t] + ufordelt[t];
    assert_ok(socinv_target_gap(targets002, achieved, 4, 0, gap));
    assert_close(gap[3], -4720, 0);
}

/* ---- happy path ------------------------------------------------------------------------ */

/** A surplus does not carry (it goes to the general budget): targets -1000 x 3, achieved
 * -1500, -500, -500. No carry: 500, -500, -500. Carry: 500 (not carried), -500 (carried),
 * -1000 - 500 + 500 = -1000. */
static void test_surplus_not_carried(void **state)
{
    (void)state;
    const double t[] = {-1000, -1000, -1000}, a[] = {-1500, -500, -500};
    double gap[3];
    assert_ok(socinv_target_gap(t, a, 3, 0, gap));
    assert_close(gap[0], 500, 0);
    assert_close(gap[1], -500, 0);
    assert_close(gap[2], -500, 0);
    assert_ok(socinv_target_gap(t, a, 3, 1, gap));
    assert_close(gap[0], 500, 0);
    assert_close(gap[1], -500, 0);
    assert_close(gap[2], -1000, 0);
}

/** A shortfall carried and then made good: targets -100, -100, achieved -50, -150:
 * carry: -50, then -100 - 50 + 150 = 0; no carry: -50, 50. */
static void test_carry_made_good(void **state)
{
    (void)state;
    const double t[] = {-100, -100}, a[] = {-50, -150};
    double gap[2];
    assert_ok(socinv_target_gap(t, a, 2, 1, gap));
    assert_close(gap[0], -50, 0);
    assert_close(gap[1], 0, 0);
    assert_ok(socinv_target_gap(t, a, 2, 0, gap));
    assert_close(gap[1], 50, 0);
}

/* ---- boundaries ---------------------------------------------------------------------- */

/** One year: carry changes nothing; any nonzero carry flag means carry. */
static void test_one_year_and_carry_flag(void **state)
{
    (void)state;
    const double t[] = {-300}, a[] = {-100};
    double gap[1];
    assert_ok(socinv_target_gap(t, a, 1, 1, gap));
    assert_close(gap[0], -200, 0);
    double g4[4];
    assert_ok(socinv_target_gap(targets002, achieved002, 4, 7, g4));
    assert_close(g4[3], -8160, 0);
}

/* ---- invalid input ------------------------------------------------------------------- */

/** NULLs, empty and "negative" lengths, NaN/Inf: each its status, gap untouched. */
static void test_invalid(void **state)
{
    (void)state;
    const double nanv[] = {-2000, NAN, -5000, -7000}, infv[] = {-2000, -2280, -INFINITY, -2280};
    double gap[4] = {7, 7, 7, 7};
    assert_status(socinv_target_gap(NULL, achieved002, 4, 0, gap), SOCINV_E_NULL);
    assert_status(socinv_target_gap(targets002, NULL, 4, 0, gap), SOCINV_E_NULL);
    assert_status(socinv_target_gap(targets002, achieved002, 4, 0, NULL), SOCINV_E_NULL);
    assert_status(socinv_target_gap(targets002, achieved002, 0, 0, gap), SOCINV_E_LENGTH);
    assert_status(socinv_target_gap(targets002, achieved002, (size_t)-1, 0, gap), SOCINV_E_LENGTH);
    assert_status(socinv_target_gap(nanv, achieved002, 4, 1, gap), SOCINV_E_NONFINITE);
    assert_status(socinv_target_gap(targets002, infv, 4, 0, gap), SOCINV_E_NONFINITE);
    for (size_t i = 0; i < 4; i++)
        assert_close(gap[i], 7, 0);
}

/** A gap too large for a double overflows: -1.5e308 target against 1.5e308 achieved. */
static void test_overflow(void **state)
{
    (void)state;
    const double t[] = {-1.5e308}, a[] = {1.5e308};
    double gap[1];
    assert_status(socinv_target_gap(t, a, 1, 0, gap), SOCINV_E_OVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed002_printed_row),
        cmocka_unit_test(test_seed002_carry),
        cmocka_unit_test(test_seed002_initiatives),
        cmocka_unit_test(test_surplus_not_carried),
        cmocka_unit_test(test_carry_made_good),
        cmocka_unit_test(test_one_year_and_carry_flag),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_overflow),
    };
    return cmocka_run_group_tests_name("targetgap", tests, NULL, NULL);
}
