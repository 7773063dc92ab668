/**
 * @file socinv.h
 * @brief socinv — the rules of Danish municipal social-investment business cases.
 *
 * One header, plain C11, no UNO. The Calc add-in (addin/), the `socinv` command
 * line (cli/) and any other tool call these functions, so a budget workbook and
 * every other system follow exactly the same rules.
 *
 * Conventions used throughout:
 * - Amounts follow the seeds' sign convention unless an option says otherwise:
 *   **savings and income are negative, costs and investments positive**
 *   ("Alle besparelser er angivet med negativt (-) fortegn").
 * - A row of values has one value per year; the first value is year 1 for
 *   paybacks and year `first_year` (0 or 1) for discounting.
 * - Matrices are row-major: `m[r * cols + c]`.
 * - Every function validates its input and returns a ::socinv_status; outputs
 *   are written only on #SOCINV_OK, except that after #SOCINV_E_OVERFLOW an
 *   output array may hold partial results.
 * - No global state; nothing allocates but socinv_grid_parse_text(), whose grid
 *   the caller releases with socinv_grid_free().
 */
#ifndef SOCINV_H
#define SOCINV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exported from libsocinv.so; everything else in the library is hidden. */
#if defined(SOCINV_BUILDING) && defined(__GNUC__)
#define SOCINV_API __attribute__((visibility("default")))
#else
#define SOCINV_API
#endif

/** The digits of a numeric macro as a string literal ("100" for 100). */
#define SOCINV_STR_(x) #x
#define SOCINV_STR(x) SOCINV_STR_(x)

/* The version, once: the string is made from the numbers (CMakeLists.txt reads them). */
#define SOCINV_VERSION_MAJOR 0
#define SOCINV_VERSION_MINOR 1
#define SOCINV_VERSION_PATCH 0
#define SOCINV_VERSION \
    SOCINV_STR(SOCINV_VERSION_MAJOR) "." SOCINV_STR(SOCINV_VERSION_MINOR) "." SOCINV_STR(SOCINV_VERSION_PATCH)

/** Largest number of values any single input may hold (rows × columns).
 * A length above this — which is what a negative length cast to size_t
 * becomes — is rejected with #SOCINV_E_LENGTH. 2^26 cells is 64 full
 * Calc columns. */
#define SOCINV_MAX_CELLS ((size_t)1 << 26)

/** The discount-rate schedule used when none is given (socinv_schedule_named()). */
#define SOCINV_SCHEDULE_DEFAULT "DK2021"

/** Longest price/wage index series (years) PLFACTOR and PLCONVERT read: a
 * whole-column selection is refused at once rather than searched. */
#define SOCINV_MAX_INDEX_YEARS 10000u

/** Largest payback horizon in years. */
#define SOCINV_MAX_HORIZON 10000u
/** The payback horizon when none is given (years). */
#define SOCINV_PAYBACK_HORIZON_DEFAULT 100 /* plain digits: help texts quote it with SOCINV_STR */

/* ------------------------------------------------------------------------ */
/** @name Status codes
 * One list, so the enum and the messages cannot drift apart. */
/**@{*/
#define SOCINV_STATUS_LIST(X)                                                          \
    X(SOCINV_OK, "success")                                                            \
    X(SOCINV_NO_RESULT, "the rule has no result for these values (e.g. never pays back)") \
    X(SOCINV_E_NULL, "a required pointer argument is NULL")                            \
    X(SOCINV_E_LENGTH, "an input is empty, or longer than SOCINV_MAX_CELLS")           \
    X(SOCINV_E_SHAPE, "inputs that must have matching shapes do not")                  \
    X(SOCINV_E_NONFINITE, "an input number is NaN or infinite")                        \
    X(SOCINV_E_TYPE, "a value of the wrong type, such as text where a number is required") \
    X(SOCINV_E_RATE, "a rate is -100 % or below")                                      \
    X(SOCINV_E_SHARE, "a share is outside 0-1, or shares do not add up to 1")          \
    X(SOCINV_E_OPTION, "an option or keyword is not one the function knows")           \
    X(SOCINV_E_DOMAIN, "a parameter is outside its allowed range")                     \
    X(SOCINV_E_AREA, "an area (styringsomraade) is not recognised")                   \
    X(SOCINV_E_MISSING_YEAR, "a year is not in the index series")                      \
    X(SOCINV_E_INDEX, "an index value is zero or negative")                            \
    X(SOCINV_E_BUFFER, "an output buffer is too small")                                \
    X(SOCINV_E_OVERFLOW, "the result is too large to represent")                       \
    X(SOCINV_E_NOMEM, "out of memory")                                                 \
    X(SOCINV_E_PARSE, "text could not be read as a number")                            \
    X(SOCINV_E_NOTABLE, "no business-case table was found")

