/* SIBPAYOUT and the criterion helpers SIBDECREASE, REFUNDNET, CASEPRICE, SIBUNCOVERED. */
#include <float.h>
#include <string.h>

#include "glue.h"

/* Caps: an empty cell means "no cap". A range of numbers only (the dispatcher's
 * decoded doubles) is the caps as they are: no cell to copy or test. */
static socinv_status caps(sv_call *c, size_t i, size_t need, const double **out)
{
    const double *decoded;
    size_t n;
    if (sv_numbers_decoded(c, i, &decoded, &n)) {
        if (n != need) /* short, or a number past the last criterion */
            return SOCINV_E_SHAPE;
        *out = decoded;
        return SOCINV_OK;
    }
    const sv_cell *cells;
    SV_TRY(sv_cells(c, i, &cells, &n));
    if (n < need)
        return SOCINV_E_SHAPE;
    double *v = sv_alloc(c, need * sizeof *v);
    if (!v)
        return SOCINV_E_NOMEM;
    for (size_t k = 0; k < need; k++) {
        if (cells[k].kind == SV_TEXT)
            return SOCINV_E_TYPE;
        v[k] = cells[k].kind == SV_EMPTY ? DBL_MAX : cells[k].num;
    }
    for (size_t k = need; k < n; k++)
        if (cells[k].kind != SV_EMPTY)
            return SOCINV_E_SHAPE;
    *out = v;
    return SOCINV_OK;
}

/* One group number as the user writes it, 1..1000 (0: no group), into the
 * library's 0-based numbers; *highest grows to the highest used. */
static inline socinv_status group_of(double g, unsigned *out, unsigned *highest)
{
    if (!(g >= 0.0 && g <= (double)SOCINV_SIB_MAX_GROUPS))
        return SOCINV_E_DOMAIN;
    unsigned u = (unsigned)g;
    if ((double)u != g)
        return SOCINV_E_DOMAIN;
    *out = u - 1u; /* 0 wraps to SOCINV_SIB_NO_GROUP, (unsigned)-1 */
    if (u > *highest)
        *highest = u;
    return SOCINV_OK;
}

/* The groups of the nc criteria (0 or empty: no group); *ngroups is the
 * highest used. Numbers only (the dispatcher's doubles) go without the cell
 * tests. */
static socinv_status read_groups(sv_call *c, size_t nc, unsigned **out, unsigned *ngroups)
{
    const double *decoded;
    const sv_cell *gcells;
    size_t gn;
    int numbers = sv_numbers_decoded(c, SV_SIBPAYOUT_GROUPS, &decoded, &gn);
    if (!numbers)
        SV_TRY(sv_cells(c, SV_SIBPAYOUT_GROUPS, &gcells, &gn));
    if (gn != nc)
        return SOCINV_E_SHAPE;
    unsigned *groups = sv_alloc(c, nc * sizeof *groups);
    if (!groups)
        return SOCINV_E_NOMEM;
    unsigned highest = 0;
    if (numbers) {
        for (size_t k = 0; k < nc; k++)
            SV_TRY(group_of(decoded[k], &groups[k], &highest));
    } else {
        for (size_t k = 0; k < nc; k++) {
            if (gcells[k].kind == SV_TEXT)
                return SOCINV_E_TYPE;
            SV_TRY(group_of(gcells[k].kind == SV_NUMBER ? gcells[k].num : 0.0, &groups[k], &highest));
        }
    }
    *ngroups = highest;
    *out = groups;
    return SOCINV_OK;
}

/* The amounts and caps: earned, critcaps, groups, groupcaps, totalcap, index. */
static socinv_status read_amounts(sv_call *c, socinv_sib_input *in)
{
    unsigned *groups, ngroups;
    SV_TRY(sv_matrix(c, SV_SIBPAYOUT_EARNED, &in->earned, &in->ncrit, &in->nyears));
    SV_TRY(caps(c, SV_SIBPAYOUT_CRITCAPS, in->ncrit, &in->crit_caps));
    SV_TRY(read_groups(c, in->ncrit, &groups, &ngroups));
    in->groups = groups;
    in->ngroups = ngroups;
    if (ngroups)
        SV_TRY(caps(c, SV_SIBPAYOUT_GROUPCAPS, ngroups, &in->group_caps));
    SV_TRY(sv_number(c, SV_SIBPAYOUT_TOTALCAP, -1.0, &in->total_cap));
    if (in->total_cap < 0.0 && sv_present(c, SV_SIBPAYOUT_TOTALCAP))
        return SOCINV_E_DOMAIN;
    if (!sv_left_out(c, SV_SIBPAYOUT_INDEX) && sv_present(c, SV_SIBPAYOUT_INDEX)) {
        const double *index;
        size_t ni;
        SV_TRY(sv_vector_full(c, SV_SIBPAYOUT_INDEX, &index, &ni));
        if (ni != in->nyears)
            return SOCINV_E_SHAPE;
        in->index = index;
    }
    return SOCINV_OK;
}

