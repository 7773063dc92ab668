/* PAYBACK, PAYBACKDISC. */
#include "glue.h"

/* Arguments shared by both: method, sign, horizon (crossing and first year
 * are each function's own). */
static socinv_status read_opts(sv_call *c, size_t method_i, size_t sign_i, size_t horizon_i,
                               socinv_payback_opts *o)
{
    long method, sign, horizon;
    *o = socinv_payback_opts_default();
    SV_TRY(sv_int(c, method_i, SOCINV_PAYBACK_WHOLE, SOCINV_PAYBACK_WHOLE, SOCINV_PAYBACK_FRACTIONAL_NONSTRICT, &method));
    SV_TRY(sv_int(c, sign_i, 1, -1, 1, &sign));
    SV_TRY(sv_int(c, horizon_i, SOCINV_PAYBACK_HORIZON_DEFAULT, 1, SOCINV_MAX_HORIZON, &horizon));
    if (sign == 0)
        return SOCINV_E_OPTION;
    o->method = (socinv_payback_method)method;
    o->sign = (int)sign;
    o->horizon = (unsigned)horizon;
    return SOCINV_OK;
}

/* PAYBACK(net; [method]; [crossing]; [extrapolate]; [sign]; [horizon]) */
socinv_status sv_fn_payback(sv_call *c)
{
    const double *net;
    size_t n;
    long crossing;
    int extrapolate;
    socinv_payback_opts o;
    SV_TRY(sv_vector(c, 0, &net, &n));
    SV_TRY(read_opts(c, 1, 4, 5, &o));
    SV_TRY(sv_int(c, 2, 0, 0, 1, &crossing));
    SV_TRY(sv_bool(c, 3, 1, &extrapolate));
    o.crossing = (socinv_crossing)crossing;
    o.extrapolate = extrapolate;
    double years;
    SV_TRY(socinv_payback(net, n, &o, &years));
    sv_set_number(c, years);
    return SOCINV_OK;
}

/* PAYBACKDISC(net; [schedule]; [method]; [firstyear]; [sign]; [horizon]) */
socinv_status sv_fn_payback_disc(sv_call *c)
{
    const double *net;
    size_t n;
    long first_year;
    socinv_schedule s;
    socinv_payback_opts o;
    SV_TRY(sv_vector(c, 0, &net, &n));
    SV_TRY(sv_schedule_arg(c, 1, &s));
    SV_TRY(read_opts(c, 2, 4, 5, &o));
    SV_TRY(sv_int(c, 3, 0, 0, 1, &first_year));
    double years;
    SV_TRY(socinv_payback_discounted(net, n, &s, (unsigned)first_year, &o, &years));
    sv_set_number(c, years);
    return SOCINV_OK;
}