/** Result of every socinv function. */
typedef enum socinv_status {
#define SOCINV_ENUM_ITEM_(name, msg) name,
    SOCINV_STATUS_LIST(SOCINV_ENUM_ITEM_)
#undef SOCINV_ENUM_ITEM_
    SOCINV_STATUS_MAX /**< one past the last status; not a status */
} socinv_status;

/** English message for a status; "unknown status" for values out of range. */
SOCINV_API const char *socinv_strerror(socinv_status status);
/** The enumerator's name ("SOCINV_E_RATE"); "SOCINV_UNKNOWN" out of range. */
SOCINV_API const char *socinv_status_name(socinv_status status);
/**@}*/

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

/* ------------------------------------------------------------------------ */
/** @name Areas, row kinds and net impact */
/**@{*/
/** Styringsområde. Bit flags so that a basis can name a set of areas. */
typedef enum socinv_area {
    SOCINV_AREA_NONE = 0,
    SOCINV_AREA_SERVICE = 1,     /**< Service (serviceramme) */
    SOCINV_AREA_ANLAEG = 2,      /**< Anlæg (capital) */
    SOCINV_AREA_OVERFOERSLER = 4, /**< Overførsler (transfer payments) */
    SOCINV_AREA_EFTERSPOERGSEL = 8 /**< Efterspørgselsstyret (demand-driven) */
} socinv_area;
#define SOCINV_AREAS_ALL 0xFu

/**
 * Read an area as the seeds and users spell it, case-insensitive, ignoring
 * spaces and hyphens inside words (PDF line breaks give "Efterspørgselsst yret",
 * "Styrings- område") and anything after a comma ("Service, koncern it").
 * Danish and English: Service; Anlæg/Anlaeg/Capital; Overførsler/Overforsler/
 * Transfers/Transfer payments; Efterspørgselsstyret (indsats)/Demand-driven.
 * @return #SOCINV_E_AREA if not recognised (empty text gives SOCINV_AREA_NONE, OK).
 */
SOCINV_API socinv_status socinv_area_parse(const char *text, size_t len, socinv_area *area);
/** Danish display name of a single area ("Service", "Anlæg", ...); "" for NONE. */
SOCINV_API const char *socinv_area_name(socinv_area area);

/** What a row of a business-case table is, for NETIMPACT. */
typedef enum socinv_row_kind {
    SOCINV_ROW_IGNORE = 0,         /**< header, subtotal, blank: not summed */
    SOCINV_ROW_PERMANENT = 1,      /**< varig ændring (permanent change) */
    SOCINV_ROW_IMPLEMENTATION = 2  /**< implementeringsomkostning (one-off) */
} socinv_row_kind;

/** "V"/"varig"/"P"/"permanent" -> PERMANENT; "I"/"impl"/"implementering"/
 * "investering"/"implementation" -> IMPLEMENTATION; empty -> IGNORE.
 * @return #SOCINV_E_OPTION otherwise. */
SOCINV_API socinv_status socinv_row_kind_parse(const char *text, size_t len, socinv_row_kind *kind);

/** Which rows count: permanent rows whose area is in `permanent_areas`, and
 * implementation rows whose area is in `implementation_areas`. A mask of
 * #SOCINV_AREAS_ALL counts rows whatever their area, blank included. */
typedef struct socinv_basis {
    unsigned permanent_areas;
    unsigned implementation_areas;
} socinv_basis;

/** Totaløkonomi: every row. */
SOCINV_API socinv_basis socinv_basis_total(void);
/** Serviceeffektivisering: permanent changes on Service against all implementation costs. */
SOCINV_API socinv_basis socinv_basis_service(void);
/** "total"/"totaløkonomi"/"t" -> total, "service"/"serviceeffektivisering"/"s"
 * -> service, or a list of areas separated by ';' or '+' ("Service;Anlæg") that
 * restricts permanent changes to those areas. Empty -> total. */
