/* Numbers as the seeds print them: Danish thousands and decimals, dashes for
 * zero, footnote marks, units, and what is not a number. */
#include "internal.h"
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

/* The one-pass reading of plain amounts ("-1.130": number.c plain_amount) against the
 * general one (si_parse_number_general), in every style: the same status and the same
 * value, bit for bit (-0 included), for every text of up to 9 bytes of '-', '0', '9' and
 * '.' (three groups: "1.000.000", and "1.00.000", "1.000.00"), of up to 6 bytes of those,
 * '1', ',' and ' ', and at the edge of its 15 digits. */
static void same_as_general(const char *t, size_t n)
{
    for (int style = SOCINV_NUMBERS_AUTO; style <= SOCINV_NUMBERS_PLAIN; style++) {
        double fast = 7.5, general = 7.5;
        socinv_status a = socinv_parse_number(t, n, (socinv_number_style)style, &fast);
        socinv_status b = si_parse_number_general(t, n, (socinv_number_style)style, &general);
        if (a != b || memcmp(&fast, &general, sizeof fast) != 0)
            fail_msg("'%.*s' style %d: %s %.17g, the general reading %s %.17g", (int)n, t, style,
                     socinv_status_name(a), fast, socinv_status_name(b), general);
    }
}

/* Every text of 1 to max_len bytes of the alphabet, each read both ways; how many. */
static size_t every_text(const char *alphabet, size_t max_len)
{
    const size_t k = strlen(alphabet);
    char t[16];
    size_t tried = 0;
    for (size_t len = 1; len <= max_len; len++) {
        size_t total = 1;
        for (size_t i = 0; i < len; i++)
            total *= k;
        for (size_t code = 0; code < total; code++, tried++) {
            for (size_t i = 0, c = code; i < len; i++, c /= k)
                t[i] = alphabet[c % k];
            same_as_general(t, len);
        }
    }
    return tried;
}

static void test_plain_amounts(void **state)
{
    (void)state;
    assert_int_equal(every_text("-09.", 9), 4 + 16 + 64 + 256 + 1024 + 4096 + 16384 + 65536 + 262144);
    assert_int_equal(every_text("-019., ", 6), 7 + 49 + 343 + 2401 + 16807 + 117649);
    /* 15 digits are read in the one pass, 16 by the general reading: both the same */
    static const char *const edge[] = {"999.999.999.999.999", "-999999999999999", "9.999.999.999.999.999",
                                       "1234567890123456", "-000.000", "-0", "0.000.001", "1.0000"};
    for (size_t i = 0; i < N_OF(edge); i++)
        same_as_general(edge[i], strlen(edge[i]));
    assert_close(num("999.999.999.999.999", AUTO), 999999999999999.0, 0);
    assert_close(num("-1.130", SOCINV_NUMBERS_DANISH), -1130, 0);
    assert_close(num("1.130", SOCINV_NUMBERS_PLAIN), 1.13, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_spellings),
        cmocka_unit_test(test_decimals_exact),
        cmocka_unit_test(test_not_numbers),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_plain_amounts),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
