/* socinv_payback, socinv_payback_discounted, socinv_payback_opts_default.
 *
 * Input: option byte, horizon, a row of up to 80 values, a schedule and a
 * first year for the discounted variant. Besides memory and UB errors this
 * checks what the header promises and what must agree between variants:
 * - a whole-year payback is a whole number in [1, horizon], a fractional one
 *   lies in [k-1, k] for the whole-year answer k of the same rule;
 * - the output is untouched unless the status is SOCINV_OK;
 * - sign -1 on a row is sign +1 on the negated row;
 * - discounting at a flat 0 % is the undiscounted payback (the header defines
 *   the discounted payback as the payback of the discounted row). */
#include "fuzz.h"

static int is_fractional(const socinv_payback_opts *o)
{
    return o && (o->method == SOCINV_PAYBACK_FRACTIONAL || o->method == SOCINV_PAYBACK_FRACTIONAL_NONSTRICT);
}

/* The promises that hold for any input, whichever variant computed `years`: the output
 * is untouched unless the status is SOCINV_OK; a whole-year payback is a whole number in
 * [1, horizon], a fractional one a finite number in [0, horizon]. */
static socinv_status checked(socinv_status st, const socinv_payback_opts *o, double years)
{
    FZ_STATUS(st);
    if (st != SOCINV_OK) {
        FZ_CHECK(fz_is_sentinel(years));
        return st;
    }
    unsigned horizon = o ? o->horizon : 100;
    FZ_CHECK(isfinite(years));
    FZ_CHECK(years <= (double)horizon);
    if (!is_fractional(o)) {
        FZ_CHECK(years == floor(years));
        FZ_CHECK(years >= 1.0);
    } else {
        FZ_CHECK(years >= 0.0);
    }
    return st;
}

/* Run one payback and check the promises that hold for any input. */
static socinv_status payback_checked(const double *net, size_t n, const socinv_payback_opts *o, double *years)
{
    *years = fz_sentinel();
    socinv_status st = socinv_payback(net, n, o, years);
    return checked(st, o, *years);
}

static socinv_status discounted_checked(const double *net, size_t n, const socinv_schedule *s, unsigned first_year,
                                        const socinv_payback_opts *o, double *years)
{
    *years = fz_sentinel();
    socinv_status st = socinv_payback_discounted(net, n, s, first_year, o, years);
    return checked(st, o, *years);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t flags = fz_u8(&in);
    socinv_payback_opts o = socinv_payback_opts_default();
    FZ_CHECK(o.method == SOCINV_PAYBACK_WHOLE && o.crossing == SOCINV_CROSSING_FIRST && o.extrapolate &&
             o.sign == 1 && o.horizon == 100);
    /* mostly valid options, sometimes values no caller should pass */
    o.method = (socinv_payback_method)(flags & 3);
    if ((flags & 0xE0) == 0x80) /* methods 4..7 do not exist */
        o.method = (socinv_payback_method)(4 + (flags & 3));
    o.crossing = (socinv_crossing)((flags >> 2) & 1);
    o.extrapolate = (flags >> 3) & 1;
    o.sign = (flags & 0x10) ? -1 : 1;
    if ((flags & 0xC0) == 0xC0)
        o.sign = (int)(int8_t)fz_u8(&in);
    unsigned hsel = fz_u16(&in);
    o.horizon = hsel < 0xF000 ? hsel % 130 + 1 : hsel % (SOCINV_MAX_HORIZON + 3);
    int use_null_opts = (flags & 0xE0) == 0x20;

    double net[80];
    size_t n = fz_pick(&in, 81);
    fz_doubles(&in, net, n);
    const double *row = n ? net : NULL;
    const socinv_payback_opts *po = use_null_opts ? NULL : &o;

    double years;
    socinv_status st = payback_checked(row, n, po, &years);

    /* The same rule, fractional: same status, and within the whole-year answer's year
     * (strict: methods 0 and 1; zero counts: methods 2 and 3). */
    if (po && o.method >= SOCINV_PAYBACK_WHOLE && o.method <= SOCINV_PAYBACK_FRACTIONAL_NONSTRICT) {
        int zero_counts = o.method == SOCINV_PAYBACK_WHOLE_NONSTRICT || o.method == SOCINV_PAYBACK_FRACTIONAL_NONSTRICT;
        socinv_payback_opts w = o, f = o;
        w.method = zero_counts ? SOCINV_PAYBACK_WHOLE_NONSTRICT : SOCINV_PAYBACK_WHOLE;
        f.method = zero_counts ? SOCINV_PAYBACK_FRACTIONAL_NONSTRICT : SOCINV_PAYBACK_FRACTIONAL;
        double yw, yf;
        socinv_status sw = payback_checked(row, n, &w, &yw), sf = payback_checked(row, n, &f, &yf);
        FZ_CHECK(sw == sf);
        if (sw == SOCINV_OK)
            FZ_CHECK(yf >= yw - 1.0 && yf <= yw);
    }

    /* sign -1 on the row is sign +1 on the negated row */
    if (po && n && (o.sign == 1 || o.sign == -1)) {
        double neg[80];
        for (size_t i = 0; i < n; i++)
            neg[i] = -net[i];
        socinv_payback_opts flipped = o;
        flipped.sign = -o.sign;
        double y2;
        socinv_status st2 = payback_checked(neg, n, &flipped, &y2);
        FZ_CHECK(st2 == st);
        if (st == SOCINV_OK)
            FZ_CHECK(y2 == years);
    }

    /* Discounted, with a schedule from the input. */
    socinv_schedule s;
    socinv_status sst = fz_schedule(&in, &s);
    FZ_STATUS(sst);
    unsigned first_year = fz_u8(&in) % 3;
    double yd;
    discounted_checked(row, n, (flags & 0x20) && sst != SOCINV_OK ? NULL : &s, first_year, po, &yd);

    /* At a flat 0 % the discounted payback is the payback. */
    socinv_schedule zero;
    FZ_CHECK(socinv_schedule_flat(0.0, &zero) == SOCINV_OK);
    double y0;
    socinv_status s0 = discounted_checked(row, n, &zero, 0, po, &y0);
    /* The undiscounted rule extrapolates in closed form, the discounted one sums
     * year by year: with amounts near DBL_MAX only the sum overflows. */
    if (st == SOCINV_E_OVERFLOW || s0 == SOCINV_E_OVERFLOW)
        return 0;
    if (st == SOCINV_OK || s0 == SOCINV_OK) {
        if (st != s0 || (is_fractional(po) ? !fz_close(years, y0, 1e-9, 1e-9) : years != y0)) {
            fprintf(stderr, "payback %s %.17g, discounted at 0 %% %s %.17g\n", socinv_status_name(st), years,
                    socinv_status_name(s0), y0);
            FZ_CHECK(!"discounting at 0 % changes the payback");
        }
    } else {
        FZ_CHECK(st == s0);
    }
    return 0;
}
