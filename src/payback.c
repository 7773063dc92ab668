/* Payback (tilbagebetalingstid): whole years by the Copenhagen rule, fractional
 * and discounted variants. */
#include "internal.h"

socinv_payback_opts socinv_payback_opts_default(void)
{
    socinv_payback_opts o = {SOCINV_PAYBACK_WHOLE, SOCINV_CROSSING_FIRST, 1, 1, 100};
    return o;
}

static socinv_status check_opts(const socinv_payback_opts *o)
{
    if (o->method != SOCINV_PAYBACK_WHOLE && o->method != SOCINV_PAYBACK_FRACTIONAL &&
        o->method != SOCINV_PAYBACK_WHOLE_NONSTRICT)
        return SOCINV_E_OPTION;
    if (o->crossing != SOCINV_CROSSING_FIRST && o->crossing != SOCINV_CROSSING_FINAL)
        return SOCINV_E_OPTION;
    if (o->sign != 1 && o->sign != -1)
        return SOCINV_E_OPTION;
    if (o->horizon < 1 || o->horizon > SOCINV_MAX_HORIZON)
        return SOCINV_E_DOMAIN;
    return SOCINV_OK;
}

/* The rule as a predicate on a cumulative value, with the zero band of
 * SOCINV_ZERO_TOLERANCE: strict rules need the cumulative clearly below zero. */
typedef struct {
    int strict;
    double eps;
} rule;

static int meets(const rule *r, double cum)
{
    return r->strict ? cum < -r->eps : cum <= r->eps;
}

/* Result for crossing year k with cumulatives before and after. */
static double answer(const socinv_payback_opts *o, double k, double before, double after)
{
    if (o->method != SOCINV_PAYBACK_FRACTIONAL)
        return k;
    double frac = before / (before - after);
    if (!(frac > 0.0)) /* before within the zero band, or exactly zero */
        frac = 0.0;
    if (frac > 1.0)
        frac = 1.0;
    return (k - 1.0) + frac;
}

/* First j >= 1 with meets(cn + j*v), v < 0, or 0 if it lies beyond `limit`.
 * The division gives the answer up to rounding; the two loops settle it
 * against the predicate itself so the closed form and a year-by-year walk
 * always agree. */
static double first_extrapolated(const rule *r, double cn, double v, double limit)
{
    double bound = r->strict ? (cn + r->eps) / -v : (cn - r->eps) / -v;
    if (!(bound < limit + 2.0))
        return 0.0;
    double j = r->strict ? floor(bound) + 1.0 : ceil(bound);
    if (j < 1.0)
        j = 1.0;
    while (j > 1.0 && meets(r, cn + (j - 1.0) * v))
        j -= 1.0;
    while (!meets(r, cn + j * v))
        j += 1.0;
    return j <= limit ? j : 0.0;
}

/* First j >= 1 with !meets(cn + j*v), v > 0, or 0 if it lies beyond `limit`. */
static double first_leaving(const rule *r, double cn, double v, double limit)
{
    double bound = r->strict ? (-r->eps - cn) / v : (r->eps - cn) / v;
    if (!(bound < limit + 2.0))
        return 0.0;
    double j = floor(bound);
    if (j < 1.0)
        j = 1.0;
    while (j > 1.0 && !meets(r, cn + (j - 1.0) * v))
        j -= 1.0;
    while (meets(r, cn + j * v))
        j += 1.0;
    return j <= limit ? j : 0.0;
}

/* The first year after a table of n years (cumulative c at its end) in which the
 * repeated last value `tail` meets the rule, within `room` more years. */
static socinv_status after_table(const socinv_payback_opts *opts, const rule *r, int beyond, double c, double tail,
                                 size_t n, double room, double *years)
{
    if (!beyond || !(tail < 0.0))
        return SOCINV_NO_RESULT;
    double j = first_extrapolated(r, c, tail, room);
    if (j == 0.0)
        return SOCINV_NO_RESULT;
    *years = answer(opts, (double)n + j, c + (j - 1.0) * tail, c + j * tail);
    return SOCINV_OK;
}

static socinv_status check_row(const double *net, size_t n, const socinv_payback_opts **o,
                               const socinv_payback_opts *defaults, double *years)
{
    socinv_status st = sv_check_values(net, n);
    if (st != SOCINV_OK)
        return st;
    if (!years)
        return SOCINV_E_NULL;
    if (!*o)
        *o = defaults;
    return check_opts(*o);
}

