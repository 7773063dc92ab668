/* A printed total against the rows it should sum (the basic table check). */
#include "test_util.h"

/** 003 TV04: the permanent and implementation subtotals sum to 350, 5950, 3750, 1750,
 * -2900, -2900 but 'Samlet økonomisk påvirkning' prints 4850 in 2026 (-2450 + 6200 = 3750):
 * the first mismatch is column 2 (0-based), printed 4850, computed 3750. */
static void test_seed003_tv04_net(void **state)
{
    (void)state;
    const double rows[] = {
        0, -1900, -2450, -2800, -2900, -2900, /* Samlet varig ændring */
        350, 7850, 6200, 4550, 0, 0,          /* Samlede implementeringsomkostninger */
    };
    const double printed[] = {350, 5950, 4850, 3950, -2900, -2900};
    socinv_mismatch m = {99, 99, 0, 0};
    int ok = -1;
    assert_ok(socinv_check_sum(rows, 2, 6, printed, SOCINV_CHECK_TOLERANCE, &m, &ok));
    assert_int_equal(ok, 0);
    assert_int_equal(m.col, 2);
    assert_int_equal(m.row, 2);
    assert_close(m.printed, 4850, 0);
    assert_close(m.computed, 3750, 0);
}

/** TV04's implementation subtotal is right: 175+175 = 350; 350+350+2750+2750+1650 = 7850;
 * 350+350+2200+2200+1100 = 6200; 350+350+1650+1650+550 = 4550. */
static void test_seed003_tv04_implementation(void **state)
{
    (void)state;
    const double rows[] = {
        175, 350, 350, 350, /* Projektledelse SOF */
        175, 350, 350, 350, /* Projektledelse BUF */
        0, 2750, 2200, 1650, /* 5 Daginstitutionssocialrådgivere */
        0, 2750, 2200, 1650, /* 5 medarbejdere til den tværfaglige support */
        0, 1650, 1100, 550,  /* Frikøbsmidler */
    };
    const double printed[] = {350, 7850, 6200, 4550};
    int ok = 0;
    assert_ok(socinv_check_sum(rows, 5, 4, printed, SOCINV_CHECK_TOLERANCE, NULL, &ok));
    assert_int_equal(ok, 1);
}

/** Rounding to whole thousands is not an error at the default tolerance, 1 is. */
static void test_tolerance(void **state)
{
    (void)state;
    const double rows[] = {0.4, 1.2};
    const double near[] = {1.5}, off[] = {2.6};
    int ok = 0;
    assert_ok(socinv_check_sum(rows, 2, 1, near, SOCINV_CHECK_TOLERANCE, NULL, &ok));
    assert_int_equal(ok, 1); /* |1.5 - 1.6| = 0.1 */
    assert_ok(socinv_check_sum(rows, 2, 1, off, SOCINV_CHECK_TOLERANCE, NULL, &ok));
    assert_int_equal(ok, 0); /* |2.6 - 1.6| = 1 */
    assert_ok(socinv_check_sum(rows, 2, 1, off, 1.0, NULL, &ok));
    assert_int_equal(ok, 1);
    assert_ok(socinv_check_sum(rows, 2, 1, near, 0.0, NULL, &ok));
    assert_int_equal(ok, 0);
}

/** Invalid input. */
static void test_invalid(void **state)
{
    (void)state;
    const double rows[] = {1, 2}, printed[] = {3}, nanp[] = {NAN};
    int ok = 5;
    assert_status(socinv_check_sum(NULL, 2, 1, printed, 0.5, NULL, &ok), SOCINV_E_NULL);
    assert_status(socinv_check_sum(rows, 2, 1, NULL, 0.5, NULL, &ok), SOCINV_E_NULL);
    assert_status(socinv_check_sum(rows, 2, 1, printed, 0.5, NULL, NULL), SOCINV_E_NULL);
    assert_status(socinv_check_sum(rows, 0, 1, printed, 0.5, NULL, &ok), SOCINV_E_LENGTH);
    assert_status(socinv_check_sum(rows, (size_t)-1, 1, printed, 0.5, NULL, &ok), SOCINV_E_LENGTH);
    assert_status(socinv_check_sum(rows, 2, 1, nanp, 0.5, NULL, &ok), SOCINV_E_NONFINITE);
    assert_status(socinv_check_sum(rows, 2, 1, printed, NAN, NULL, &ok), SOCINV_E_NONFINITE);
    assert_status(socinv_check_sum(rows, 2, 1, printed, -1, NULL, &ok), SOCINV_E_DOMAIN);
    assert_int_equal(ok, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed003_tv04_net),
        cmocka_unit_test(test_seed003_tv04_implementation),
        cmocka_unit_test(test_tolerance),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