/* Buffers for the payout and the cuts the output names; the library leaves
 * the other cuts out (NULL). */
static socinv_status result_buffers(sv_call *c, long output, size_t cells, socinv_sib_result *res)
{
    int all = output == SV_OUT_CUT, crit = all || output == SV_OUT_CUT_CRITERION,
        group = all || output == SV_OUT_CUT_GROUP, total = all || output == SV_OUT_CUT_TOTAL;
    double *buf = sv_alloc(c, (size_t)(1 + crit + group + total) * cells * sizeof *buf);
    if (!buf)
        return SOCINV_E_NOMEM;
    *res = (socinv_sib_result){buf, NULL, NULL, NULL};
    if (crit)
        res->cut_criterion = buf += cells;
    if (group)
        res->cut_group = buf += cells;
    if (total)
        res->cut_total = buf += cells;
    return SOCINV_OK;
}

/* The criteria x years matrix the output names: the payout, or a cut ("cut":
 * the three added up, in the criterion cuts' buffer). */
static const double *named_matrix(long output, const socinv_sib_result *res, size_t cells)
{
    switch (output) {
    case SV_OUT_CUT:
        for (size_t k = 0; k < cells; k++)
            res->cut_criterion[k] = res->cut_criterion[k] + res->cut_group[k] + res->cut_total[k];
        return res->cut_criterion;
    case SV_OUT_CUT_CRITERION: return res->cut_criterion;
    case SV_OUT_CUT_GROUP: return res->cut_group;
    case SV_OUT_CUT_TOTAL: return res->cut_total;
    default: return res->payout;
    }
}

/* The result: a chosen criterion/year or all of them; totals fold the rest.
 * One cell (a total, or a pick) is added up as a number, without a matrix. */
static socinv_status set_payout_result(sv_call *c, const double *src, size_t nc, size_t ny, long output, long year,
                                       long criterion)
{
    size_t r0 = criterion ? (size_t)criterion - 1 : 0, r1 = criterion ? (size_t)criterion : nc;
    size_t c0 = year ? (size_t)year - 1 : 0, c1 = year ? (size_t)year : ny;
    int fold_rows = output == SV_OUT_TOTAL || output == SV_OUT_YEAR;
    int fold_cols = output == SV_OUT_TOTAL || output == SV_OUT_CRITERION;
    size_t orows = fold_rows ? 1 : r1 - r0, ocols = fold_cols ? 1 : c1 - c0;
    if (orows == 1 && ocols == 1) {
        double sum = 0.0;
        if (c0 == 0 && c1 == ny) { /* every year of rows r0..r1: one run of cells, in the same order */
#pragma GCC unroll 4
            for (size_t k = r0 * ny; k < r1 * ny; k++)
                sum += src[k];
        } else {
            for (size_t r = r0; r < r1; r++)
                for (size_t t = c0; t < c1; t++)
                    sum += src[r * ny + t];
        }
        sv_set_number(c, sum);
        return SOCINV_OK;
    }
    double *m = sv_set_matrix(c, orows, ocols);
    if (!m)
        return SOCINV_E_NOMEM;
    memset(m, 0, orows * ocols * sizeof *m);
    for (size_t r = r0; r < r1; r++)
        for (size_t t = c0; t < c1; t++)
            m[(fold_rows ? 0 : r - r0) * ocols + (fold_cols ? 0 : t - c0)] += src[r * ny + t];
    return SOCINV_OK;
}

/* SIBPAYOUT(earned; critcaps; groups; groupcaps; [totalcap]; [index]; [allocation];
 *           [carry]; [output]; [year]; [criterion]; [capmode]) */
