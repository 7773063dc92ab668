/* Glue functions named by the function table (functions.c). Each reads its
 * arguments from the call, calls the rules in src/, and sets the result. */
#ifndef SOCINV_GLUE_H
#define SOCINV_GLUE_H

#include "call.h"
#include "functions.h"
#include "params.h"

/* Keyword argument i of the function in table row `row` (SV_ROW_*): read by
 * sv_keyword with the row's words and default (functions.c), so a keyword
 * argument's words and default are stated once, in its row. */
socinv_status sv_keyword_arg_given(const sv_call *c, size_t row, size_t i, long *out);
static inline socinv_status sv_keyword_arg(const sv_call *c, size_t row, size_t i, long *out)
{
    if (!sv_left_out(c, i)) /* left out, the common case: the row's default without a call */
        return sv_keyword_arg_given(c, row, i, out);
    *out = sv_functions[row].params[i].dflt_code;
    return SOCINV_OK;
}

/* Number argument i with its row's default (OPTN rows): sv_number / sv_int, inline
 * so that a left-out argument costs no call. */
static inline socinv_status sv_number_arg(const sv_call *c, size_t row, size_t i, double *out)
{
    return sv_number(c, i, sv_functions[row].params[i].dflt_value, out);
}

static inline socinv_status sv_int_arg(const sv_call *c, size_t row, size_t i, long lo, long hi, long *out)
{
    return sv_int(c, i, (long)sv_functions[row].params[i].dflt_value, lo, hi, out);
}

/* Arguments 0..n-1 of row's function, all numbers, into v[0..n-1] so v[SV_F_PARAM]
 * names each (left out: the row's default): REFUNDNET, OBUPLIFT, and PLFACTOR's
 * and PLCONVERT's leading numbers. */
static inline socinv_status sv_numbers(const sv_call *c, size_t row, size_t n, double *v)
{
    for (size_t i = 0; i < n; i++)
        SV_TRY(sv_number_arg(c, row, i, &v[i]));
    return SOCINV_OK;
}

/* The codes of the keyword arguments whose words the table lists. */
typedef enum sv_net_part { SV_PART_NET, SV_PART_PERMANENT, SV_PART_IMPLEMENTATION } sv_net_part;
/* NETIMPACT's part given as a kind ("V", "I", "varig" ...): the kinds column's reader. */
socinv_status sv_part_of_kind(const char *text, size_t len, long *code);
typedef enum sv_sib_output {
    SV_OUT_TOTAL, SV_OUT_YEAR, SV_OUT_CRITERION, SV_OUT_MATRIX,
    SV_OUT_CUT, SV_OUT_CUT_CRITERION, SV_OUT_CUT_GROUP, SV_OUT_CUT_TOTAL
} sv_sib_output;

/* Argument i as a discount schedule: omitted -> DK2021; a number -> flat
 * rate; text -> a named schedule; two columns -> (from year, rate) bands. */
socinv_status sv_schedule_arg(sv_call *c, size_t i, socinv_schedule *s);
/* The same as a pointer: the default read in place when left out (most cells:
 * no copy of it), else *own, filled by sv_schedule_arg. */
static inline socinv_status sv_schedule_ref(sv_call *c, size_t i, socinv_schedule *own, const socinv_schedule **s)
{
    if (sv_left_out(c, i)) {
        *s = socinv_schedule_default();
        return SOCINV_OK;
    }
    *s = own;
    return sv_schedule_arg(c, i, own);
}

socinv_status sv_fn_payback(sv_call *c);
socinv_status sv_fn_payback_disc(sv_call *c);
socinv_status sv_fn_net_impact(sv_call *c);
socinv_status sv_fn_table_check(sv_call *c);
socinv_status sv_fn_case_check(sv_call *c);
socinv_status sv_fn_sib_payout(sv_call *c);
socinv_status sv_fn_sib_decrease(sv_call *c);
socinv_status sv_fn_refund_net(sv_call *c);
socinv_status sv_fn_case_price(sv_call *c);
socinv_status sv_fn_sib_uncovered(sv_call *c);
socinv_status sv_fn_target_gap(sv_call *c);
socinv_status sv_fn_pl_factor(sv_call *c);
socinv_status sv_fn_pl_convert(sv_call *c);
socinv_status sv_fn_phase_in(sv_call *c);
socinv_status sv_fn_disc_factor(sv_call *c);
socinv_status sv_fn_disc_schedule(sv_call *c);
socinv_status sv_fn_npv_soc(sv_call *c);
socinv_status sv_fn_bcr(sv_call *c);
socinv_status sv_fn_net_roi(sv_call *c);
socinv_status sv_fn_switch_benefits(sv_call *c);
socinv_status sv_fn_impact_adj(sv_call *c);
socinv_status sv_fn_ob_uplift(sv_call *c);
socinv_status sv_fn_share(sv_call *c);

#endif
