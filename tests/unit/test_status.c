/* Status codes: every member has a distinct message and its name, and the
 * numbers are part of the C API (callers compare and store them), so they are
 * pinned here by hand: reordering SOCINV_STATUS_LIST fails this test. The
 * strings come from the same list as the enum and need no check against it. */
#include "test_util.h"

/** First, last, MAX and MAX+1 map to the expected strings. */
static void test_strerror_bounds(void **state)
{
    (void)state;
    assert_string_equal(socinv_strerror(SOCINV_OK), "success");
    assert_string_equal(socinv_status_name(SOCINV_OK), "SOCINV_OK");
    assert_string_equal(socinv_status_name(SOCINV_E_NOTABLE), "SOCINV_E_NOTABLE");
    assert_string_equal(socinv_strerror(SOCINV_STATUS_MAX), "unknown status");
    assert_string_equal(socinv_strerror((socinv_status)(SOCINV_STATUS_MAX + 1)), "unknown status");
    assert_string_equal(socinv_status_name((socinv_status)-1), "SOCINV_UNKNOWN");
}

/** Every status has a distinct, non-empty message. */
static void test_messages_distinct(void **state)
{
    (void)state;
    for (int i = 0; i < SOCINV_STATUS_MAX; i++) {
        const char *m = socinv_strerror((socinv_status)i);
        assert_non_null(m);
        assert_true(strlen(m) > 0);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(m, socinv_strerror((socinv_status)j));
    }
}

/** The numbers of the statuses, typed by hand: an ABI, not an implementation detail. */
static void test_numbers_pinned(void **state)
{
    (void)state;
    static const struct {
        int value;
        const char *name;
    } pinned[] = {{0, "SOCINV_OK"},          {1, "SOCINV_NO_RESULT"},   {2, "SOCINV_E_NULL"},
                  {3, "SOCINV_E_LENGTH"},    {4, "SOCINV_E_SHAPE"},     {5, "SOCINV_E_NONFINITE"},
                  {6, "SOCINV_E_TYPE"},      {7, "SOCINV_E_RATE"},      {8, "SOCINV_E_SHARE"},
                  {9, "SOCINV_E_OPTION"},    {10, "SOCINV_E_DOMAIN"},   {11, "SOCINV_E_AREA"},
                  {12, "SOCINV_E_MISSING_YEAR"}, {13, "SOCINV_E_INDEX"}, {14, "SOCINV_E_BUFFER"},
                  {15, "SOCINV_E_OVERFLOW"}, {16, "SOCINV_E_NOMEM"},    {17, "SOCINV_E_PARSE"},
                  {18, "SOCINV_E_NOTABLE"}};
    assert_int_equal(SOCINV_STATUS_MAX, N_OF(pinned));
    for (size_t i = 0; i < N_OF(pinned); i++)
        assert_string_equal(socinv_status_name((socinv_status)pinned[i].value), pinned[i].name);
    assert_int_equal(SOCINV_E_OVERFLOW, 15);
    assert_int_equal(SOCINV_E_NOTABLE, 18);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_bounds),
        cmocka_unit_test(test_messages_distinct),
        cmocka_unit_test(test_numbers_pinned),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