SOCINV_API socinv_status socinv_basis_parse(const char *text, size_t len, socinv_basis *basis);

/**
 * Net impact per year: column sums of the rows the basis counts.
 *
 * @param amounts rows × cols, blanks as 0
 * @param areas   one per row (may be NULL when both masks are ALL)
 * @param kinds   one per row
 * @param permanent, implementation, net  out, `cols` each; any may be NULL
 * @return #SOCINV_E_AREA when a counted row has no area but the basis needs one.
 *
 * @note Randers (004): -200 gain + 200 investment + 50 pool = 50 net in 2024.
 */
SOCINV_API socinv_status socinv_net_impact(const double *amounts, size_t rows, size_t cols,
                                const socinv_area *areas, const socinv_row_kind *kinds,
                                socinv_basis basis, double *permanent, double *implementation,
                                double *net);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Table check */
/**@{*/
/** One difference between a printed total and the rows it should sum. */
typedef struct socinv_mismatch {
    size_t row;      /**< 0-based row of the printed total (in the caller's table) */
    size_t col;      /**< 0-based column (year index) */
    double printed;
    double computed;
} socinv_mismatch;

/** Default tolerance for printed totals in 1.000 kr.: rounding to whole thousands. */
#define SOCINV_CHECK_TOLERANCE 0.5

/**
 * Compare a printed total row with the column sums of `rows`.
 * @param tol  absolute tolerance (>= 0), e.g. #SOCINV_CHECK_TOLERANCE
 * @param first out: the first column whose |printed - computed| > tol
 *              (row is set to nrows: the printed row follows the rows)
 * @param ok   out: 1 if every column agrees, else 0
 */
SOCINV_API socinv_status socinv_check_sum(const double *rows, size_t nrows, size_t cols, const double *printed,
                               double tol, socinv_mismatch *first, int *ok);
/**@}*/

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

/* ------------------------------------------------------------------------ */
/** @name Reading numbers as printed */
/**@{*/
typedef enum socinv_number_style {
    /** "1.200" and "-4.100" are thousands (Danish), "1,5" is a decimal; a lone
     * '.' followed by other than exactly 3 digits is a decimal point ("1.25") */
    SOCINV_NUMBERS_AUTO = 0,
    SOCINV_NUMBERS_DANISH = 1, /**< '.' thousands, ',' decimal */
    SOCINV_NUMBERS_PLAIN = 2   /**< ',' thousands, '.' decimal */
} socinv_number_style;

/**
 * Read a number as the seeds print it: "1.200", "-4.100", "- 1.350", "−504"
 * (Unicode minus), "1,5", "1.234,5", "200*" (footnote mark), "(250)" (negative),
 * "4 år" / "4 years" (unit after the number). A lone "-" or "–" is 0 (dash for
 * zero). Leading/trailing spaces (also no-break spaces) are ignored.
 * @return #SOCINV_E_PARSE if the text is not such a number; #SOCINV_E_LENGTH if empty.
 */
SOCINV_API socinv_status socinv_parse_number(const char *text, size_t len, socinv_number_style style,
                                  double *value);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Cells and grids
 * A sheet, a pasted table or a text file split into lines and tabs, as the
 * table recognizer reads it. The Calc add-in passes a range as a grid. */
/**@{*/
typedef enum socinv_cell_kind {
    SOCINV_CELL_EMPTY = 0, /**< an empty cell, or "" */
    SOCINV_CELL_NUMBER = 1,
    SOCINV_CELL_TEXT = 2   /**< UTF-8 text[0..len), not necessarily NUL-terminated */
} socinv_cell_kind;

typedef struct socinv_cell {
    socinv_cell_kind kind;
    double num;
    const char *text;
    size_t len;
} socinv_cell;

typedef struct socinv_grid {
    const socinv_cell *cells; /**< rows × cols, row-major */
    size_t rows, cols;
} socinv_grid;

/** "Not a row/column/index" in the structures below. */
#define SOCINV_NONE ((size_t)-1)

