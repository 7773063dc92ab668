/* Herning's social impact investment: capped, grouped, indexed outcome payments
 * and the helpers that turn accounts into the amounts each criterion earns. */
#include "internal.h"

socinv_sib_input socinv_sib_input_default(void)
{
    socinv_sib_input in = {0};
    in.total_cap = -1.0;
    in.allocation = SOCINV_SIB_PRORATA;
    return in;
}

static socinv_status check_caps(const double *caps, size_t n)
{
    socinv_status st = sv_check_values(caps, n);
    if (st != SOCINV_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (caps[i] < 0.0)
            return SOCINV_E_DOMAIN;
    return SOCINV_OK;
}

static socinv_status check_sib(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st;
    if (!in || !out || !out->payout)
        return SOCINV_E_NULL;
    if ((st = sv_check_dims(in->ncrit, in->nyears)) != SOCINV_OK)
        return st;
    if ((st = sv_check_values(in->earned, in->ncrit * in->nyears)) != SOCINV_OK)
        return st;
    if (in->crit_caps && (st = check_caps(in->crit_caps, in->ncrit)) != SOCINV_OK)
        return st;
    if (in->groups) {
        /* every criterion may be ungrouped: then there are no group caps to check */
        if (in->ngroups && (st = check_caps(in->group_caps, in->ngroups)) != SOCINV_OK)
            return st;
        for (size_t c = 0; c < in->ncrit; c++)
            if (in->groups[c] != SOCINV_SIB_NO_GROUP && in->groups[c] >= in->ngroups)
                return SOCINV_E_DOMAIN;
    }
    if (!isfinite(in->total_cap))
        return SOCINV_E_NONFINITE; /* "no total cap" is any negative number, not infinity */
    if (in->index) {
        if ((st = sv_check_values(in->index, in->nyears)) != SOCINV_OK)
            return st;
        for (size_t t = 0; t < in->nyears; t++)
            if (in->index[t] <= 0.0)
                return SOCINV_E_INDEX;
    }
    if (in->allocation != SOCINV_SIB_PRORATA && in->allocation != SOCINV_SIB_ORDER)
        return SOCINV_E_OPTION;
    return SOCINV_OK;
}

/* Bring the amounts of year t of the criteria in `members` (group g, or all
 * criteria when g is SOCINV_SIB_NO_GROUP and all is set) down to `room`. */
static void allocate(double *base, const socinv_sib_input *in, size_t t, const unsigned *groups,
                     unsigned g, double room, double *cut)
{
    const size_t ny = in->nyears;
    double sum = 0.0;
    for (size_t c = 0; c < in->ncrit; c++)
        if (!groups || groups[c] == g)
            sum += base[c * ny + t];
    if (room < 0.0)
        room = 0.0;
    if (!(sum > room))
        return;
    double factor = sum > 0.0 ? room / sum : 0.0;
    for (size_t c = 0; c < in->ncrit; c++) {
        if (groups && groups[c] != g)
            continue;
        double before = base[c * ny + t], after;
        if (in->allocation == SOCINV_SIB_PRORATA) {
            after = before * factor;
        } else {
            after = before < room ? before : room;
            room -= after;
        }
        base[c * ny + t] = after;
        if (cut)
            cut[c * ny + t] = before - after;
    }
}

/* What criterion c (or a group, or everything) was paid in years before t, in base prices. */
static double paid_before(const double *base, const socinv_sib_input *in, size_t t,
                          const unsigned *groups, unsigned g, size_t only_c)
{
    double s = 0.0;
    for (size_t c = 0; c < in->ncrit; c++) {
        if (only_c != (size_t)-1 && c != only_c)
            continue;
        if (groups && groups[c] != g)
            continue;
        for (size_t u = 0; u < t; u++)
            s += base[c * in->nyears + u];
    }
    return s;
}

socinv_status socinv_sib_payout(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st = check_sib(in, out);
    if (st != SOCINV_OK)
        return st;
    const size_t nc = in->ncrit, ny = in->nyears, cells = nc * ny;
    double *base = out->payout; /* works in base prices, indexed at the end */
    double *cuts[3] = {out->cut_criterion, out->cut_group, out->cut_total};
    for (size_t k = 0; k < 3; k++)
        if (cuts[k])
            for (size_t i = 0; i < cells; i++)
                cuts[k][i] = 0.0;

    for (size_t t = 0; t < ny; t++) {
        for (size_t c = 0; c < nc; c++) {
            double e = in->earned[c * ny + t];
            double a = e > 0.0 ? e : 0.0;
            if (in->crit_caps) {
                double room = in->crit_caps[c];
                if (!in->crit_caps_annual)
                    room -= paid_before(base, in, t, NULL, 0, c);
                if (room < 0.0)
                    room = 0.0;
                if (a > room) {
                    if (out->cut_criterion)
                        out->cut_criterion[c * ny + t] = a - room;
                    a = room;
                }
            }
            base[c * ny + t] = a;
        }
        if (in->groups) {
            for (unsigned g = 0; g < in->ngroups; g++) {
                double room = in->group_caps[g];
                if (in->carry)
                    room = in->group_caps[g] * (double)(t + 1) - paid_before(base, in, t, in->groups, g, (size_t)-1);
                allocate(base, in, t, in->groups, g, room, out->cut_group);
            }
        }
        if (in->total_cap >= 0.0) {
            double room = in->total_cap - paid_before(base, in, t, NULL, 0, (size_t)-1);
            allocate(base, in, t, NULL, 0, room, out->cut_total);
        }
    }
    for (size_t c = 0; c < nc; c++) {
        for (size_t t = 0; t < ny; t++) {
            double f = in->index ? in->index[t] : 1.0;
            size_t i = c * ny + t;
            base[i] *= f;
            for (size_t k = 0; k < 3; k++)
                if (cuts[k])
                    cuts[k][i] *= f;
            if (!isfinite(base[i]))
                return SOCINV_E_OVERFLOW;
        }
    }
    return SOCINV_OK;
}

socinv_status socinv_sib_fall(const double *series, size_t n, const double *baseline, int floor0,
                              double *out, size_t out_len)
{
    socinv_status st = sv_check_values(series, n);
    if (st != SOCINV_OK)
        return st;
    if (!out)
        return SOCINV_E_NULL;
    if (baseline && !isfinite(*baseline))
        return SOCINV_E_NONFINITE;
    size_t m = baseline ? n : n - 1;
    if (m == 0)
        return SOCINV_E_LENGTH; /* one value and no baseline: nothing to compare with */
    if (out_len < m)
        return SOCINV_E_BUFFER;
    for (size_t t = 0; t < m; t++) {
        double fall = baseline ? *baseline - series[t] : series[t] - series[t + 1];
        if (!isfinite(fall))
            return SOCINV_E_OVERFLOW;
        out[t] = floor0 && fall < 0.0 ? 0.0 : fall;
    }
    return SOCINV_OK;
}

socinv_status socinv_after_refund(double amount, double share, double *out)
{
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(amount) || !isfinite(share))
        return SOCINV_E_NONFINITE;
    if (!sv_is_share(share))
        return SOCINV_E_SHARE;
    *out = amount * (1.0 - share);
    return SOCINV_OK;
}

