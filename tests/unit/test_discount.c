/* Discounting: the named schedules (DK2021, DK2013, UK2022, UK2022HEALTH), flat
 * and user band schedules, discount factors, NPV with first_year 0 and 1, and the
 * benefit/cost family (PV, BCR, net ROI, switching value) under both sign
 * conventions. Expected values are worked out by hand (or, for long products, in a
 * separate calculation whose closed form is written in the comment). */
#include "test_util.h"

static socinv_schedule named(const char *name)
{
    socinv_schedule s;
    assert_ok(socinv_schedule_named(name, strlen(name), &s));
    return s;
}

static double df(const socinv_schedule *s, unsigned year)
{
    double v = -1;
    assert_ok(socinv_discount_factor(s, year, &v));
    return v;
}

/* Seed 001 ('1.1 Forslagets samlede økonomiske konsekvenser', 2018-2021, 1.000 kr.):
 * 'Samlet varig ændring' (benefits, savings negative), 'Samlede implementerings-
 * omkostninger' (costs) and 'Samlet økonomisk påvirkning' (net). */
static const double seed001_benefits[] = {0, -1217, -1631, -504};
static const double seed001_benefits_pos[] = {0, 1217, 1631, 504};
static const double seed001_costs[] = {1511, 87, 80, 0};
static const double seed001_net[] = {1511, -1130, -1551, -504};

/* ---- happy path: named schedules ------------------------------------------------- */

/* A named schedule as published: its bands, words its source must name, and discount
 * factors at band edges (worked out by hand, or for long products from the closed form
 * in the comment). */
typedef struct {
    unsigned year;
    double df, tol;
} factor;

typedef struct {
    const char *name;
    const char *source_words[6]; /* up to the first NULL */
    size_t nbands;
    unsigned from[6];
    double rate[6];
    factor factors[12]; /* up to the first year 0 */
} named_case;

static const named_case named_cases[] = {
    /* DK2021 reproduces the catalogue's factors: 3.5 % to year 35, 2.5 % to 70, 1.5 % after;
     * a dated Finansministeriet source */
    {"DK2021", {"Finansministeriet", "2021", "3.5 %", "2.5 %", "1.5 %"}, 3, {1, 36, 71}, {0.035, 0.025, 0.015},
     {/* 1/1.035 = 0.966184; 1.035^-10 = 0.708919; 1.035^-35 = 0.299977 */
      {1, 0.966184, 5e-7}, {10, 0.708919, 5e-7}, {35, 0.299977, 5e-7},
      /* year 36 is the first at 2.5 %: 0.299977 / 1.025 = 0.292660 */
      {36, 0.292660, 5e-7},
      /* 1.035^-35 * 1.025^-35 = 0.126402; year 71 at 1.5 %: 0.126402 / 1.015 = 0.124534 */
      {70, 0.126402, 5e-7}, {71, 0.124534, 5e-7},
      /* year 72: 1.035^-35 * 1.025^-35 * 1.015^-2 = 0.122693 */
      {72, 0.126401570 / (1.015 * 1.015), 1e-9}}},
    /* DK2013: 4 % / 3 % / 2 % on the same bands as DK2021, source May 2013 */
    {"DK2013", {"Finansministeriet", "2013"}, 3, {1, 36, 71}, {0.04, 0.03, 0.02},
     {/* 1.04^-35 = 0.253415471; / 1.03 = 0.246034438 */
      {35, 0.253415471, 1e-9}, {36, 0.246034438, 1e-9},
      /* 1.04^-35 * 1.03^-35 = 0.090059651; / 1.02 = 0.088293776 */
      {70, 0.090059651, 1e-9}, {71, 0.088293776, 1e-9}}},
    /* UK2022 (Green Book): 3.5 % 1-30, 3.0 % 31-75, 2.5 % 76-125, 2.0 % 126-200, 1.5 % 201-300, 1.0 % after */
    {"UK2022", {"Green Book", "2022"}, 6, {1, 31, 76, 126, 201, 301}, {0.035, 0.03, 0.025, 0.02, 0.015, 0.01},
     {/* catalogue: 1.035^-30 = 0.356278; / 1.03 = 0.345901 */
      {30, 0.356278, 5e-7}, {31, 0.345901, 5e-7},
      /* each band edge, d(t) = previous product (closed forms evaluated separately):
       * 75: 1.035^-30 1.03^-45 = 0.094213773     76: / 1.025 = 0.091915876
       * 125: ... 1.025^-50 = 0.027410763        126: / 1.02 = 0.026873297
       * 200: ... 1.02^-75 = 0.006207379         201: / 1.015 = 0.006115644
       * 300: ... 1.015^-100 = 0.001400567       301: / 1.01 = 0.001386700 */
      {75, 0.094213773, 1e-9}, {76, 0.091915876, 1e-9}, {125, 0.027410763, 1e-9}, {126, 0.026873297, 1e-9},
      {200, 0.006207379, 1e-9}, {201, 0.006115644, 1e-9}, {300, 0.001400567, 1e-9}, {301, 0.001386700, 1e-9}}},
    /* UK2022HEALTH: 1.5/1.29/1.07/0.86/0.64/0.43 % on the Green Book bands */
    {"UK2022HEALTH", {"Green Book", "health"}, 6, {1, 31, 76, 126, 201, 301},
     {0.015, 0.0129, 0.0107, 0.0086, 0.0064, 0.0043},
     {/* 1.015^-30 = 0.639762430; / 1.0129 = 0.631614602
       * 75: 1.015^-30 1.0129^-45 = 0.359354454; 76: / 1.0107 = 0.355550068
       * 301: ... 1.0107^-50 1.0086^-75 1.0064^-100 / 1.0043 = 0.058419951 */
      {30, 0.639762430, 1e-9}, {31, 0.631614602, 1e-9}, {75, 0.359354454, 1e-9}, {76, 0.355550068, 1e-9},
      {300, 0.058671157, 1e-9}, {301, 0.058419951, 1e-9}}},
};

