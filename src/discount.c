/* Discount-rate schedules, present values and the ratios built on them. */
#include <stddef.h>
#include <string.h>

#include "internal.h"

/* Bands are given as the first year a rate applies to: "0-35 år" in the
 * guidance means the steps into years 1..35. Whole schedules (unused bands and
 * the rest of the name zero), so a lookup is one copy: the default schedule is
 * read by every PAYBACKDISC, NPVSOC, BCR, ... cell. */
static const socinv_schedule named[] = {
    {"DK2021", "Finansministeriet, dokumentationsnotat 7 Jan 2021: 3.5 % years 0-35, 2.5 % 36-70, 1.5 % after",
     3, {{1, 0.035}, {36, 0.025}, {71, 0.015}}},
    {"DK2013", "Finansministeriet, 31 May 2013: 4 % years 0-35, 3 % 36-70, 2 % after",
     3, {{1, 0.04}, {36, 0.03}, {71, 0.02}}},
    {"UK2022", "HM Treasury Green Book 2022: 3.5 % 0-30, 3.0 % 31-75, 2.5 % 76-125, 2.0 % 126-200, 1.5 % 201-300, 1.0 % after",
     6, {{1, 0.035}, {31, 0.03}, {76, 0.025}, {126, 0.02}, {201, 0.015}, {301, 0.01}}},
    {"UK2022HEALTH", "HM Treasury Green Book 2022, health: 1.5 %, 1.29 %, 1.07 %, 0.86 %, 0.64 %, 0.43 % on the standard bands",
     6, {{1, 0.015}, {31, 0.0129}, {76, 0.0107}, {126, 0.0086}, {201, 0.0064}, {301, 0.0043}}},
};

const socinv_schedule *socinv_schedule_default(void)
{
    return &named[0]; /* SOCINV_SCHEDULE_DEFAULT: the first of the table (a unit test holds them together) */
}

static int name_equals(const char *a, size_t alen, const char *b)
{
    if (alen != strlen(b))
        return 0;
    if (memcmp(a, b, alen) == 0) /* as spelled in the table: most calls (the default) */
        return 1;
    for (size_t i = 0; i < alen; i++) {
        char c = a[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != b[i])
            return 0;
    }
    return 1;
}

socinv_status socinv_schedule_named(const char *name, size_t len, socinv_schedule *out)
{
    if (!name || !out)
        return SOCINV_E_NULL;
    while (len > 0 && (name[len - 1] == ' '))
        len--;
    while (len > 0 && name[0] == ' ') {
        name++;
        len--;
    }
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        if (name_equals(name, len, named[i].name)) {
            /* its bands only, not all SOCINV_SCHEDULE_MAX_BANDS: nothing reads past
             * nbands, and this is the default of six functions, once per cell */
            memcpy(out, &named[i], offsetof(socinv_schedule, band) + named[i].nbands * sizeof named[i].band[0]);
            return SOCINV_OK;
        }
    }
    return SOCINV_E_OPTION;
}

socinv_status socinv_schedule_flat(double rate, socinv_schedule *out)
{
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(rate))
        return SOCINV_E_NONFINITE;
    if (rate <= -1.0)
        return SOCINV_E_RATE;
    memset(out, 0, sizeof *out);
    strcpy(out->name, "FLAT");
    out->source = "flat rate given by the user";
    out->nbands = 1;
    out->band[0].from_year = 1;
    out->band[0].rate = rate;
    return SOCINV_OK;
}

