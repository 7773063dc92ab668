/* Price/wage level (p/l) conversion with a user index series, and phased-in
 * first-year effects ('først fra juni', seed 004). */
#include "test_util.h"

/* An index series (the user supplies it; values chosen so the arithmetic is exact). */
static const double years[] = {2023, 2024, 2025};
static const double index_v[] = {97.5, 100, 102.5};

/* ---- happy path: p/l ------------------------------------------------------------------- */

/** factor = index(to)/index(from): 2024 -> 2025 = 102.5/100 = 1.025; 2025 -> 2024 = 100/102.5
 * = 0.975610; 2023 -> 2025 = 102.5/97.5 = 1.051282; the same year gives 1. */
static void test_pl_factor(void **state)
{
    (void)state;
    double f = 0;
    assert_ok(socinv_pl_factor(2024, 2025, years, index_v, 3, &f));
    assert_close(f, 1.025, 1e-15);
    assert_ok(socinv_pl_factor(2025, 2024, years, index_v, 3, &f));
    assert_close(f, 100 / 102.5, 1e-15);
    assert_close(f, 0.975610, 1e-6);
    assert_ok(socinv_pl_factor(2023, 2025, years, index_v, 3, &f));
    assert_close(f, 1.051282, 1e-6);
    assert_ok(socinv_pl_factor(2024, 2024, years, index_v, 3, &f));
    assert_close(f, 1, 0);
}

/** The series need not be sorted: years 2025, 2023, 2024 with their indices give the same 1.025,
 * and so do years descending, 2025, 2024, 2023 (the order check's other direction). */
static void test_pl_factor_unsorted(void **state)
{
    (void)state;
    const double y[] = {2025, 2023, 2024}, ix[] = {102.5, 97.5, 100};
    const double down[] = {2025, 2024, 2023}, down_ix[] = {102.5, 100, 97.5};
    double f = 0;
    assert_ok(socinv_pl_factor(2024, 2025, y, ix, 3, &f));
    assert_close(f, 1.025, 1e-15);
    f = 0;
    assert_ok(socinv_pl_factor(2024, 2025, down, down_ix, 3, &f));
    assert_close(f, 1.025, 1e-15);
}

/** Seed 004 rule 'udarbejdes i 2025 p/l, men udmøntes i 2024 p/l': -4100 in 2025 p/l is
 * -4100 x 100/102.5 = -4000 in 2024 p/l; and back, -4000 x 1.025 = -4100. */
static void test_pl_convert(void **state)
{
    (void)state;
    double v = 0;
    assert_ok(socinv_pl_convert(-4100, 2025, 2024, years, index_v, 3, &v));
    assert_close(v, -4000, 1e-9);
    assert_ok(socinv_pl_convert(-4000, 2024, 2025, years, index_v, 3, &v));
    assert_close(v, -4100, 1e-9);
    assert_ok(socinv_pl_convert(0, 2023, 2025, years, index_v, 3, &v));
    assert_close(v, 0, 0);
}

/* ---- invalid input: p/l -------------------------------------------------------------- */

/* socinv_pl_factor(from, to, years, index, n, out) on a bad input: its status, and the
 * factor untouched (out is NULL where no_out). */
typedef struct {
    double from, to;
    const double *years, *index;
    size_t n;
    int no_out;
    socinv_status expected;
    const char *why;
} bad_factor;

static const double frac_years[] = {2023, 2024.5, 2025}, repeated[] = {2024, 2024, 2025};
/* repeats that a one-pass check of the order must not miss: last pair, descending */
static const double repeated_last[] = {2023, 2024, 2024}, repeated_down[] = {2025, 2024, 2024};
static const double zero_ix[] = {97.5, 0, 102.5}, neg_ix[] = {97.5, 100, -102.5};
static const double nan_ix[] = {97.5, NAN, 102.5}, inf_years[] = {2023, INFINITY, 2025};