static void check_named(const named_case *c)
{
    socinv_schedule s = named(c->name);
    assert_string_equal(s.name, c->name);
    assert_non_null(s.source);
    for (size_t w = 0; w < N_OF(c->source_words) && c->source_words[w]; w++)
        assert_non_null(strstr(s.source, c->source_words[w]));
    assert_int_equal(s.nbands, c->nbands);
    for (size_t b = 0; b < c->nbands; b++) {
        assert_int_equal(s.band[b].from_year, c->from[b]);
        assert_close(s.band[b].rate, c->rate[b], 0);
    }
    for (size_t f = 0; f < N_OF(c->factors) && c->factors[f].year; f++) {
        char what[48];
        snprintf(what, sizeof what, "%s DF(%u)", c->name, c->factors[f].year);
        assert_close_row(df(&s, c->factors[f].year), c->factors[f].df, c->factors[f].tol, what);
    }
}

static void test_named_schedules(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(named_cases); i++)
        check_named(&named_cases[i]);
    /* DK2013's first factor is exactly 1/1.04 */
    socinv_schedule s = named("DK2013");
    assert_close(1 / df(&s, 1), 1.04, 1e-12);
}

/** socinv_schedule_default() is the schedule SOCINV_SCHEDULE_DEFAULT names, in place:
 * DK2021's three bands 3.5 % from year 1, 2.5 % from 36, 1.5 % from 71, the same as
 * socinv_schedule_named's copy, and the same object on every call. */
static void test_default_schedule(void **state)
{
    (void)state;
    const socinv_schedule *d = socinv_schedule_default();
    assert_string_equal(d->name, SOCINV_SCHEDULE_DEFAULT);
    socinv_schedule s = named(SOCINV_SCHEDULE_DEFAULT);
    assert_int_equal(d->nbands, 3);
    assert_int_equal(d->nbands, s.nbands);
    const unsigned from[] = {1, 36, 71};
    const double rate[] = {0.035, 0.025, 0.015};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(d->band[i].from_year, from[i]);
        assert_close(d->band[i].rate, rate[i], 0);
        assert_int_equal(s.band[i].from_year, from[i]);
        assert_close(s.band[i].rate, rate[i], 0);
    }
    assert_ptr_equal(socinv_schedule_default(), d);
}

/** Names are case-insensitive, only `len` bytes are read, and out->name is the canonical name. */
static void test_named_case_insensitive(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_named("dk2021", 6, &s));
    assert_string_equal(s.name, "DK2021");
    assert_ok(socinv_schedule_named("Uk2022Health", 12, &s));
    assert_string_equal(s.name, "UK2022HEALTH");
    /* a Calc cell's text is not NUL-terminated: the first 6 bytes name DK2013 */
    assert_ok(socinv_schedule_named("DK2013 and more", 6, &s));
    assert_string_equal(s.name, "DK2013");
    /* "UK2022HEALTH" cut to 6 bytes is UK2022 */
    assert_ok(socinv_schedule_named("UK2022HEALTH", 6, &s));
    assert_string_equal(s.name, "UK2022");
    assert_int_equal(s.nbands, 6);
    assert_close(s.band[0].rate, 0.035, 0);
}

/* ---- happy path: flat and user schedules ------------------------------------------ */

/** A flat 4 %: DF(2) = 1/1.04^2 = 1/1.0816 = 0.924556; every year's rate 0.04; name FLAT. */
static void test_flat_schedule(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.04, &s));
    assert_string_equal(s.name, "FLAT");
    assert_non_null(s.source);
    assert_close(df(&s, 2), 1 / 1.0816, 1e-12);
    assert_close(df(&s, 2), 0.924556, 5e-7);
    assert_close(socinv_schedule_rate(&s, 1), 0.04, 0);
    assert_close(socinv_schedule_rate(&s, 500), 0.04, 0);
    /* 0 %: every factor is 1 */
    assert_ok(socinv_schedule_flat(0.0, &s));
    assert_close(df(&s, 250), 1.0, 0);
}

