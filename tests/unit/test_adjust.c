/* Adjustments of a gross effect (deadweight, displacement, attribution, drop-off,
 * optimism bias), the optimism-bias uplift of costs, and splitting amounts between
 * bodies by shares. */
#include <stdlib.h>

#include "test_util.h"

static socinv_impact_factors factors(double dw, double disp, double attr, double drop, double ob)
{
    socinv_impact_factors f = {dw, disp, attr, drop, ob};
    return f;
}

/* ---- happy path and boundaries: impact adjustment -------------------------------------- */

/* One adjustment: gross x (1-dw)(1-disp)(1-attr)(1-drop)^(year-1)(1-ob) = expected. */
typedef struct {
    double gross;
    socinv_impact_factors f; /* deadweight, displacement, attribution, dropoff, optimism_bias */
    unsigned year;
    double expected, tol;
    const char *what; /* the sum worked out by hand */
} adjust_case;

static const adjust_case adjust_cases[] = {
    {1000, {0.2, 0.1, 0.25, 0.1, 0}, 3, 437.4, 1e-9,
     "1000 x (1-0.2)(1-0.1)(1-0.25)(1-0.1)^(3-1) = 1000 x 0.8 x 0.9 x 0.75 x 0.81 = 437.4"},
    /* optimism bias is one more haircut */
    {1000, {0.2, 0.1, 0.25, 0.1, 0.5}, 3, 218.7, 1e-9, "437.4 x (1 - 0.5) = 218.7"},
    /* drop-off starts after year 1 */
    {1000, {0.2, 0, 0, 0.1, 0}, 1, 800, 1e-12, "year 1 has no drop-off: 1000 x 0.8 = 800"},
    {1000, {0.2, 0, 0, 0.1, 0}, 2, 720, 1e-12, "year 2 has one: 1000 x 0.8 x 0.9 = 720"},
    /* a negative (saving) gross keeps its sign */
    {-2000, {0.25, 0, 0, 0, 0}, 1, -1500, 1e-12, "-2000 x (1 - 0.25) = -1500"},
    /* shares of 0 leave the gross alone; a share of 1 takes all of it */
    {1234.5, {0, 0, 0, 0, 0}, 10, 1234.5, 0, "no shares: 1234.5 x 1 = 1234.5"},
    {1234.5, {0, 0, 1, 0, 0}, 1, 0, 0, "attribution 1: 1234.5 x (1 - 1) = 0"},
    {1000, {0, 0, 0, 1, 0}, 1, 1000, 0, "a drop-off of 1 leaves year 1 whole: 1000"},
    {1000, {0, 0, 0, 1, 0}, 2, 0, 0, "a drop-off of 1: nothing is left from year 2"},
};

static void test_impact_adjust(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(adjust_cases); i++) {
        const adjust_case *c = &adjust_cases[i];
        double v = 0;
        assert_ok(socinv_impact_adjust(c->gross, &c->f, c->year, &v));
        assert_close_row(v, c->expected, c->tol, c->what);
    }
}

/* ---- invalid input: impact adjustment -------------------------------------------------- */

