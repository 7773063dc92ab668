/* Discount schedules (named, flat, bands, rate), discount factors, NPV and the
 * benefit/cost family (PV of benefits and costs, BCR, net ROI, switching value).
 *
 * Checks, besides memory and UB errors:
 * - a schedule a constructor accepted is well formed (first band year 1,
 *   strictly increasing, finite rates > -1, a terminated name), and a
 *   rejected one leaves the output untouched;
 * - DF(0) = 1, DF(t) > 0 and finite, DF(t) (1 + r(t)) = DF(t-1), DF <= 1 and
 *   non-increasing when no rate is negative;
 * - the NPV is the sum of values × DF, and the PVs, BCR, net ROI and
 *   switching value are the ratios the header defines, from the same PVs;
 * - every output is untouched unless the status is SOCINV_OK. */
#include "fuzz.h"

static void check_schedule_ok(const socinv_schedule *s)
{
    FZ_CHECK(s->nbands >= 1 && s->nbands <= SOCINV_SCHEDULE_MAX_BANDS);
    fz_strnlen_checked(s->name, sizeof s->name);
    FZ_CHECK(s->source != NULL);
    FZ_CHECK(s->band[0].from_year == 1);
    for (size_t i = 0; i < s->nbands; i++) {
        FZ_CHECK(isfinite(s->band[i].rate) && s->band[i].rate > -1.0);
        if (i)
            FZ_CHECK(s->band[i].from_year > s->band[i - 1].from_year);
    }
}

/* Constructors: accepted -> well formed; rejected -> untouched. */
static void constructors(fz_in *in)
{
    socinv_schedule s, before;
    memset(&before, 0xA5, sizeof before);
    s = before;
    size_t len;
    const char *name = fz_bytes(in, 24, &len);
    socinv_status st = socinv_schedule_named(name, len, &s);
    FZ_STATUS(st);
    if (st == SOCINV_OK)
        check_schedule_ok(&s);
    else
        FZ_CHECK(!memcmp(&s, &before, sizeof s));

    s = before;
    st = socinv_schedule_flat(fz_double(in), &s);
    FZ_STATUS(st);
    if (st == SOCINV_OK)
        check_schedule_ok(&s);
    else
        FZ_CHECK(!memcmp(&s, &before, sizeof s));

    double from[SOCINV_SCHEDULE_MAX_BANDS + 2], rate[SOCINV_SCHEDULE_MAX_BANDS + 2];
    size_t n = fz_pick(in, SOCINV_SCHEDULE_MAX_BANDS + 3);
    fz_doubles(in, from, n);
    fz_doubles(in, rate, n);
    s = before;
    st = socinv_schedule_bands(from, rate, n, &s);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        check_schedule_ok(&s);
        for (size_t i = 0; i < n; i++)
            FZ_CHECK(s.band[i].from_year == from[i] && s.band[i].rate == rate[i]);
    } else {
        FZ_CHECK(!memcmp(&s, &before, sizeof s));
    }
    FZ_CHECK(socinv_schedule_named(NULL, 0, &s) == SOCINV_E_NULL);
    FZ_CHECK(socinv_schedule_flat(0.0, NULL) == SOCINV_E_NULL);
}

/* The factors of a schedule the caller built (maybe not through a constructor). */
static void factors(const socinv_schedule *s, socinv_status made, fz_in *in)
{
    double df = fz_sentinel();
    socinv_status st = socinv_discount_factor(s, 0, &df);
    FZ_STATUS(st);
    /* what the functions can check of a schedule: the band count and the rates */
    int valid = s->nbands >= 1 && s->nbands <= SOCINV_SCHEDULE_MAX_BANDS;
    for (size_t i = 0; valid && i < s->nbands; i++)
        valid = isfinite(s->band[i].rate) && s->band[i].rate > -1.0;
    FZ_CHECK((st == SOCINV_OK) == valid);
    if (made == SOCINV_OK && s->source) /* made by a constructor */
        FZ_CHECK(valid);
    if (st != SOCINV_OK) {
        FZ_CHECK(fz_is_sentinel(df));
        return;
    }
    FZ_CHECK(df == 1.0);
    int no_negative = 1;
    for (size_t i = 0; i < s->nbands; i++)
        no_negative &= s->band[i].rate >= 0.0;
    /* a run of years, then a few far ones */
    unsigned upto = fz_u8(in);
    double prev = 1.0;
    for (unsigned t = 1; t <= upto; t++) {
        double r = socinv_schedule_rate(s, t);
        df = fz_sentinel();
        st = socinv_discount_factor(s, t, &df);
        FZ_STATUS(st);
        if (st != SOCINV_OK) {
            FZ_CHECK(st == SOCINV_E_OVERFLOW && fz_is_sentinel(df));
            break;
        }
        FZ_CHECK(isfinite(df) && df > 0.0);
        if (df >= DBL_MIN) { /* in subnormals the factor keeps only a few digits */
            if (!fz_close(df * (1.0 + r), prev, 1e-12, 0.0))
                fprintf(stderr, "DF(%u) = %.17g, rate %.17g, DF(%u) = %.17g\n", t, df, r, t - 1, prev);
            FZ_CHECK(fz_close(df * (1.0 + r), prev, 1e-12, 0.0));
        }
        if (no_negative)
            FZ_CHECK(df <= prev);
        int in_schedule = 0;
        for (size_t i = 0; i < s->nbands; i++)
            in_schedule |= r == s->band[i].rate;
        FZ_CHECK(in_schedule);
        prev = df;
    }
    unsigned far = fz_u16(in) % (SOCINV_MAX_HORIZON + 50);
    df = fz_sentinel();
    st = socinv_discount_factor(s, far, &df);
    FZ_STATUS(st);
    if (far > SOCINV_MAX_HORIZON)
        FZ_CHECK(st == SOCINV_E_DOMAIN);
    if (st == SOCINV_OK) {
        FZ_CHECK(isfinite(df) && df > 0.0);
        if (no_negative)
            FZ_CHECK(df <= 1.0);
    } else {
        FZ_CHECK(fz_is_sentinel(df));
    }
}