/** User bands 5 % from year 1, 2 % from year 11: DF(10) = 1.05^-10 = 0.613913254,
 * DF(12) = 0.613913254 / 1.02^2 = 0.590074254. */
static void test_user_bands(void **state)
{
    (void)state;
    const double from[] = {1, 11}, rates[] = {0.05, 0.02};
    socinv_schedule s;
    assert_ok(socinv_schedule_bands(from, rates, 2, &s));
    assert_string_equal(s.name, "USER");
    assert_non_null(s.source);
    assert_int_equal(s.nbands, 2);
    assert_int_equal(s.band[1].from_year, 11);
    assert_close(df(&s, 10), 0.613913254, 1e-9);
    assert_close(df(&s, 11), 0.613913254 / 1.02, 1e-9);
    assert_close(df(&s, 12), 0.590074254, 1e-9);
    assert_close(socinv_schedule_rate(&s, 10), 0.05, 0);
    assert_close(socinv_schedule_rate(&s, 11), 0.02, 0);
}

/* ---- happy path: NPV ------------------------------------------------------------ */

/** Seed 001 net row at DK2021, first value today: 1511 - 1130/1.035 - 1551/1.035^2
 * - 504/1.035^3 = 1511 - 1091.787 - 1447.875 - 454.579 = -1483.241660. */
static void test_npv_first_year_0(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    double v = 0;
    assert_ok(socinv_npv(seed001_net, 4, &s, 0, &v));
    assert_close(v, -1483.24166, 1e-5);
}

/** first_year 1 discounts the first value a year (spreadsheet NPV): 001 at DK2021 is
 * -1483.241660 / 1.035 = -1433.083729; NPV(10 %; 100; 100) = 100/1.1 + 100/1.21 = 173.553719,
 * while first_year 0 gives 100 + 100/1.1 = 190.909091. */
static void test_npv_first_year_1(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    double v = 0;
    assert_ok(socinv_npv(seed001_net, 4, &s, 1, &v));
    assert_close(v, -1433.083729, 1e-6);
    const double two[] = {100, 100};
    assert_ok(socinv_schedule_flat(0.10, &s));
    assert_ok(socinv_npv(two, 2, &s, 1, &v));
    assert_close(v, 100 / 1.1 + 100 / 1.21, 1e-9);
    assert_close(v, 173.553719, 1e-6);
    assert_ok(socinv_npv(two, 2, &s, 0, &v));
    assert_close(v, 190.909091, 1e-6);
}

/** The result keeps the values' sign: a single saving of -1000 in year 2 at 4 %
 * is -1000/1.0816 = -924.556213. */
static void test_npv_keeps_sign(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.04, &s));
    const double v3[] = {0, 0, -1000};
    double v = 0;
    assert_ok(socinv_npv(v3, 3, &s, 0, &v));
    assert_close(v, -924.556213, 1e-6);
}

/** NPV across a band edge: 40 values of 1 at DK2021 from year 0:
 * sum_{t=0..35} 1.035^-t + 1.035^-35 (1.025^-1 + ... + 1.025^-4)
 * = (1 - 1.035^-36)/(1 - 1/1.035) + 0.299977 * 3.761974 = 21.000661 + 1.128505 = 22.129166. */
static void test_npv_across_band(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    double ones[40], v = 0;
    for (size_t i = 0; i < 40; i++)
        ones[i] = 1;
    /* geometric part: (1 - 1.035^-36) / (1 - 1/1.035) */
    double head = (1 - pow(1.035, -36)) / (1 - 1 / 1.035);
    /* 2.5 % part: DF(35) * sum_{k=1..4} 1.025^-k */
    double tail = pow(1.035, -35) * (1 / 1.025 + pow(1.025, -2) + pow(1.025, -3) + pow(1.025, -4));
    assert_close(head + tail, 22.129166, 1e-6);
    assert_ok(socinv_npv(ones, 40, &s, 0, &v));
    assert_close(v, head + tail, 1e-9);
}

/* ---- happy path: benefits and costs ------------------------------------------------ */

/* 001 at DK2021, first value today:
 * PV(benefits) = 1217/1.035 + 1631/1.035^2 + 504/1.035^3 = 1175.845 + 1522.556 + 454.579 = 3152.980487
 * PV(costs)    = 1511 + 87/1.035 + 80/1.035^2 + 0 = 1511 + 84.058 + 74.681 = 1669.738827 */
#define PVB001 3152.980487
#define PVC001 1669.738827

/* Seed 001's benefits as each sign convention enters them: the seed's sign (savings
 * negative) and the Green Book's (both positive). */
static const struct {
    const double *benefits;
    socinv_bc_sign sign;
} seed001_conventions[] = {
    {seed001_benefits, SOCINV_BC_SAVINGS_NEGATIVE},
    {seed001_benefits_pos, SOCINV_BC_BOTH_POSITIVE},
};

