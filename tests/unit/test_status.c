/* Status codes: every member has a message and a name, and the strings stay in
 * step with the enum (they come from one list, this checks the list). */
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
        assert_true(strncmp(socinv_status_name((socinv_status)i), "SOCINV_", 7) == 0);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(m, socinv_strerror((socinv_status)j));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_bounds),
        cmocka_unit_test(test_messages_distinct),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
