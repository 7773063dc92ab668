/* Social impact bond payout (socinv_sib_payout with every option: criterion
 * caps per period or per year, groups with annual caps and carried room, a
 * total cap, an index, pro rata or ordered allocation, each cut buffer given
 * or not) and its helpers: fall per year, count value, refund, case price,
 * uncovered payout, the input defaults.
 *
 * Checks, besides memory and UB errors, on SOCINV_OK:
 * - 0 <= payout <= max(earned, 0) × index, finite;
 * - payout + the three cuts = max(earned, 0) × index (nothing lost or made);
 * - in base prices (payout / index): a criterion within its cap (per year or
 *   over the period), a group within its annual cap (or, with carry, within
 *   the cap times the years so far), everything within the total cap; hence
 *   the total payout within total cap × the largest index factor;
 * and that nothing is written on an error other than SOCINV_E_OVERFLOW
 * (which may leave partial results, as the header says). */
#include "fuzz.h"

#define MAXC 8
#define MAXY 8

/* Room for rounding in a comparison of sums of up to MAXC × MAXY amounts of size `scale`. */
static double slack(double scale)
{
    return 1e-9 * scale + 1e-300;
}

/* A cap: mostly modest numbers so caps bind; sometimes "no cap" as the glue
 * passes it (DBL_MAX), or anything. */
static double a_cap(fz_in *in)
{
    uint8_t how = fz_u8(in);
    if (how < 100)
        return (double)(how % 50) / 4.0;
    if (how < 110)
        return DBL_MAX;
    return fz_double(in);
}