/** Both conventions give the same two PVs (benefits entered negative come out positive). */
static void test_pv_benefits_costs(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(seed001_conventions); i++) {
        socinv_schedule s = named("DK2021");
        double pb = 0, pc = 0;
        assert_ok(socinv_pv_benefits_costs(seed001_conventions[i].benefits, 4, seed001_costs, 4, &s, 0,
                                           seed001_conventions[i].sign, &pb, &pc));
        assert_close(pb, PVB001, 1e-6);
        assert_close(pc, PVC001, 1e-6);
    }
}

typedef socinv_status (*bc_fn)(const double *, size_t, const double *, size_t, const socinv_schedule *,
                               unsigned, socinv_bc_sign, double *);

/* A ratio of seed 001's PVs: its closed form and the value it rounds to, the same in both
 * sign conventions. */
static const struct {
    bc_fn fn;
    double exact, rounded;
    const char *what;
} seed001_ratios[] = {
    {socinv_bcr, PVB001 / PVC001, 1.888308, "BCR = 3152.980487 / 1669.738827 = 1.888308"},
    {socinv_net_roi, (PVB001 - PVC001) / PVC001, 0.888308,
     "net ROI = (PVb - PVc)/PVc = (3152.980487 - 1669.738827)/1669.738827 = 0.888308"},
    {socinv_switching_value, 1 - PVC001 / PVB001, 0.470425,
     "switching value = 1 - PVc/PVb = 1 - 1669.738827/3152.980487 = 0.470425"},
};

static void test_seed001_ratios(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_OF(seed001_ratios); i++) {
        socinv_schedule s = named("DK2021");
        for (size_t k = 0; k < N_OF(seed001_conventions); k++) {
            double r = 0;
            assert_ok(seed001_ratios[i].fn(seed001_conventions[k].benefits, 4, seed001_costs, 4, &s, 0,
                                           seed001_conventions[k].sign, &r));
            if (k == 0) /* the closed form, checked once */
                assert_close_row(r, seed001_ratios[i].exact, 1e-9, seed001_ratios[i].what);
            assert_close_row(r, seed001_ratios[i].rounded, 1e-6, seed001_ratios[i].what);
        }
    }
}

/** first_year 1 divides both PVs by 1.035 (all four years are in the 3.5 % band), so the ratio stays 1.888308. */
static void test_bcr_first_year_1(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    double pb = 0, pc = 0, r = 0;
    assert_ok(socinv_pv_benefits_costs(seed001_benefits, 4, seed001_costs, 4, &s, 1,
                                       SOCINV_BC_SAVINGS_NEGATIVE, &pb, &pc));
    assert_close(pb, PVB001 / 1.035, 1e-6);
    assert_close(pc, PVC001 / 1.035, 1e-6);
    assert_ok(socinv_bcr(seed001_benefits, 4, seed001_costs, 4, &s, 1, SOCINV_BC_SAVINGS_NEGATIVE, &r));
    assert_close(r, 1.888308, 1e-6);
}

/** Benefits and costs may cover different numbers of years: at 10 %, benefits
 * 0, 110, 121 -> 0 + 100 + 100 = 200; costs 150 (today) -> BCR 200/150 = 1.333333. */
static void test_benefits_costs_different_lengths(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.10, &s));
    const double b[] = {0, 110, 121}, c[] = {150};
    double r = 0;
    assert_ok(socinv_bcr(b, 3, c, 1, &s, 0, SOCINV_BC_BOTH_POSITIVE, &r));
    assert_close(r, 200.0 / 150.0, 1e-12);
}

/* ---- boundaries --------------------------------------------------------------------- */

/** Year 0 is today: DF(0) = 1 under every schedule. */
static void test_df_year0_is_one(void **state)
{
    (void)state;
    const char *names[] = {"DK2021", "DK2013", "UK2022", "UK2022HEALTH"};
    for (size_t i = 0; i < N_OF(names); i++) {
        socinv_schedule s = named(names[i]);
        assert_close(df(&s, 0), 1.0, 0);
    }
}

/** The rate of year t switches exactly at a band's first year. */
static void test_schedule_rate_band_edges(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    assert_close(socinv_schedule_rate(&s, 1), 0.035, 0);
    assert_close(socinv_schedule_rate(&s, 35), 0.035, 0);
    assert_close(socinv_schedule_rate(&s, 36), 0.025, 0);
    assert_close(socinv_schedule_rate(&s, 70), 0.025, 0);
    assert_close(socinv_schedule_rate(&s, 71), 0.015, 0);
    assert_close(socinv_schedule_rate(&s, 5000), 0.015, 0);
    s = named("UK2022");
    assert_close(socinv_schedule_rate(&s, 30), 0.035, 0);
    assert_close(socinv_schedule_rate(&s, 31), 0.03, 0);
    assert_close(socinv_schedule_rate(&s, 300), 0.015, 0);
    assert_close(socinv_schedule_rate(&s, 301), 0.01, 0);
}