/** Each of the five shares outside 0-1 is E_SHARE, NaN/Inf E_NONFINITE; year 0 E_DOMAIN; out untouched. */
static void test_impact_adjust_invalid(void **state)
{
    (void)state;
    double v = 7;
    socinv_impact_factors ok = factors(0.2, 0.1, 0.25, 0.1, 0);
    assert_status(socinv_impact_adjust(1000, NULL, 1, &v), SOCINV_E_NULL);
    assert_status(socinv_impact_adjust(1000, &ok, 1, NULL), SOCINV_E_NULL);
    assert_status(socinv_impact_adjust(1000, &ok, 0, &v), SOCINV_E_DOMAIN); /* years start at 1 */
    assert_status(socinv_impact_adjust(NAN, &ok, 1, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_impact_adjust(INFINITY, &ok, 1, &v), SOCINV_E_NONFINITE);
    for (size_t k = 0; k < 5; k++) {
        double bad[] = {-0.01, 1.01, 20.0};
        for (size_t b = 0; b < N_OF(bad); b++) {
            socinv_impact_factors f = ok;
            double *slot = k == 0 ? &f.deadweight : k == 1 ? &f.displacement : k == 2 ? &f.attribution
                         : k == 3 ? &f.dropoff : &f.optimism_bias;
            *slot = bad[b];
            assert_status(socinv_impact_adjust(1000, &f, 1, &v), SOCINV_E_SHARE);
            *slot = NAN;
            assert_status(socinv_impact_adjust(1000, &f, 1, &v), SOCINV_E_NONFINITE);
            *slot = -INFINITY;
            assert_status(socinv_impact_adjust(1000, &f, 1, &v), SOCINV_E_NONFINITE);
        }
    }
    assert_close(v, 7, 0);
}

/* ---- happy path: optimism uplift ------------------------------------------------------- */

/* costs x (1 + rate x (1 - mitigation)) = expected */
static const struct {
    double costs, rate, mitigation, expected, tol;
    const char *what;
} uplift_cases[] = {
    {1000, 0.44, 0.5, 1220, 1e-9, "1000 x (1 + 0.44 x 0.5) = 1220"},
    {1000, 0.44, 0, 1440, 1e-9, "no mitigation: 1000 x (1 + 0.44) = 1440"},
    {1000, 0.44, 1, 1000, 0, "full mitigation: 1000"},
    /* a negative rate above -1 haircuts (benefits) */
    {1000, -0.2, 0, 800, 1e-9, "1000 x (1 - 0.2) = 800"},
    {1000, -0.99, 0, 10, 1e-9, "1000 x (1 - 0.99) = 10"},
};

static void test_optimism_uplift(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(uplift_cases); i++) {
        double v = 0;
        assert_ok(socinv_optimism_uplift(uplift_cases[i].costs, uplift_cases[i].rate, uplift_cases[i].mitigation, &v));
        assert_close_row(v, uplift_cases[i].expected, uplift_cases[i].tol, uplift_cases[i].what);
    }
}

/* ---- invalid input: optimism uplift ---------------------------------------------------- */

