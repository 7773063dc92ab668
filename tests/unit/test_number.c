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

/* A text, the style it is read in, and the number it reads as. */
typedef struct {
    const char *text;
    socinv_number_style style;
    double expected;
} spelling;

#define AUTO SOCINV_NUMBERS_AUTO

static const spelling numbers[] = {
    /* amounts from 001/003: "1.200", "-4.100", "1.511", "0" */
    {"1.200", AUTO, 1200},
    {"-4.100", AUTO, -4100},
    {"1.511", AUTO, 1511},
    {"12.345.678", AUTO, 12345678},
    {"1.000", SOCINV_NUMBERS_DANISH, 1000},
    {"0", AUTO, 0},
    {"1700", AUTO, 1700}, /* BU02 prints 1700 without a dot */
    /* 004 prints "- 1.350" and "- 1.750" with a space after the sign; PDFs give U+2212 and en dashes */
    {"- 1.350", AUTO, -1350},
    {"\xe2\x88\x92" "504", AUTO, -504},    /* U+2212 minus */
    {"\xe2\x80\x93" "1.002", AUTO, -1002}, /* en dash */
    {"+250", AUTO, 250},
    {"(250)", AUTO, -250},
    /* a lone dash stands for zero (001: "Beskæftigelseeffekt ... | - | -215") */
    {"-", AUTO, 0},
    {" \xe2\x80\x93 ", AUTO, 0},
    /* footnote marks and units: "-200*" (004), "4 år", "6 År", "3 years", superscript ³ */
    {"-200*", AUTO, -200},
    {"4 \xc3\xa5r", AUTO, 4},
    {"6 \xc3\x85r", AUTO, 6},
    {"3 years", AUTO, 3},
    {"1.200\xc2\xb3", AUTO, 1200},
    {"\xc2\xa0" "1.700\xc2\xa0", AUTO, 1700}, /* no-break spaces */
    /* decimals: Danish comma, and the plain point when the digits cannot be thousands */
    {"1,5", AUTO, 1.5},
    {"0,66", AUTO, 0.66},
    {"1.234,5", AUTO, 1234.5},
    {"1,234.5", AUTO, 1234.5},
    {"1.25", AUTO, 1.25}, /* 2 digits: a decimal point */
    {"1234.5", AUTO, 1234.5},
    {"1.250", SOCINV_NUMBERS_PLAIN, 1.25}, /* forced plain */
    {"1,250", SOCINV_NUMBERS_PLAIN, 1250},
    {"1 200", AUTO, 1200}, /* space as thousands */
};

static void test_seed_spellings(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(numbers); i++)
        assert_close_row(num(numbers[i].text, numbers[i].style), numbers[i].expected, 0, numbers[i].text);
}

/** Decimals are exactly the double nearest to the decimal, as a compiler reads the literal. */
static void test_decimals_exact(void **state)
{
    (void)state;
    assert_true(num("0,1", AUTO) == 0.1);
    assert_true(num("1234567,891", AUTO) == 1234567.891);
    assert_true(num("-0,3", AUTO) == -0.3);
}

/* Not numbers: a text, its style, and the status it is refused with. */
static const struct {
    const char *text;
    socinv_number_style style;
    socinv_status expected;
} not_numbers[] = {
    {"abc", AUTO, SOCINV_E_PARSE},
    {"Service", AUTO, SOCINV_E_PARSE},
    {"1.2.3", AUTO, SOCINV_E_PARSE},
    {"1,2,3", AUTO, SOCINV_E_PARSE},
    {"--5", AUTO, SOCINV_E_PARSE},
    {"5 kr", AUTO, SOCINV_E_PARSE},
    {"1.25", SOCINV_NUMBERS_DANISH, SOCINV_E_PARSE}, /* '.' must group 3 digits */
    {"12.34.567", AUTO, SOCINV_E_PARSE},
    {"1.200 300", AUTO, SOCINV_E_PARSE},
    {",", AUTO, SOCINV_E_PARSE},
    {"", AUTO, SOCINV_E_LENGTH},
    {"   ", AUTO, SOCINV_E_LENGTH},
    {"1e5", AUTO, SOCINV_E_PARSE},
};

static void test_not_numbers(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(not_numbers); i++)
        assert_status_(parse(not_numbers[i].text, not_numbers[i].style), not_numbers[i].expected,
                       not_numbers[i].text, __FILE__, __LINE__);
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
        cmocka_unit_test(test_seed_spellings),
        cmocka_unit_test(test_decimals_exact),
        cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
