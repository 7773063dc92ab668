/* TARGETGAP, PLFACTOR, PLCONVERT, PHASEIN, IMPACTADJ, OBUPLIFT, SHARE. */
#include "glue.h"

/* TARGETGAP(targets; achieved; [carry]; [year]) */
socinv_status sv_fn_target_gap(sv_call *c)
{
    const double *targets, *achieved;
    size_t n1, n2;
    long carry, year;
    SV_TRY(sv_vector(c, SV_TARGETGAP_TARGETS, &targets, &n1));
    SV_TRY(sv_vector_full(c, SV_TARGETGAP_ACHIEVED, &achieved, &n2));
    if (n2 < n1)
        return SOCINV_E_SHAPE;
    SV_TRY(sv_keyword_arg(c, SV_ROW_TARGETGAP, SV_TARGETGAP_CARRY, &carry));
    SV_TRY(sv_int(c, SV_TARGETGAP_YEAR, 0, 0, (long)n1, &year));
    double *gap = sv_alloc(c, n1 * sizeof *gap);
    if (!gap)
        return SOCINV_E_NOMEM;
    SV_TRY(socinv_target_gap(targets, achieved, n1, (int)carry, gap));
    return sv_set_vector_or_pick(c, gap, n1, sv_is_column(c, SV_TARGETGAP_TARGETS), year);
}

/* PLFACTOR's and PLCONVERT's arguments: plain numbers into a[0..i), then the
 * (years; index values) pair at i, i+1. */
static socinv_status pl_args(sv_call *c, size_t row, size_t i, double *a, const double **years, const double **index, size_t *n)
{
    size_t n2;
    SV_TRY(sv_numbers(c, row, i, a));
    SV_TRY(sv_vector(c, i, years, n));
    SV_TRY(sv_vector_full(c, i + 1, index, &n2));
    return n2 >= *n ? SOCINV_OK : SOCINV_E_SHAPE;
}

/* PLFACTOR(fromyear; toyear; years; index) */
socinv_status sv_fn_pl_factor(sv_call *c)
{
    double a[SV_PLFACTOR_YEARS], f;
    const double *years, *index;
    size_t n;
    SV_TRY(pl_args(c, SV_ROW_PLFACTOR, SV_PLFACTOR_YEARS, a, &years, &index, &n));
    SV_TRY(socinv_pl_factor(a[SV_PLFACTOR_FROMYEAR], a[SV_PLFACTOR_TOYEAR], years, index, n, &f));
    sv_set_number(c, f);
    return SOCINV_OK;
}

/* PLCONVERT(amount; fromyear; toyear; years; index) */
socinv_status sv_fn_pl_convert(sv_call *c)
{
    double a[SV_PLCONVERT_YEARS], v;
    const double *years, *index;
    size_t n;
    SV_TRY(pl_args(c, SV_ROW_PLCONVERT, SV_PLCONVERT_YEARS, a, &years, &index, &n));
    SV_TRY(socinv_pl_convert(a[SV_PLCONVERT_AMOUNT], a[SV_PLCONVERT_FROMYEAR], a[SV_PLCONVERT_TOYEAR], years, index, n,
                             &v));
    sv_set_number(c, v);
    return SOCINV_OK;
}

/* PHASEIN(fullyear; startmonth; [months]) */
socinv_status sv_fn_phase_in(sv_call *c)
{
    double full, start, months, v;
    SV_TRY(sv_number(c, SV_PHASEIN_FULLYEAR, 0.0, &full));
    SV_TRY(sv_number(c, SV_PHASEIN_STARTMONTH, 1.0, &start));
    if (sv_present(c, SV_PHASEIN_MONTHS)) {
        SV_TRY(sv_number(c, SV_PHASEIN_MONTHS, 12.0, &months));
        SV_TRY(socinv_phase_in_months(full, months, &v));
    } else {
        SV_TRY(socinv_phase_in(full, start, &v));
    }
    sv_set_number(c, v);
    return SOCINV_OK;
}

