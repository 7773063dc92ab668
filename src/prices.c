/* Price/wage level (p/l) conversion and phased-in first-year effects. */
#include "internal.h"

static socinv_status find_year(double year, const double *years, size_t n, size_t *at)
{
    for (size_t i = 0; i < n; i++) {
        if (years[i] == year) {
            *at = i;
            return SOCINV_OK;
        }
    }
    return SOCINV_E_MISSING_YEAR;
}

socinv_status socinv_pl_factor(double from_year, double to_year, const double *years,
                               const double *index, size_t n, double *factor)
{
    socinv_status st;
    if ((st = sv_check_values(years, n)) != SOCINV_OK || (st = sv_check_values(index, n)) != SOCINV_OK)
        return st;
    if (!factor)
        return SOCINV_E_NULL;
    if (!isfinite(from_year) || !isfinite(to_year))
        return SOCINV_E_NONFINITE;
    if (from_year != floor(from_year) || to_year != floor(to_year))
        return SOCINV_E_DOMAIN;
    for (size_t i = 0; i < n; i++) {
        if (years[i] != floor(years[i]))
            return SOCINV_E_DOMAIN;
        if (index[i] <= 0.0)
            return SOCINV_E_INDEX; /* a series with a zero or negative index is broken, used or not */
        for (size_t j = 0; j < i; j++)
            if (years[j] == years[i])
                return SOCINV_E_DOMAIN; /* which of two 2024 indices is meant? */
    }
    size_t a, b;
    if ((st = find_year(from_year, years, n, &a)) != SOCINV_OK || (st = find_year(to_year, years, n, &b)) != SOCINV_OK)
        return st;
    double f = index[b] / index[a];
    if (!isfinite(f) || f == 0.0) /* a ratio of positive indices is never 0: it underflowed */
        return SOCINV_E_OVERFLOW;
    *factor = f;
    return SOCINV_OK;
}

socinv_status socinv_pl_convert(double amount, double from_year, double to_year,
                                const double *years, const double *index, size_t n, double *out)
{
    double f;
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(amount))
        return SOCINV_E_NONFINITE;
    socinv_status st = socinv_pl_factor(from_year, to_year, years, index, n, &f);
    if (st != SOCINV_OK)
        return st;
    double v = amount * f;
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *out = v;
    return SOCINV_OK;
}

socinv_status socinv_phase_in_months(double full_year, double months, double *out)
{
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(full_year) || !isfinite(months))
        return SOCINV_E_NONFINITE;
    if (months < 0.0 || months > 12.0)
        return SOCINV_E_DOMAIN;
    *out = full_year * (months / 12.0); /* months first: 1E308 x 12 would overflow */
    return SOCINV_OK;
}

socinv_status socinv_phase_in(double full_year, double start_month, double *out)
{
    if (!isfinite(start_month))
        return SOCINV_E_NONFINITE;
    if (start_month != floor(start_month) || start_month < 1.0 || start_month > 12.0)
        return SOCINV_E_DOMAIN;
    return socinv_phase_in_months(full_year, 13.0 - start_month, out);
}
