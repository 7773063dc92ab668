/* Numbers as the seeds print them: Danish thousands and decimals, dashes for
 * zero, footnote marks, units, and what is not a number. */
#include "test_util.h"

static double num(const char *s, socinv_number_style style)
{
    double v = -12345.678;
    assert_ok(socinv_parse_number(s, strlen(s), style, &v));
    return v;
}

static socinv_status parse(const char *s, socinv_number_style style)
{
    double v;
    return socinv_parse_number(s, strlen(s), style, &v);
}

/* ---- seed spellings ------------------------------------------------------------------ */

/** Amounts from 001/003: "1.200", "-4.100", "1.511", "0". */
static void test_danish_thousands(void **state)
{
    (void)state;
    assert_close(num("1.200", SOCINV_NUMBERS_AUTO), 1200, 0);
    assert_close(num("-4.100", SOCINV_NUMBERS_AUTO), -4100, 0);
    assert_close(num("1.511", SOCINV_NUMBERS_AUTO), 1511, 0);
    assert_close(num("12.345.678", SOCINV_NUMBERS_AUTO), 12345678, 0);
    assert_close(num("1.000", SOCINV_NUMBERS_DANISH), 1000, 0);
    assert_close(num("0", SOCINV_NUMBERS_AUTO), 0, 0);
    assert_close(num("1700", SOCINV_NUMBERS_AUTO), 1700, 0); /* BU02 prints 1700 without a dot */
}

/** 004 prints "- 1.350" and "- 1.750" with a space after the sign; PDFs give U+2212 and en dashes. */
static void test_signs(void **state)
{
    (void)state;
    assert_close(num("- 1.350", SOCINV_NUMBERS_AUTO), -1350, 0);
    assert_close(num("\xe2\x88\x92" "504", SOCINV_NUMBERS_AUTO), -504, 0);      /* U+2212 minus */
    assert_close(num("\xe2\x80\x93" "1.002", SOCINV_NUMBERS_AUTO), -1002, 0);   /* en dash */
    assert_close(num("+250", SOCINV_NUMBERS_AUTO), 250, 0);
    assert_close(num("(250)", SOCINV_NUMBERS_AUTO), -250, 0);
}

/** A lone dash stands for zero (001: "Beskæftigelseeffekt ... | - | -215"). */
static void test_dash_is_zero(void **state)
{
    (void)state;
    assert_close(num("-", SOCINV_NUMBERS_AUTO), 0, 0);
    assert_close(num(" \xe2\x80\x93 ", SOCINV_NUMBERS_AUTO), 0, 0);
}

/** Footnote marks and units: "-200*" (004), "4 år", "6 År", "3 years", superscript ³. */
static void test_marks_and_units(void **state)
{
    (void)state;
    assert_close(num("-200*", SOCINV_NUMBERS_AUTO), -200, 0);
    assert_close(num("4 \xc3\xa5r", SOCINV_NUMBERS_AUTO), 4, 0);
    assert_close(num("6 \xc3\x85r", SOCINV_NUMBERS_AUTO), 6, 0);
    assert_close(num("3 years", SOCINV_NUMBERS_AUTO), 3, 0);
    assert_close(num("1.200\xc2\xb3", SOCINV_NUMBERS_AUTO), 1200, 0);
    assert_close(num("\xc2\xa0" "1.700\xc2\xa0", SOCINV_NUMBERS_AUTO), 1700, 0); /* no-break spaces */
}

/** Decimals: Danish comma, and the plain point when the digits cannot be thousands. */
static void test_decimals(void **state)
{
    (void)state;
    assert_close(num("1,5", SOCINV_NUMBERS_AUTO), 1.5, 0);
    assert_close(num("0,66", SOCINV_NUMBERS_AUTO), 0.66, 0);
    assert_close(num("1.234,5", SOCINV_NUMBERS_AUTO), 1234.5, 0);
    assert_close(num("1,234.5", SOCINV_NUMBERS_AUTO), 1234.5, 0);
    assert_close(num("1.25", SOCINV_NUMBERS_AUTO), 1.25, 0);       /* 2 digits: a decimal point */
    assert_close(num("1234.5", SOCINV_NUMBERS_AUTO), 1234.5, 0);
    assert_close(num("1.250", SOCINV_NUMBERS_PLAIN), 1.25, 0);     /* forced plain */
    assert_close(num("1,250", SOCINV_NUMBERS_PLAIN), 1250, 0);
    assert_close(num("1 200", SOCINV_NUMBERS_AUTO), 1200, 0);      /* space as thousands */
    /* exactly the double nearest to the decimal, as a compiler reads the literal */
    assert_true(num("0,1", SOCINV_NUMBERS_AUTO) == 0.1);
    assert_true(num("1234567,891", SOCINV_NUMBERS_AUTO) == 1234567.891);
    assert_true(num("-0,3", SOCINV_NUMBERS_AUTO) == -0.3);
}

/** Not numbers. */
static void test_not_numbers(void **state)
{
    (void)state;
    assert_status(parse("abc", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("Service", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("1.2.3", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("1,2,3", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("--5", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("5 kr", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("1.25", SOCINV_NUMBERS_DANISH), SOCINV_E_PARSE); /* '.' must group 3 digits */
    assert_status(parse("12.34.567", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("1.200 300", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse(",", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
    assert_status(parse("", SOCINV_NUMBERS_AUTO), SOCINV_E_LENGTH);
    assert_status(parse("   ", SOCINV_NUMBERS_AUTO), SOCINV_E_LENGTH);
    assert_status(parse("1e5", SOCINV_NUMBERS_AUTO), SOCINV_E_PARSE);
}

/** Invalid arguments. */
static void test_invalid(void **state)
{
    (void)state;
    double v = 3;
    assert_status(socinv_parse_number("1", 1, SOCINV_NUMBERS_AUTO, NULL), SOCINV_E_NULL);
    assert_status(socinv_parse_number(NULL, 3, SOCINV_NUMBERS_AUTO, &v), SOCINV_E_NULL);
    assert_status(socinv_parse_number(NULL, 0, SOCINV_NUMBERS_AUTO, &v), SOCINV_E_LENGTH);
    assert_status(socinv_parse_number("1", 1, (socinv_number_style)9, &v), SOCINV_E_OPTION);
    /* a 70-digit string is not a table amount */
    char longnum[80];
    memset(longnum, '9', 70);
    assert_status(socinv_parse_number(longnum, 70, SOCINV_NUMBERS_AUTO, &v), SOCINV_E_PARSE);
    assert_close(v, 3, 0);
    /* only the given length is read */
    assert_ok(socinv_parse_number("12345", 2, SOCINV_NUMBERS_AUTO, &v));
    assert_close(v, 12, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_danish_thousands),
        cmocka_unit_test(test_signs),
        cmocka_unit_test(test_dash_is_zero),
        cmocka_unit_test(test_marks_and_units),
        cmocka_unit_test(test_decimals),
        cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
