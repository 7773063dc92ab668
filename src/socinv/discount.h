/* socinv/discount.h — discount-rate schedules, discounting, NPV and benefit-cost ratios. Part of socinv.h: include that. */
#ifndef SOCINV_DISCOUNT_H
#define SOCINV_DISCOUNT_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The discount-rate schedule used when none is given (socinv_schedule_named()). */
#define SOCINV_SCHEDULE_DEFAULT "DK2021"

/* ------------------------------------------------------------------------ */
/** @name Discount-rate schedules
 * A schedule is a list of bands; band i's rate applies to every year t with
 * `band[i].from_year <= t < band[i+1].from_year`. The discount factor
 * compounds piecewise: DF(0) = 1, DF(t) = DF(t-1) / (1 + r(t)), which is the
 * only reading of a declining schedule that keeps DF monotone. */
/**@{*/
#define SOCINV_SCHEDULE_MAX_BANDS 16

typedef struct socinv_rate_band {
    unsigned from_year; /**< first year (1-based step t-1 -> t) the rate applies to */
    double rate;        /**< e.g. 0.035 for 3.5 %; must be > -1 */
} socinv_rate_band;

typedef struct socinv_schedule {
    char name[16];      /**< "DK2021", "FLAT", "USER", ... */
    const char *source; /**< where the named schedule comes from (static text) */
    size_t nbands;
    socinv_rate_band band[SOCINV_SCHEDULE_MAX_BANDS];
} socinv_schedule;

/** A named, dated schedule (case-insensitive):
 * - "DK2021" (default): Finansministeriet Jan 2021: 3.5 % years 1-35, 2.5 % 36-70, 1.5 % after.
 * - "DK2013": Finansministeriet May 2013: 4 % / 3 % / 2 % on the same bands.
 * - "UK2022": HM Treasury Green Book 2022: 3.5 % 1-30, 3.0 % 31-75, 2.5 % 76-125,
 *   2.0 % 126-200, 1.5 % 201-300, 1.0 % after.
 * - "UK2022HEALTH": Green Book health rates 1.5/1.29/1.07/0.86/0.64/0.43 % on those bands.
 * @return #SOCINV_E_OPTION for an unknown name. */
SOCINV_API socinv_status socinv_schedule_named(const char *name, size_t len, socinv_schedule *out);
/** The schedule #SOCINV_SCHEDULE_DEFAULT names, itself: read-only and static, so a
 * caller that only reads it needs no copy (socinv_schedule_named() copies it). */
SOCINV_API const socinv_schedule *socinv_schedule_default(void);
/** A flat rate for every year. @return #SOCINV_E_RATE if rate <= -1. */
SOCINV_API socinv_status socinv_schedule_flat(double rate, socinv_schedule *out);
/** A user schedule from parallel lists of band start years and rates.
 * Start years must be whole, >= 1, strictly increasing and the first must be 1.
 * @return #SOCINV_E_DOMAIN for bad start years, #SOCINV_E_RATE for a rate <= -1,
 * #SOCINV_E_LENGTH for more than #SOCINV_SCHEDULE_MAX_BANDS bands. */
SOCINV_API socinv_status socinv_schedule_bands(const double *from_years, const double *rates, size_t n,
                                    socinv_schedule *out);
/** Rate that applies to year t (t >= 1); NaN for a NULL or empty schedule. */
SOCINV_API double socinv_schedule_rate(const socinv_schedule *s, unsigned year);
/** Discount factor of year `year` (year 0 = 1).
 * @return #SOCINV_E_DOMAIN for a year above #SOCINV_MAX_HORIZON. */
SOCINV_API socinv_status socinv_discount_factor(const socinv_schedule *s, unsigned year, double *df);

/** Net present value: sum of values[j] * DF(first_year + j).
 * `first_year` 0 (default: the first value is today, undiscounted) or 1
 * (spreadsheet NPV convention); any other first_year is #SOCINV_E_DOMAIN. The
 * result keeps the values' sign convention. More than #SOCINV_MAX_HORIZON values
 * is #SOCINV_E_LENGTH (also for the benefit/cost functions below). */
SOCINV_API socinv_status socinv_npv(const double *values, size_t n, const socinv_schedule *s,
                         unsigned first_year, double *npv);

/** Sign conventions for benefit/cost functions. */
typedef enum socinv_bc_sign {
    /** seed convention: benefits (savings) entered negative, costs positive */
    SOCINV_BC_SAVINGS_NEGATIVE = 1,
    /** both benefits and costs entered as positive amounts (Green Book, GMCA) */
    SOCINV_BC_BOTH_POSITIVE = -1
} socinv_bc_sign;

/** Present values of benefits and costs, as positive "good" and "bad" amounts. */
SOCINV_API socinv_status socinv_pv_benefits_costs(const double *benefits, size_t nb, const double *costs,
                                       size_t nc, const socinv_schedule *s, unsigned first_year,
                                       socinv_bc_sign sign, double *pv_benefits, double *pv_costs);
/** Benefit-cost ratio PV(benefits) / PV(costs).
 * @return #SOCINV_E_DOMAIN if PV(costs) <= 0. */
SOCINV_API socinv_status socinv_bcr(const double *benefits, size_t nb, const double *costs, size_t nc,
                         const socinv_schedule *s, unsigned first_year, socinv_bc_sign sign,
                         double *ratio);
/** Net return on investment (PV(b) - PV(c)) / PV(c) — named apart from BCR
 * because "ROI" means BCR in some guidance. @return #SOCINV_E_DOMAIN if PV(costs) <= 0. */
SOCINV_API socinv_status socinv_net_roi(const double *benefits, size_t nb, const double *costs, size_t nc,
                             const socinv_schedule *s, unsigned first_year, socinv_bc_sign sign,
                             double *roi);
/** Switching value: the share by which benefits can fall before NPV = 0,
 * 1 - PV(c)/PV(b) (Green Book). @return #SOCINV_E_DOMAIN if PV(benefits) <= 0. */
SOCINV_API socinv_status socinv_switching_value(const double *benefits, size_t nb, const double *costs,
                                     size_t nc, const socinv_schedule *s, unsigned first_year,
                                     socinv_bc_sign sign, double *share);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_DISCOUNT_H */