static const bad_factor bad_factors[] = {
    /* a year not in the series is E_MISSING_YEAR (from or to) */
    {2022, 2024, years, index_v, 3, 0, SOCINV_E_MISSING_YEAR, "from 2022: not in the series"},
    {2024, 2026, years, index_v, 3, 0, SOCINV_E_MISSING_YEAR, "to 2026: not in the series"},
    /* only the first n entries are the series: 2025 is outside n = 2 */
    {2024, 2025, years, index_v, 2, 0, SOCINV_E_MISSING_YEAR, "to 2025: outside n = 2"},
    /* non-whole or repeated years are E_DOMAIN; a zero or negative index E_INDEX */
    {2024.5, 2025, years, index_v, 3, 0, SOCINV_E_DOMAIN, "from 2024.5: not a whole year"},
    {2024, 2025.25, years, index_v, 3, 0, SOCINV_E_DOMAIN, "to 2025.25: not a whole year"},
    {2023, 2025, frac_years, index_v, 3, 0, SOCINV_E_DOMAIN, "2024.5 in the series"},
    {2024, 2025, repeated, index_v, 3, 0, SOCINV_E_DOMAIN, "2024 twice in the series"},
    {2023, 2024, repeated_last, index_v, 3, 0, SOCINV_E_DOMAIN, "2024 twice, ascending up to the last pair"},
    {2025, 2024, repeated_down, index_v, 3, 0, SOCINV_E_DOMAIN, "2024 twice, descending"},
    /* whole without floor(): 2^52 - 0.5 is a fraction; 1E300 is whole (so only missing) */
    {4503599627370495.5, 2025, years, index_v, 3, 0, SOCINV_E_DOMAIN, "from 2^52 - 0.5: not whole"},
    {2024, -4503599627370495.5, years, index_v, 3, 0, SOCINV_E_DOMAIN, "to -(2^52 - 0.5): not whole"},
    {1e300, 2025, years, index_v, 3, 0, SOCINV_E_MISSING_YEAR, "from 1E300: whole, not in the series"},
    {2024, 2025, years, zero_ix, 3, 0, SOCINV_E_INDEX, "an index of 0"},
    {2024, 2025, years, neg_ix, 3, 0, SOCINV_E_INDEX, "an index of -102.5"},
    /* NULLs, lengths and NaN/Inf in years, index or the year arguments */
    {2024, 2025, NULL, index_v, 3, 0, SOCINV_E_NULL, "no years"},
    {2024, 2025, years, NULL, 3, 0, SOCINV_E_NULL, "no index"},
    {2024, 2025, years, index_v, 3, 1, SOCINV_E_NULL, "no out"},
    {2024, 2025, years, index_v, 0, 0, SOCINV_E_LENGTH, "n = 0"},
    {2024, 2025, years, index_v, (size_t)-1, 0, SOCINV_E_LENGTH, "n = SIZE_MAX"},
    {2024, 2025, years, nan_ix, 3, 0, SOCINV_E_NONFINITE, "NaN in the index"},
    {2023, 2025, inf_years, index_v, 3, 0, SOCINV_E_NONFINITE, "Inf in the years"},
    {NAN, 2025, years, index_v, 3, 0, SOCINV_E_NONFINITE, "from NaN"},
    {2024, INFINITY, years, index_v, 3, 0, SOCINV_E_NONFINITE, "to Inf"},
    {-INFINITY, 2025, years, index_v, 3, 0, SOCINV_E_NONFINITE, "from -Inf"},
};

static void test_pl_factor_invalid(void **state)
{
    (void)state;
    double f = 7;
    for (size_t i = 0; i < N_OF(bad_factors); i++) {
        const bad_factor *c = &bad_factors[i];
        assert_status_(socinv_pl_factor(c->from, c->to, c->years, c->index, c->n, c->no_out ? NULL : &f),
                       c->expected, c->why, __FILE__, __LINE__);
        assert_close_row(f, 7, 0, c->why); /* untouched */
    }
}

/** Long series: up to SOCINV_MAX_INDEX_YEARS (10,000) years are read, in any order
 * (the repeat check used to compare every pair: a whole column froze Calc); one more
 * is E_LENGTH at once. Years 10000..1 descending, index = year + 1: the factor
 * from 1999 to 3999 is 4000 / 2000 = 2. With year 1 changed to 10000 (first and last
 * entries equal, the rest apart) the repeat is E_DOMAIN. */
static void test_pl_factor_long_series(void **state)
{
    (void)state;
    static double y[SOCINV_MAX_INDEX_YEARS + 1], ix[SOCINV_MAX_INDEX_YEARS + 1];
    const size_t n = SOCINV_MAX_INDEX_YEARS;
    for (size_t i = 0; i <= n; i++) {
        y[i] = (double)(n - i); /* 10000, 9999, ..., 1, then 0 */
        ix[i] = y[i] + 1.0;
    }
    double f = 7;
    assert_ok(socinv_pl_factor(1999, 3999, y, ix, n, &f));
    assert_close(f, 2.0, 0);
    assert_status(socinv_pl_factor(1999, 3999, y, ix, n + 1, &f), SOCINV_E_LENGTH);
    y[n - 1] = 10000; /* the last year (was 1) repeats the first */
    assert_status(socinv_pl_factor(1999, 3999, y, ix, n, &f), SOCINV_E_DOMAIN);
    assert_close(f, 2.0, 0);
}

