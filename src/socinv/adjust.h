/* socinv/adjust.h — adjustments of a gross effect. Part of socinv.h: include that. */
#ifndef SOCINV_ADJUST_H
#define SOCINV_ADJUST_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Adjustments of a gross effect (SROI / GMCA / Green Book) */
/**@{*/
typedef struct socinv_impact_factors {
    double deadweight;    /**< share that would have happened anyway, 0-1 */
    double displacement;  /**< share moved from elsewhere, 0-1 */
    double attribution;   /**< share due to others, 0-1 */
    double dropoff;       /**< yearly decline after year 1, 0-1 */
    double optimism_bias; /**< haircut on benefits, 0-1 */
} socinv_impact_factors;

/** gross × (1-dw)(1-disp)(1-attr)(1-drop)^(year-1)(1-ob), year >= 1. */
SOCINV_API socinv_status socinv_impact_adjust(double gross, const socinv_impact_factors *f, unsigned year,
                                   double *out);
/** Optimism-bias uplift of costs: costs × (1 + rate × (1 - mitigation)),
 * rate > -1, mitigation 0-1. */
SOCINV_API socinv_status socinv_optimism_uplift(double costs, double rate, double mitigation, double *out);
/** Split values between bodies: out[i*k + j] = values[i] × shares[j];
 * shares in 0-1 adding up to 1 (within 1e-9). */
SOCINV_API socinv_status socinv_share(const double *values, size_t n, const double *shares, size_t k,
                           double *out);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_ADJUST_H */