/* values: n of them; `big` repeats a short row past SOCINV_MAX_HORIZON. */
static size_t row(fz_in *in, double *v, size_t max)
{
    size_t n = fz_pick(in, 65);
    fz_doubles(in, v, n);
    if (n && fz_u8(in) == 0xEE) { /* longer than any horizon */
        size_t m = SOCINV_MAX_HORIZON - 1 + fz_pick(in, 4);
        if (m > max)
            m = max;
        for (size_t i = n; i < m; i++)
            v[i] = v[i % n];
        n = m;
    }
    return n;
}

static double vb[SOCINV_MAX_HORIZON + 8], vc[SOCINV_MAX_HORIZON + 8];

static void present_values(const socinv_schedule *s, fz_in *in)
{
    size_t nb = row(in, vb, sizeof vb / sizeof vb[0]);
    size_t nc = row(in, vc, sizeof vc / sizeof vc[0]);
    unsigned first_year = fz_u8(in) % 3;
    uint8_t sg = fz_u8(in);
    socinv_bc_sign sign = sg < 120 ? SOCINV_BC_SAVINGS_NEGATIVE : sg < 240 ? SOCINV_BC_BOTH_POSITIVE
                                                                           : (socinv_bc_sign)(int8_t)sg;
    const double *b = nb ? vb : NULL, *c = nc ? vc : NULL;

    double npv_b = fz_sentinel(), npv_c = fz_sentinel();
    socinv_status sb = socinv_npv(b, nb, s, first_year, &npv_b);
    socinv_status sc = socinv_npv(c, nc, s, first_year, &npv_c);
    FZ_STATUS(sb);
    FZ_STATUS(sc);
    if (sb != SOCINV_OK)
        FZ_CHECK(fz_is_sentinel(npv_b));
    if (sb == SOCINV_OK) {
        FZ_CHECK(isfinite(npv_b));
        FZ_CHECK(nb <= SOCINV_MAX_HORIZON && first_year <= 1);
        /* the definition, summed plainly: agrees up to rounding */
        double sum = 0.0, mag = 0.0;
        int finite = 1;
        for (size_t j = 0; j < nb; j++) {
            double df;
            socinv_status st = socinv_discount_factor(s, first_year + (unsigned)j, &df);
            if (st != SOCINV_OK) {
                finite = 0;
                break;
            }
            sum += vb[j] * df;
            mag += fabs(vb[j] * df);
        }
        if (finite && isfinite(mag))
            FZ_CHECK(fz_close(npv_b, sum, 0.0, 1e-12 * mag + 1e-300));
        if (first_year == 0 && nb == 1)
            FZ_CHECK(npv_b == vb[0]);
    }

    double pb = fz_sentinel(), pc = fz_sentinel();
    socinv_status st = socinv_pv_benefits_costs(b, nb, c, nc, s, first_year, sign, &pb, &pc);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(sb == SOCINV_OK && sc == SOCINV_OK);
        FZ_CHECK(pb == (sign == SOCINV_BC_SAVINGS_NEGATIVE ? -npv_b : npv_b));
        FZ_CHECK(pc == npv_c);
    } else {
        FZ_CHECK(fz_is_sentinel(pb) && fz_is_sentinel(pc));
    }

    double ratio = fz_sentinel(), roi = fz_sentinel(), sw = fz_sentinel();
    socinv_status sr = socinv_bcr(b, nb, c, nc, s, first_year, sign, &ratio);
    socinv_status so = socinv_net_roi(b, nb, c, nc, s, first_year, sign, &roi);
    socinv_status ss = socinv_switching_value(b, nb, c, nc, s, first_year, sign, &sw);
    FZ_STATUS(sr);
    FZ_STATUS(so);
    FZ_STATUS(ss);
    FZ_CHECK(sr == so);
    if (sr == SOCINV_OK) {
        FZ_CHECK(st == SOCINV_OK && pc > 0.0);
        FZ_CHECK(ratio == pb / pc && isfinite(ratio));
        FZ_CHECK(roi == ratio - 1.0);
    } else {
        FZ_CHECK(fz_is_sentinel(ratio) && fz_is_sentinel(roi));
        if (st == SOCINV_OK)
            FZ_CHECK((sr == SOCINV_E_DOMAIN && pc <= 0.0) || sr == SOCINV_E_OVERFLOW);
    }
    if (ss == SOCINV_OK) {
        FZ_CHECK(st == SOCINV_OK && pb > 0.0);
        FZ_CHECK(sw == 1.0 - pc / pb && isfinite(sw));
    } else {
        FZ_CHECK(fz_is_sentinel(sw));
        if (st == SOCINV_OK)
            FZ_CHECK((ss == SOCINV_E_DOMAIN && pb <= 0.0) || ss == SOCINV_E_OVERFLOW);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    constructors(&in);
    socinv_schedule s;
    socinv_status made = fz_schedule(&in, &s);
    FZ_STATUS(made);
    if (made == SOCINV_OK)
        FZ_CHECK(isnan(socinv_schedule_rate(NULL, 1)));
    factors(&s, made, &in);
    present_values(fz_u8(&in) == 0xFF ? NULL : &s, &in);
    return 0;
}
