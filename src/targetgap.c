/* Reduction targets and what is still outstanding (002, netto-udestående). */
#include "internal.h"

socinv_status socinv_target_gap(const double *targets, const double *achieved, size_t n, int carry,
                                 double *gap)
{
    socinv_status st;
    if ((st = si_check_values(targets, n)) != SOCINV_OK || (st = si_check_values(achieved, n)) != SOCINV_OK)
        return st;
    if (!gap)
        return SOCINV_E_NULL;
    double carried = 0.0;
    for (size_t t = 0; t < n; t++) {
        double g = targets[t] + carried - achieved[t];
        if (!isfinite(g))
            return SOCINV_E_OVERFLOW;
        gap[t] = g;
        /* Reductions are negative: a negative gap is a shortfall, which 002 adds
         * to next year's target; a surplus goes to the general budget. */
        carried = carry && g < 0.0 ? g : 0.0;
    }
    return SOCINV_OK;
}
