/* Reduction targets (target gap), price/wage level (p/l factor and
 * conversion), phase-in, impact adjustment, optimism-bias uplift, shares, and
 * the status texts.
 *
 * Checks, besides memory and UB errors: each result is the formula the header
 * gives (recomputed here the same way, so equal exactly), finite, within the
 * bounds the formula implies (an adjusted or phased-in amount is never larger
 * than the gross one), and outputs are untouched on error (except after
 * SOCINV_E_OVERFLOW, which may leave partial results). */
#include "fuzz.h"

#define MAXN 24

static void target_gap(fz_in *in)
{
    double targets[MAXN], achieved[MAXN], gap[MAXN + 1];
    size_t n = fz_pick(in, MAXN + 1);
    fz_doubles(in, targets, n);
    fz_doubles(in, achieved, n);
    int carry = fz_u8(in) & 1;
    for (size_t i = 0; i <= MAXN; i++)
        gap[i] = fz_sentinel();
    socinv_status st = socinv_target_gap(n ? targets : NULL, n ? achieved : NULL, n, carry, gap);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        double carried = 0.0;
        for (size_t t = 0; t < n; t++) {
            FZ_CHECK(isfinite(gap[t]));
            FZ_CHECK(gap[t] == targets[t] + carried - achieved[t]);
            carried = carry && gap[t] < 0.0 ? gap[t] : 0.0;
        }
    } else if (st != SOCINV_E_OVERFLOW) {
        for (size_t t = 0; t < n; t++)
            FZ_CHECK(fz_is_sentinel(gap[t]));
    }
    for (size_t t = n; t <= MAXN; t++)
        FZ_CHECK(fz_is_sentinel(gap[t]));
}

static void prices(fz_in *in)
{
    double years[MAXN], index[MAXN];
    size_t n = fz_pick(in, MAXN + 1);
    for (size_t i = 0; i < n; i++) {
        uint8_t how = fz_u8(in);
        /* mostly whole years near today (repeats possible), sometimes anything */
        years[i] = how < 220 ? 2010.0 + how % 30 : fz_double(in);
        uint8_t iv = fz_u8(in);
        index[i] = iv < 220 ? 90.0 + iv / 4.0 : fz_double(in);
    }
    double from = fz_u8(in) < 200 ? 2010.0 + fz_u8(in) % 30 : fz_double(in);
    double to = fz_u8(in) < 200 ? 2010.0 + fz_u8(in) % 30 : fz_double(in);
    double f = fz_sentinel();
    socinv_status st = socinv_pl_factor(from, to, n ? years : NULL, n ? index : NULL, n, &f);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        size_t a = n, b = n;
        for (size_t i = 0; i < n; i++) {
            FZ_CHECK(years[i] == floor(years[i]) && index[i] > 0.0);
            if (years[i] == from)
                a = i;
            if (years[i] == to)
                b = i;
        }
        FZ_CHECK(a < n && b < n);
        FZ_CHECK(f == index[b] / index[a] && isfinite(f) && f > 0.0);
        if (from == to)
            FZ_CHECK(f == 1.0);
    } else {
        FZ_CHECK(fz_is_sentinel(f));
    }
    double amount = fz_double(in), v = fz_sentinel();
    socinv_status sc = socinv_pl_convert(amount, from, to, n ? years : NULL, n ? index : NULL, n, &v);
    FZ_STATUS(sc);
    if (sc == SOCINV_OK) {
        FZ_CHECK(st == SOCINV_OK);
        FZ_CHECK(v == amount * f && isfinite(v));
    } else {
        FZ_CHECK(fz_is_sentinel(v));
        if (st == SOCINV_OK && isfinite(amount))
            FZ_CHECK(sc == SOCINV_E_OVERFLOW);
    }
}

static void phase_in(fz_in *in)
{
    double full = fz_double(in);
    uint8_t how = fz_u8(in);
    double start = how < 200 ? (double)(how % 15) - 1.0 : fz_double(in);
    double v = fz_sentinel();
    socinv_status st = socinv_phase_in(full, start, &v);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(start == floor(start) && start >= 1.0 && start <= 12.0);
        FZ_CHECK(v == full * ((13.0 - start) / 12.0) && isfinite(v) && fabs(v) <= fabs(full));
    } else {
        FZ_CHECK(fz_is_sentinel(v));
    }
    how = fz_u8(in);
    double months = how < 200 ? (double)(how % 30) / 2.0 - 1.0 : fz_double(in);
    v = fz_sentinel();
    st = socinv_phase_in_months(full, months, &v);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(months >= 0.0 && months <= 12.0);
        FZ_CHECK(v == full * (months / 12.0) && isfinite(v) && fabs(v) <= fabs(full));
    } else {
        FZ_CHECK(fz_is_sentinel(v));
    }
}

