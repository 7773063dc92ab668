/* Payback (tilbagebetalingstid): whole years by the Copenhagen rule, fractional
 * and discounted variants. */
#include <float.h>

#include "internal.h"

/* Read-only, so the rules need no copy of it per call. */
static const socinv_payback_opts payback_defaults = {SOCINV_PAYBACK_WHOLE, SOCINV_CROSSING_FIRST, 1, 1,
                                                     SOCINV_PAYBACK_HORIZON_DEFAULT};

socinv_payback_opts socinv_payback_opts_default(void)
{
    return payback_defaults;
}

static socinv_status check_opts(const socinv_payback_opts *o)
{
    if (o->method != SOCINV_PAYBACK_WHOLE && o->method != SOCINV_PAYBACK_FRACTIONAL &&
        o->method != SOCINV_PAYBACK_WHOLE_NONSTRICT && o->method != SOCINV_PAYBACK_FRACTIONAL_NONSTRICT)
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
 * SOCINV_ZERO_TOLERANCE: strict rules need the cumulative clearly below zero.
 * The band is the tolerance times the magnitudes added into the cumulative so
 * far, each scaled first, so it never overflows where the sum of magnitudes
 * would (a row of ±9E307), and a -1 in year 1 is not swallowed by 1E308 later. */
typedef struct {
    int strict;
    double eps;
} rule;

static rule rule_of(const socinv_payback_opts *o)
{
    rule r = {o->method == SOCINV_PAYBACK_WHOLE || o->method == SOCINV_PAYBACK_FRACTIONAL, 0.0};
    return r;
}

static inline void widen(rule *r, double added)
{
    r->eps += SOCINV_ZERO_TOLERANCE * fabs(added);
}

static inline int meets(const rule *r, double cum)
{
    return r->strict ? cum < -r->eps : cum <= r->eps;
}

static int fractional(const socinv_payback_opts *o)
{
    return o->method == SOCINV_PAYBACK_FRACTIONAL || o->method == SOCINV_PAYBACK_FRACTIONAL_NONSTRICT;
}

/* Result for crossing year k with cumulatives before and after. */
static double answer(const socinv_payback_opts *o, double k, double before, double after)
{
    if (!fractional(o))
        return k;
    double frac = before / (before - after); /* the year's own value: finite */
    if (!(frac > 0.0)) /* before within the zero band, or exactly zero */
        frac = 0.0;
    if (frac > 1.0)
        frac = 1.0;
    return (k - 1.0) + frac;
}

/* The cumulative j years after the table. */
static double beyond_table(double cn, double v, double j)
{
    return cn + j * v;
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
    while (j > 1.0 && meets(r, beyond_table(cn, v, j - 1.0)))
        j -= 1.0;
    while (!meets(r, beyond_table(cn, v, j)))
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
    while (j > 1.0 && !meets(r, beyond_table(cn, v, j - 1.0)))
        j -= 1.0;
    while (meets(r, beyond_table(cn, v, j)))
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
    double before = beyond_table(c, tail, j - 1.0), after = before + tail;
    if (!isfinite(after))
        return SOCINV_E_OVERFLOW;
    *years = answer(opts, (double)n + j, before, after);
    return SOCINV_OK;
}

/* The row's and options' checks without the pass over the values, for a rule
 * whose walk finds a non-finite value itself (its cumulative stops being finite):
 * the values' errors still come first (si_check_values, then years, then the
 * options). */
static inline socinv_status check_row_but_values(const double *net, size_t n, const socinv_payback_opts **o,
                                                 double *years)
{
    if (!net)
        return SOCINV_E_NULL;
    if (n == 0 || n > SOCINV_MAX_CELLS)
        return SOCINV_E_LENGTH;
    socinv_status st = SOCINV_E_NULL;
    if (years && !*o) {
        *o = &payback_defaults; /* valid as written */
        st = SOCINV_OK;
    } else if (years) {
        st = check_opts(*o);
    }
    if (st == SOCINV_OK)
        return SOCINV_OK;
    socinv_status values = si_check_values(net, n);
    return values != SOCINV_OK ? values : st;
}

/* A walk over the cumulative year by year: the first year meeting the rule,
 * and the crossing into the last run of years that meet it. */
typedef struct {
    rule r;
    si_sum cum;
    double c;                 /* cumulative after the last year walked */
    unsigned first, last_not; /* first year met; last year not met (0: none) */
    double first_before, first_after, final_before, final_after;
    int pending;              /* a year not met was seen since final_* was set */
} walk;

static void walk_start(walk *w, const socinv_payback_opts *o)
{
    *w = (walk){.r = rule_of(o)};
}

/* Add year k's value; SOCINV_E_OVERFLOW when the cumulative is not representable.
 * Inlined: it is the loop body of both paybacks (~50 instructions a year). */
static inline __attribute__((always_inline)) socinv_status walk_year(walk *w, unsigned k, double value)
{
    double prev = w->c;
    si_sum_add(&w->cum, value);
    w->c = si_sum_get(&w->cum);
    if (!isfinite(w->c))
        return SOCINV_E_OVERFLOW;
    if (meets(&w->r, w->c)) {
        if (!w->first) {
            w->first = k;
            w->first_before = prev;
            w->first_after = w->c;
        }
        if (w->pending) {
            w->final_before = prev;
            w->final_after = w->c;
            w->pending = 0;
        }
    } else {
        w->last_not = k;
        w->pending = 1;
    }
    return SOCINV_OK;
}

socinv_status socinv_payback(const double *net, size_t n, const socinv_payback_opts *opts,
                             double *years)
{
    socinv_status st = check_row_but_values(net, n, &opts, years);
    if (st != SOCINV_OK)
        return st;

    const double sign = opts->sign;
    const size_t m = n < opts->horizon ? n : opts->horizon; /* years inside table and horizon */
    walk w;
    walk_start(&w, opts);
    for (size_t k = 1; k <= m; k++) {
        widen(&w.r, net[k - 1]);
        if ((st = walk_year(&w, (unsigned)k, sign * net[k - 1])) != SOCINV_OK) {
            /* a non-finite value makes the cumulative non-finite: that value's error first */
            socinv_status values = si_check_values(net, n);
            return values != SOCINV_OK ? values : st;
        }
    }
    for (size_t k = m; k < n; k++) /* the years after the horizon were not walked */
        if (!isfinite(net[k]))
            return SOCINV_E_NONFINITE;
    if (w.last_not == 0) { /* met from year 1 */
        w.final_before = 0.0;
        w.final_after = sign * net[0];
    }

    const double tail = sign * net[n - 1]; /* the permanent effect beyond the table */
    const int beyond = opts->extrapolate && opts->horizon > n;
    const double room = (double)opts->horizon - (double)n;

    if (opts->crossing == SOCINV_CROSSING_FIRST) {
        if (w.first) {
            *years = answer(opts, (double)w.first, w.first_before, w.first_after);
            return SOCINV_OK;
        }
        return after_table(opts, &w.r, beyond, w.c, tail, n, room, years);
    }

    /* Final crossing: the first year from which the rule stays met through the horizon. */
    if (meets(&w.r, w.c)) {
        if (beyond && tail > 0.0 && first_leaving(&w.r, w.c, tail, room) != 0.0)
            return SOCINV_NO_RESULT; /* the cumulative rises out of the rule before the horizon */
        *years = answer(opts, (double)(w.last_not + 1), w.final_before, w.final_after);
        return SOCINV_OK;
    }
    return after_table(opts, &w.r, beyond, w.c, tail, n, room, years);
}

/* The discounted walk beyond the table adds tail * df each year, df positive and
 * not rising when no rate ahead is negative: the cumulative moves one way, by at
 * most |tail| * df * min(years left, 1 / lowest rate) in all (the geometric sum of
 * the factors). Can it never meet the rule again? Then walking on changes nothing:
 * the answer is "never". Conservative: a margin far above the compensated sum's
 * rounding (~1e-19 of the band), and no stop where the walk could overflow. */
static int never_meets(const rule *r, double c, double tail, double df, unsigned years_left, double lowest_rate)
{
    if (!(lowest_rate >= 0.0))
        return 0;
    double steps = (double)years_left;
    if (lowest_rate > 0.0 && 1.0 / lowest_rate < steps)
        steps = 1.0 / lowest_rate;
    double reach = fabs(tail) * df * steps * (1.0 + 0x1p-30);
    if (!isfinite(c + 2.0 * reach))
        return 0; /* the walk might overflow: let it say so */
    double lowest = tail < 0.0 ? c - reach : c;
    double edge = r->strict ? -r->eps : r->eps;
    return lowest > edge + 0x1p-20 * r->eps;
}

/* The lowest rate a schedule applies from band `band` on. */
static double lowest_rate_from(const socinv_schedule *s, size_t band)
{
    double lowest = s->band[band].rate;
    for (size_t i = band + 1; i < s->nbands; i++)
        if (s->band[i].rate < lowest)
            lowest = s->band[i].rate;
    return lowest;
}

/* The highest rate a schedule applies from band `band` on. */
static double highest_rate_from(const socinv_schedule *s, size_t band)
{
    double highest = s->band[band].rate;
    for (size_t i = band + 1; i < s->nbands; i++)
        if (s->band[i].rate > highest)
            highest = s->band[i].rate;
    return highest;
}

/* Where the first-crossing walks stand in the table: year t's band and factor
 * (year 1's first), and the zero band's edge (-eps when strict: -eps - x rounds as
 * -(eps + x) does). */
typedef struct {
    si_band b;
    unsigned t;
    double df, edge;
} table_pos;

static inline __attribute__((always_inline)) table_pos table_start(const socinv_schedule *s, unsigned first_year,
                                                                   int strict)
{
    table_pos y = {si_band_at(s, 0, first_year), first_year, 1.0, strict ? -0.0 : 0.0};
    if (y.t > 0) /* year 1's factor: 1 when the first value is today */
        y.df /= y.b.onep;
    return y;
}

/* The next year's band and factor (t > 0 from year 2 on). */
static inline __attribute__((always_inline)) void table_next(const socinv_schedule *s, table_pos *y)
{
    y->t++;
    if (y->t >= y->b.next_from)
        y->b = si_band_at(s, y->b.band, y->t);
    y->df /= y->b.onep;
}

/* The zero band's edge widened by a year's discounted value v. */
static inline __attribute__((always_inline)) double widened(int strict, double edge, double v)
{
    return strict ? edge - SOCINV_ZERO_TOLERANCE * fabs(v) : edge + SOCINV_ZERO_TOLERANCE * fabs(v);
}

/* One year t past the table: its factor, and the tail discounted by it added to
 * the compensated sum; the new cumulative. */
static inline __attribute__((always_inline)) double tail_year(const socinv_schedule *s, si_band *b, unsigned t,
                                                              double *df, si_sum *cum, double tail)
{
    if (t >= b->next_from)
        *b = si_band_at(s, b->band, t);
    *df /= b->onep; /* t > 0: past the first year */
    si_sum_add(cum, tail * *df);
    return si_sum_get(cum);
}

/* never_meets() on each year past the table, with what does not change from year
 * to year worked out once: the same operations in the same order, so the same
 * decisions. Only for a falling cumulative (tail < 0), lowest rate >= 0 and
 * magnitudes where nothing can overflow (the caller's check), so its finiteness
 * test always passes and is left out. */
#define STOP_BLOCK 8 /* years one lower bound of the reach serves */
typedef struct {
    double abs_tail, steps_cap, threshold;
    int capped;
    double shrink; /* at most DF(t + STOP_BLOCK) / DF(t) for every t ahead */
} stop_test;

/* highest_rate: of the bands from here on, as lowest_rate is */
static stop_test stop_test_of(const rule *r, double tail, double lowest_rate, double highest_rate)
{
    stop_test st = {fabs(tail), lowest_rate > 0.0 ? 1.0 / lowest_rate : 0.0, 0.0, lowest_rate > 0.0, 0.0};
    double edge = r->strict ? -r->eps : r->eps;
    st.threshold = edge + 0x1p-20 * r->eps;
    /* a year's factor is the last one divided by at most 1 + highest_rate (the same
     * rounded sum the walk divides by), each division rounding by at most 2^-53 of
     * it: (1 / (1 + highest))^8, less 2^-30 for every rounding here and there */
    double q = 1.0 / (1.0 + highest_rate), q2 = q * q, q4 = q2 * q2;
    st.shrink = q4 * q4 * (1.0 - 0x1p-30);
    return st;
}

/* never_meets()'s reach: how far the tail can still take the cumulative */
static inline __attribute__((always_inline)) double stop_reach(const stop_test *st, double df, double years_left)
{
    double steps = years_left;
    if (st->capped && st->steps_cap < steps)
        steps = st->steps_cap;
    return st->abs_tail * df * steps * (1.0 + 0x1p-30);
}

static inline __attribute__((always_inline)) int stop_now(const stop_test *st, double c, double df,
                                                          double years_left)
{
    return c - stop_reach(st, df, years_left) > st->threshold;
}

/* stop_now() on a cumulative c known only within delta of p: 1 it fires, 0 it does
 * not, -1 too close to tell (fl(c - reach) is monotone in c, and p -+ 2 delta
 * rounds to no nearer than delta). */
static inline __attribute__((always_inline)) int stop_decided(const stop_test *st, double p, double delta,
                                                              double reach)
{
    if ((p - 2.0 * delta) - reach > st->threshold)
        return 1;
    return (p + 2.0 * delta) - reach <= st->threshold ? 0 : -1;
}

/* A lower bound of stop_now()'s reach for each of the STOP_BLOCK years after one
 * with factor df and years_left: the same expression on a factor and a number of
 * steps no larger than any of those years' (rounding is monotone), so where
 * c - bound is not above the threshold, c - reach is not either and stop_now()
 * need not be asked. */
static inline double reach_below(const stop_test *st, double df, double years_left)
{
    double steps = years_left - STOP_BLOCK;
    if (st->capped && st->steps_cap < steps)
        steps = st->steps_cap;
    double df_low = df * st->shrink;
    /* steps <= 0: no years left to bound; a factor near the subnormals, where a
     * division's rounding is no longer relative: no bound */
    if (!(steps > 0.0) || !(df_low >= 0x1p-900))
        return 0.0;
    return st->abs_tail * df_low * steps * (1.0 + 0x1p-30);
}

/* The first crossing's cumulative is not finite: a value that is not finite makes
 * it so, and that value's error comes first. */
static socinv_status not_finite(const double *net, size_t n)
{
    return si_check_values(net, n) != SOCINV_OK ? SOCINV_E_NONFINITE : SOCINV_E_OVERFLOW;
}

/* Are net[from..n) all finite? The values the walk did not reach. */
static int finite_from(const double *net, size_t from, size_t n)
{
    for (size_t j = from; j < n; j++)
        if (!isfinite(net[j]))
            return 0;
    return 1;
}

/* Years n+1..horizon of the first crossing, the tail falling (tail < 0): the
 * cumulative c (compensated sum cum) after year n has not met the rule and the
 * stop test has not fired. The walk and the stop test of socinv_payback_discounted's
 * general loop, year by year, with the finiteness tests left out: the caller
 * checked |c| and |tail| * DF(n) are at most 2^1000 and no rate ahead is negative,
 * so no cumulative of up to SOCINV_MAX_HORIZON years can overflow. The stop test is
 * asked only where a lower bound of its reach lets it fire (reach_below); in the
 * last year, where the general loop does not ask it, its "never" is the loop's own
 * answer. */
static inline __attribute__((always_inline)) socinv_status falling_tail(const socinv_payback_opts *opts, int strict,
                                                                        double edge, const socinv_schedule *s,
                                                                        si_band b, double df, si_sum cum, double c,
                                                                        double tail, unsigned k, unsigned t,
                                                                        unsigned horizon, const stop_test *st,
                                                                        double *years)
{
    double reach_lb = 0.0;
    unsigned block_end = k;
    while (k < horizon) {
        if (k >= block_end) { /* after year k: a bound for years k+1 .. k+STOP_BLOCK */
            reach_lb = reach_below(st, df, (double)(horizon - k));
            block_end = k + STOP_BLOCK;
        }
        k++, t++;
        double prev = c;
        c = tail_year(s, &b, t, &df, &cum, tail);
        if (strict ? c < edge : c <= edge) {
            *years = answer(opts, k, prev, c);
            return SOCINV_OK;
        }
        if (c - reach_lb > st->threshold && stop_now(st, c, df, (double)(horizon - k)))
            return SOCINV_NO_RESULT;
    }
    return SOCINV_NO_RESULT;
}

/* falling_tail() for whole years (the answer is the year, not the cumulatives):
 * the same factors, but the cumulative as a plain sum p, which stays within delta
 * of the walk's compensated one c: both sum the same addends tail * DF from the
 * same start, the plain sum rounding by at most 2^-53 of its magnitude a year, the
 * compensated one by that once, so |c - p| <= (years + 4) 2^-53 (|sum| + |comp| +
 * years |tail| DF(n)) < 2^-39 (...) for up to SOCINV_MAX_HORIZON years; delta is
 * twice that, and counts |edge| in so that edge +- 2 delta rounds outwards. A year
 * is decided where p is clear of the rule's edge, and of the stop test's, by delta
 * (rounding is monotone: c <= p + delta gives fl(c - reach) <= fl(p + delta - reach));
 * in the rare year where it is not, nothing is decided (returns 0) and the caller
 * walks falling_tail() from the table's end. Returns 1 with the status (and the
 * year) where every year up to the answer was decided. */
static inline __attribute__((always_inline)) int whole_years_tail(int strict, double edge, const socinv_schedule *s,
                                                                  si_band b, double df, double p, double base,
                                                                  double tail, unsigned k, unsigned t,
                                                                  unsigned horizon, const stop_test *st,
                                                                  socinv_status *status, double *years)
{
    /* p: the start, within base of the walk's c(n); base counts the magnitude of
     * the compensated sum's parts (or the table's plain sum's own delta) */
    const double delta = base + 0x1p-38 * (fabs(p) + fabs(edge) + (double)(horizon - k) * (fabs(tail) * df));
    const double clear_above = edge + 2.0 * delta; /* p beyond it: c does not meet the rule */
    const double clear_below = edge - 2.0 * delta; /* p within it: c meets the rule */
    while (k < horizon) {
        /* after year k: the stop test's bound for the next STOP_BLOCK years, and a run
         * of years within it, the horizon and the band, walked without those tests */
        const double stop_clear = (st->threshold + reach_below(st, df, (double)(horizon - k))) - 2.0 * delta;
        unsigned run_end = horizon - k < STOP_BLOCK ? horizon : k + STOP_BLOCK;
        if (t + 1 >= b.next_from)
            b = si_band_at(s, b.band, t + 1);
        if (b.next_from - 1 - t < run_end - k) /* the band's last year ends the run */
            run_end = k + (b.next_from - 1 - t);
        const double onep = b.onep;
        t += run_end - k;
        while (k < run_end) {
            k++;
            df /= onep; /* t > 0: past the first year */
            p += tail * df;
            if (strict ? p < clear_above : p <= clear_above) {
                if (!(strict ? p < clear_below : p <= clear_below))
                    return 0; /* too close to the edge to tell */
                *status = SOCINV_OK;
                *years = k;
                return 1;
            }
            if (p > stop_clear) { /* the stop test might fire: as stop_now() on c, c within delta of p */
                int stop = stop_decided(st, p, delta, stop_reach(st, df, (double)(horizon - k)));
                if (stop != 0) {
                    *status = SOCINV_NO_RESULT;
                    return stop > 0;
                }
            }
        }
    }
    *status = SOCINV_NO_RESULT;
    return 1;
}

/* Is the zero band's edge within 2^970 (strict: edge <= 0)? Then so were all the
 * years' before it (it only grows), every value was finite and no cumulative came
 * near overflow. Asked where whole_years_as() decides, not every year. */
static inline int edge_in_range(int strict, double edge)
{
    return strict ? edge >= -0x1p970 : edge <= 0x1p970;
}

/* The first crossing in whole years (methods 0 and 2: the answer is the year, not
 * the cumulatives), walked as a plain sum p beside the same factors and the same
 * zero band: in the table's years p stays within delta = 2^-7 |edge| + 2^-1040 of
 * the compensated cumulative c. Both sum the same addends, each addition rounding
 * by at most 2^-53 of the magnitudes so far (or 2^-1075 near the subnormals),
 * whose sum is at most 2^30 |edge| (the band is 1E-9 of it, 1E9 < 2^30): so
 * |c - p| <= (k + 4) 2^-53 2^30 |edge| + tiny < 2^-9 |edge| + 2^-1048 for up to
 * SOCINV_MAX_HORIZON years. A year, and the stop test after the table, is decided
 * where p is clear of the edge by 2 delta (rounding is monotone), and the years
 * past the table go on in whole_years_tail() from p. Nothing is decided (returns 0,
 * and the compensated walk runs from year 1) in a year too close to tell, where
 * the band's edge passes 2^970 (values near overflow, or not finite), or past the
 * table where falling_tail() would not run. */
static inline __attribute__((always_inline)) int whole_years_as(int strict, const double *net, size_t n,
                                                                const socinv_schedule *s, unsigned first_year,
                                                                double sign, unsigned horizon, socinv_status *status,
                                                                double *years)
{
    double p = 0.0;
    table_pos y = table_start(s, first_year, strict);
    const unsigned table = n < horizon ? (unsigned)n : horizon;
    /* edge -+ 2 delta: edge (1 -+ 2^-6) -+ 2^-1040, toward zero first when strict (edge <= 0) */
    const double toward = strict ? 1.0 - 0x1p-6 : 1.0 + 0x1p-6, away = strict ? 1.0 + 0x1p-6 : 1.0 - 0x1p-6;
    for (unsigned k = 1;; k++) {
        double v = sign * net[k - 1] * y.df;
        y.edge = widened(strict, y.edge, v);
        const double edge = y.edge;
        p += v;
        if (strict ? !(p >= edge * toward + 0x1p-1040) : !(p > edge * toward + 0x1p-1040)) {
            if (!(strict ? p < edge * away - 0x1p-1040 : p <= edge * away - 0x1p-1040))
                return 0; /* too close to the edge to tell */
            if (!edge_in_range(strict, edge))
                return 0;
            *status = finite_from(net, k, n) ? SOCINV_OK : SOCINV_E_NONFINITE;
            if (*status == SOCINV_OK)
                *years = k;
            return 1;
        }
        if (k == table)
            break;
        table_next(s, &y);
    }
    const double edge = y.edge, df = y.df;
    const si_band b = y.b;
    const unsigned t = y.t;
    if (!edge_in_range(strict, edge))
        return 0;
    if (table == horizon) { /* nothing beyond the table (or the horizon within it) */
        *status = finite_from(net, table, n) ? SOCINV_NO_RESULT : SOCINV_E_NONFINITE;
        return 1;
    }

    /* year n did not meet the rule: never_meets() at year n, decided as the years are */
    const rule r = {strict, strict ? -edge : edge};
    const double delta = 0x1p-7 * fabs(edge) + 0x1p-1040;
    const double tail = sign * net[n - 1];
    const double lowest_rate = lowest_rate_from(s, b.band);
    if (!(fabs(tail) * df <= 0x1p1000 && fabs(p) <= 0x1p999)) /* never_meets' finiteness test is not sure */
        return 0;
    if (lowest_rate >= 0.0) {
        const stop_test st = stop_test_of(&r, tail, lowest_rate, highest_rate_from(s, b.band));
        int stop = stop_decided(&st, p, delta, tail < 0.0 ? stop_reach(&st, df, (double)(horizon - table)) : 0.0);
        if (stop != 0) {
            *status = SOCINV_NO_RESULT;
            return stop > 0;
        }
        if (tail < 0.0)
            return whole_years_tail(strict, edge, s, b, df, p, delta + 0x1p-8 * fabs(edge), tail, table, t, horizon,
                                    &st, status, years);
    }
    return 0;
}

/* The first year meeting the rule (strict or not, a constant: one loop each),
 * walked as the general loop below walks it (the same sums, the same band, the
 * same stop), but with only what the first crossing needs: no record of the final
 * crossing, and past the table a loop of its own for the common case of savings
 * that repeat (falling_tail). The zero band is kept as its edge, -eps when strict:
 * -eps - x rounds as -(eps + x) does. */
static inline __attribute__((always_inline)) socinv_status first_crossing_as(int strict, const double *net, size_t n,
                                                                             const socinv_schedule *s,
                                                                             unsigned first_year,
                                                                             const socinv_payback_opts *opts,
                                                                             unsigned horizon, double *years)
{
    const double sign = opts->sign;
    socinv_status st_whole;
    if (!fractional(opts) && whole_years_as(strict, net, n, s, first_year, sign, horizon, &st_whole, years))
        return st_whole;
    si_sum cum = {0.0, 0.0};
    double c = 0.0;
    table_pos y = table_start(s, first_year, strict);
    const unsigned table = n < horizon ? (unsigned)n : horizon;
    for (unsigned k = 1;; k++) {
        double v = sign * net[k - 1] * y.df;
        y.edge = widened(strict, y.edge, v);
        const double edge = y.edge;
        double prev = c;
        si_sum_add(&cum, v);
        c = si_sum_get(&cum);
        /* met, or not finite: one comparison a year for both (a NaN compares false) */
        if (strict ? !(c >= edge) : !(c > edge)) {
            if (!isfinite(c))
                return not_finite(net, n);
            if (!finite_from(net, k, n))
                return SOCINV_E_NONFINITE;
            *years = answer(opts, k, prev, c);
            return SOCINV_OK;
        }
        if (c > DBL_MAX)
            return not_finite(net, n);
        if (k == table)
            break;
        table_next(s, &y);
    }
    const double edge = y.edge;
    double df = y.df;
    si_band b = y.b;
    unsigned t = y.t + 1; /* year table + 1 */
    if (table == horizon) /* nothing beyond the table (or the horizon within it) */
        return finite_from(net, table, n) ? SOCINV_NO_RESULT : SOCINV_E_NONFINITE;
    /* every value walked with the cumulative finite: every value finite */

    /* year n did not meet the rule: beyond the table, nothing but the tail */
    const rule r = {strict, strict ? -edge : edge};
    const double tail = sign * net[n - 1];
    const double lowest_rate = lowest_rate_from(s, b.band);
    if (never_meets(&r, c, tail, df, horizon - table, lowest_rate))
        return SOCINV_NO_RESULT;
    if (tail < 0.0 && lowest_rate >= 0.0 && fabs(c) <= 0x1p1000 && fabs(tail) * df <= 0x1p1000) {
        const stop_test st = stop_test_of(&r, tail, lowest_rate, highest_rate_from(s, b.band));
        if (!fractional(opts) && whole_years_tail(strict, edge, s, b, df, c, 0x1p-38 * (fabs(cum.sum) + fabs(cum.comp)),
                                                  tail, table, t - 1, horizon, &st, &st_whole, years))
            return st_whole;
        return falling_tail(opts, strict, edge, s, b, df, cum, c, tail, table, t - 1, horizon, &st, years);
    }
    for (unsigned k = table + 1; k <= horizon; k++, t++) { /* the general case: every test */
        double prev = c;
        c = tail_year(s, &b, t, &df, &cum, tail);
        if (!isfinite(c))
            return SOCINV_E_OVERFLOW;
        if (meets(&r, c)) {
            *years = answer(opts, k, prev, c);
            return SOCINV_OK;
        }
        if (k < horizon && never_meets(&r, c, tail, df, horizon - k, lowest_rate))
            return SOCINV_NO_RESULT;
    }
    return SOCINV_NO_RESULT;
}

static socinv_status first_crossing(const double *net, size_t n, const socinv_schedule *s, unsigned first_year,
                                    const socinv_payback_opts *opts, unsigned horizon, double *years)
{
    return rule_of(opts).strict ? first_crossing_as(1, net, n, s, first_year, opts, horizon, years)
                                : first_crossing_as(0, net, n, s, first_year, opts, horizon, years);
}

socinv_status socinv_payback_discounted(const double *net, size_t n, const socinv_schedule *s,
                                        unsigned first_year, const socinv_payback_opts *opts,
                                        double *years)
{
    /* the statuses in their order, the values' first, but the pass over the values
     * only where something else failed: the first crossing's walk finds a non-finite
     * value itself (first_crossing_as) */
    socinv_status st = check_row_but_values(net, n, &opts, years);
    if (st == SOCINV_OK && first_year > 1)
        st = SOCINV_E_DOMAIN;
    /* the default schedule (static, read-only) is valid as written */
    if (st == SOCINV_OK && s != socinv_schedule_default())
        st = si_check_schedule(s);
    if (st != SOCINV_OK) {
        socinv_status values = si_check_values(net, n);
        return values != SOCINV_OK ? values : st;
    }

    const double sign = opts->sign;
    const unsigned horizon = opts->extrapolate ? opts->horizon
                                               : (n < opts->horizon ? (unsigned)n : opts->horizon);
    if (opts->crossing == SOCINV_CROSSING_FIRST)
        return first_crossing(net, n, s, first_year, opts, horizon, years);
    if ((st = si_check_values(net, n)) != SOCINV_OK)
        return st;
    /* The final crossing, year by year: there is no closed form once the factors
     * decline by band; beyond the table the walk stops once the rule can no longer
     * be met. */
    walk w;
    walk_start(&w, opts);
    double rate_df = 1.0;
    size_t band = 0; /* socinv_schedule_rate(s, t), found from the last year's band: t only grows */
    double lowest_rate = 0.0; /* of the bands from the table's last year on */
    for (unsigned k = 1; k <= horizon; k++) {
        unsigned t = first_year + k - 1;
        while (band + 1 < s->nbands && s->band[band + 1].from_year <= t)
            band++;
        if (t > 0)
            rate_df /= 1.0 + s->band[band].rate;
        double v = sign * (k <= n ? net[k - 1] : net[n - 1]) * rate_df;
        if (k <= n) /* the band grows with the table's years, as undiscounted */
            widen(&w.r, v);
        if ((st = walk_year(&w, k, v)) != SOCINV_OK)
            return st;
        if (k >= n && k < horizon && !meets(&w.r, w.c)) { /* beyond the table, nothing but the tail */
            if (k == n)
                lowest_rate = lowest_rate_from(s, band);
            if (never_meets(&w.r, w.c, sign * net[n - 1], rate_df, horizon - k, lowest_rate))
                return SOCINV_NO_RESULT;
        }
    }
    if (!meets(&w.r, w.c))
        return SOCINV_NO_RESULT;
    if (w.last_not == 0) {
        w.final_before = 0.0;
        w.final_after = sign * net[0] * (first_year ? 1.0 / (1.0 + socinv_schedule_rate(s, 1)) : 1.0);
    }
    *years = answer(opts, w.last_not + 1, w.final_before, w.final_after);
    return SOCINV_OK;
}