/** Discount factors under a declining schedule fall every year (piecewise compounding). */
static void test_df_monotone(void **state)
{
    (void)state;
    const char *names[] = {"DK2021", "DK2013", "UK2022", "UK2022HEALTH"};
    for (size_t i = 0; i < N_OF(names); i++) {
        socinv_schedule s = named(names[i]);
        double prev = df(&s, 0);
        for (unsigned t = 1; t <= 400; t++) {
            double d = df(&s, t);
            assert_true(d < prev);
            prev = d;
        }
    }
}

/** A rate just above -100 % is allowed: -50 % doubles each year, DF(1) = 1/0.5 = 2. */
static void test_negative_rate_allowed(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(-0.5, &s));
    assert_close(df(&s, 1), 2.0, 0);
    assert_close(df(&s, 3), 8.0, 0);
}

/** Exactly SOCINV_SCHEDULE_MAX_BANDS (16) bands is fine: years 1..16, rate 1 % each -> DF(16) = 1.01^-16. */
static void test_sixteen_bands(void **state)
{
    (void)state;
    double from[SOCINV_SCHEDULE_MAX_BANDS], rates[SOCINV_SCHEDULE_MAX_BANDS];
    for (size_t i = 0; i < SOCINV_SCHEDULE_MAX_BANDS; i++) {
        from[i] = (double)(i + 1);
        rates[i] = 0.01;
    }
    socinv_schedule s;
    assert_ok(socinv_schedule_bands(from, rates, SOCINV_SCHEDULE_MAX_BANDS, &s));
    assert_int_equal(s.nbands, SOCINV_SCHEDULE_MAX_BANDS);
    assert_close(df(&s, 16), pow(1.01, -16), 1e-12);
}

/** A single band must start at year 1; {1}, {0.03} is a flat 3 %. */
static void test_one_band(void **state)
{
    (void)state;
    const double from[] = {1}, rates[] = {0.03};
    socinv_schedule s;
    assert_ok(socinv_schedule_bands(from, rates, 1, &s));
    assert_close(df(&s, 2), 1 / (1.03 * 1.03), 1e-12);
}

/** Costs above benefits: BCR below 1, net ROI negative, switching value negative.
 * At 0 %: benefits 100, costs 250 -> BCR 0.4, ROI -0.6, switching 1 - 250/100 = -1.5. */
static void test_costs_exceed_benefits(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.0, &s));
    const double b[] = {-100}, c[] = {250};
    double v = 0;
    assert_ok(socinv_bcr(b, 1, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v));
    assert_close(v, 0.4, 1e-15);
    assert_ok(socinv_net_roi(b, 1, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v));
    assert_close(v, -0.6, 1e-15);
    assert_ok(socinv_switching_value(b, 1, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v));
    assert_close(v, -1.5, 1e-15);
}

/** No benefits at all: BCR 0 and net ROI -1 are results; switching value has none (PVb <= 0). */
static void test_zero_benefits(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.04, &s));
    const double b[] = {0, 0}, c[] = {100};
    double v = 9;
    assert_ok(socinv_bcr(b, 2, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v));
    assert_close(v, 0.0, 0);
    assert_ok(socinv_net_roi(b, 2, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v));
    assert_close(v, -1.0, 0);
    v = 9;
    assert_status(socinv_switching_value(b, 2, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    assert_close(v, 9, 0);
}

/** A factor too large to represent is an overflow: at -99.9 % DF(t) = 1000^t, 1e306 at
 * t = 102 but 1e309 (> DBL_MAX) at t = 103. */
static void test_df_overflow(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(-0.999, &s));
    assert_close(df(&s, 102) / 1e306, 1.0, 1e-9);
    double v = 5;
    assert_status(socinv_discount_factor(&s, 103, &v), SOCINV_E_OVERFLOW);
}

/** An NPV whose sum leaves the doubles overflows: 1e308 + 1e308 at 0 %. */
static void test_npv_overflow(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.0, &s));
    const double huge[] = {1e308, 1e308};
    double v = 5;
    assert_status(socinv_npv(huge, 2, &s, 0, &v), SOCINV_E_OVERFLOW);
    assert_close(v, 5, 0);
}

/* ---- invalid input ------------------------------------------------------------------- */

/** Unknown or empty names are E_OPTION, NULL pointers E_NULL; out is untouched. */
static void test_named_invalid(void **state)
{
    (void)state;
    socinv_schedule s;
    memset(&s, 0x5a, sizeof s);
    socinv_schedule before = s;
    assert_status(socinv_schedule_named("DK2020", 6, &s), SOCINV_E_OPTION);
    assert_status(socinv_schedule_named("UK2022X", 7, &s), SOCINV_E_OPTION);
    assert_status(socinv_schedule_named("FLAT", 4, &s), SOCINV_E_OPTION);
    assert_status(socinv_schedule_named("", 0, &s), SOCINV_E_OPTION);
    assert_status(socinv_schedule_named("DK", 2, &s), SOCINV_E_OPTION);
    assert_status(socinv_schedule_named(NULL, 6, &s), SOCINV_E_NULL);
    assert_status(socinv_schedule_named("DK2021", 6, NULL), SOCINV_E_NULL);
    assert_memory_equal(&s, &before, sizeof s);
}