static void payout(fz_in *in)
{
    size_t nc = fz_pick(in, MAXC + 1), ny = fz_pick(in, MAXY + 1);
    uint8_t flags = fz_u8(in), flags2 = fz_u8(in);
    double earned[MAXC * MAXY], crit_caps[MAXC], group_caps[MAXC], index[MAXY];
    unsigned groups[MAXC];
    for (size_t i = 0; i < nc * ny; i++) {
        uint8_t how = fz_u8(in);
        earned[i] = how < 160 ? (double)((int)how - 40) / 8.0 : fz_double(in);
    }
    socinv_sib_input in0 = socinv_sib_input_default();
    FZ_CHECK(in0.earned == NULL && in0.crit_caps == NULL && in0.groups == NULL && in0.group_caps == NULL &&
             in0.ngroups == 0 && in0.total_cap < 0.0 && in0.index == NULL && in0.allocation == SOCINV_SIB_PRORATA &&
             !in0.carry && !in0.crit_caps_annual);
    socinv_sib_input s = in0;
    s.earned = nc && ny ? earned : NULL;
    s.ncrit = nc;
    s.nyears = ny;
    if (flags & 1) {
        for (size_t c = 0; c < nc; c++)
            crit_caps[c] = a_cap(in);
        s.crit_caps = crit_caps;
    }
    if (flags & 2) {
        s.ngroups = fz_pick(in, 4);
        for (size_t c = 0; c < nc; c++) {
            uint8_t g = fz_u8(in);
            /* ungrouped, a group, or (rarely) a number beyond ngroups */
            groups[c] = g < 80 ? SOCINV_SIB_NO_GROUP : g < 250 ? (unsigned)(g % (s.ngroups ? s.ngroups : 1)) : g;
        }
        for (size_t g = 0; g < s.ngroups; g++)
            group_caps[g] = a_cap(in);
        s.groups = groups;
        s.group_caps = s.ngroups && !(flags2 & 0x80 && flags2 & 0x40) ? group_caps : NULL;
    }
    if (flags & 4)
        s.total_cap = a_cap(in);
    else if (flags & 8)
        s.total_cap = fz_double(in);
    if (flags & 0x10) {
        for (size_t t = 0; t < ny; t++) {
            uint8_t how = fz_u8(in);
            index[t] = how < 200 ? 0.5 + (double)how / 100.0 : fz_double(in);
        }
        s.index = index;
    }
    s.allocation = (flags & 0x20) ? SOCINV_SIB_ORDER : SOCINV_SIB_PRORATA;
    if ((flags2 & 0x0F) == 0x0F)
        s.allocation = (socinv_sib_alloc)fz_u8(in);
    s.carry = (flags & 0x40) != 0;
    s.crit_caps_annual = (flags & 0x80) != 0;

    double pay[MAXC * MAXY], cut[3][MAXC * MAXY];
    for (size_t i = 0; i < MAXC * MAXY; i++)
        pay[i] = cut[0][i] = cut[1][i] = cut[2][i] = fz_sentinel();
    socinv_sib_result r = {pay, (flags2 & 0x10) ? NULL : cut[0], (flags2 & 0x20) ? NULL : cut[1],
                           (flags2 & 0x40) ? NULL : cut[2]};
    socinv_status st = socinv_sib_payout((flags2 & 0x0F) == 0x0E ? NULL : &s, &r);
    FZ_STATUS(st);
    if (st != SOCINV_OK) {
        if (st != SOCINV_E_OVERFLOW)
            for (size_t i = 0; i < MAXC * MAXY; i++)
                FZ_CHECK(fz_is_sentinel(pay[i]) && fz_is_sentinel(cut[0][i]) && fz_is_sentinel(cut[1][i]) &&
                         fz_is_sentinel(cut[2][i]));
        return;
    }
    FZ_CHECK(nc && ny);
    for (size_t i = nc * ny; i < MAXC * MAXY; i++)
        FZ_CHECK(fz_is_sentinel(pay[i]));

    /* the scale of every amount involved, in base and in current prices */
    double base_scale = 0.0, maxf = 0.0, minf = INFINITY;
    for (size_t t = 0; t < ny; t++) {
        maxf = fmax(maxf, s.index ? index[t] : 1.0);
        minf = fmin(minf, s.index ? index[t] : 1.0);
    }
    for (size_t i = 0; i < nc * ny; i++)
        base_scale += fmax(earned[i], 0.0);
    double scale = base_scale * maxf;
    /* Sums of such amounts overflow, or payout / index loses its precision in
     * subnormals: the bounds below would be about rounding, not about the rules. */
    if (!(scale < 1e300) || !(minf > 1e-100))
        return;

    double total_base = 0.0;
    double group_year[MAXC][MAXY] = {{0}};
    for (size_t c = 0; c < nc; c++) {
        double crit_base = 0.0;
        for (size_t t = 0; t < ny; t++) {
            size_t i = c * ny + t;
            double f = s.index ? index[t] : 1.0, e = fmax(earned[i], 0.0);
            FZ_CHECK(isfinite(pay[i]) && pay[i] >= 0.0);
            FZ_CHECK(pay[i] <= e * f);
            if (r.cut_criterion && r.cut_group && r.cut_total)
                FZ_CHECK(fz_close(pay[i] + cut[0][i] + cut[1][i] + cut[2][i], e * f, 0.0, slack(scale)));
            double base = pay[i] / f;
            crit_base += base;
            total_base += base;
            if (s.crit_caps && s.crit_caps_annual)
                FZ_CHECK(base <= s.crit_caps[c] + slack(base_scale));
            if (s.groups && s.groups[c] != SOCINV_SIB_NO_GROUP)
                group_year[s.groups[c]][t] += base;
        }
        if (s.crit_caps && !s.crit_caps_annual)
            FZ_CHECK(crit_base <= s.crit_caps[c] + slack(base_scale));
    }
    for (size_t g = 0; s.groups && g < s.ngroups; g++) {
        double so_far = 0.0;
        for (size_t t = 0; t < ny; t++) {
            so_far += group_year[g][t];
            if (s.carry)
                FZ_CHECK(so_far <= s.group_caps[g] * (double)(t + 1) + slack(base_scale));
            else
                FZ_CHECK(group_year[g][t] <= s.group_caps[g] + slack(base_scale));
        }
    }
    if (s.total_cap >= 0.0) {
        FZ_CHECK(total_base <= s.total_cap + slack(base_scale));
        double total = 0.0;
        for (size_t i = 0; i < nc * ny; i++)
            total += pay[i];
        FZ_CHECK(total <= s.total_cap * maxf + slack(scale));
    }
}

