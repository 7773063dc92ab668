/* Printed totals against the rows they should sum. */
#include "internal.h"

socinv_status socinv_check_sum(const double *rows, size_t nrows, size_t cols, const double *printed,
                               double tol, socinv_mismatch *first, int *ok)
{
    socinv_status st;
    if ((st = si_check_dims(nrows, cols)) != SOCINV_OK)
        return st;
    if ((st = si_check_values(rows, nrows * cols)) != SOCINV_OK || (st = si_check_values(printed, cols)) != SOCINV_OK)
        return st;
    if (!ok)
        return SOCINV_E_NULL;
    if (!isfinite(tol))
        return SOCINV_E_NONFINITE;
    if (tol < 0.0)
        return SOCINV_E_DOMAIN;
    for (size_t c = 0; c < cols; c++) {
        si_sum s = {0, 0};
        for (size_t r = 0; r < nrows; r++)
            si_sum_add(&s, rows[r * cols + c]);
        double computed = si_sum_get(&s);
        if (!isfinite(computed))
            return SOCINV_E_OVERFLOW;
        if (fabs(printed[c] - computed) > tol) {
            if (first) {
                first->row = nrows;
                first->col = c;
                first->printed = printed[c];
                first->computed = computed;
            }
            *ok = 0;
            return SOCINV_OK;
        }
    }
    *ok = 1;
    return SOCINV_OK;
}