/**
 * Split delimited text into a grid: tab-separated (as the seeds, and as a table
 * copied out of Word or a PDF pastes), or CSV with ';' or ',' and RFC 4180
 * quotes. `delimiter` 0 detects: tab if the text has one, else ';' if it has
 * one, else ','. Every non-empty cell is text (the recognizer reads numbers).
 * Text that is not UTF-8 is read as Windows-1252, as Danish Excel saves CSV.
 * A UTF-8 byte-order mark is skipped.
 *
 * This allocates (one block): release it with socinv_grid_free().
 * @return #SOCINV_E_PARSE for text with NUL bytes (a binary file),
 *         #SOCINV_E_OPTION for a delimiter that is not ASCII or is '"' or a line end,
 *         #SOCINV_E_LENGTH beyond #SOCINV_MAX_CELLS cells or beyond 64 cells per byte
 *         of text (rows x widest row), #SOCINV_E_NOMEM.
 */
SOCINV_API socinv_status socinv_grid_parse_text(const char *text, size_t len, char delimiter,
                                                socinv_grid *grid);
/** Free a grid made by socinv_grid_parse_text() (a zeroed grid is fine). */
SOCINV_API void socinv_grid_free(socinv_grid *grid);
/**@}*/

/* ------------------------------------------------------------------------ */
/** @name Business-case tables ('Forslagets samlede økonomiske konsekvenser')
 * Recognition of the Copenhagen table layout in a grid — label column, area
 * column ('Styringsområde'), one column per year — with the messiness of real
 * documents: subtotals qualified by area or department, missing headings,
 * footnotes and blank lines inside the table, '-' for zero, a payback printed
 * as "4 år" or split over two lines. Nothing is hard-coded to a document. */
/**@{*/
typedef enum socinv_line_role {
    SOCINV_LINE_OTHER = 0, /**< footnote, separator or blank line inside the table */
    SOCINV_LINE_HEADING,   /**< 'Varige ændringer' / 'Implementeringsomkostninger' */
    SOCINV_LINE_DETAIL,    /**< an amount line; kind from its block */
    SOCINV_LINE_SUBTOTAL,  /**< 'Samlet varig ændring[, service]', 'Samlede implementeringsomkostninger[, anlæg]' */
    SOCINV_LINE_NET,       /**< 'Samlet økonomisk påvirkning' */
    SOCINV_LINE_PAYBACK    /**< 'Tilbagebetalingstid baseret på serviceeffektivisering / totaløkonomi' */
} socinv_line_role;

typedef enum socinv_qualifier {
    SOCINV_QUAL_NONE = 0,  /**< the whole block */
    SOCINV_QUAL_AREA = 1,  /**< ", service", ", anlæg", ", service inkl. rammereduktion" */
    SOCINV_QUAL_OTHER = 2  /**< by department or anything else: ", service SOF", ", service (BUF)" */
} socinv_qualifier;

/** Payback bases. */
typedef enum socinv_payback_basis {
    SOCINV_BASIS_SERVICE = 0, /**< baseret på serviceeffektivisering */
    SOCINV_BASIS_TOTAL = 1    /**< baseret på totaløkonomi */
} socinv_payback_basis;

typedef struct socinv_case_line {
    size_t row;                /**< grid row (of the value; the label may start a row earlier) */
    size_t label_row;          /**< grid row of the label */
    socinv_line_role role;
    socinv_row_kind kind;      /**< details, subtotals and headings: permanent or implementation */
    socinv_area area;          /**< details: the area column; subtotals: the qualifier's area */
    socinv_qualifier qualifier;
    socinv_payback_basis basis; /**< payback lines */
    double payback;            /**< payback lines: printed years; NaN when not printed */
    unsigned notes;            /**< bit set of (1u << socinv_note) that apply to this line */
} socinv_case_line;

/** Most year columns a business-case table may have (more is not a budget table). */
#define SOCINV_CASE_MAX_YEARS 200

typedef struct socinv_case {
    size_t header_row;  /**< the row with the years */
    size_t end_row;     /**< first row after the table */
    size_t label_col;
    size_t area_col;    /**< #SOCINV_NONE when the table has no area column */
    size_t year_col;    /**< first year column; the years are contiguous columns */
    size_t nyears;
    int first_year;     /**< e.g. 2024 */
    int years_consecutive; /**< 0 when a year repeats or is missing (a layout finding) */
    size_t nlines;      /**< lines written */
} socinv_case;