static void helpers(fz_in *in)
{
    double series[16], out[18];
    size_t n = fz_pick(in, 17);
    fz_doubles(in, series, n);
    uint8_t flags = fz_u8(in);
    double baseline = fz_double(in);
    int floor0 = flags & 1;
    size_t out_len = (flags & 2) ? fz_pick(in, 18) : n;
    for (size_t i = 0; i < 18; i++)
        out[i] = fz_sentinel();
    const double *bp = (flags & 4) ? &baseline : NULL;
    socinv_status st = socinv_sib_fall(n ? series : NULL, n, bp, floor0, out, out_len);
    FZ_STATUS(st);
    size_t m = bp ? n : (n ? n - 1 : 0);
    if (st == SOCINV_OK) {
        FZ_CHECK(m >= 1 && m <= out_len);
        for (size_t t = 0; t < m; t++) {
            double fall = bp ? baseline - series[t] : series[t] - series[t + 1];
            FZ_CHECK(out[t] == (floor0 && fall < 0.0 ? 0.0 : fall));
        }
        for (size_t t = m; t < 18; t++)
            FZ_CHECK(fz_is_sentinel(out[t]));
    } else if (st != SOCINV_E_OVERFLOW) {
        for (size_t t = 0; t < 18; t++)
            FZ_CHECK(fz_is_sentinel(out[t]));
    }

    /* count value: the fall without a baseline, times the price */
    double price = fz_double(in), cv[18];
    for (size_t i = 0; i < 18; i++)
        cv[i] = fz_sentinel();
    st = socinv_sib_count_value(n ? series : NULL, n, price, floor0, cv, out_len);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(n >= 2 && n - 1 <= out_len);
        for (size_t t = 0; t + 1 < n; t++) {
            double fall = series[t] - series[t + 1];
            FZ_CHECK(cv[t] == (floor0 && fall < 0.0 ? 0.0 : fall) * price);
        }
        for (size_t t = n - 1; t < 18; t++)
            FZ_CHECK(fz_is_sentinel(cv[t]));
    } else if (st != SOCINV_E_OVERFLOW) {
        for (size_t t = 0; t < 18; t++)
            FZ_CHECK(fz_is_sentinel(cv[t]));
    }

    double amount = fz_double(in), share = fz_double(in), v = fz_sentinel();
    st = socinv_after_refund(amount, share, &v);
    FZ_STATUS(st);
    if (st == SOCINV_OK)
        FZ_CHECK(share >= 0.0 && share <= 1.0 && v == amount * (1.0 - share));
    else
        FZ_CHECK(fz_is_sentinel(v));

    double costs[16], cases[16];
    size_t k = fz_pick(in, 17);
    fz_doubles(in, costs, k);
    for (size_t t = 0; t < k; t++) {
        uint8_t how = fz_u8(in);
        cases[t] = how < 200 ? (double)how : fz_double(in);
    }
    socinv_case_price_mode mode = (socinv_case_price_mode)(fz_u8(in) % 3);
    double price2 = fz_sentinel();
    st = socinv_case_price(k ? costs : NULL, k ? cases : NULL, k, mode, &price2);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(isfinite(price2));
        double num = 0.0, den = 0.0, mag = 0.0;
        for (size_t t = 0; t < k; t++) {
            if (mode == SOCINV_CASE_PRICE_MEAN) {
                FZ_CHECK(cases[t] != 0.0);
                num += costs[t] / cases[t];
                mag += fabs(costs[t] / cases[t]);
            } else {
                num += costs[t];
                den += cases[t];
                mag += fabs(costs[t]);
            }
        }
        if (mode == SOCINV_CASE_PRICE_MEAN)
            den = (double)k;
        double cases_mag = 0.0;
        for (size_t t = 0; t < k; t++)
            cases_mag += fabs(cases[t]);
        /* only where the plain sums are trustworthy: no cancellation in the denominator */
        if (isfinite(mag) && isfinite(num / den) && fabs(den) > 1e-6 * cases_mag && mode != SOCINV_CASE_PRICE_MEAN)
            FZ_CHECK(fz_close(price2, num / den, 1e-9, 1e-12 * mag / fabs(den)));
        if (mode == SOCINV_CASE_PRICE_MEAN && isfinite(mag))
            FZ_CHECK(fz_close(price2, num / den, 0.0, 1e-12 * mag / den + 1e-300));
    } else {
        FZ_CHECK(fz_is_sentinel(price2));
    }

    double pay[16];
    int capitalisable[16];
    size_t np = fz_pick(in, 17);
    fz_doubles(in, pay, np);
    for (size_t i = 0; i < np; i++)
        capitalisable[i] = (int)(int8_t)fz_u8(in) % 3;
    double unc = fz_sentinel();
    st = socinv_sib_uncovered(np ? pay : NULL, (flags & 8) ? NULL : capitalisable, np, &unc);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        double sum = 0.0, mag = 0.0;
        for (size_t i = 0; i < np; i++)
            if (!capitalisable[i])
                sum += pay[i], mag += fabs(pay[i]);
        FZ_CHECK(isfinite(unc));
        if (isfinite(mag))
            FZ_CHECK(fz_close(unc, sum, 0.0, 1e-12 * mag));
    } else {
        FZ_CHECK(fz_is_sentinel(unc));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    if (fz_u8(&in) & 1) {
        helpers(&in);
    } else {
        payout(&in);
    }
    return 0;
}