/** A flat rate of -100 % or below is E_RATE, NaN/Inf E_NONFINITE; out is untouched. */
static void test_flat_invalid(void **state)
{
    (void)state;
    socinv_schedule s;
    memset(&s, 0x5a, sizeof s);
    socinv_schedule before = s;
    assert_status(socinv_schedule_flat(-1.0, &s), SOCINV_E_RATE);
    assert_status(socinv_schedule_flat(-1.5, &s), SOCINV_E_RATE);
    assert_status(socinv_schedule_flat(NAN, &s), SOCINV_E_NONFINITE);
    assert_status(socinv_schedule_flat(INFINITY, &s), SOCINV_E_NONFINITE);
    assert_status(socinv_schedule_flat(-INFINITY, &s), SOCINV_E_NONFINITE);
    assert_status(socinv_schedule_flat(0.04, NULL), SOCINV_E_NULL);
    assert_memory_equal(&s, &before, sizeof s);
}

/** Bad band start years are E_DOMAIN, bad rates E_RATE, too many bands E_LENGTH. */
static void test_bands_invalid(void **state)
{
    (void)state;
    socinv_schedule s;
    memset(&s, 0x5a, sizeof s);
    socinv_schedule before = s;
    const double rates2[] = {0.05, 0.02};
    const double first2[] = {2, 11};     /* the first band must start at year 1 */
    const double zero[] = {0, 11};       /* years are >= 1 */
    const double same[] = {1, 1};        /* strictly increasing */
    const double down[] = {1, 36, 20};
    const double frac[] = {1, 10.5};     /* whole years */
    const double neg[] = {1, -5};
    const double ok2[] = {1, 11};
    const double rates3[] = {0.05, 0.03, 0.02};
    assert_status(socinv_schedule_bands(first2, rates2, 2, &s), SOCINV_E_DOMAIN);
    assert_status(socinv_schedule_bands(zero, rates2, 2, &s), SOCINV_E_DOMAIN);
    assert_status(socinv_schedule_bands(same, rates2, 2, &s), SOCINV_E_DOMAIN);
    assert_status(socinv_schedule_bands(down, rates3, 3, &s), SOCINV_E_DOMAIN);
    assert_status(socinv_schedule_bands(frac, rates2, 2, &s), SOCINV_E_DOMAIN);
    assert_status(socinv_schedule_bands(neg, rates2, 2, &s), SOCINV_E_DOMAIN);
    const double minus100[] = {0.05, -1.0}, below[] = {-2.0, 0.02};
    assert_status(socinv_schedule_bands(ok2, minus100, 2, &s), SOCINV_E_RATE);
    assert_status(socinv_schedule_bands(ok2, below, 2, &s), SOCINV_E_RATE);
    const double nanrate[] = {0.05, NAN}, infyear[] = {1, INFINITY}, ninf[] = {-INFINITY, 0.02};
    assert_status(socinv_schedule_bands(ok2, nanrate, 2, &s), SOCINV_E_NONFINITE);
    assert_status(socinv_schedule_bands(infyear, rates2, 2, &s), SOCINV_E_NONFINITE);
    assert_status(socinv_schedule_bands(ok2, ninf, 2, &s), SOCINV_E_NONFINITE);
    /* 17 valid bands */
    double from17[17], rates17[17];
    for (size_t i = 0; i < 17; i++) {
        from17[i] = (double)(i + 1);
        rates17[i] = 0.01;
    }
    assert_status(socinv_schedule_bands(from17, rates17, 17, &s), SOCINV_E_LENGTH);
    assert_status(socinv_schedule_bands(ok2, rates2, 0, &s), SOCINV_E_LENGTH);
    assert_status(socinv_schedule_bands(ok2, rates2, (size_t)-1, &s), SOCINV_E_LENGTH);
    assert_status(socinv_schedule_bands(NULL, rates2, 2, &s), SOCINV_E_NULL);
    assert_status(socinv_schedule_bands(ok2, NULL, 2, &s), SOCINV_E_NULL);
    assert_status(socinv_schedule_bands(ok2, rates2, 2, NULL), SOCINV_E_NULL);
    assert_memory_equal(&s, &before, sizeof s);
}

/** A hand-made schedule is validated: no bands, too many, NaN or -100 % rates; df untouched. */
static void test_discount_factor_invalid(void **state)
{
    (void)state;
    socinv_schedule s;
    double v = 7;
    assert_ok(socinv_schedule_flat(0.04, &s));
    assert_status(socinv_discount_factor(NULL, 1, &v), SOCINV_E_NULL);
    assert_status(socinv_discount_factor(&s, 1, NULL), SOCINV_E_NULL);
    s.nbands = 0;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_LENGTH);
    s.nbands = SOCINV_SCHEDULE_MAX_BANDS + 1;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_LENGTH);
    assert_ok(socinv_schedule_flat(0.04, &s));
    s.band[0].rate = NAN;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_NONFINITE);
    s.band[0].rate = INFINITY;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_NONFINITE);
    s.band[0].rate = -1.0;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_RATE);
    s.band[0].rate = -3.0;
    assert_status(socinv_discount_factor(&s, 1, &v), SOCINV_E_RATE);
    assert_close(v, 7, 0);
}