/**
 * Find the next business-case table at or after grid row `from_row`.
 *
 * @param lines   out: one entry per row of the table (cap entries available)
 * @param values  out: lines × years amounts, values[i*nyears + j]; NaN = blank
 *                (values_cap doubles available)
 * @return #SOCINV_OK; #SOCINV_E_NOTABLE when there is none; #SOCINV_E_BUFFER when
 *         lines or values do not fit (table->nlines and nyears say how much is needed).
 * Cells are checked as the search reaches them (a bad cell kind: #SOCINV_E_TYPE), so
 * finding every table of a grid one after the other costs time linear in the grid.
 */
SOCINV_API socinv_status socinv_case_find(const socinv_grid *grid, size_t from_row,
                                          socinv_number_style style, socinv_case *table,
                                          socinv_case_line *lines, size_t cap, double *values,
                                          size_t values_cap);

/**
 * Read the one table of a range a user selected around it (the Calc add-in's
 * CASECHECK and NETIMPACT): the first row with years is the header and the table
 * runs to the end of the range or to the next header. Unlike socinv_case_find(),
 * blank lines, footnotes and other text inside do not end it: the user said
 * where the table is. It must still have a heading, subtotal, net or payback line.
 * Same outputs and statuses as socinv_case_find().
 */
SOCINV_API socinv_status socinv_case_read(const socinv_grid *grid, socinv_number_style style,
                                          socinv_case *table, socinv_case_line *lines, size_t cap,
                                          double *values, size_t values_cap);

/** The proposal's id ("TV04") and title, looked for between `from_row` and the
 * table's header: a heading "TV04(2025) - Title" (or "TV04(2025) Title", or a bare
 * "TV04(2025)" with the title on the next line), "Forslagets titel: Title",
 * or the line before "Kort resumé". Empty id/title when the document gives none.
 * @param title, title_len out: points into the grid's text */
SOCINV_API socinv_status socinv_case_title(const socinv_grid *grid, size_t from_row,
                                           const socinv_case *table, char *id, size_t id_cap,
                                           const char **title, size_t *title_len);

/** The year heading of year column j as printed (2024, ...); 0 if j is out of range.
 * Differs from first_year + j when the printed years repeat or skip one. */
SOCINV_API int socinv_case_year(const socinv_grid *grid, const socinv_case *table, size_t j);

/** The label of a line as printed, without surrounding spaces (points into the grid;
 * length 0 when the line has none). */
SOCINV_API socinv_status socinv_case_label(const socinv_grid *grid, const socinv_case *table,
                                           const socinv_case_line *line, const char **text, size_t *len);

/** Net impact per year recomputed from the table's detail lines on a basis
 * (service: permanent lines on Service + all implementation lines). */
SOCINV_API socinv_status socinv_case_net(const socinv_case *table, const socinv_case_line *lines,
                                         const double *values, socinv_basis basis, double *net);

/** Why a finding was made, or which reading of an ambiguous table was used. */
typedef enum socinv_note {
    SOCINV_NOTE_NONE = 0,
    SOCINV_NOTE_MISMATCH,          /**< printed and computed differ */
    SOCINV_NOTE_AREA_ALL_ROWS,     /**< an area subtotal also counts rows of other areas; read as all rows */
    SOCINV_NOTE_QUALIFIED_SUM,     /**< qualified subtotals do not add up to the unqualified total */
    SOCINV_NOTE_NO_IMPL_HEADING,   /**< no 'Implementeringsomkostninger' heading: rows after the permanent total read as implementation */
    SOCINV_NOTE_NO_HEADING,        /**< amount lines before any heading read as permanent changes */
    SOCINV_NOTE_TEXT_AMOUNT,       /**< text where an amount belongs; read as blank */
    SOCINV_NOTE_SPLIT_PAYBACK,     /**< a payback label split over two lines; joined */
    SOCINV_NOTE_NO_AREA,           /**< an amount line with no known area; left out of the service basis */
    SOCINV_NOTE_YEARS,             /**< the year columns repeat or skip a year */
    SOCINV_NOTE_NET_BLANK,         /**< the printed net impact is blank where the lines give an amount */
    SOCINV_NOTE_PAYBACK_RULE,      /**< the printed payback differs from the rule */
    SOCINV_NOTE_NO_PAYBACK_PRINTED,/**< the rule gives a payback, but none is printed */
    SOCINV_NOTE_NO_DETAIL,         /**< a subtotal with no amount lines to check it against */
    SOCINV_NOTE_COUNT
} socinv_note;