/* IMPACTADJ(gross; [deadweight]; [displacement]; [attribution]; [dropoff]; [year]; [optimism]) */
socinv_status sv_fn_impact_adj(sv_call *c)
{
    const double *gross;
    size_t n;
    socinv_impact_factors f;
    long year;
    SV_TRY(sv_vector_full(c, SV_IMPACTADJ_GROSS, &gross, &n));
    SV_TRY(sv_number(c, SV_IMPACTADJ_DEADWEIGHT, 0.0, &f.deadweight));
    SV_TRY(sv_number(c, SV_IMPACTADJ_DISPLACEMENT, 0.0, &f.displacement));
    SV_TRY(sv_number(c, SV_IMPACTADJ_ATTRIBUTION, 0.0, &f.attribution));
    SV_TRY(sv_number(c, SV_IMPACTADJ_DROPOFF, 0.0, &f.dropoff));
    SV_TRY(sv_int(c, SV_IMPACTADJ_YEAR, 0, 0, SOCINV_MAX_HORIZON, &year));
    SV_TRY(sv_number(c, SV_IMPACTADJ_OPTIMISM, 0.0, &f.optimism_bias));
    if (n == 1) { /* one amount: `year` says which year's drop-off applies */
        double v;
        SV_TRY(socinv_impact_adjust(gross[0], &f, year ? (unsigned)year : 1u, &v));
        sv_set_number(c, v);
        return SOCINV_OK;
    }
    if (n > SOCINV_MAX_HORIZON)
        return SOCINV_E_LENGTH;
    double *out = sv_alloc(c, n * sizeof *out);
    if (!out)
        return SOCINV_E_NOMEM;
    for (size_t k = 0; k < n; k++) /* a row of years: value k is year k+1 */
        SV_TRY(socinv_impact_adjust(gross[k], &f, (unsigned)k + 1u, &out[k]));
    return sv_set_vector_or_pick(c, out, n, sv_is_column(c, SV_IMPACTADJ_GROSS), year);
}

/* OBUPLIFT(costs; rate; [mitigation]) */
socinv_status sv_fn_ob_uplift(sv_call *c)
{
    double a[SV_OBUPLIFT_NPARAMS], v;
    SV_TRY(sv_numbers(c, SV_ROW_OBUPLIFT, SV_OBUPLIFT_NPARAMS, a));
    SV_TRY(socinv_optimism_uplift(a[SV_OBUPLIFT_COSTS], a[SV_OBUPLIFT_RATE], a[SV_OBUPLIFT_MITIGATION], &v));
    sv_set_number(c, v);
    return SOCINV_OK;
}

/* SHARE(values; shares; [which]) */
socinv_status sv_fn_share(sv_call *c)
{
    const double *values, *shares;
    size_t n, k;
    long which;
    SV_TRY(sv_vector_full(c, SV_SHARE_VALUES, &values, &n));
    SV_TRY(sv_vector(c, SV_SHARE_SHARES, &shares, &k));
    SV_TRY(sv_int(c, SV_SHARE_WHICH, 0, 0, (long)k, &which));
    if (n > SOCINV_MAX_CELLS / k)
        return SOCINV_E_LENGTH;
    double *out = sv_alloc(c, n * k * sizeof *out);
    if (!out)
        return SOCINV_E_NOMEM;
    SV_TRY(socinv_share(values, n, shares, k, out));
    if (which) { /* one body's part of each value, in the values' orientation */
        double *part = sv_alloc(c, n * sizeof *part);
        if (!part)
            return SOCINV_E_NOMEM;
        for (size_t i = 0; i < n; i++)
            part[i] = out[i * k + (size_t)which - 1];
        return n == 1 ? (sv_set_number(c, part[0]), SOCINV_OK) : sv_set_vector(c, part, n, sv_is_column(c, SV_SHARE_VALUES));
    }
    double *m = sv_set_matrix(c, n, k);
    if (!m)
        return SOCINV_E_NOMEM;
    for (size_t i = 0; i < n * k; i++)
        m[i] = out[i];
    return SOCINV_OK;
}