socinv_status socinv_case_price(const double *costs, const double *cases, size_t n,
                                socinv_case_price_mode mode, double *price)
{
    socinv_status st;
    if ((st = sv_check_values(costs, n)) != SOCINV_OK || (st = sv_check_values(cases, n)) != SOCINV_OK)
        return st;
    if (!price)
        return SOCINV_E_NULL;
    if (mode != SOCINV_CASE_PRICE_POOLED && mode != SOCINV_CASE_PRICE_MEAN)
        return SOCINV_E_OPTION;
    sv_sum num = {0, 0}, den = {0, 0};
    for (size_t t = 0; t < n; t++) {
        if (mode == SOCINV_CASE_PRICE_MEAN) {
            if (cases[t] == 0.0)
                return SOCINV_E_DOMAIN;
            sv_sum_add(&num, costs[t] / cases[t]);
        } else {
            sv_sum_add(&num, costs[t]);
            sv_sum_add(&den, cases[t]);
        }
    }
    double d = mode == SOCINV_CASE_PRICE_MEAN ? (double)n : sv_sum_get(&den);
    if (d == 0.0)
        return SOCINV_E_DOMAIN;
    double p = sv_sum_get(&num) / d;
    if (!isfinite(p))
        return SOCINV_E_OVERFLOW;
    *price = p;
    return SOCINV_OK;
}

socinv_status socinv_sib_count_value(const double *counts, size_t n, double price, int floor0,
                                     double *out, size_t out_len)
{
    if (!isfinite(price))
        return SOCINV_E_NONFINITE;
    socinv_status st = socinv_sib_fall(counts, n, NULL, floor0, out, out_len);
    if (st != SOCINV_OK)
        return st;
    for (size_t t = 0; t + 1 < n; t++) {
        out[t] *= price;
        if (!isfinite(out[t]))
            return SOCINV_E_OVERFLOW;
    }
    return SOCINV_OK;
}

socinv_status socinv_sib_uncovered(const double *payout, const int *capitalisable, size_t n,
                                   double *out)
{
    socinv_status st = sv_check_values(payout, n);
    if (st != SOCINV_OK)
        return st;
    if (!capitalisable || !out)
        return SOCINV_E_NULL;
    sv_sum s = {0, 0};
    for (size_t i = 0; i < n; i++)
        if (!capitalisable[i])
            sv_sum_add(&s, payout[i]);
    double v = sv_sum_get(&s);
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *out = v;
    return SOCINV_OK;
}