socinv_status socinv_payback(const double *net, size_t n, const socinv_payback_opts *opts,
                             double *years)
{
    const socinv_payback_opts defaults = socinv_payback_opts_default();
    socinv_status st = check_row(net, n, &opts, &defaults, years);
    if (st != SOCINV_OK)
        return st;

    const double sign = opts->sign;
    const size_t m = n < opts->horizon ? n : opts->horizon; /* years inside table and horizon */
    double scale = 0.0;
    for (size_t j = 0; j < n; j++)
        scale += fabs(net[j]);
    const rule r = {opts->method != SOCINV_PAYBACK_WHOLE_NONSTRICT, SOCINV_ZERO_TOLERANCE * scale};

    /* Walk the table: first year meeting the rule, last year not meeting it. */
    sv_sum cum = {0, 0};
    double prev = 0.0, c = 0.0;
    size_t first = 0, last_not = 0;
    double first_before = 0.0, first_after = 0.0, final_before = 0.0, final_after = 0.0;
    int after_last_not_pending = 0;
    for (size_t k = 1; k <= m; k++) {
        prev = c;
        sv_sum_add(&cum, sign * net[k - 1]);
        c = sv_sum_get(&cum);
        if (!isfinite(c))
            return SOCINV_E_OVERFLOW;
        if (meets(&r, c)) {
            if (!first) {
                first = k;
                first_before = prev;
                first_after = c;
            }
            if (after_last_not_pending) {
                final_before = prev;
                final_after = c;
                after_last_not_pending = 0;
            }
        } else {
            last_not = k;
            after_last_not_pending = 1;
        }
    }
    if (last_not == 0) { /* met from year 1 */
        final_before = 0.0;
        final_after = sign * net[0];
    }

    const double tail = sign * net[n - 1]; /* the permanent effect beyond the table */
    const int beyond = opts->extrapolate && opts->horizon > n;
    const double room = (double)opts->horizon - (double)n;

    if (opts->crossing == SOCINV_CROSSING_FIRST) {
        if (first) {
            *years = answer(opts, (double)first, first_before, first_after);
            return SOCINV_OK;
        }
        return after_table(opts, &r, beyond, c, tail, n, room, years);
    }

    /* Final crossing: the first year from which the rule stays met through the horizon. */
    if (meets(&r, c)) {
        if (beyond && tail > 0.0 && first_leaving(&r, c, tail, room) != 0.0)
            return SOCINV_NO_RESULT; /* the cumulative rises out of the rule before the horizon */
        *years = answer(opts, (double)(last_not + 1), final_before, final_after);
        return SOCINV_OK;
    }
    return after_table(opts, &r, beyond, c, tail, n, room, years);
}

socinv_status socinv_payback_discounted(const double *net, size_t n, const socinv_schedule *s,
                                        unsigned first_year, const socinv_payback_opts *opts,
                                        double *years)
{
    const socinv_payback_opts defaults = socinv_payback_opts_default();
    socinv_status st = check_row(net, n, &opts, &defaults, years);
    if (st != SOCINV_OK)
        return st;
    if (first_year > 1)
        return SOCINV_E_DOMAIN;
    double df;
    if ((st = socinv_discount_factor(s, 0, &df)) != SOCINV_OK) /* validates the schedule */
        return st;

    const double sign = opts->sign;
    const unsigned horizon = opts->extrapolate ? opts->horizon
                                               : (n < opts->horizon ? (unsigned)n : opts->horizon);
    double scale = 0.0;
    for (size_t j = 0; j < n; j++)
        scale += fabs(net[j]);
    const rule r = {opts->method != SOCINV_PAYBACK_WHOLE_NONSTRICT, SOCINV_ZERO_TOLERANCE * scale};

    /* Year by year: there is no closed form once the factors decline by band. */
    sv_sum cum = {0, 0};
    double prev = 0.0, c = 0.0, rate_df = 1.0;
    unsigned first = 0, last_not = 0;
    double fb = 0, fa = 0, lb = 0, la = 0;
    int pending = 0;
    for (unsigned k = 1; k <= horizon; k++) {
        unsigned t = first_year + k - 1;
        if (t > 0)
            rate_df /= 1.0 + socinv_schedule_rate(s, t);
        double v = k <= n ? net[k - 1] : net[n - 1];
        prev = c;
        sv_sum_add(&cum, sign * v * rate_df);
        c = sv_sum_get(&cum);
        if (!isfinite(c))
            return SOCINV_E_OVERFLOW;
        if (meets(&r, c)) {
            if (!first) {
                first = k;
                fb = prev;
                fa = c;
                if (opts->crossing == SOCINV_CROSSING_FIRST)
                    break;
            }
            if (pending) {
                lb = prev;
                la = c;
                pending = 0;
            }
        } else {
            last_not = k;
            pending = 1;
        }
    }
    if (opts->crossing == SOCINV_CROSSING_FIRST) {
        if (!first)
            return SOCINV_NO_RESULT;
        *years = answer(opts, first, fb, fa);
        return SOCINV_OK;
    }
    if (!meets(&r, c))
        return SOCINV_NO_RESULT;
    if (last_not == 0) {
        lb = 0.0;
        la = sign * net[0] * (first_year ? 1.0 / (1.0 + socinv_schedule_rate(s, 1)) : 1.0);
    }
    *years = answer(opts, last_not + 1, lb, la);
    return SOCINV_OK;
}
