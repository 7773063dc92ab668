/* Adjustments of a gross effect (deadweight, displacement, attribution,
 * drop-off, optimism bias) and splitting amounts between bodies. */
#include "internal.h"

socinv_status socinv_impact_adjust(double gross, const socinv_impact_factors *f, unsigned year,
                                   double *out)
{
    if (!f || !out)
        return SOCINV_E_NULL;
    const double shares[] = {f->deadweight, f->displacement, f->attribution, f->dropoff, f->optimism_bias};
    if (!isfinite(gross))
        return SOCINV_E_NONFINITE;
    for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
        if (!isfinite(shares[i]))
            return SOCINV_E_NONFINITE;
        if (!si_is_share(shares[i]))
            return SOCINV_E_SHARE;
    }
    if (year < 1 || year > SOCINV_MAX_HORIZON)
        return SOCINV_E_DOMAIN;
    double v = gross * (1.0 - f->deadweight) * (1.0 - f->displacement) * (1.0 - f->attribution) *
               pow(1.0 - f->dropoff, (double)(year - 1)) * (1.0 - f->optimism_bias);
    *out = v;
    return SOCINV_OK;
}

socinv_status socinv_optimism_uplift(double costs, double rate, double mitigation, double *out)
{
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(costs) || !isfinite(rate) || !isfinite(mitigation))
        return SOCINV_E_NONFINITE;
    if (rate <= -1.0)
        return SOCINV_E_RATE;
    if (!si_is_share(mitigation))
        return SOCINV_E_SHARE;
    double v = costs * (1.0 + rate * (1.0 - mitigation));
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *out = v;
    return SOCINV_OK;
}

socinv_status socinv_share(const double *values, size_t n, const double *shares, size_t k,
                           double *out)
{
    socinv_status st;
    if ((st = si_check_values(values, n)) != SOCINV_OK || (st = si_check_values(shares, k)) != SOCINV_OK)
        return st;
    if (!out)
        return SOCINV_E_NULL;
    if ((st = si_check_dims(n, k)) != SOCINV_OK)
        return st;
    double total = 0.0;
    for (size_t j = 0; j < k; j++) {
        if (!si_is_share(shares[j]))
            return SOCINV_E_SHARE;
        total += shares[j];
    }
    if (fabs(total - 1.0) > 1e-9)
        return SOCINV_E_SHARE;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++)
            out[i * k + j] = values[i] * shares[j];
    return SOCINV_OK;
}