socinv_status socinv_schedule_bands(const double *from_years, const double *rates, size_t n,
                                    socinv_schedule *out)
{
    socinv_status st;
    if (!out)
        return SOCINV_E_NULL;
    if ((st = si_check_values(from_years, n)) != SOCINV_OK || (st = si_check_values(rates, n)) != SOCINV_OK)
        return st;
    if (n > SOCINV_SCHEDULE_MAX_BANDS)
        return SOCINV_E_LENGTH;
    for (size_t i = 0; i < n; i++) {
        double y = from_years[i];
        if (!si_is_whole(y) || y < 1 || y > SOCINV_MAX_HORIZON)
            return SOCINV_E_DOMAIN;
        if (i == 0 && y != 1)
            return SOCINV_E_DOMAIN;
        if (i > 0 && y <= from_years[i - 1])
            return SOCINV_E_DOMAIN;
        if (rates[i] <= -1.0)
            return SOCINV_E_RATE;
    }
    memset(out, 0, sizeof *out);
    strcpy(out->name, "USER");
    out->source = "bands given by the user";
    out->nbands = n;
    for (size_t i = 0; i < n; i++) {
        out->band[i].from_year = (unsigned)from_years[i];
        out->band[i].rate = rates[i];
    }
    return SOCINV_OK;
}

double socinv_schedule_rate(const socinv_schedule *s, unsigned year)
{
    if (!s || s->nbands == 0 || s->nbands > SOCINV_SCHEDULE_MAX_BANDS)
        return NAN;
    double r = s->band[0].rate;
    for (size_t i = 1; i < s->nbands && s->band[i].from_year <= year; i++)
        r = s->band[i].rate;
    return r;
}

/* Walks the factors year by year: callers discount rows in order, so this is
 * one division per year instead of a pow() per band. The band is kept at hand
 * (si_band): the same divisions as looking it up every year, so the same bits. */
typedef struct {
    const socinv_schedule *s;
    si_band b;
    unsigned year;
    double df;
} df_walker;

static void df_start(df_walker *w, const socinv_schedule *s)
{
    w->s = s;
    w->year = 0;
    w->df = 1.0;
    w->b = si_band_at(s, 0, 0);
}

static inline double df_advance_to(df_walker *w, unsigned year)
{
    while (w->year < year) {
        w->year++;
        if (w->year >= w->b.next_from)
            w->b = si_band_at(w->s, w->b.band, w->year);
        w->df /= w->b.onep;
    }
    return w->df;
}

socinv_status socinv_discount_factor(const socinv_schedule *s, unsigned year, double *df)
{
    socinv_status st = si_check_schedule(s);
    if (st != SOCINV_OK)
        return st;
    if (!df)
        return SOCINV_E_NULL;
    if (year > SOCINV_MAX_HORIZON)
        return SOCINV_E_DOMAIN;
    df_walker w;
    df_start(&w, s);
    double v = df_advance_to(&w, year);
    if (!isfinite(v) || v == 0.0)
        return SOCINV_E_OVERFLOW;
    *df = v;
    return SOCINV_OK;
}

/* What makes a row unfit to discount, in the order the statuses are given. */
static socinv_status check_row(const double *values, size_t n, const socinv_schedule *s, unsigned first_year)
{
    socinv_status st = si_check_values(values, n);
    if (st != SOCINV_OK)
        return st;
    if ((st = si_check_schedule(s)) != SOCINV_OK)
        return st;
    if (first_year > 1)
        return SOCINV_E_DOMAIN;
    if (n > SOCINV_MAX_HORIZON)
        return SOCINV_E_LENGTH;
    return SOCINV_OK;
}

/* The present values of one or two checked rows (b, and c unless nc is 0)
 * discounted alike: one walk of the factors serves both. Each row's sum adds
 * its own values in order, as it did with a walk of its own, so the bits are
 * the same. */
static void discount_rows(const double *b, size_t nb, const double *c, size_t nc, const socinv_schedule *s,
                          unsigned first_year, double *pb, double *pc)
{
    df_walker w;
    df_start(&w, s);
    si_sum sb = {0, 0}, sc = {0, 0};
    size_t n = nb > nc ? nb : nc;
    for (size_t j = 0; j < n; j++) {
        double df = df_advance_to(&w, first_year + (unsigned)j);
        if (j < nb)
            si_sum_add(&sb, b[j] * df);
        if (j < nc)
            si_sum_add(&sc, c[j] * df);
    }
    *pb = si_sum_get(&sb);
    *pc = si_sum_get(&sc);
}

