/* Shared by the unit tests: cmocka plus a tolerance assert on doubles
 * (cmocka 1.1.5's assert_float_equal converts to float, too coarse for kroner). */
#ifndef SOCINV_TEST_UTIL_H
#define SOCINV_TEST_UTIL_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

#define assert_ok(call) assert_status((call), SOCINV_OK)
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

#endif