socinv_status sv_fn_sib_payout(sv_call *c)
{
    socinv_sib_input in = socinv_sib_input_default();
    SV_TRY(read_amounts(c, &in));
    long allocation, carry, output, capmode, year, criterion;
    SV_TRY(sv_keyword_arg(c, SV_ROW_SIBPAYOUT, SV_SIBPAYOUT_ALLOCATION, &allocation));
    SV_TRY(sv_keyword_arg(c, SV_ROW_SIBPAYOUT, SV_SIBPAYOUT_CARRY, &carry));
    SV_TRY(sv_keyword_arg(c, SV_ROW_SIBPAYOUT, SV_SIBPAYOUT_OUTPUT, &output));
    SV_TRY(sv_int(c, SV_SIBPAYOUT_YEAR, 0, 0, (long)in.nyears, &year));
    SV_TRY(sv_int(c, SV_SIBPAYOUT_CRITERION, 0, 0, (long)in.ncrit, &criterion));
    SV_TRY(sv_keyword_arg(c, SV_ROW_SIBPAYOUT, SV_SIBPAYOUT_CAPMODE, &capmode));
    in.allocation = (socinv_sib_alloc)allocation;
    in.carry = (int)carry;
    in.crit_caps_annual = (int)capmode;

    size_t cells = in.ncrit * in.nyears;
    socinv_sib_result res;
    SV_TRY(result_buffers(c, output, cells, &res));
    SV_TRY(socinv_sib_payout(&in, &res));
    return set_payout_result(c, named_matrix(output, &res, cells), in.ncrit, in.nyears, output, year, criterion);
}

/* SIBDECREASE(series; [baseline]; [floor0]; [year]) */
socinv_status sv_fn_sib_decrease(sv_call *c)
{
    const double *v;
    size_t n;
    double baseline;
    long floor0, year;
    SV_TRY(sv_vector(c, SV_SIBDECREASE_SERIES, &v, &n));
    int fixed = sv_present(c, SV_SIBDECREASE_BASELINE);
    SV_TRY(sv_number(c, SV_SIBDECREASE_BASELINE, 0.0, &baseline));
    SV_TRY(sv_keyword_arg(c, SV_ROW_SIBDECREASE, SV_SIBDECREASE_FLOOR0, &floor0));
    size_t m = fixed ? n : n - 1;
    SV_TRY(sv_int(c, SV_SIBDECREASE_YEAR, 0, 0, (long)(m ? m : 1), &year));
    double *out = sv_alloc(c, n * sizeof *out);
    if (!out)
        return SOCINV_E_NOMEM;
    SV_TRY(socinv_sib_fall(v, n, fixed ? &baseline : NULL, (int)floor0, out, n));
    return sv_set_vector_or_pick(c, out, m, sv_is_column(c, SV_SIBDECREASE_SERIES), year);
}

/* REFUNDNET(amount; share) */
socinv_status sv_fn_refund_net(sv_call *c)
{
    double a[SV_REFUNDNET_NPARAMS], v;
    SV_TRY(sv_numbers(c, SV_ROW_REFUNDNET, SV_REFUNDNET_NPARAMS, a));
    SV_TRY(socinv_after_refund(a[SV_REFUNDNET_AMOUNT], a[SV_REFUNDNET_SHARE], &v));
    sv_set_number(c, v);
    return SOCINV_OK;
}

/* CASEPRICE(costs; cases; [mode]) */
socinv_status sv_fn_case_price(sv_call *c)
{
    const double *costs, *cases;
    size_t n1, n2;
    long mode;
    double price;
    SV_TRY(sv_vector(c, SV_CASEPRICE_COSTS, &costs, &n1));
    SV_TRY(sv_vector(c, SV_CASEPRICE_CASES, &cases, &n2));
    if (n1 != n2)
        return SOCINV_E_SHAPE;
    SV_TRY(sv_int_arg(c, SV_ROW_CASEPRICE, SV_CASEPRICE_MODE, 0, 1, &mode));
    SV_TRY(socinv_case_price(costs, cases, n1, (socinv_case_price_mode)mode, &price));
    sv_set_number(c, price);
    return SOCINV_OK;
}

/* SIBUNCOVERED(payout; capitalisable) */
socinv_status sv_fn_sib_uncovered(sv_call *c)
{
    const double *payout;
    size_t n, nf;
    const sv_cell *flags;
    SV_TRY(sv_vector_full(c, SV_SIBUNCOVERED_PAYOUT, &payout, &n));
    SV_TRY(sv_cells(c, SV_SIBUNCOVERED_CAPITALISABLE, &flags, &nf));
    if (nf != n)
        return SOCINV_E_SHAPE;
    int *cap = sv_alloc(c, n * sizeof *cap);
    if (!cap)
        return SOCINV_E_NOMEM;
    for (size_t k = 0; k < n; k++) {
        if (flags[k].kind == SV_TEXT)
            return SOCINV_E_TYPE;
        cap[k] = flags[k].kind == SV_NUMBER && flags[k].num != 0.0;
    }
    double v;
    SV_TRY(socinv_sib_uncovered(payout, cap, n, &v));
    sv_set_number(c, v);
    return SOCINV_OK;
}