/** pl_convert: its own amount and out arguments, the factor's errors, and overflow. */
static void test_pl_convert_invalid(void **state)
{
    (void)state;
    double v = 7;
    assert_status(socinv_pl_convert(1000, 2024, 2025, years, index_v, 3, NULL), SOCINV_E_NULL);
    assert_status(socinv_pl_convert(NAN, 2024, 2025, years, index_v, 3, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_pl_convert(INFINITY, 2024, 2025, years, index_v, 3, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_pl_convert(1000, 2024, 2026, years, index_v, 3, &v), SOCINV_E_MISSING_YEAR);
    assert_status(socinv_pl_convert(1000, 2024, 2025, NULL, index_v, 3, &v), SOCINV_E_NULL);
    assert_status(socinv_pl_convert(1000, 2024, 2025, years, index_v, 0, &v), SOCINV_E_LENGTH);
    assert_status(socinv_pl_convert(1000, 2024, 2025, years, zero_ix, 3, &v), SOCINV_E_INDEX);
    assert_status(socinv_pl_convert(1000, 2024.5, 2025, years, index_v, 3, &v), SOCINV_E_DOMAIN);
    assert_close(v, 7, 0);
    /* 1.79e308 x 1.025 = 1.835e308 > DBL_MAX (1.798e308) */
    assert_status(socinv_pl_convert(1.79e308, 2024, 2025, years, index_v, 3, &v), SOCINV_E_OVERFLOW);
}

/* ---- phase-in --------------------------------------------------------------------------- */

typedef socinv_status (*phase_fn)(double full_year, double when, double *out);

/* phase(full_year, when) = expected: socinv_phase_in's when is the start month,
 * socinv_phase_in_months's the number of months. */
static const struct {
    phase_fn phase;
    double full_year, when, expected, tol;
    const char *what;
} phase_cases[] = {
    /* 'først fra juni' (seed 004): June to December is 7 months, full_year x (13 - 6)/12 */
    {socinv_phase_in, -1200, 6, -700, 1e-12, "from June: -1200 x 7/12 = -700"},
    {socinv_phase_in, -1200, 1, -1200, 0, "from January: the full year"},
    {socinv_phase_in, -1200, 12, -100, 1e-12, "from December: -1200 x 1/12 = -100"},
    {socinv_phase_in, 1000, 7, 500, 1e-12, "from July: 13 - 7 = 6 months, 1000 x 6/12 = 500"},
    /* full_year x months/12 */
    {socinv_phase_in_months, -1200, 3, -300, 1e-12, "3 months of -1200: -300"},
    {socinv_phase_in_months, -1200, 0, 0, 0, "0 months: 0"},
    {socinv_phase_in_months, -1200, 12, -1200, 0, "12 months: the year"},
    {socinv_phase_in_months, 800, 1.5, 100, 1e-12, "1.5 months: 800 x 1/8 = 100"},
};

static void test_phase_in(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(phase_cases); i++) {
        double v = 0;
        assert_ok(phase_cases[i].phase(phase_cases[i].full_year, phase_cases[i].when, &v));
        assert_close_row(v, phase_cases[i].expected, phase_cases[i].tol, phase_cases[i].what);
    }
}

/* phase(full_year, when, out) on a bad input: its status, out untouched (NULL where no_out). */
static const struct {
    phase_fn phase;
    double full_year, when;
    int no_out;
    socinv_status expected;
} bad_phases[] = {
    /* start months outside 1-12 (or not a month) are E_DOMAIN, NaN/Inf E_NONFINITE, NULL E_NULL */
    {socinv_phase_in, -1200, 0, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in, -1200, 13, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in, -1200, -6, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in, -1200, 6.5, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in, -1200, NAN, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in, -1200, INFINITY, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in, NAN, 6, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in, -INFINITY, 6, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in, -1200, 6, 1, SOCINV_E_NULL},
    /* months outside 0-12 are E_DOMAIN, NaN/Inf E_NONFINITE, NULL E_NULL */
    {socinv_phase_in_months, -1200, -0.5, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in_months, -1200, 12.5, 0, SOCINV_E_DOMAIN},
    {socinv_phase_in_months, -1200, NAN, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in_months, -1200, -INFINITY, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in_months, INFINITY, 3, 0, SOCINV_E_NONFINITE},
    {socinv_phase_in_months, -1200, 3, 1, SOCINV_E_NULL},
};

static void test_phase_in_invalid(void **state)
{
    (void)state;
    double v = 7;
    char row[32];
    for (size_t i = 0; i < N_OF(bad_phases); i++) {
        snprintf(row, sizeof row, "bad_phases[%zu]", i);
        assert_status_(bad_phases[i].phase(bad_phases[i].full_year, bad_phases[i].when, bad_phases[i].no_out ? NULL : &v),
                       bad_phases[i].expected, row, __FILE__, __LINE__);
        assert_close_row(v, 7, 0, row); /* untouched */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pl_factor),
        cmocka_unit_test(test_pl_factor_unsorted),
        cmocka_unit_test(test_pl_factor_long_series),
        cmocka_unit_test(test_pl_convert),
        cmocka_unit_test(test_pl_factor_invalid),
        cmocka_unit_test(test_pl_convert_invalid),
        cmocka_unit_test(test_phase_in),
        cmocka_unit_test(test_phase_in_invalid),
    };
    return cmocka_run_group_tests_name("prices", tests, NULL, NULL);
}