/** rate <= -1 is E_RATE, mitigation outside 0-1 E_SHARE, NaN/Inf E_NONFINITE, overflow; out untouched. */
static void test_optimism_uplift_invalid(void **state)
{
    (void)state;
    double v = 7;
    assert_status(socinv_optimism_uplift(1000, -1.0, 0, &v), SOCINV_E_RATE);
    assert_status(socinv_optimism_uplift(1000, -1.5, 0, &v), SOCINV_E_RATE);
    assert_status(socinv_optimism_uplift(1000, 0.44, -0.1, &v), SOCINV_E_SHARE);
    assert_status(socinv_optimism_uplift(1000, 0.44, 1.1, &v), SOCINV_E_SHARE);
    assert_status(socinv_optimism_uplift(NAN, 0.44, 0, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_optimism_uplift(1000, INFINITY, 0, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_optimism_uplift(1000, 0.44, NAN, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_optimism_uplift(-INFINITY, 0.44, 0, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_optimism_uplift(1000, 0.44, 0, NULL), SOCINV_E_NULL);
    assert_close(v, 7, 0);
    /* 1e308 x (1 + 1) = 2e308 > DBL_MAX */
    assert_status(socinv_optimism_uplift(1e308, 1.0, 0, &v), SOCINV_E_OVERFLOW);
}

/* ---- happy path: share ------------------------------------------------------------------- */

/** out[i*k + j] = values[i] x shares[j]: 1000 and 500 split 50/30/20 ->
 * 500, 300, 200 | 250, 150, 100. */
static void test_share(void **state)
{
    (void)state;
    const double values[] = {1000, 500}, shares[] = {0.5, 0.3, 0.2};
    double out[6];
    assert_ok(socinv_share(values, 2, shares, 3, out));
    const double expected[] = {500, 300, 200, 250, 150, 100};
    for (size_t i = 0; i < 6; i++)
        assert_close(out[i], expected[i], 1e-12);
}

/** One body taking everything: share {1} copies the values (negative kept: -4100 -> -4100). */
static void test_share_single_body(void **state)
{
    (void)state;
    const double values[] = {-4100, 0, 7}, shares[] = {1};
    double out[3];
    assert_ok(socinv_share(values, 3, shares, 1, out));
    assert_close(out[0], -4100, 0);
    assert_close(out[1], 0, 0);
    assert_close(out[2], 7, 0);
}

/* ---- boundaries: share ------------------------------------------------------------------ */

/** Shares add up to 1 within 1e-9: 1 + 1e-10 is accepted, 1 + 1e-8 and 0.9 are not. */
static void test_share_sum_tolerance(void **state)
{
    (void)state;
    const double values[] = {100};
    double out[2] = {7, 7};
    const double near[] = {0.5, 0.5 + 1e-10}, off[] = {0.5, 0.5 + 1e-8}, short_[] = {0.5, 0.4};
    assert_ok(socinv_share(values, 1, near, 2, out));
    assert_close(out[0], 50, 1e-12);
    out[0] = out[1] = 7;
    assert_status(socinv_share(values, 1, off, 2, out), SOCINV_E_SHARE);
    assert_status(socinv_share(values, 1, short_, 2, out), SOCINV_E_SHARE);
    assert_close(out[0], 7, 0);
    assert_close(out[1], 7, 0);
}

/* ---- invalid input: share -------------------------------------------------------------------- */

/** A share outside 0-1 (even if the sum is 1) is E_SHARE; NULLs, lengths, NaN/Inf; out untouched. */
static void test_share_invalid(void **state)
{
    (void)state;
    const double values[] = {1000, 500}, shares[] = {0.5, 0.3, 0.2};
    const double neg[] = {1.2, -0.2}, nans[] = {0.5, NAN}, infv[] = {INFINITY, 1};
    double out[6] = {7, 7, 7, 7, 7, 7};
    assert_status(socinv_share(values, 2, neg, 2, out), SOCINV_E_SHARE);
    assert_status(socinv_share(values, 2, nans, 2, out), SOCINV_E_NONFINITE);
    assert_status(socinv_share(infv, 2, shares, 3, out), SOCINV_E_NONFINITE);
    assert_status(socinv_share(NULL, 2, shares, 3, out), SOCINV_E_NULL);
    assert_status(socinv_share(values, 2, NULL, 3, out), SOCINV_E_NULL);
    assert_status(socinv_share(values, 2, shares, 3, NULL), SOCINV_E_NULL);
    assert_status(socinv_share(values, 0, shares, 3, out), SOCINV_E_LENGTH);
    assert_status(socinv_share(values, 2, shares, 0, out), SOCINV_E_LENGTH);
    assert_status(socinv_share(values, (size_t)-1, shares, 3, out), SOCINV_E_LENGTH);
    assert_status(socinv_share(values, 2, shares, (size_t)-1, out), SOCINV_E_LENGTH);
    for (size_t i = 0; i < 6; i++)
        assert_close(out[i], 7, 0);
}

/** n x k above SOCINV_MAX_CELLS is E_LENGTH even when each input is short enough:
 * 2^13 values x 2^14 shares (each 2^-14, adding up to exactly 1) = 2^27 > 2^26. */
static void test_share_too_many_cells(void **state)
{
    (void)state;
    const size_t n = (size_t)1 << 13, k = (size_t)1 << 14;
    double *values = calloc(n, sizeof *values), *shares = malloc(k * sizeof *shares);
    assert_non_null(values);
    assert_non_null(shares);
    for (size_t j = 0; j < k; j++)
        shares[j] = 1.0 / (double)k;
    double out[1] = {7};
    assert_status(socinv_share(values, n, shares, k, out), SOCINV_E_LENGTH);
    assert_close(out[0], 7, 0);
    free(values);
    free(shares);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_impact_adjust),
        cmocka_unit_test(test_impact_adjust_invalid),
        cmocka_unit_test(test_optimism_uplift),
        cmocka_unit_test(test_optimism_uplift_invalid),
        cmocka_unit_test(test_share),
        cmocka_unit_test(test_share_single_body),
        cmocka_unit_test(test_share_sum_tolerance),
        cmocka_unit_test(test_share_invalid),
        cmocka_unit_test(test_share_too_many_cells),
    };
    return cmocka_run_group_tests_name("adjust", tests, NULL, NULL);
}
