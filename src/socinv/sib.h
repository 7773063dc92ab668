/* socinv/sib.h — the social impact bond payout (Herning) and its criteria. Part of socinv.h: include that. */
#ifndef SOCINV_SIB_H
#define SOCINV_SIB_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Social impact bond payout (Herning) */
/**@{*/
typedef enum socinv_sib_alloc {
    /** a binding group or total cap scales every criterion in it by the same factor (default) */
    SOCINV_SIB_PRORATA = 0,
    /** a binding cap is filled criterion by criterion in the listed order */
    SOCINV_SIB_ORDER = 1
} socinv_sib_alloc;

/** Most groups a payout may have (each costs its slot in every year's pass). */
#define SOCINV_SIB_MAX_GROUPS 1000u

/** Group number of a criterion that belongs to no group. */
#define SOCINV_SIB_NO_GROUP ((unsigned)-1)

typedef struct socinv_sib_input {
    const double *earned;     /**< ncrit × nyears, uncapped amounts earned, base prices; < 0 pays 0 */
    size_t ncrit, nyears;
    const double *crit_caps;  /**< ncrit caps, base prices, over the period (or per year, see below); NULL = none */
    const unsigned *groups;   /**< ncrit group numbers 0..ngroups-1 or #SOCINV_SIB_NO_GROUP; NULL = no groups */
    const double *group_caps; /**< ngroups caps per year, base prices */
    size_t ngroups;
    double total_cap;         /**< over the period, base prices; < 0 = none */
    const double *index;      /**< nyears price/wage factors (> 0); NULL = 1 */
    socinv_sib_alloc allocation;
    int carry;                /**< nonzero: unused annual group room carries to the next year */
    int crit_caps_annual;     /**< nonzero: crit_caps apply per year instead of per period */
} socinv_sib_input;

/** Output buffers, each ncrit × nyears in current prices (index applied);
 * payout is required, the cut buffers may be NULL. */
typedef struct socinv_sib_result {
    double *payout;
    double *cut_criterion; /**< removed by the criterion's own cap */
    double *cut_group;     /**< removed by the annual group cap */
    double *cut_total;     /**< removed by the total cap */
} socinv_sib_result;

/** An input with no caps, no index, pro rata, no carry. */
SOCINV_API socinv_sib_input socinv_sib_input_default(void);

/**
 * Capped payout per criterion and year. Per year, in base prices: a negative
 * earned amount pays 0; each criterion is limited to its remaining cap; each
 * group to its annual cap (plus carried room); all to the remaining total cap;
 * a binding group or total cap is shared by `allocation`. The year's amounts
 * are then multiplied by that year's index factor. Period caps are counted in
 * base prices, so indexing never eats into the room.
 * Linear: O(ncrit × nyears + ngroups × nyears).
 * @return #SOCINV_E_DOMAIN for a negative cap, a group number >= ngroups or
 *         more than #SOCINV_SIB_MAX_GROUPS groups,
 *         #SOCINV_E_INDEX for an index factor <= 0, #SOCINV_E_NONFINITE for a
 *         NaN or infinite amount, cap or total cap.
 */
SOCINV_API socinv_status socinv_sib_payout(const socinv_sib_input *in, const socinv_sib_result *out);

/**
 * Fall per year (Herning criteria 1-3, 5a): `baseline - series[t]` with a
 * fixed baseline, or, when `baseline` is NULL, the previous year as baseline:
 * out[t-1] = series[t-1] - series[t], t = 1..n-1 (n-1 values; series[0] is the
 * year before the period). `floor0` nonzero: increases give 0.
 * @param out_len capacity of out: >= n (fixed) or n-1 (previous year)
 */
SOCINV_API socinv_status socinv_sib_fall(const double *series, size_t n, const double *baseline, int floor0,
                              double *out, size_t out_len);
/** Amount after a refund share: amount × (1 - share) (criterion 2: 50 % state refund). */
SOCINV_API socinv_status socinv_after_refund(double amount, double share, double *out);

typedef enum socinv_case_price_mode {
    SOCINV_CASE_PRICE_POOLED = 0, /**< Σ costs / Σ cases */
    SOCINV_CASE_PRICE_MEAN = 1    /**< mean of the yearly prices costs[t] / cases[t] */
} socinv_case_price_mode;
/** Base-period price per case (criterion 3: average 2022-2024).
 * @return #SOCINV_E_DOMAIN for a zero case count where it divides. */
SOCINV_API socinv_status socinv_case_price(const double *costs, const double *cases, size_t n,
                                socinv_case_price_mode mode, double *price);
/** Criterion 3: fall in the number of cases vs the previous year × price per
 * case, out[t-1] = (counts[t-1] - counts[t]) × price; floor0 as socinv_sib_fall(). */
SOCINV_API socinv_status socinv_sib_count_value(const double *counts, size_t n, double price, int floor0,
                                     double *out, size_t out_len);
/** Payout not backed by budget savings: Σ payout[i] where capitalisable[i] == 0
 * (Herning criteria 4-5 cannot be capitalised). */
SOCINV_API socinv_status socinv_sib_uncovered(const double *payout, const int *capitalisable, size_t n,
                                   double *out);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_SIB_H */
