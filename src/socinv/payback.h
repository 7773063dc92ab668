/* socinv/payback.h — payback (tilbagebetalingstid), plain and discounted. Part of socinv.h: include that. */
#ifndef SOCINV_PAYBACK_H
#define SOCINV_PAYBACK_H

#include "socinv/base.h"
#include "socinv/discount.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest payback horizon in years. */
#define SOCINV_MAX_HORIZON 10000u
/** The payback horizon when none is given (years). */
#define SOCINV_PAYBACK_HORIZON_DEFAULT 100 /* plain digits: help texts quote it with SOCINV_STR */

/* ------------------------------------------------------------------------ */
/** @name Payback (tilbagebetalingstid) */
/**@{*/
typedef enum socinv_payback_method {
    /** Copenhagen rule: 1-based year of the first cumulative net impact strictly below zero */
    SOCINV_PAYBACK_WHOLE = 0,
    /** interpolated within the crossing year: (k-1) + C(k-1) / (C(k-1) - C(k)) */
    SOCINV_PAYBACK_FRACTIONAL = 1,
    /** whole years, cumulative <= 0 (non-strict, as most textbooks) */
    SOCINV_PAYBACK_WHOLE_NONSTRICT = 2,
    /** fractional where reaching exactly zero counts (cumulative <= 0), as most
     * textbooks and libraries define payback: (k-1) + C(k-1) / (C(k-1) - C(k)) */
    SOCINV_PAYBACK_FRACTIONAL_NONSTRICT = 3
} socinv_payback_method;

typedef enum socinv_crossing {
    SOCINV_CROSSING_FIRST = 0, /**< first year the rule is met (default) */
    SOCINV_CROSSING_FINAL = 1  /**< first year from which it stays met, extrapolation included */
} socinv_crossing;

typedef struct socinv_payback_opts {
    socinv_payback_method method;
    socinv_crossing crossing;
    int extrapolate;  /**< nonzero (default): the last year's value repeats beyond the table */
    int sign;         /**< +1 (default) savings negative; -1 savings positive (SØM style) */
    unsigned horizon; /**< last year considered, 1..#SOCINV_MAX_HORIZON; default #SOCINV_PAYBACK_HORIZON_DEFAULT */
} socinv_payback_opts;

/** Defaults: whole years, first crossing, extrapolate, sign +1, horizon #SOCINV_PAYBACK_HORIZON_DEFAULT. */
SOCINV_API socinv_payback_opts socinv_payback_opts_default(void);

/** Cumulative values within this relative distance of zero count as zero
 * (so 0.1 + 0.2 - 0.3 is "not yet paid back" as it is on paper). The scale is
 * the sum of the absolute values that went into the cumulative so far (the
 * table's years; beyond the table the band stays at the table's). A cumulative
 * that is not representable is #SOCINV_E_OVERFLOW, never a wrong year. */
#define SOCINV_ZERO_TOLERANCE 1e-9

/**
 * Payback of a row of net impact per year.
 *
 * @param net   net impact per year (year 1 first), costs positive, savings negative
 * @param n     number of years, >= 1
 * @param opts  NULL for the defaults
 * @param years out: years to payback (whole or fractional)
 * @return #SOCINV_OK; #SOCINV_NO_RESULT when it never pays back within the
 *         horizon (or within the table when not extrapolating); input errors.
 *
 * @code
 * // Seed 001, 'Samlet økonomisk påvirkning' 2018-2021: cumulative 1511, 381, -1170
 * double net[] = {1511, -1130, -1551, -504}, y;
 * socinv_payback(net, 4, NULL, &y);   // y == 3
 * @endcode
 * @note Beyond the table the cumulative changes by the last value each year,
 * so a strict whole-year payback there is n + floor(C(n) / -v(n)) + 1.
 */
SOCINV_API socinv_status socinv_payback(const double *net, size_t n, const socinv_payback_opts *opts,
                             double *years);

/** Discounted payback: as socinv_payback() on values[j] * DF(first_year + j);
 * beyond the table the last value repeats, discounted year by year. */
SOCINV_API socinv_status socinv_payback_discounted(const double *net, size_t n, const socinv_schedule *s,
                                        unsigned first_year, const socinv_payback_opts *opts,
                                        double *years);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_PAYBACK_H */