socinv_status socinv_npv(const double *values, size_t n, const socinv_schedule *s,
                         unsigned first_year, double *npv)
{
    if (!npv)
        return SOCINV_E_NULL;
    socinv_status st = check_row(values, n, s, first_year);
    if (st != SOCINV_OK)
        return st;
    double v, unused;
    discount_rows(values, n, NULL, 0, s, first_year, &v, &unused);
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *npv = v;
    return SOCINV_OK;
}

socinv_status socinv_pv_benefits_costs(const double *benefits, size_t nb, const double *costs,
                                       size_t nc, const socinv_schedule *s, unsigned first_year,
                                       socinv_bc_sign sign, double *pv_benefits, double *pv_costs)
{
    if (!pv_benefits || !pv_costs)
        return SOCINV_E_NULL;
    if (sign != SOCINV_BC_SAVINGS_NEGATIVE && sign != SOCINV_BC_BOTH_POSITIVE)
        return SOCINV_E_OPTION;
    socinv_status st = check_row(benefits, nb, s, first_year);
    if (st != SOCINV_OK)
        return st;
    /* the benefits' overflow is reported before anything wrong with the costs,
     * as when the costs were only looked at after the benefits' sum; the schedule
     * and the first year have passed with the benefits */
    socinv_status cost_st = si_check_values(costs, nc);
    if (cost_st == SOCINV_OK && nc > SOCINV_MAX_HORIZON)
        cost_st = SOCINV_E_LENGTH;
    double pb, pc;
    discount_rows(benefits, nb, costs, cost_st == SOCINV_OK ? nc : 0, s, first_year, &pb, &pc);
    if (!isfinite(pb))
        return SOCINV_E_OVERFLOW;
    if (cost_st != SOCINV_OK)
        return cost_st;
    if (!isfinite(pc))
        return SOCINV_E_OVERFLOW;
    *pv_benefits = sign == SOCINV_BC_SAVINGS_NEGATIVE ? -pb : pb;
    *pv_costs = pc;
    return SOCINV_OK;
}

socinv_status socinv_bcr(const double *benefits, size_t nb, const double *costs, size_t nc,
                         const socinv_schedule *s, unsigned first_year, socinv_bc_sign sign,
                         double *ratio)
{
    double pb, pc;
    if (!ratio)
        return SOCINV_E_NULL;
    socinv_status st = socinv_pv_benefits_costs(benefits, nb, costs, nc, s, first_year, sign, &pb, &pc);
    if (st != SOCINV_OK)
        return st;
    if (pc <= 0.0)
        return SOCINV_E_DOMAIN;
    double r = pb / pc;
    if (!isfinite(r))
        return SOCINV_E_OVERFLOW;
    *ratio = r;
    return SOCINV_OK;
}

socinv_status socinv_net_roi(const double *benefits, size_t nb, const double *costs, size_t nc,
                             const socinv_schedule *s, unsigned first_year, socinv_bc_sign sign,
                             double *roi)
{
    double bcr;
    if (!roi)
        return SOCINV_E_NULL;
    socinv_status st = socinv_bcr(benefits, nb, costs, nc, s, first_year, sign, &bcr);
    if (st == SOCINV_OK)
        *roi = bcr - 1.0;
    return st;
}

socinv_status socinv_switching_value(const double *benefits, size_t nb, const double *costs,
                                     size_t nc, const socinv_schedule *s, unsigned first_year,
                                     socinv_bc_sign sign, double *share)
{
    double pb, pc;
    if (!share)
        return SOCINV_E_NULL;
    socinv_status st = socinv_pv_benefits_costs(benefits, nb, costs, nc, s, first_year, sign, &pb, &pc);
    if (st != SOCINV_OK)
        return st;
    if (pb <= 0.0)
        return SOCINV_E_DOMAIN;
    double v = 1.0 - pc / pb;
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *share = v;
    return SOCINV_OK;
}
