/* PAYBACK, PAYBACKDISC. */
#include "glue.h"

/* Are method, sign and horizon all left out (most cells)? Then the options are
 * the library's defaults, which are the table's (test_fn_payback.c holds them
 * together): nothing to read. */
static inline int opts_left_out(const sv_call *c, size_t method_i, size_t sign_i, size_t horizon_i)
{
    return sv_left_out(c, method_i) && sv_left_out(c, sign_i) && sv_left_out(c, horizon_i);
}

/* Arguments shared by both: method, sign, horizon (crossing and first year
 * are each function's own). */
static socinv_status read_opts(sv_call *c, size_t row, size_t method_i, size_t sign_i, size_t horizon_i,
                               socinv_payback_opts *o)
{
    long method, sign, horizon;
    *o = socinv_payback_opts_default();
    if (opts_left_out(c, method_i, sign_i, horizon_i))
        return SOCINV_OK;
    SV_TRY(sv_int_arg(c, row, method_i, SOCINV_PAYBACK_WHOLE, SOCINV_PAYBACK_FRACTIONAL_NONSTRICT, &method));
    SV_TRY(sv_int_arg(c, row, sign_i, -1, 1, &sign));
    SV_TRY(sv_int_arg(c, row, horizon_i, 1, SOCINV_MAX_HORIZON, &horizon));
    if (sign == 0)
        return SOCINV_E_OPTION;
    o->method = (socinv_payback_method)method;
    o->sign = (int)sign;
    o->horizon = (unsigned)horizon;
    return SOCINV_OK;
}

static socinv_status payback_row(const double *net, size_t n, const void *opts, double *years)
{
    return socinv_payback(net, n, opts, years);
}

/* PAYBACK(net; [method]; [crossing]; [extrapolate]; [sign]; [horizon]); a block of
 * rows (a portfolio, one case per row) gives a column of paybacks */
socinv_status sv_fn_payback(sv_call *c)
{
    const double *net;
    size_t n;
    long crossing, extrapolate;
    socinv_payback_opts o;
    SV_TRY(read_opts(c, SV_ROW_PAYBACK, SV_PAYBACK_METHOD, SV_PAYBACK_SIGN, SV_PAYBACK_HORIZON, &o));
    SV_TRY(sv_int_arg(c, SV_ROW_PAYBACK, SV_PAYBACK_CROSSING, 0, 1, &crossing));
    SV_TRY(sv_keyword_arg(c, SV_ROW_PAYBACK, SV_PAYBACK_EXTRAPOLATE, &extrapolate));
    o.crossing = (socinv_crossing)crossing;
    o.extrapolate = (int)extrapolate;
    if (sv_is_portfolio(c, SV_PAYBACK_NET))
        return sv_per_row(c, SV_PAYBACK_NET, payback_row, &o);
    SV_TRY(sv_vector(c, SV_PAYBACK_NET, &net, &n));
    double years;
    SV_TRY(socinv_payback(net, n, &o, &years));
    sv_set_number(c, years);
    return SOCINV_OK;
}

typedef struct {
    const socinv_schedule *s; /* the default schedule itself, or own */
    unsigned first_year;
    const socinv_payback_opts *o; /* NULL (the defaults) or &given */
    socinv_payback_opts given;
    socinv_schedule own; /* a schedule given as an argument */
} disc_row_args;

static socinv_status payback_disc_row(const double *net, size_t n, const void *ctx, double *years)
{
    const disc_row_args *a = ctx;
    return socinv_payback_discounted(net, n, a->s, a->first_year, a->o, years);
}

/* Are schedule, method, first year, sign and horizon all left out? Tested at once
 * (the dispatcher passes every parameter); anything else goes the long way. */
static inline int disc_optionals_left_out(const sv_call *c)
{
    if (c->nargs != SV_PAYBACKDISC_NPARAMS)
        return 0;
    const sv_arg *a = c->args;
    return (a[SV_PAYBACKDISC_SCHEDULE].omitted & a[SV_PAYBACKDISC_METHOD].omitted &
            a[SV_PAYBACKDISC_FIRSTYEAR].omitted & a[SV_PAYBACKDISC_SIGN].omitted &
            a[SV_PAYBACKDISC_HORIZON].omitted) != 0;
}

/* The schedule (the default read in place, no copy) and the options (NULL: the
 * rule's own defaults, no copy), in the order their errors are reported. */
static socinv_status disc_schedule_and_opts(sv_call *c, disc_row_args *a)
{
    SV_TRY(sv_schedule_ref(c, SV_PAYBACKDISC_SCHEDULE, &a->own, &a->s));
    if (opts_left_out(c, SV_PAYBACKDISC_METHOD, SV_PAYBACKDISC_SIGN, SV_PAYBACKDISC_HORIZON)) {
        a->o = NULL;
        return SOCINV_OK;
    }
    SV_TRY(read_opts(c, SV_ROW_PAYBACKDISC, SV_PAYBACKDISC_METHOD, SV_PAYBACKDISC_SIGN, SV_PAYBACKDISC_HORIZON,
                     &a->given));
    a->o = &a->given;
    return SOCINV_OK;
}

/* PAYBACKDISC(net; [schedule]; [method]; [firstyear]; [sign]; [horizon]); a block
 * of rows gives a column */
socinv_status sv_fn_payback_disc(sv_call *c)
{
    const double *net;
    size_t n;
    long first_year;
    disc_row_args a;
    if (disc_optionals_left_out(c)) { /* most cells: =PAYBACKDISC(A1:F1) */
        a.s = socinv_schedule_default();
        a.o = NULL;
    } else {
        SV_TRY(disc_schedule_and_opts(c, &a));
    }
    SV_TRY(sv_int_arg(c, SV_ROW_PAYBACKDISC, SV_PAYBACKDISC_FIRSTYEAR, 0, 1, &first_year));
    a.first_year = (unsigned)first_year;
    if (sv_is_portfolio(c, SV_PAYBACKDISC_NET))
        return sv_per_row(c, SV_PAYBACKDISC_NET, payback_disc_row, &a);
    SV_TRY(sv_vector(c, SV_PAYBACKDISC_NET, &net, &n));
    double years;
    SV_TRY(payback_disc_row(net, n, &a, &years));
    sv_set_number(c, years);
    return SOCINV_OK;
}
