/* socinv/targets.h — reduction targets carried over (002). Part of socinv.h: include that. */
#ifndef SOCINV_TARGETS_H
#define SOCINV_TARGETS_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Reduction targets (002) */
/**@{*/
/**
 * Outstanding reduction per year (netto-udestående), target - achieved, with
 * reductions negative. `carry` nonzero: a shortfall (negative gap) is added to
 * the next year's target; a surplus does not carry (it goes to the general
 * budget, as 002 says). `achieved` is each year's level of reduction.
 * @code
 * // 002: targets -2000,-3000,-5000,-7000; achieved -2000,-2280,-2280,-2280
 * //  no carry:  0, -720, -2720, -4720   (the printed row)
 * //  carry:     0, -720, -3440, -8160
 * @endcode
 */
SOCINV_API socinv_status socinv_target_gap(const double *targets, const double *achieved, size_t n, int carry,
                                 double *gap);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_TARGETS_H */