/** Text of a note in "da" or "en" (anything else gives English). */
SOCINV_API const char *socinv_note_text(socinv_note note, const char *lang);

typedef enum socinv_finding_kind {
    SOCINV_FINDING_SUBTOTAL = 0, /**< a printed subtotal against its lines */
    SOCINV_FINDING_NET,          /**< the printed net impact against the lines */
    SOCINV_FINDING_PAYBACK,      /**< a printed payback against the rule */
    SOCINV_FINDING_AREA,         /**< a reading about areas */
    SOCINV_FINDING_LAYOUT        /**< a reading about the table's layout */
} socinv_finding_kind;

/** "subtotal", "net", "payback", "area", "layout". */
SOCINV_API const char *socinv_finding_kind_name(socinv_finding_kind kind);

typedef enum socinv_severity {
    SOCINV_SEVERITY_ERROR = 0,  /**< the printed table contradicts its lines or the rule */
    SOCINV_SEVERITY_WARNING = 1 /**< ambiguous; the note says which reading was used */
} socinv_severity;

typedef struct socinv_finding {
    socinv_finding_kind kind;
    socinv_severity severity;
    socinv_note note;
    size_t line;       /**< index into the table's lines, or #SOCINV_NONE */
    size_t year;       /**< year index (0 = first year column), or #SOCINV_NONE */
    double printed;    /**< NaN when not applicable */
    double computed;   /**< NaN when not applicable (or the rule gives no payback) */
} socinv_finding;

typedef struct socinv_case_report {
    double payback_printed[2]; /**< [SOCINV_BASIS_SERVICE], [SOCINV_BASIS_TOTAL]; NaN = not printed */
    double payback_rule[2];    /**< NaN = no payback by the rule (never pays back / nothing to pay back) */
    size_t nfindings;          /**< findings written (at most cap) */
    size_t nfindings_total;    /**< findings made; more than nfindings when the buffer was short */
    size_t nerrors;            /**< findings with severity error */
} socinv_case_report;

/**
 * Check a recognised table: each printed subtotal against the lines above it
 * (area-qualified ones against the lines of that area), qualified subtotals
 * against the unqualified total, the printed net impact against the lines,
 * and the printed paybacks against the Copenhagen rule on both bases, computed
 * from the lines (not from the printed totals).
 * @param tol absolute tolerance for amounts, e.g. #SOCINV_CHECK_TOLERANCE
 */
SOCINV_API socinv_status socinv_case_audit(const socinv_case *table, const socinv_case_line *lines,
                                           const double *values, double tol,
                                           socinv_case_report *report, socinv_finding *findings,
                                           size_t cap);
/** An amount as a report prints it: "da" -> "-4.850", "1,5"; "en" -> "-4,850", "1.5".
 * NaN gives "-" (blank). Writes at most cap bytes, NUL included. */
SOCINV_API void socinv_format_amount(double v, const char *lang, char *buf, size_t cap);

/** v as printf's "%.*f", "%.*e" or "%.*g" (conv 'f', 'e', 'g'; prec 0..40) would print it in
 * the C locale, with '.' as the decimal point whatever LC_NUMERIC is. Returns the length of
 * the whole text (as snprintf; the text is cut to cap - 1 bytes), or -1 for a bad conv/prec. */
SOCINV_API int socinv_c_format(double v, char conv, int prec, char *buf, size_t cap);

/** strtod of a number in the C locale's form ('.' as the decimal point; a ',' ends it),
 * whatever LC_NUMERIC is. Reads at most 511 bytes of the number. */
SOCINV_API double socinv_c_parse(const char *s, char **end);

/** A finding as one sentence in "da" or "en", e.g. "Samlet økonomisk påvirkning
 * 2026: trykt 4.850, beregnet 3.750". Labels are taken from the grid as printed. */
SOCINV_API void socinv_finding_format(const socinv_grid *grid, const socinv_case *table,
                                      const socinv_case_line *lines, const socinv_finding *finding,
                                      const char *lang, char *buf, size_t cap);

/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_H */
