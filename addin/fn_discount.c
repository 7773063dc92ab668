/* DISCFACTOR, DISCSCHEDULE, NPVSOC, BCR, NETROI, SWITCHBENEFITS. */
#include <math.h>

#include "glue.h"

socinv_status sv_schedule_arg(sv_call *c, size_t i, socinv_schedule *s)
{
    if (sv_left_out(c, i) || !sv_present(c, i)) /* the first test inline: the common case */
        return socinv_schedule_named(SOCINV_SCHEDULE_DEFAULT, sizeof SOCINV_SCHEDULE_DEFAULT - 1, s);
    const sv_arg *a = sv_arg_read(c, i);
    if (a->rows == 1 && a->cols == 1) {
        if (a->cells[0].kind == SV_NUMBER)
            return isfinite(a->cells[0].num) ? socinv_schedule_flat(a->cells[0].num, s)
                                             : SOCINV_E_NONFINITE;
        return socinv_schedule_named(a->cells[0].text, a->cells[0].len, s);
    }
    if (a->cols != 2)
        return SOCINV_E_SHAPE; /* bands: one row per band, (from year, rate) */
    size_t n = a->rows;
    while (n > 0 && a->cells[2 * (n - 1)].kind == SV_EMPTY && a->cells[2 * (n - 1) + 1].kind == SV_EMPTY)
        n--;
    if (n == 0)
        return SOCINV_E_LENGTH;
    if (n > SOCINV_SCHEDULE_MAX_BANDS)
        return SOCINV_E_LENGTH;
    double from[SOCINV_SCHEDULE_MAX_BANDS], rate[SOCINV_SCHEDULE_MAX_BANDS];
    for (size_t r = 0; r < n; r++) {
        const sv_cell *y = &a->cells[2 * r], *v = &a->cells[2 * r + 1];
        if (y->kind != SV_NUMBER || v->kind != SV_NUMBER)
            return SOCINV_E_TYPE;
        from[r] = y->num;
        rate[r] = v->num;
    }
    return socinv_schedule_bands(from, rate, n, s);
}

/* DISCFACTOR(year; [schedule]) */
socinv_status sv_fn_disc_factor(sv_call *c)
{
    long year;
    socinv_schedule own;
    const socinv_schedule *s;
    double df;
    SV_TRY(sv_int(c, SV_DISCFACTOR_YEAR, 0, 0, SOCINV_MAX_HORIZON, &year));
    SV_TRY(sv_schedule_ref(c, SV_DISCFACTOR_SCHEDULE, &own, &s));
    SV_TRY(socinv_discount_factor(s, (unsigned)year, &df));
    sv_set_number(c, df);
    return SOCINV_OK;
}

/* DISCSCHEDULE([schedule]): one row per band, (from year, rate). */
socinv_status sv_fn_disc_schedule(sv_call *c)
{
    socinv_schedule own;
    const socinv_schedule *s;
    SV_TRY(sv_schedule_ref(c, SV_DISCSCHEDULE_SCHEDULE, &own, &s));
    double *m = sv_set_matrix(c, s->nbands, 2);
    if (!m)
        return SOCINV_E_NOMEM;
    for (size_t b = 0; b < s->nbands; b++) {
        m[2 * b] = s->band[b].from_year;
        m[2 * b + 1] = s->band[b].rate;
    }
    return SOCINV_OK;
}

typedef struct {
    socinv_schedule own;
    const socinv_schedule *s;
    unsigned first_year;
} npv_row_args;

static socinv_status npv_row(const double *v, size_t n, const void *ctx, double *npv)
{
    const npv_row_args *a = ctx;
    return socinv_npv(v, n, a->s, a->first_year, npv);
}

/* NPVSOC(values; [schedule]; [firstyear]); a block of rows gives a column */
socinv_status sv_fn_npv_soc(sv_call *c)
{
    const double *v;
    size_t n;
    long first_year;
    npv_row_args a;
    double npv;
    SV_TRY(sv_schedule_ref(c, SV_NPVSOC_SCHEDULE, &a.own, &a.s));
    SV_TRY(sv_int_arg(c, SV_ROW_NPVSOC, SV_NPVSOC_FIRSTYEAR, 0, 1, &first_year));
    a.first_year = (unsigned)first_year;
    if (sv_is_portfolio(c, SV_NPVSOC_VALUES))
        return sv_per_row(c, SV_NPVSOC_VALUES, npv_row, &a);
    SV_TRY(sv_vector(c, SV_NPVSOC_VALUES, &v, &n));
    SV_TRY(npv_row(v, n, &a, &npv));
    sv_set_number(c, npv);
    return SOCINV_OK;
}

typedef socinv_status (*bc_rule)(const double *, size_t, const double *, size_t,
                                 const socinv_schedule *, unsigned, socinv_bc_sign, double *);

/* (benefits; costs; [schedule]; [firstyear]; [sign]) for the three ratios: one
 * reader, so their rows must list the parameters alike. */
_Static_assert((int)SV_NETROI_SIGN == (int)SV_BCR_SIGN && (int)SV_SWITCHBENEFITS_SIGN == (int)SV_BCR_SIGN &&
                   (int)SV_NETROI_SCHEDULE == (int)SV_BCR_SCHEDULE && (int)SV_SWITCHBENEFITS_SCHEDULE == (int)SV_BCR_SCHEDULE &&
                   (int)SV_NETROI_FIRSTYEAR == (int)SV_BCR_FIRSTYEAR && (int)SV_SWITCHBENEFITS_FIRSTYEAR == (int)SV_BCR_FIRSTYEAR &&
                   (int)SV_NETROI_COSTS == (int)SV_BCR_COSTS && (int)SV_SWITCHBENEFITS_COSTS == (int)SV_BCR_COSTS,
               "BCR, NETROI and SWITCHBENEFITS share benefit_cost()");
static socinv_status benefit_cost(sv_call *c, size_t row, bc_rule rule)
{
    const double *b, *k;
    size_t nb, nk;
    long first_year, sign;
    socinv_schedule own;
    const socinv_schedule *s;
    double v;
    SV_TRY(sv_vector(c, SV_BCR_BENEFITS, &b, &nb));
    SV_TRY(sv_vector(c, SV_BCR_COSTS, &k, &nk));
    SV_TRY(sv_schedule_ref(c, SV_BCR_SCHEDULE, &own, &s));
    SV_TRY(sv_int_arg(c, row, SV_BCR_FIRSTYEAR, 0, 1, &first_year));
    SV_TRY(sv_int_arg(c, row, SV_BCR_SIGN, -1, 1, &sign));
    if (sign == 0)
        return SOCINV_E_OPTION;
    SV_TRY(rule(b, nb, k, nk, s, (unsigned)first_year,
                sign == 1 ? SOCINV_BC_SAVINGS_NEGATIVE : SOCINV_BC_BOTH_POSITIVE, &v));
    sv_set_number(c, v);
    return SOCINV_OK;
}

socinv_status sv_fn_bcr(sv_call *c) { return benefit_cost(c, SV_ROW_BCR, socinv_bcr); }
socinv_status sv_fn_net_roi(sv_call *c) { return benefit_cost(c, SV_ROW_NETROI, socinv_net_roi); }
socinv_status sv_fn_switch_benefits(sv_call *c) { return benefit_cost(c, SV_ROW_SWITCHBENEFITS, socinv_switching_value); }