/** NPV: NULL, empty, "negative" length, NaN/Inf values, bad schedule, first_year 2. */
static void test_npv_invalid(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    const double v3[] = {1, 2, 3}, nanv[] = {1, NAN}, infv[] = {-INFINITY, 1};
    double v = 7;
    assert_status(socinv_npv(NULL, 3, &s, 0, &v), SOCINV_E_NULL);
    assert_status(socinv_npv(v3, 3, NULL, 0, &v), SOCINV_E_NULL);
    assert_status(socinv_npv(v3, 3, &s, 0, NULL), SOCINV_E_NULL);
    assert_status(socinv_npv(v3, 0, &s, 0, &v), SOCINV_E_LENGTH);
    assert_status(socinv_npv(v3, (size_t)-1, &s, 0, &v), SOCINV_E_LENGTH);
    assert_status(socinv_npv(nanv, 2, &s, 0, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_npv(infv, 2, &s, 0, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_npv(v3, 3, &s, 2, &v), SOCINV_E_DOMAIN); /* first_year is 0 or 1 */
    s.band[1].rate = -1.0;
    assert_status(socinv_npv(v3, 3, &s, 0, &v), SOCINV_E_RATE);
    s.nbands = 0;
    assert_status(socinv_npv(v3, 3, &s, 0, &v), SOCINV_E_LENGTH);
    assert_close(v, 7, 0);
}

/** BCR, net ROI and switching value reject each bad argument with its own status; out untouched. */
static void test_benefit_cost_invalid(void **state)
{
    (void)state;
    const bc_fn fns[] = {socinv_bcr, socinv_net_roi, socinv_switching_value};
    const double b[] = {0, -100}, c[] = {50, 0}, nanv[] = {NAN, 1}, infv[] = {1, INFINITY};
    for (size_t i = 0; i < N_OF(fns); i++) {
        socinv_schedule s = named("DK2021");
        const socinv_bc_sign neg = SOCINV_BC_SAVINGS_NEGATIVE;
        double v = 7;
        assert_status(fns[i](NULL, 2, c, 2, &s, 0, neg, &v), SOCINV_E_NULL);
        assert_status(fns[i](b, 2, NULL, 2, &s, 0, neg, &v), SOCINV_E_NULL);
        assert_status(fns[i](b, 2, c, 2, NULL, 0, neg, &v), SOCINV_E_NULL);
        assert_status(fns[i](b, 2, c, 2, &s, 0, neg, NULL), SOCINV_E_NULL);
        assert_status(fns[i](b, 0, c, 2, &s, 0, neg, &v), SOCINV_E_LENGTH);
        assert_status(fns[i](b, 2, c, 0, &s, 0, neg, &v), SOCINV_E_LENGTH);
        assert_status(fns[i](b, (size_t)-1, c, 2, &s, 0, neg, &v), SOCINV_E_LENGTH);
        assert_status(fns[i](b, 2, c, (size_t)-1, &s, 0, neg, &v), SOCINV_E_LENGTH);
        assert_status(fns[i](nanv, 2, c, 2, &s, 0, neg, &v), SOCINV_E_NONFINITE);
        assert_status(fns[i](b, 2, infv, 2, &s, 0, neg, &v), SOCINV_E_NONFINITE);
        assert_status(fns[i](b, 2, c, 2, &s, 2, neg, &v), SOCINV_E_DOMAIN);
        assert_status(fns[i](b, 2, c, 2, &s, 0, (socinv_bc_sign)0, &v), SOCINV_E_OPTION);
        assert_status(fns[i](b, 2, c, 2, &s, 0, (socinv_bc_sign)2, &v), SOCINV_E_OPTION);
        s.band[0].rate = -1.0;
        assert_status(fns[i](b, 2, c, 2, &s, 0, neg, &v), SOCINV_E_RATE);
        assert_close(v, 7, 0);
    }
}

/** pv_benefits_costs: each pointer and the sign option; both outputs untouched. */
static void test_pv_benefits_costs_invalid(void **state)
{
    (void)state;
    socinv_schedule s = named("DK2021");
    const double b[] = {0, -100}, c[] = {50, 0}, nanv[] = {NAN, 1};
    double pb = 7, pc = 8;
    const socinv_bc_sign neg = SOCINV_BC_SAVINGS_NEGATIVE;
    assert_status(socinv_pv_benefits_costs(b, 2, c, 2, &s, 0, neg, NULL, &pc), SOCINV_E_NULL);
    assert_status(socinv_pv_benefits_costs(b, 2, c, 2, &s, 0, neg, &pb, NULL), SOCINV_E_NULL);
    assert_status(socinv_pv_benefits_costs(NULL, 2, c, 2, &s, 0, neg, &pb, &pc), SOCINV_E_NULL);
    assert_status(socinv_pv_benefits_costs(b, 2, c, 2, NULL, 0, neg, &pb, &pc), SOCINV_E_NULL);
    assert_status(socinv_pv_benefits_costs(b, 0, c, 2, &s, 0, neg, &pb, &pc), SOCINV_E_LENGTH);
    assert_status(socinv_pv_benefits_costs(b, 2, c, (size_t)-1, &s, 0, neg, &pb, &pc), SOCINV_E_LENGTH);
    assert_status(socinv_pv_benefits_costs(b, 2, nanv, 2, &s, 0, neg, &pb, &pc), SOCINV_E_NONFINITE);
    assert_status(socinv_pv_benefits_costs(b, 2, c, 2, &s, 5, neg, &pb, &pc), SOCINV_E_DOMAIN);
    assert_status(socinv_pv_benefits_costs(b, 2, c, 2, &s, 0, (socinv_bc_sign)0, &pb, &pc), SOCINV_E_OPTION);
    /* which fault is told when both rows have one: the benefits' sum overflowing
     * (1E308 + 1E308 undiscounted in year 0 and 1.035^-1 x 1E308 after) comes before
     * the costs' NaN, as when the costs were only read after that sum; costs that
     * overflow with fine benefits are E_OVERFLOW too */
    const double huge[] = {1e308, 1e308};
    assert_status(socinv_pv_benefits_costs(huge, 2, nanv, 2, &s, 0, neg, &pb, &pc), SOCINV_E_OVERFLOW);
    assert_status(socinv_pv_benefits_costs(b, 2, nanv, 2, &s, 0, neg, &pb, &pc), SOCINV_E_NONFINITE);
    assert_status(socinv_pv_benefits_costs(b, 2, huge, 2, &s, 0, neg, &pb, &pc), SOCINV_E_OVERFLOW);
    assert_close(pb, 7, 0);
    assert_close(pc, 8, 0);
}

/** PV(costs) <= 0 has no ratio (BCR, net ROI: E_DOMAIN); PV(benefits) <= 0 has no switching value. */
static void test_benefit_cost_domain(void **state)
{
    (void)state;
    socinv_schedule s;
    assert_ok(socinv_schedule_flat(0.04, &s));
    const double b[] = {-100, -100}, zero[] = {0, 0}, negc[] = {-10};
    double v = 7;
    assert_status(socinv_bcr(b, 2, zero, 2, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    assert_status(socinv_bcr(b, 2, negc, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    assert_status(socinv_net_roi(b, 2, zero, 2, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    assert_status(socinv_net_roi(b, 2, negc, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    /* savings entered negative but declared BOTH_POSITIVE: PV(benefits) = -196.15 <= 0 */
    const double c[] = {50};
    assert_status(socinv_switching_value(b, 2, c, 1, &s, 0, SOCINV_BC_BOTH_POSITIVE, &v), SOCINV_E_DOMAIN);
    assert_status(socinv_switching_value(zero, 2, c, 1, &s, 0, SOCINV_BC_SAVINGS_NEGATIVE, &v), SOCINV_E_DOMAIN);
    assert_close(v, 7, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_named_schedules),
        cmocka_unit_test(test_default_schedule),
        cmocka_unit_test(test_named_case_insensitive),
        cmocka_unit_test(test_flat_schedule),
        cmocka_unit_test(test_user_bands),
        cmocka_unit_test(test_npv_first_year_0),
        cmocka_unit_test(test_npv_first_year_1),
        cmocka_unit_test(test_npv_keeps_sign),
        cmocka_unit_test(test_npv_across_band),
        cmocka_unit_test(test_pv_benefits_costs),
        cmocka_unit_test(test_seed001_ratios),
        cmocka_unit_test(test_bcr_first_year_1),
        cmocka_unit_test(test_benefits_costs_different_lengths),
        cmocka_unit_test(test_df_year0_is_one),
        cmocka_unit_test(test_schedule_rate_band_edges),
        cmocka_unit_test(test_df_monotone),
        cmocka_unit_test(test_negative_rate_allowed),
        cmocka_unit_test(test_sixteen_bands),
        cmocka_unit_test(test_one_band),
        cmocka_unit_test(test_costs_exceed_benefits),
        cmocka_unit_test(test_zero_benefits),
        cmocka_unit_test(test_df_overflow),
        cmocka_unit_test(test_npv_overflow),
        cmocka_unit_test(test_named_invalid),
        cmocka_unit_test(test_flat_invalid),
        cmocka_unit_test(test_bands_invalid),
        cmocka_unit_test(test_discount_factor_invalid),
        cmocka_unit_test(test_npv_invalid),
        cmocka_unit_test(test_benefit_cost_invalid),
        cmocka_unit_test(test_pv_benefits_costs_invalid),
        cmocka_unit_test(test_benefit_cost_domain),
    };
    return cmocka_run_group_tests_name("discount", tests, NULL, NULL);
}