/* A share: mostly in 0-1, sometimes anything. */
static double a_share(fz_in *in)
{
    uint8_t how = fz_u8(in);
    return how < 210 ? (double)how / 200.0 : fz_double(in);
}

static void adjustments(fz_in *in)
{
    socinv_impact_factors f; /* one at a time: an initializer list's order is unspecified */
    f.deadweight = a_share(in);
    f.displacement = a_share(in);
    f.attribution = a_share(in);
    f.dropoff = a_share(in);
    f.optimism_bias = a_share(in);
    double gross = fz_double(in);
    unsigned year = fz_u16(in) % (SOCINV_MAX_HORIZON + 3);
    double v = fz_sentinel();
    socinv_status st = socinv_impact_adjust(gross, (fz_u8(in) == 0xFF) ? NULL : &f, year, &v);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(year >= 1 && year <= SOCINV_MAX_HORIZON);
        FZ_CHECK(isfinite(v) && fabs(v) <= fabs(gross));
        FZ_CHECK(v == 0.0 || (v > 0.0) == (gross > 0.0));
    } else {
        FZ_CHECK(fz_is_sentinel(v));
    }

    double costs = fz_double(in), rate = fz_double(in), mitigation = a_share(in);
    v = fz_sentinel();
    st = socinv_optimism_uplift(costs, rate, mitigation, &v);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(rate > -1.0 && mitigation >= 0.0 && mitigation <= 1.0);
        FZ_CHECK(v == costs * (1.0 + rate * (1.0 - mitigation)) && isfinite(v));
    } else {
        FZ_CHECK(fz_is_sentinel(v));
    }

    double values[MAXN], shares[MAXN], out[MAXN * MAXN];
    size_t n = fz_pick(in, MAXN + 1), k = fz_pick(in, 9);
    fz_doubles(in, values, n);
    double left = 1.0;
    for (size_t j = 0; j < k; j++) {
        uint8_t how = fz_u8(in);
        /* shares that add up to 1 most of the time */
        if (how < 200) {
            shares[j] = j + 1 == k ? left : left * (double)(how % 100) / 100.0;
            left -= shares[j];
        } else {
            shares[j] = fz_double(in);
        }
    }
    for (size_t i = 0; i < MAXN * MAXN; i++)
        out[i] = fz_sentinel();
    st = socinv_share(n ? values : NULL, n, k ? shares : NULL, k, out);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        double total = 0.0;
        for (size_t j = 0; j < k; j++) {
            FZ_CHECK(shares[j] >= 0.0 && shares[j] <= 1.0);
            total += shares[j];
        }
        FZ_CHECK(fabs(total - 1.0) <= 1e-9);
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < k; j++)
                FZ_CHECK(out[i * k + j] == values[i] * shares[j]);
        for (size_t i = n * k; i < MAXN * MAXN; i++)
            FZ_CHECK(fz_is_sentinel(out[i]));
    } else {
        for (size_t i = 0; i < MAXN * MAXN; i++)
            FZ_CHECK(fz_is_sentinel(out[i]));
    }
}

static void statuses(fz_in *in)
{
    int v = (int)(int8_t)fz_u8(in);
    const char *msg = socinv_strerror((socinv_status)v), *name = socinv_status_name((socinv_status)v);
    FZ_CHECK(msg && name);
    int known = v >= 0 && v < (int)SOCINV_STATUS_MAX;
    FZ_CHECK(known == (strcmp(name, "SOCINV_UNKNOWN") != 0));
    FZ_CHECK(known == (strcmp(msg, "unknown status") != 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    switch (fz_u8(&in) % 6) {
    case 0: target_gap(&in); break;
    case 1: prices(&in); break;
    case 2: phase_in(&in); break;
    case 3: adjustments(&in); break;
    case 4: statuses(&in); break;
    default:
        target_gap(&in);
        prices(&in);
        phase_in(&in);
        adjustments(&in);
        statuses(&in);
        break;
    }
    return 0;
}
