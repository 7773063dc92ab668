/* Numbers as socinv's own text, the same under any locale (src/cnum.c, src/report.c):
 * each check runs in the C locale and again under a Danish one, whose printf writes
 * "0,5" and whose strtod stops at '.'. Before src/cnum.c, socinv_format_amount looked
 * for '.' in snprintf's output and crashed (NULL from strchr) under the Danish locale. */
#include "test_util.h"

/* The amounts as reports print them; worked out by hand. */
static void check_amounts(void)
{
    char buf[64];
    socinv_format_amount(4850, "da", buf, sizeof buf);
    assert_string_equal(buf, "4.850");
    socinv_format_amount(-1234567.5, "da", buf, sizeof buf);
    assert_string_equal(buf, "-1.234.567,5");
    socinv_format_amount(-1234567.5, "en", buf, sizeof buf);
    assert_string_equal(buf, "-1,234,567.5");
    socinv_format_amount(1.0 / 3.0, "da", buf, sizeof buf);
    assert_string_equal(buf, "0,333333");
    socinv_format_amount(2.245648, "en", buf, sizeof buf);
    assert_string_equal(buf, "2.245648");
    socinv_format_amount(-0.0000001, "da", buf, sizeof buf); /* rounds to 0 at 6 decimals: no "-0" */
    assert_string_equal(buf, "0");
    socinv_format_amount(NAN, "da", buf, sizeof buf);
    assert_string_equal(buf, "-");
    socinv_format_amount(2.5e15, "da", buf, sizeof buf); /* beyond grouping: printf's %g */
    assert_string_equal(buf, "2.5e+15");
    socinv_format_amount(-4850, "da", buf, 4); /* cut to cap - 1 bytes */
    assert_string_equal(buf, "-4.");
}

static void check_c_format(void)
{
    char buf[64];
    assert_int_equal(socinv_c_format(1.5, 'f', 2, buf, sizeof buf), 4);
    assert_string_equal(buf, "1.50");
    assert_int_equal(socinv_c_format(-0.125, 'e', 2, buf, sizeof buf), 9);
    assert_string_equal(buf, "-1.25e-01");
    socinv_c_format(0.1, 'g', 17, buf, sizeof buf);
    assert_string_equal(buf, "0.10000000000000001");
    socinv_c_format(1e21, 'g', 17, buf, sizeof buf);
    assert_string_equal(buf, "1e+21");
    socinv_c_format(3.0, 'f', 0, buf, sizeof buf);
    assert_string_equal(buf, "3");
    socinv_c_format(INFINITY, 'g', 6, buf, sizeof buf);
    assert_string_equal(buf, "inf");
    assert_int_equal(socinv_c_format(1234.5, 'f', 1, buf, 4), 6); /* cut, length of the whole */
    assert_string_equal(buf, "123");
    assert_int_equal(socinv_c_format(1.0, 'd', 1, buf, sizeof buf), -1);
    assert_int_equal(socinv_c_format(1.0, 'f', 41, buf, sizeof buf), -1);
    assert_int_equal(socinv_c_format(1.0, 'f', -1, buf, sizeof buf), -1);
}

static void check_c_parse(void)
{
    char *end;
    const char *s = "1.5";
    assert_true(socinv_c_parse(s, &end) == 1.5);
    assert_ptr_equal(end, s + 3);
    s = "-2.25e3 kr";
    assert_true(socinv_c_parse(s, &end) == -2250.0);
    assert_ptr_equal(end, s + 7);
    s = "1,5"; /* a comma is not the C locale's decimal point */
    assert_true(socinv_c_parse(s, &end) == 1.0);
    assert_ptr_equal(end, s + 1);
    s = "0.10000000000000001"; /* %.17g round trip */
    assert_true(socinv_c_parse(s, &end) == 0.1);
    assert_ptr_equal(end, s + strlen(s));
    s = "x1";
    assert_true(socinv_c_parse(s, &end) == 0.0);
    assert_ptr_equal(end, s);
    s = "7.";
    assert_true(socinv_c_parse(s, &end) == 7.0);
    assert_ptr_equal(end, s + 2);
}

/* Each check runs twice: in the program's locale and under a Danish one. */
typedef struct checks {
    void (*run)(void);
} checks;
static const checks amounts = {check_amounts}, c_format = {check_c_format}, c_parse = {check_c_parse};

static void test_in_program_locale(void **state)
{
    ((const checks *)*state)->run();
}

static void test_in_danish_locale(void **state)
{
    socinv_test_set_danish();
    ((const checks *)*state)->run();
    socinv_test_restore_locale();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(test_in_program_locale, (void *)&amounts),
        cmocka_unit_test_prestate(test_in_danish_locale, (void *)&amounts),
        cmocka_unit_test_prestate(test_in_program_locale, (void *)&c_format),
        cmocka_unit_test_prestate(test_in_danish_locale, (void *)&c_format),
        cmocka_unit_test_prestate(test_in_program_locale, (void *)&c_parse),
        cmocka_unit_test_prestate(test_in_danish_locale, (void *)&c_parse),
    };
    return cmocka_run_group_tests_name("cnum", tests, NULL, NULL);
}
