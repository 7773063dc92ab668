/* socinv/prices.h — price and wage level, phase-in. Part of socinv.h: include that. */
#ifndef SOCINV_PRICES_H
#define SOCINV_PRICES_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest price/wage index series (years) PLFACTOR and PLCONVERT read: a
 * whole-column selection is refused at once rather than searched. */
#define SOCINV_MAX_INDEX_YEARS 10000u

/* ------------------------------------------------------------------------ */
/** @name Price and wage level, phase-in */
/**@{*/
/** index(to_year) / index(from_year) from a series of (year, index) pairs.
 * Years must be whole and must not repeat, and every index must be > 0.
 * @return #SOCINV_E_MISSING_YEAR, #SOCINV_E_INDEX for any index <= 0,
 * #SOCINV_E_DOMAIN for a non-whole or repeated year, #SOCINV_E_LENGTH for a
 * series longer than #SOCINV_MAX_INDEX_YEARS. */
SOCINV_API socinv_status socinv_pl_factor(double from_year, double to_year, const double *years,
                               const double *index, size_t n, double *factor);
/** amount × socinv_pl_factor(). */
SOCINV_API socinv_status socinv_pl_convert(double amount, double from_year, double to_year,
                                const double *years, const double *index, size_t n, double *out);
/** First-year effect when the effect starts in month `start_month` (1-12):
 * full_year × (13 - start_month) / 12 ("først fra juni" = 7/12). */
SOCINV_API socinv_status socinv_phase_in(double full_year, double start_month, double *out);
/** full_year × months / 12, months in 0-12. */
SOCINV_API socinv_status socinv_phase_in_months(double full_year, double months, double *out);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_PRICES_H */
