/* Shared by the unit tests: cmocka plus a tolerance assert on doubles
 * (cmocka 1.1.5's assert_float_equal converts to float, too coarse for kroner). */
#ifndef SOCINV_TEST_UTIL_H
#define SOCINV_TEST_UTIL_H

#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "socinv.h"

#define assert_close(a, b, tol) assert_close_((a), (b), (tol), #a, __FILE__, __LINE__)

static inline void assert_close_(double a, double b, double tol, const char *expr, const char *file,
                                 int line)
{
    if (!(fabs(a - b) <= tol)) {
        print_error("%s = %.12g, expected %.12g (tolerance %g)\n", expr, a, b, tol);
        _fail(file, line);
    }
}

/* assert_close for a row of a table of cases: a failure names the row (`what`, its
 * hand-worked sum) rather than the loop's one line. */
#define assert_close_row(a, b, tol, what) assert_close_((a), (b), (tol), (what), __FILE__, __LINE__)

/* n doubles, each within tol of its expected value (a failure names the index). */
#define assert_all_close(got, expected, n, tol) \
    assert_all_close_((got), (expected), (n), (tol), #got, __FILE__, __LINE__)

static inline void assert_all_close_(const double *got, const double *expected, size_t n, double tol,
                                     const char *expr, const char *file, int line)
{
    char what[160];
    for (size_t i = 0; i < n; i++) {
        snprintf(what, sizeof what, "%s[%zu]", expr, i);
        assert_close_(got[i], expected[i], tol, what, file, line);
    }
}

#define assert_status(call, expected) \
    assert_status_((call), (expected), #call, __FILE__, __LINE__)

static inline void assert_status_(socinv_status got, socinv_status expected, const char *expr,
                                  const char *file, int line)
{
    if (got != expected) {
        print_error("%s returned %s, expected %s\n", expr, socinv_status_name(got),
                    socinv_status_name(expected));
        _fail(file, line);
    }
}

/* SOCINV_TEST_LOCALE=<name> runs a test program under that locale (ctest runs every unit
 * test a second time so, as unit.<name>.da, with a Danish decimal-comma locale): socinv must
 * give the same results whatever locale its host has set. It runs before main; a locale that
 * cannot be set, or that does not print 0.5 as "0,5", stops the program, so the second run
 * never passes silently in the C locale. */
__attribute__((constructor)) static void socinv_test_locale_from_env(void)
{
    const char *name = getenv("SOCINV_TEST_LOCALE");
    char half[16];
    if (!name || !*name)
        return;
    if (!setlocale(LC_ALL, name)) {
        fprintf(stderr, "SOCINV_TEST_LOCALE=%s: this locale is not installed\n", name);
        exit(2);
    }
    snprintf(half, sizeof half, "%.1f", 0.5);
    if (strcmp(half, "0,5") != 0) {
        fprintf(stderr, "SOCINV_TEST_LOCALE=%s prints 0.5 as \"%s\", not as \"0,5\"\n", name, half);
        exit(2);
    }
}

/* Sets a Danish (decimal-comma) LC_ALL under the name Linux or Windows knows it by, and
 * checks that it took; returns the name set. socinv_test_restore_locale() undoes it. */
static inline const char *socinv_test_set_danish(void)
{
    static const char *const names[] = {"da_DK.UTF-8", "da_DK.utf8", "Danish_Denmark.1252"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char half[16];
        if (!setlocale(LC_ALL, names[i]))
            continue;
        snprintf(half, sizeof half, "%.1f", 0.5);
        assert_string_equal(half, "0,5");
        return names[i];
    }
    fail_msg("%s", "no Danish locale installed (tools/install-deps generates da_DK.UTF-8)");
    return NULL;
}

/* Back to the locale the program runs under: SOCINV_TEST_LOCALE's, or "C". */
static inline void socinv_test_restore_locale(void)
{
    const char *name = getenv("SOCINV_TEST_LOCALE");
    setlocale(LC_ALL, name && *name ? name : "C");
}

#define assert_ok(call) assert_status((call), SOCINV_OK)
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

#endif
