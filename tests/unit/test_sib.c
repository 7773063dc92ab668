/* Herning social impact investment (seed 000): capped, grouped, indexed payouts
 * (socinv_sib_payout) and the criterion helpers (fall, refund, price per case,
 * count value, uncovered payout). Every expected value is worked out by hand in the
 * comment next to it, from the caps in seed 000:
 *   criterion caps 5.58; 2; 3; 1; 1 mio. over the period, criteria 1-3 together at most
 *   2 mio. per year, 4-5 together at most 0.66 mio. per year, all together at most
 *   5.58 mio. over 2026-2028; amounts indexed for price and wage development. */
#include <stdlib.h>

#include "test_util.h"

#define NC 5
#define NY 3
#define CELLS (NC * NY)

static const double herning_crit_caps[NC] = {5.58, 2, 3, 1, 1};
static const unsigned herning_groups[NC] = {0, 0, 0, 1, 1};
static const double herning_group_caps[2] = {2, 0.66};

/* Every criterion earns 10 mio. each year: far above every cap. */
static const double unlimited[CELLS] = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};

/* The default input over `earned` (ncrit criteria x nyears years), nothing else set. */
static socinv_sib_input sib_input(const double *earned, size_t ncrit, size_t nyears)
{
    socinv_sib_input in = socinv_sib_input_default();
    in.earned = earned;
    in.ncrit = ncrit;
    in.nyears = nyears;
    return in;
}

/* Criterion c in group groups[c]; group g capped at caps[g] a year. */
static void sib_groups(socinv_sib_input *in, const unsigned *groups, const double *caps, size_t ngroups)
{
    in->groups = groups;
    in->group_caps = caps;
    in->ngroups = ngroups;
}

static socinv_sib_input herning(const double *earned)
{
    socinv_sib_input in = sib_input(earned, NC, NY);
    in.crit_caps = herning_crit_caps;
    sib_groups(&in, herning_groups, herning_group_caps, 2);
    in.total_cap = 5.58;
    return in;
}

typedef struct {
    double payout[CELLS], cut_criterion[CELLS], cut_group[CELLS], cut_total[CELLS];
} bufs;

static socinv_sib_result result_of(bufs *b)
{
    socinv_sib_result r = {b->payout, b->cut_criterion, b->cut_group, b->cut_total};
    return r;
}

static void fill(double *v, size_t n, double x)
{
    for (size_t i = 0; i < n; i++)
        v[i] = x;
}

static double sum(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

static void assert_row(const double *m, size_t row, size_t ny, const double *expected, double tol)
{
    for (size_t t = 0; t < ny; t++)
        assert_close(m[row * ny + t], expected[t], tol);
}

/* The payout of the Herning input `in` into b, which must succeed. */
static void pay(const socinv_sib_input *in, bufs *b)
{
    socinv_sib_result r = result_of(b);
    assert_ok(socinv_sib_payout(in, &r));
}

/* Every criterion's payout, year by year, as expected (criterion c in row c). */
static void assert_payout(const bufs *b, const double expected[NC][NY], double tol)
{
    for (size_t c = 0; c < NC; c++)
        assert_row(b->payout, c, NY, expected[c], tol);
}

/* Earned = payout + what each cap removed, in every cell. */
static void assert_cuts_add_up(const double *earned, const bufs *b, size_t cells)
{
    for (size_t i = 0; i < cells; i++) {
        double e = earned[i] > 0 ? earned[i] : 0;
        assert_close(b->payout[i] + b->cut_criterion[i] + b->cut_group[i] + b->cut_total[i], e, 1e-12);
    }
}

/* ---- happy path: Herning payouts ------------------------------------------------------ */

/** Caps that do not bind: 0.5/0.2/0.3/0.1/0.1 a year pays as earned. Group 1 takes
 * 1.0 <= 2 a year, group 2 0.2 <= 0.66, criterion 1 1.5 <= 5.58 ..., total 3 x 1.2 = 3.6 <= 5.58. */
static void test_payout_caps_do_not_bind(void **state)
{
    (void)state;
    const double earned[CELLS] = {0.5, 0.5, 0.5, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    socinv_sib_input in = herning(earned);
    bufs b;
    fill(b.cut_criterion, CELLS, 42);
    fill(b.cut_group, CELLS, 42);
    fill(b.cut_total, CELLS, 42);
    socinv_sib_result r = result_of(&b);
    assert_ok(socinv_sib_payout(&in, &r));
    for (size_t i = 0; i < CELLS; i++) {
        assert_close(b.payout[i], earned[i], 1e-15);
        assert_close(b.cut_criterion[i], 0, 0); /* every cut buffer is written, 0 where nothing was cut */
        assert_close(b.cut_group[i], 0, 0);
        assert_close(b.cut_total[i], 0, 0);
    }
    assert_close(sum(b.payout, CELLS), 3.6, 1e-12);
}

/** Unlimited earnings, pro rata. Each year criterion rooms cap first, then the groups,
 * then the total:
 *  year 1: rooms 5.58, 2, 3, 1, 1 (criterion cuts 4.42, 8, 7, 9, 9).
 *    group 1: 5.58 + 2 + 3 = 10.58 > 2 -> x 2/10.58: 1.054820, 0.378072, 0.567108
 *      (group cuts 4.525180, 1.621928, 2.432892); group 2: 1 + 1 = 2 > 0.66 -> 0.33 each (cuts 0.67).
 *    total room 5.58 >= 2.66: no cut.
 *  year 2: rooms 5.58 - 1.054820 = 4.525180, 2 - 0.378072 = 1.621928, 3 - 0.567108 = 2.432892
 *    (sum 8.58), 0.67, 0.67. Criterion cuts 10 - room: 5.474820, 8.378072, 7.567108, 9.33, 9.33.
 *    group 1: 8.58 x 2/8.58 -> again 1.054820, 0.378072, 0.567108 (cuts 3.470359, 1.243856, 1.865784);
 *    group 2: 1.34 -> 0.33 each (cuts 0.34). Total room 5.58 - 2.66 = 2.92 >= 2.66: no cut.
 *  year 3: rooms 3.470359, 1.243856, 1.865784 (sum 6.58), 0.34, 0.34; criterion cuts
 *    6.529641, 8.756144, 8.134216, 9.66, 9.66. group 1 -> 1.054820, 0.378072, 0.567108
 *    (cuts 2.415539, 0.865784, 1.298677); group 2: 0.68 -> 0.33 each (cuts 0.01).
 *    Total room 5.58 - 5.32 = 0.26 < 2.66: everything x 0.26/2.66 = 0.097744:
 *    1.054820 -> 0.103103, 0.378072 -> 0.036954, 0.567108 -> 0.055432, 0.33 -> 0.032256;
 *    total cuts 0.951718, 0.341117, 0.511676, 0.297744, 0.297744.
 *  Sum 2.66 + 2.66 + 0.26 = 5.58 exactly. */
static void test_payout_unlimited_prorata(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    bufs b;
    pay(&in, &b);
    const double tol = 1e-6;
    const double paid[NC][NY] = {{1.054820, 1.054820, 0.103103}, {0.378072, 0.378072, 0.036954},
                                 {0.567108, 0.567108, 0.055432}, {0.33, 0.33, 0.032256}, {0.33, 0.33, 0.032256}};
    assert_payout(&b, paid, tol);
    /* year 1 exactly 2 x (5.58, 2, 3)/10.58 */
    assert_close(b.payout[0], 2 * 5.58 / 10.58, 1e-12);
    assert_close(b.payout[NY], 2 * 2 / 10.58, 1e-12);
    assert_close(b.payout[2 * NY], 2 * 3 / 10.58, 1e-12);
    assert_close(sum(b.payout, CELLS), 5.58, 1e-12);

    const double cc1[] = {4.42, 5.474820, 6.529641}, cc2[] = {8, 8.378072, 8.756144},
                 cc3[] = {7, 7.567108, 8.134216}, cc45[] = {9, 9.33, 9.66};
    assert_row(b.cut_criterion, 0, NY, cc1, tol);
    assert_row(b.cut_criterion, 1, NY, cc2, tol);
    assert_row(b.cut_criterion, 2, NY, cc3, tol);
    assert_row(b.cut_criterion, 3, NY, cc45, tol);
    assert_row(b.cut_criterion, 4, NY, cc45, tol);

    const double cg1[] = {4.525180, 3.470359, 2.415539}, cg2[] = {1.621928, 1.243856, 0.865784},
                 cg3[] = {2.432892, 1.865784, 1.298677}, cg45[] = {0.67, 0.34, 0.01};
    assert_row(b.cut_group, 0, NY, cg1, tol);
    assert_row(b.cut_group, 1, NY, cg2, tol);
    assert_row(b.cut_group, 2, NY, cg3, tol);
    assert_row(b.cut_group, 3, NY, cg45, tol);
    assert_row(b.cut_group, 4, NY, cg45, tol);

    const double ct1[] = {0, 0, 0.951718}, ct2[] = {0, 0, 0.341117}, ct3[] = {0, 0, 0.511676},
                 ct45[] = {0, 0, 0.297744};
    assert_row(b.cut_total, 0, NY, ct1, tol);
    assert_row(b.cut_total, 1, NY, ct2, tol);
    assert_row(b.cut_total, 2, NY, ct3, tol);
    assert_row(b.cut_total, 3, NY, ct45, tol);
    assert_row(b.cut_total, 4, NY, ct45, tol);
    assert_cuts_add_up(unlimited, &b, CELLS);
}

/** Unlimited earnings, "order": a binding cap is filled criterion by criterion.
 *  year 1: rooms 5.58, 2, 3, 1, 1. group 1 (cap 2): c1 takes 2, c2 0, c3 0;
 *    group 2 (0.66): c4 0.66, c5 0. Paid 2.66.
 *  year 2: rooms 3.58, 2, 3, 0.34, 1. group 1: c1 2; group 2: c4 0.34, c5 0.32. Paid 2.66 (room 2.92).
 *  year 3: rooms 1.58, 2, 3, 0, 0.68. group 1: c1 1.58, c2 0.42, c3 0; group 2: c5 0.66.
 *    Year sum 2.66 > total room 5.58 - 5.32 = 0.26: c1 takes 0.26, the rest 0.
 *  Per criterion: 4.26, 0, 0, 1.00, 0.32 = 5.58. */
static void test_payout_unlimited_order(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    in.allocation = SOCINV_SIB_ORDER;
    bufs b;
    pay(&in, &b);
    const double tol = 1e-12;
    const double paid[NC][NY] = {{2, 2, 0.26}, {0, 0, 0}, {0, 0, 0}, {0.66, 0.34, 0}, {0, 0.32, 0}};
    assert_payout(&b, paid, tol);
    assert_close(sum(b.payout, CELLS), 5.58, 1e-12);
    /* year 3 cuts: group cut c2 = room 2 - 0.42 = 1.58; total cuts c1 1.58 - 0.26 = 1.32,
     * c2 0.42, c5 0.66 */
    assert_close(b.cut_group[1 * NY + 2], 1.58, tol);
    assert_close(b.cut_total[0 * NY + 2], 1.32, tol);
    assert_close(b.cut_total[1 * NY + 2], 0.42, tol);
    assert_close(b.cut_total[4 * NY + 2], 0.66, tol);
    /* year 2 criterion cut of c4: 10 - (1 - 0.66) = 9.66 */
    assert_close(b.cut_criterion[3 * NY + 1], 9.66, tol);
    assert_cuts_add_up(unlimited, &b, CELLS);
}

/** A period criterion cap binds across years: cap 2, earned 1.5 a year -> 1.5, 0.5, 0
 * (criterion cuts 0, 1, 1.5). */
static void test_payout_criterion_cap_period(void **state)
{
    (void)state;
    const double earned[] = {1.5, 1.5, 1.5}, cap[] = {2};
    socinv_sib_input in = sib_input(earned, 1, 3);
    in.crit_caps = cap;
    double p[3], cc[3];
    socinv_sib_result r = {p, cc, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    const double ep[] = {1.5, 0.5, 0}, ec[] = {0, 1, 1.5};
    assert_row(p, 0, 3, ep, 1e-15);
    assert_row(cc, 0, 3, ec, 1e-15);
}

/** crit_caps_annual: cap 1 per year, earned 1.5, 0.5, 2 -> 1, 0.5, 1 (cuts 0.5, 0, 1);
 * the same cap over the period pays 1, 0, 0 (cuts 0.5, 0.5, 2). */
static void test_payout_criterion_caps_annual(void **state)
{
    (void)state;
    const double earned[] = {1.5, 0.5, 2}, cap[] = {1};
    socinv_sib_input in = sib_input(earned, 1, 3);
    in.crit_caps = cap;
    in.crit_caps_annual = 1;
    double p[3], cc[3];
    socinv_sib_result r = {p, cc, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    const double ap[] = {1, 0.5, 1}, ac[] = {0.5, 0, 1};
    assert_row(p, 0, 3, ap, 1e-15);
    assert_row(cc, 0, 3, ac, 1e-15);
    in.crit_caps_annual = 0;
    assert_ok(socinv_sib_payout(&in, &r));
    const double pp[] = {1, 0, 0}, pc[] = {0.5, 0.5, 2};
    assert_row(p, 0, 3, pp, 1e-15);
    assert_row(cc, 0, 3, pc, 1e-15);
}

/** Carry-over of unused group room. One group (cap 2 a year) of two criteria, earned
 * c1: 0.5, 3, 3 and c2: 0, 0, 1.
 *  no carry: y1 0.5; y2 3 > 2 -> 2 (cut 1); y3 4 > 2 -> 2 x 3/4 = 1.5, 2 x 1/4 = 0.5.
 *  carry:    y1 0.5 (1.5 unused); y2 room 2 + 1.5 = 3.5 >= 3 -> 3; y3 room 6 - 3.5 = 2.5 < 4
 *            -> 2.5 x 3/4 = 1.875 and 0.625 (cuts 1.125, 0.375). Total 6 = 3 x 2. */
static void test_payout_group_carry(void **state)
{
    (void)state;
    const double earned[] = {0.5, 3, 3, 0, 0, 1};
    const unsigned groups[] = {0, 0};
    const double gcap[] = {2};
    socinv_sib_input in = sib_input(earned, 2, 3);
    sib_groups(&in, groups, gcap, 1);
    double p[6], cg[6];
    socinv_sib_result r = {p, NULL, cg, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    const double n1[] = {0.5, 2, 1.5}, n2[] = {0, 0, 0.5}, nc1[] = {0, 1, 1.5};
    assert_row(p, 0, 3, n1, 1e-12);
    assert_row(p, 1, 3, n2, 1e-12);
    assert_row(cg, 0, 3, nc1, 1e-12);
    in.carry = 1;
    assert_ok(socinv_sib_payout(&in, &r));
    const double c1[] = {0.5, 3, 1.875}, c2[] = {0, 0, 0.625}, cc1[] = {0, 0, 1.125}, cc2[] = {0, 0, 0.375};
    assert_row(p, 0, 3, c1, 1e-12);
    assert_row(p, 1, 3, c2, 1e-12);
    assert_row(cg, 0, 3, cc1, 1e-12);
    assert_row(cg, 1, 3, cc2, 1e-12);
    assert_close(sum(p, 6), 6.0, 1e-12);
}

/** Carry in Herning with "order": year 1 leaves group 1 room unused (earned 0.5 + 0 + 0),
 * year 2 earns 3 on criterion 1: without carry 2, with carry 2 + 1.5 = 3.5 room -> 3. */
static void test_payout_herning_carry_order(void **state)
{
    (void)state;
    const double earned[CELLS] = {0.5, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    socinv_sib_input in = herning(earned);
    in.allocation = SOCINV_SIB_ORDER;
    bufs b;
    socinv_sib_result r = result_of(&b);
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(b.payout[1], 2, 1e-12);
    assert_close(b.cut_group[1], 1, 1e-12);
    in.carry = 1;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(b.payout[1], 3, 1e-12);
    assert_close(b.cut_group[1], 0, 1e-12);
}

/** A criterion with no group escapes the group caps but not the total: groups {0, none},
 * group cap 1, earned 5 and 5 -> 1 (group cut 4) and 5; with total cap 4 (pro rata)
 * 6 -> x 4/6: 0.666667 and 3.333333. */
static void test_payout_no_group(void **state)
{
    (void)state;
    const double earned[] = {5, 5};
    const unsigned groups[] = {0, SOCINV_SIB_NO_GROUP};
    const double gcap[] = {1};
    socinv_sib_input in = sib_input(earned, 2, 1);
    sib_groups(&in, groups, gcap, 1);
    double p[2], cg[2], ct[2];
    socinv_sib_result r = {p, NULL, cg, ct};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 1, 0);
    assert_close(p[1], 5, 0);
    assert_close(cg[0], 4, 0);
    assert_close(cg[1], 0, 0);
    in.total_cap = 4;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 4.0 / 6.0, 1e-12);
    assert_close(p[1], 20.0 / 6.0, 1e-12);
    assert_close(ct[0], 1.0 / 3.0, 1e-12);
    assert_close(ct[1], 5.0 - 20.0 / 6.0, 1e-12);
}

/** Index factors: caps are counted in base prices, payouts and cuts reported in current
 * prices. Earned 3 a year (base), total cap 5, index 1, 1.02, 1.0404:
 *  base payouts 3, 2, 0 (total cuts 0, 1, 3) -> current 3, 2.04, 0 and cuts 0, 1.02, 3.1212.
 *  (Counting the cap in current prices would have paid 5 - 3 = 2 current = 1.96 base in year 2.) */
static void test_payout_index_current_prices(void **state)
{
    (void)state;
    const double earned[] = {3, 3, 3}, index[] = {1, 1.02, 1.0404};
    socinv_sib_input in = sib_input(earned, 1, 3);
    in.total_cap = 5;
    in.index = index;
    double p[3], ct[3];
    socinv_sib_result r = {p, NULL, NULL, ct};
    assert_ok(socinv_sib_payout(&in, &r));
    const double ep[] = {3, 2.04, 0}, ec[] = {0, 1.02, 3.1212};
    assert_row(p, 0, 3, ep, 1e-12);
    assert_row(ct, 0, 3, ec, 1e-12);
    /* the same through a period criterion cap of 5 */
    const double cap[] = {5};
    in.total_cap = -1;
    in.crit_caps = cap;
    double cc[3];
    socinv_sib_result r2 = {p, cc, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r2));
    assert_row(p, 0, 3, ep, 1e-12);
    assert_row(cc, 0, 3, ec, 1e-12);
}

/** Herning unlimited with index 1, 1.02, 1.0404: the base-price payouts are the pro rata
 * ones (2.66, 2.66, 0.26 a year = 5.58), so current prices pay
 * 2.66 + 2.66 x 1.02 + 0.26 x 1.0404 = 2.66 + 2.7132 + 0.270504 = 5.643704;
 * criterion 1 year 3: 0.103103 x 1.0404 = 0.107268, its total cut 0.951718 x 1.0404 = 0.990167. */
static void test_payout_herning_indexed(void **state)
{
    (void)state;
    const double index[NY] = {1, 1.02, 1.0404};
    socinv_sib_input in = herning(unlimited);
    in.index = index;
    bufs b;
    socinv_sib_result r = result_of(&b);
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(sum(b.payout, CELLS), 5.643704, 1e-9);
    assert_close(b.payout[0 * NY + 1], 2 * 5.58 / 10.58 * 1.02, 1e-12);
    assert_close(b.payout[3 * NY + 1], 0.33 * 1.02, 1e-12);
    assert_close(b.payout[0 * NY + 2], 0.107268, 1e-6);
    assert_close(b.cut_total[0 * NY + 2], 0.990167, 1e-6);
    /* year-2 criterion cut of c4 in current prices: 9.33 x 1.02 = 9.5166 */
    assert_close(b.cut_criterion[3 * NY + 1], 9.5166, 1e-12);
    /* cuts + payout = earned x index in every cell */
    for (size_t c = 0; c < NC; c++)
        for (size_t t = 0; t < NY; t++) {
            size_t i = c * NY + t;
            assert_close(b.payout[i] + b.cut_criterion[i] + b.cut_group[i] + b.cut_total[i], 10 * index[t], 1e-12);
        }
}

/** A negative earned amount pays 0 and does not offset others: earned -3 and 4 in one
 * year, total cap 2 -> 0 and 2 (were -3 counted, 1 <= 2 would leave 4 uncut). */
static void test_payout_negative_earned(void **state)
{
    (void)state;
    const double earned[] = {-3, 4};
    socinv_sib_input in = sib_input(earned, 2, 1);
    in.total_cap = 2;
    double p[2], ct[2];
    socinv_sib_result r = {p, NULL, NULL, ct};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(p[1], 2, 1e-15);
    assert_close(ct[0], 0, 0);
    assert_close(ct[1], 2, 1e-15);
}

/** Total cap alone, one year, earned 3 and 3, cap 4: pro rata 2 and 2; order 3 and 1. */
static void test_payout_total_cap_allocation(void **state)
{
    (void)state;
    const double earned[] = {3, 3};
    socinv_sib_input in = sib_input(earned, 2, 1);
    in.total_cap = 4;
    double p[2];
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 2, 1e-15);
    assert_close(p[1], 2, 1e-15);
    in.allocation = SOCINV_SIB_ORDER;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 3, 0);
    assert_close(p[1], 1, 0);
}

/** The cut buffers are optional: with all three NULL the payouts are the same (Herning unlimited). */
static void test_payout_cut_buffers_optional(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    double p[CELLS];
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 2 * 5.58 / 10.58, 1e-12);
    assert_close(p[4 * NY + 1], 0.33, 1e-12);
    assert_close(sum(p, CELLS), 5.58, 1e-12);
}

/** The defaults: no caps, no index, pro rata, no carry, total cap "none" (< 0). */
static void test_input_default(void **state)
{
    (void)state;
    socinv_sib_input in = socinv_sib_input_default();
    assert_null(in.earned);
    assert_null(in.crit_caps);
    assert_null(in.groups);
    assert_null(in.index);
    assert_true(in.total_cap < 0);
    assert_int_equal(in.allocation, SOCINV_SIB_PRORATA);
    assert_int_equal(in.carry, 0);
    assert_int_equal(in.crit_caps_annual, 0);
    /* with no caps at all, 7 and 8 are paid as earned */
    const double earned[] = {7, 8};
    in.earned = earned;
    in.ncrit = 1;
    in.nyears = 2;
    double p[2];
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 7, 0);
    assert_close(p[1], 8, 0);
}

/* ---- boundaries ----------------------------------------------------------------------- */

/** A total cap of 0 is a cap (nothing is paid), not "none". */
static void test_payout_total_cap_zero(void **state)
{
    (void)state;
    const double earned[] = {1, 2};
    socinv_sib_input in = sib_input(earned, 1, 2);
    in.total_cap = 0;
    double p[2], ct[2];
    socinv_sib_result r = {p, NULL, NULL, ct};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(p[1], 0, 0);
    assert_close(ct[0], 1, 0);
    assert_close(ct[1], 2, 0);
}

/** Earning exactly a cap cuts nothing: cap 2, earned 2 then 0.5 -> 2 (cut 0), then 0 (cut 0.5). */
static void test_payout_exactly_at_cap(void **state)
{
    (void)state;
    const double earned[] = {2, 0.5}, cap[] = {2};
    socinv_sib_input in = sib_input(earned, 1, 2);
    in.crit_caps = cap;
    double p[2], cc[2];
    socinv_sib_result r = {p, cc, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 2, 0);
    assert_close(cc[0], 0, 0);
    assert_close(p[1], 0, 0);
    assert_close(cc[1], 0.5, 0);
}

/** groups given but every criterion ungrouped, ngroups 0 (no group caps to give): the
 * header allows SOCINV_SIB_NO_GROUP for every criterion, so nothing is cut: 3 and 4 paid. */
static void test_payout_all_ungrouped(void **state)
{
    (void)state;
    const double earned[] = {3, 4};
    const unsigned groups[] = {SOCINV_SIB_NO_GROUP, SOCINV_SIB_NO_GROUP};
    socinv_sib_input in = sib_input(earned, 2, 1);
    sib_groups(&in, groups, NULL, 0);
    double p[2] = {-1, -1};
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 3, 0);
    assert_close(p[1], 4, 0);
}

/** A payout too large for a double after indexing is an overflow: 1e308 x 10. */
static void test_payout_overflow(void **state)
{
    (void)state;
    const double earned[] = {1e308}, index[] = {10};
    socinv_sib_input in = sib_input(earned, 1, 1);
    in.index = index;
    double p[1];
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_status(socinv_sib_payout(&in, &r), SOCINV_E_OVERFLOW);
}

/** Amounts near DBL_MAX in a binding cap: three criteria earn 1E308 each year in
 * one group capped at 1.5E308 a year, with carry (3E308 of room by year 2). The
 * group's sum 3E308 overflowed to infinity and the pro rata factor became 0:
 * nothing was paid. Now year 1: 1.5E308 / 3E308 = 1/2 each, 5E307; year 2: room
 * 2 x 1.5E308 - 1.5E308 = 1.5E308 again, 5E307 each. In order: year 1 pays
 * criterion 1 in full (1E308), criterion 2 the 5E307 left, criterion 3 nothing. */
static void test_payout_huge_amounts(void **state)
{
    (void)state;
    const double earned[] = {1e308, 1e308, 1e308, 1e308, 1e308, 1e308};
    const unsigned groups[] = {0, 0, 0};
    const double gcap[] = {1.5e308};
    socinv_sib_input in = sib_input(earned, 3, 2);
    sib_groups(&in, groups, gcap, 1);
    in.carry = 1;
    double p[6], cg[6];
    socinv_sib_result r = {p, NULL, cg, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    for (size_t i = 0; i < 6; i++) {
        assert_close(p[i], 5e307, 1e295);
        assert_close(cg[i], 5e307, 1e295);
    }
    in.allocation = SOCINV_SIB_ORDER;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 1e308, 0);   /* criterion 1, year 1 */
    assert_close(p[2], 5e307, 1e295); /* criterion 2, year 1 */
    assert_close(p[4], 0, 0);       /* criterion 3, year 1 */
    /* a total cap of 1.2E308 over the period with the three uncapped: 4E307 each in year 1 */
    in = sib_input(earned, 3, 2);
    in.total_cap = 1.2e308;
    r = (socinv_sib_result){p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 4e307, 1e295);
    assert_close(p[1], 0, 0);
}

/** A cap of 0 binds on a positive amount however small: 1E-310 scaled by 2^-64
 * underflows to a sum of 0, which is not above the room of 0, yet it is cut.
 * Groups (caps 0, 0, 1 a year): criterion 1 earns 1E-310 in group 1 -> paid 0,
 * cut 1E-310; criterion 2 earns 0 in group 2 -> paid 0, nothing cut (no positive
 * amount: the cap does not bind); criterion 3 earns 3 in group 3 -> paid 1, cut 2.
 * Total cap 0 over the same amounts (no groups): 1E-310 -> cut 1E-310, 0 -> cut 0. */
static void test_payout_zero_room_tiny_amount(void **state)
{
    (void)state;
    const double earned[] = {1e-310, 0, 3};
    const unsigned groups[] = {0, 1, 2};
    const double gcaps[] = {0, 0, 1};
    socinv_sib_input in = sib_input(earned, 3, 1);
    sib_groups(&in, groups, gcaps, 3);
    double p[3], cg[3];
    socinv_sib_result r = {p, NULL, cg, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(cg[0], 1e-310, 0);
    assert_close(p[1], 0, 0);
    assert_close(cg[1], 0, 0);
    assert_close(p[2], 1, 0);
    assert_close(cg[2], 2, 0);
    in.allocation = SOCINV_SIB_ORDER; /* in order the room of 0 pays nothing either */
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(cg[0], 1e-310, 0);
    assert_close(p[2], 1, 0);

    in = sib_input(earned, 2, 1);
    in.total_cap = 0;
    double ct[2];
    r = (socinv_sib_result){p, NULL, NULL, ct};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(ct[0], 1e-310, 0);
    assert_close(p[1], 0, 0);
    assert_close(ct[1], 0, 0);
    const double zeros[] = {0, 0};
    in.earned = zeros; /* nothing positive: the total cap of 0 does not bind, nothing cut */
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(ct[0], 0, 0);
    assert_close(ct[1], 0, 0);
}

/** Herning's shape (period criterion caps and groups, no carry) has passes of its
 * own; with carry the same input takes the general ones and, no room being left to
 * carry, pays the same. Criteria earn 1, 1 and 2, 2; caps 1.5 and 10 over the
 * period; one group capped at 2 a year; total cap 3.5.
 *   Year 1: 1 and 2 (caps 1.5, 10 leave them); group 3 > 2: pro rata 2/3 -> 2/3, 4/3;
 *           total 2 <= 3.5.
 *   Year 2: criterion 1's room 1.5 - 2/3 = 5/6 < 1 (cut 1/6); group 5/6 + 2 = 17/6 > 2:
 *           12/17 -> 10/17, 24/17 (with carry: room 2 x 2 - 2 = 2, the same);
 *           total room 3.5 - 2 = 1.5 < 2: 3/4 -> 15/34, 18/17. Paid in all 3.5. */
static void test_payout_herning_shape_and_general(void **state)
{
    (void)state;
    const double earned[] = {1, 1, 2, 2}, caps[] = {1.5, 10}, gcap[] = {2};
    const unsigned groups[] = {0, 0};
    for (int carry = 0; carry <= 1; carry++) {
        socinv_sib_input in = sib_input(earned, 2, 2);
        in.crit_caps = caps;
        sib_groups(&in, groups, gcap, 1);
        in.total_cap = 3.5;
        in.carry = carry;
        double p[4], cc[4], cg[4], ct[4];
        socinv_sib_result r = {p, cc, cg, ct};
        assert_ok(socinv_sib_payout(&in, &r));
        assert_close(p[0], 2.0 / 3.0, 1e-15);
        assert_close(p[2], 4.0 / 3.0, 1e-15);
        assert_close(p[1], 15.0 / 34.0, 1e-15);
        assert_close(p[3], 18.0 / 17.0, 1e-15);
        assert_close(cc[1], 1.0 / 6.0, 1e-15);
        assert_close(cg[0], 1.0 / 3.0, 1e-15);
        assert_close(ct[3], 24.0 / 17.0 - 18.0 / 17.0, 1e-15);
        assert_close(sum(p, 4), 3.5, 1e-15);
    }
}

/** Herning's shape pro rata with no cut buffer (the call a Calc cell makes) has a
 * path of its own: Herning unlimited pays as with the buffers (the pro rata table
 * above: group 1 x 2/10.58, group 2 x 0.66/2 in years 1-2, all x 0.26/2.66 in
 * year 3), indexed after (1, 1.02, 1.0404: criterion 1 year 2 1.054820 x 1.02 =
 * 1.075916). The same input in order (4.26, 0, 0, 1.00, 0.32 as above) or with
 * a cut buffer leaves that path and pays as before. */
static void test_payout_herning_no_cuts(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    bufs b;
    socinv_sib_result r = {b.payout, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    const double paid[NC][NY] = {{1.054820, 1.054820, 0.103103}, {0.378072, 0.378072, 0.036954},
                                 {0.567108, 0.567108, 0.055432}, {0.33, 0.33, 0.032256}, {0.33, 0.33, 0.032256}};
    assert_payout(&b, paid, 1e-6);
    assert_close(b.payout[0], 2 * 5.58 / 10.58, 1e-12);
    assert_close(sum(b.payout, CELLS), 5.58, 1e-12);
    const double index[NY] = {1, 1.02, 1.0404};
    in.index = index;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(b.payout[1], 1.075916, 1e-6);
    assert_close(sum(b.payout, CELLS), 5.643704, 1e-9);

    in = herning(unlimited); /* out of the path: in order */
    in.allocation = SOCINV_SIB_ORDER;
    assert_ok(socinv_sib_payout(&in, &r));
    const double in_order[NC][NY] = {{2, 2, 0.26}, {0, 0, 0}, {0, 0, 0}, {0.66, 0.34, 0}, {0, 0.32, 0}};
    assert_payout(&b, in_order, 1e-12);
    double cut[CELLS]; /* out of the path: a cut asked for */
    r.cut_total = cut;
    in.allocation = SOCINV_SIB_PRORATA;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_payout(&b, paid, 1e-6);
    assert_close(cut[2], 0.951718, 1e-6);
}

/** The no-cut path's corners. One year, no total cap, criterion 2 in no group:
 * caps 1, 5, 10 leave 3, 4, 2 as 1, 4, 2; group 1 (criteria 1 and 3) 3 > 2 pays
 * x 2/3: 2/3 and 4/3; criterion 2 keeps 4. A group room of 0: two years, groups
 * capped at 0 and 1 a year, total cap 10; criterion 1 earns 1E-310 (scaled by
 * 2^-64 its sum is 0, not above the room) then 0.5, and pays 0 both years;
 * criterion 2 earns 3 (> 1: x 1/3, pays 1) then 0.2 (pays 0.2); the same
 * without a total cap. Year 1's group cuts are made in year 2's pass (the total
 * room 10 is above year 1's sum 3 before them; in Herning unlimited above it is
 * not, 12.58 > 5.58, and they are made in the year). A total cap
 * of 0 (group cap 1): 1E-310 alone, its scaled sum 0 not above the room, pays 0. */
static void test_payout_herning_no_cuts_edges(void **state)
{
    (void)state;
    const double earned1[] = {3, 4, 2}, caps1[] = {1, 5, 10}, gcap1[] = {2};
    const unsigned groups1[] = {0, SOCINV_SIB_NO_GROUP, 0};
    socinv_sib_input in = sib_input(earned1, 3, 1);
    in.crit_caps = caps1;
    sib_groups(&in, groups1, gcap1, 1);
    double p[4];
    socinv_sib_result r = {p, NULL, NULL, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 2.0 / 3.0, 1e-15);
    assert_close(p[1], 4, 0);
    assert_close(p[2], 4.0 / 3.0, 1e-15);

    const double earned2[] = {1e-310, 0.5, 3, 0.2}, caps2[] = {10, 10}, gcaps2[] = {0, 1};
    const unsigned groups2[] = {0, 1};
    in = sib_input(earned2, 2, 2);
    in.crit_caps = caps2;
    sib_groups(&in, groups2, gcaps2, 2);
    in.total_cap = 10;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(p[1], 0, 0);
    assert_close(p[2], 1, 1e-15);
    assert_close(p[3], 0.2, 0);
    in.total_cap = -1; /* no total cap: the same */
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
    assert_close(p[1], 0, 0);
    assert_close(p[2], 1, 1e-15);
    assert_close(p[3], 0.2, 0);

    const double gcap_open[] = {1}; /* criterion 1's first year alone, group cap 1, total cap 0 */
    in = sib_input(earned2, 1, 1);
    in.crit_caps = caps2;
    sib_groups(&in, groups2, gcap_open, 1);
    in.total_cap = 0;
    p[0] = 42;
    assert_ok(socinv_sib_payout(&in, &r));
    assert_close(p[0], 0, 0);
}

/* ---- invalid input: payout ---------------------------------------------------------------- */

/* Runs a bad input and checks the status and that no output buffer was written. */
static void expect_payout_error(const socinv_sib_input *in, socinv_status expected)
{
    bufs b;
    fill(b.payout, CELLS, 42);
    fill(b.cut_criterion, CELLS, 43);
    fill(b.cut_group, CELLS, 44);
    fill(b.cut_total, CELLS, 45);
    socinv_sib_result r = result_of(&b);
    assert_status(socinv_sib_payout(in, &r), expected);
    for (size_t i = 0; i < CELLS; i++) {
        assert_close(b.payout[i], 42, 0);
        assert_close(b.cut_criterion[i], 43, 0);
        assert_close(b.cut_group[i], 44, 0);
        assert_close(b.cut_total[i], 45, 0);
    }
}

/** The earned amounts are checked four, then two, then one at a time: a NaN or
 * an infinity in any place of 1 to 9 amounts (one criterion a year, no caps) is
 * E_NONFINITE, the same amounts all finite pay as earned (1, 2, ... each). */
static void test_payout_nonfinite_every_place(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 9; n++) {
        for (size_t bad = 0; bad <= n; bad++) { /* bad == n: every amount finite */
            double earned[9], p[9];
            for (size_t i = 0; i < n; i++)
                earned[i] = (double)(i + 1);
            if (bad < n)
                earned[bad] = bad % 2 ? NAN : -INFINITY;
            socinv_sib_input in = sib_input(earned, 1, n);
            socinv_sib_result r = {p, NULL, NULL, NULL};
            assert_status(socinv_sib_payout(&in, &r), bad < n ? SOCINV_E_NONFINITE : SOCINV_OK);
            for (size_t i = 0; bad == n && i < n; i++)
                assert_close(p[i], (double)(i + 1), 0);
        }
    }
}

/** NULL input, output, payout buffer or earned: E_NULL. */
static void test_payout_invalid_null(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    bufs b;
    socinv_sib_result r = result_of(&b);
    assert_status(socinv_sib_payout(NULL, &r), SOCINV_E_NULL);
    assert_status(socinv_sib_payout(&in, NULL), SOCINV_E_NULL);
    socinv_sib_result nopayout = {NULL, b.cut_criterion, b.cut_group, b.cut_total};
    assert_status(socinv_sib_payout(&in, &nopayout), SOCINV_E_NULL);
    in.earned = NULL;
    expect_payout_error(&in, SOCINV_E_NULL);
    in = herning(unlimited);
    in.group_caps = NULL; /* groups given, their caps not */
    expect_payout_error(&in, SOCINV_E_NULL);
}

/** No criteria, no years, a "negative" count, or more than SOCINV_MAX_CELLS cells: E_LENGTH. */
static void test_payout_invalid_length(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    in.ncrit = 0;
    expect_payout_error(&in, SOCINV_E_LENGTH);
    in = herning(unlimited);
    in.nyears = 0;
    expect_payout_error(&in, SOCINV_E_LENGTH);
    in = herning(unlimited);
    in.ncrit = (size_t)-1;
    expect_payout_error(&in, SOCINV_E_LENGTH);
    in = herning(unlimited);
    in.nyears = (size_t)-1;
    expect_payout_error(&in, SOCINV_E_LENGTH);
    in = herning(unlimited);
    in.ncrit = (size_t)1 << 14; /* 2^14 x 2^13 = 2^27 > 2^26 cells */
    in.nyears = (size_t)1 << 13;
    in.crit_caps = NULL;
    in.groups = NULL;
    expect_payout_error(&in, SOCINV_E_LENGTH);
}

/** NaN or infinite earned amounts, caps, total cap or index: E_NONFINITE. */
static void test_payout_invalid_nonfinite(void **state)
{
    (void)state;
    double earned[CELLS];
    memcpy(earned, unlimited, sizeof earned);
    earned[7] = NAN;
    socinv_sib_input in = herning(earned);
    expect_payout_error(&in, SOCINV_E_NONFINITE);
    earned[7] = INFINITY;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
    earned[7] = -INFINITY;
    expect_payout_error(&in, SOCINV_E_NONFINITE);

    const double ccap_nan[NC] = {5.58, NAN, 3, 1, 1}, ccap_inf[NC] = {5.58, 2, INFINITY, 1, 1};
    in = herning(unlimited);
    in.crit_caps = ccap_nan;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
    in.crit_caps = ccap_inf;
    expect_payout_error(&in, SOCINV_E_NONFINITE);

    const double gcap_nan[2] = {2, NAN};
    in = herning(unlimited);
    in.group_caps = gcap_nan;
    expect_payout_error(&in, SOCINV_E_NONFINITE);

    const double idx_nan[NY] = {1, NAN, 1}, idx_inf[NY] = {1, 1, INFINITY};
    in = herning(unlimited);
    in.index = idx_nan;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
    in.index = idx_inf;
    expect_payout_error(&in, SOCINV_E_NONFINITE);

    in = herning(unlimited);
    in.total_cap = NAN;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
}

/** An infinite total cap is an input number that is infinite (E_NONFINITE by the status
 * list), not "none" (which is spelled < 0) and not a cap. */
static void test_payout_invalid_total_cap_infinite(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    in.total_cap = INFINITY;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
    in.total_cap = -INFINITY;
    expect_payout_error(&in, SOCINV_E_NONFINITE);
}

/** Negative caps and group numbers outside 0..ngroups-1: E_DOMAIN. */
static void test_payout_invalid_domain(void **state)
{
    (void)state;
    const double ccap_neg[NC] = {5.58, 2, -3, 1, 1};
    socinv_sib_input in = herning(unlimited);
    in.crit_caps = ccap_neg;
    expect_payout_error(&in, SOCINV_E_DOMAIN);

    const double gcap_neg[2] = {-2, 0.66};
    in = herning(unlimited);
    in.group_caps = gcap_neg;
    expect_payout_error(&in, SOCINV_E_DOMAIN);

    const unsigned groups_bad[NC] = {0, 0, 0, 1, 2}; /* only groups 0 and 1 exist */
    in = herning(unlimited);
    in.groups = groups_bad;
    expect_payout_error(&in, SOCINV_E_DOMAIN);
}

/** More groups than SOCINV_SIB_MAX_GROUPS (1000): E_DOMAIN at once, before any year is
 * worked (every year's pass costs a slot per group). */
static void test_payout_too_many_groups(void **state)
{
    (void)state;
    static double gcaps[SOCINV_SIB_MAX_GROUPS + 1];
    const unsigned groups[NC] = {0, 0, 0, 1, SOCINV_SIB_MAX_GROUPS}; /* group 1001 as users number them */
    socinv_sib_input in = herning(unlimited);
    sib_groups(&in, groups, gcaps, SOCINV_SIB_MAX_GROUPS + 1);
    expect_payout_error(&in, SOCINV_E_DOMAIN);
    in.ngroups = SOCINV_SIB_MAX_GROUPS; /* 1000 groups are allowed: group 1000 is then out of range */
    expect_payout_error(&in, SOCINV_E_DOMAIN);
    const unsigned groups_ok[NC] = {0, 0, 0, 1, SOCINV_SIB_MAX_GROUPS - 1};
    in.groups = groups_ok;
    bufs b;
    socinv_sib_result r = result_of(&b);
    assert_ok(socinv_sib_payout(&in, &r)); /* caps 0 everywhere: nothing is paid */
    assert_close(sum(b.payout, CELLS), 0.0, 0.0);
}

/** 300,000 criteria over 2 years, each in one of 1000 groups of 300: the old
 * payout re-added every criterion's earlier years for every criterion (quadratic:
 * 100k criteria took 11.7 s, this test did not finish in minutes); each year is
 * now one pass. Every criterion earns 1 a year; criterion cap 1.5 over the
 * period; group cap 250 a year with carry; total cap 400,000.
 *   Year 1: criterion room 1.5, pays 1. Group: 300 x 1 = 300 > 250: pro rata
 *           250/300, each 5/6, cut 1/6. Total: 1000 x 250 = 250,000 <= 400,000.
 *   Year 2: criterion room 1.5 - 5/6 = 2/3 < 1: cut 1/3. Group: 300 x 2/3 = 200,
 *           room 2 x 250 - 250 = 250: not binding. Total: room 400,000 - 250,000 =
 *           150,000 < 1000 x 200 = 200,000: pro rata 3/4, each 2/3 x 3/4 = 1/2.
 *   Paid in all: 250,000 + 150,000 = 400,000 (the total cap). */
static void test_payout_many_criteria_linear(void **state)
{
    (void)state;
    enum { N = 300000, Y = 2, G = 1000 };
    double *earned = malloc(sizeof(double) * N * Y), *caps = malloc(sizeof(double) * N);
    double *out = malloc(sizeof(double) * N * Y * 3), gcaps[G];
    unsigned *groups = malloc(sizeof(unsigned) * N);
    assert_non_null(earned);
    assert_non_null(caps);
    assert_non_null(out);
    assert_non_null(groups);
    for (size_t c = 0; c < N; c++) {
        earned[2 * c] = earned[2 * c + 1] = 1.0;
        caps[c] = 1.5;
        groups[c] = (unsigned)(c % G);
    }
    fill(gcaps, G, 250.0);
    socinv_sib_input in = sib_input(earned, N, Y);
    in.crit_caps = caps;
    sib_groups(&in, groups, gcaps, G);
    in.carry = 1;
    in.total_cap = 400000.0;
    socinv_sib_result r = {out, out + N * Y, out + 2 * N * Y, NULL};
    assert_ok(socinv_sib_payout(&in, &r));
    for (size_t c = 0; c < N; c += 7919) {
        assert_close(out[2 * c], 5.0 / 6.0, 1e-12);
        assert_close(out[2 * c + 1], 0.5, 1e-9); /* the total of 1000 x 200 is added up plainly */
        assert_close(r.cut_criterion[2 * c + 1], 1.0 / 3.0, 1e-12);
        assert_close(r.cut_group[2 * c], 1.0 / 6.0, 1e-12);
    }
    assert_close(sum(out, N * Y), 400000.0, 1e-4); /* 600,000 values added plainly */
    free(earned);
    free(caps);
    free(out);
    free(groups);
}

/** An index factor of zero or below: E_INDEX. */
static void test_payout_invalid_index(void **state)
{
    (void)state;
    const double zero[NY] = {1, 0, 1}, neg[NY] = {1, 1.02, -1.04};
    socinv_sib_input in = herning(unlimited);
    in.index = zero;
    expect_payout_error(&in, SOCINV_E_INDEX);
    in.index = neg;
    expect_payout_error(&in, SOCINV_E_INDEX);
}

/** An allocation that is neither pro rata nor order: E_OPTION. */
static void test_payout_invalid_allocation(void **state)
{
    (void)state;
    socinv_sib_input in = herning(unlimited);
    in.allocation = (socinv_sib_alloc)2;
    expect_payout_error(&in, SOCINV_E_OPTION);
    in.allocation = (socinv_sib_alloc)-1;
    expect_payout_error(&in, SOCINV_E_OPTION);
}

/* ---- happy path and errors: criterion helpers ---------------------------------------------- */

/** Fall against the previous year: 100, 90, 95, 80 -> 100-90 = 10, 90-95 = -5, 95-80 = 15;
 * floor0 turns the increase into 0. series[0] is the year before the period. */
static void test_fall_previous_year(void **state)
{
    (void)state;
    const double series[] = {100, 90, 95, 80};
    double out[4] = {0, 0, 0, 99};
    assert_ok(socinv_sib_fall(series, 4, NULL, 0, out, 3));
    assert_close(out[0], 10, 0);
    assert_close(out[1], -5, 0);
    assert_close(out[2], 15, 0);
    assert_ok(socinv_sib_fall(series, 4, NULL, 1, out, 4));
    assert_close(out[0], 10, 0);
    assert_close(out[1], 0, 0);
    assert_close(out[2], 15, 0);
    assert_close(out[3], 99, 0); /* only n-1 values are written */
}

/** Fall against a fixed baseline 100: 90, 95, 110 -> 10, 5, -10; floor0 -> 10, 5, 0. */
static void test_fall_fixed_baseline(void **state)
{
    (void)state;
    const double series[] = {90, 95, 110}, base = 100;
    double out[3];
    assert_ok(socinv_sib_fall(series, 3, &base, 0, out, 3));
    assert_close(out[0], 10, 0);
    assert_close(out[1], 5, 0);
    assert_close(out[2], -10, 0);
    assert_ok(socinv_sib_fall(series, 3, &base, 1, out, 3));
    assert_close(out[2], 0, 0);
    /* one value is enough with a fixed baseline: 100 - 90 = 10 */
    assert_ok(socinv_sib_fall(series, 1, &base, 0, out, 1));
    assert_close(out[0], 10, 0);
}

/** Fall: a too small buffer is E_BUFFER, one value without a baseline E_LENGTH, and the rest. */
static void test_fall_invalid(void **state)
{
    (void)state;
    const double series[] = {100, 90, 95, 80}, nanv[] = {100, NAN}, infv[] = {INFINITY, 1};
    const double base_nan = NAN, base_inf = -INFINITY, base = 100;
    double out[4] = {7, 7, 7, 7};
    assert_status(socinv_sib_fall(series, 4, NULL, 0, out, 2), SOCINV_E_BUFFER);  /* needs 3 */
    assert_status(socinv_sib_fall(series, 4, &base, 0, out, 3), SOCINV_E_BUFFER); /* needs 4 */
    assert_status(socinv_sib_fall(series, 1, NULL, 0, out, 4), SOCINV_E_LENGTH);
    assert_status(socinv_sib_fall(series, 0, NULL, 0, out, 4), SOCINV_E_LENGTH);
    assert_status(socinv_sib_fall(series, 0, &base, 0, out, 4), SOCINV_E_LENGTH);
    assert_status(socinv_sib_fall(series, (size_t)-1, NULL, 0, out, 4), SOCINV_E_LENGTH);
    assert_status(socinv_sib_fall(NULL, 4, NULL, 0, out, 4), SOCINV_E_NULL);
    assert_status(socinv_sib_fall(series, 4, NULL, 0, NULL, 4), SOCINV_E_NULL);
    assert_status(socinv_sib_fall(nanv, 2, NULL, 0, out, 4), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_fall(infv, 2, NULL, 0, out, 4), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_fall(series, 4, &base_nan, 0, out, 4), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_fall(series, 4, &base_inf, 0, out, 4), SOCINV_E_NONFINITE);
    for (size_t i = 0; i < 4; i++)
        assert_close(out[i], 7, 0);
}

/** Criterion 2 counts the fall after the 50 % state refund: 2.0 x (1 - 0.5) = 1.0;
 * share 0 keeps the amount, share 1 leaves 0; a negative amount keeps its sign (-1000 -> -750 at 25 %). */
static void test_after_refund(void **state)
{
    (void)state;
    double v = 0;
    assert_ok(socinv_after_refund(2.0, 0.5, &v));
    assert_close(v, 1.0, 0);
    assert_ok(socinv_after_refund(2.0, 0.0, &v));
    assert_close(v, 2.0, 0);
    assert_ok(socinv_after_refund(2.0, 1.0, &v));
    assert_close(v, 0.0, 0);
    assert_ok(socinv_after_refund(-1000, 0.25, &v));
    assert_close(v, -750, 0);
}

/** after_refund: shares outside 0-1 are E_SHARE, NaN/Inf E_NONFINITE, NULL out E_NULL. */
static void test_after_refund_invalid(void **state)
{
    (void)state;
    double v = 7;
    assert_status(socinv_after_refund(2.0, -0.01, &v), SOCINV_E_SHARE);
    assert_status(socinv_after_refund(2.0, 1.01, &v), SOCINV_E_SHARE);
    assert_status(socinv_after_refund(2.0, 50, &v), SOCINV_E_SHARE); /* 50 % entered as 50 */
    assert_status(socinv_after_refund(2.0, NAN, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_after_refund(2.0, INFINITY, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_after_refund(NAN, 0.5, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_after_refund(-INFINITY, 0.5, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_after_refund(2.0, 0.5, NULL), SOCINV_E_NULL);
    assert_close(v, 7, 0);
}

/* Criterion 3 base period 2022-2024: spending 12000, 13500, 16500 (1.000 kr.) on 40, 45, 50 cases. */
static const double base_costs[] = {12000, 13500, 16500};
static const double base_cases[] = {40, 45, 50};

/** Pooled: (12000 + 13500 + 16500)/(40 + 45 + 50) = 42000/135 = 311.111111;
 * mean of yearly prices: (300 + 300 + 330)/3 = 310. */
static void test_case_price(void **state)
{
    (void)state;
    double p = 0;
    assert_ok(socinv_case_price(base_costs, base_cases, 3, SOCINV_CASE_PRICE_POOLED, &p));
    assert_close(p, 42000.0 / 135.0, 1e-12);
    assert_close(p, 311.111111, 1e-6);
    assert_ok(socinv_case_price(base_costs, base_cases, 3, SOCINV_CASE_PRICE_MEAN, &p));
    assert_close(p, 310, 1e-12);
}

/** A zero count only matters where it divides: pooled 100 + 200 over 0 + 4 cases = 75;
 * the mean divides by each year's 0 (E_DOMAIN); pooled over 0 cases in total is E_DOMAIN. */
static void test_case_price_zero_cases(void **state)
{
    (void)state;
    const double costs[] = {100, 200}, cases[] = {0, 4}, none[] = {0, 0};
    double p = 7;
    assert_ok(socinv_case_price(costs, cases, 2, SOCINV_CASE_PRICE_POOLED, &p));
    assert_close(p, 75, 0);
    p = 7;
    assert_status(socinv_case_price(costs, cases, 2, SOCINV_CASE_PRICE_MEAN, &p), SOCINV_E_DOMAIN);
    assert_status(socinv_case_price(costs, none, 2, SOCINV_CASE_PRICE_POOLED, &p), SOCINV_E_DOMAIN);
    assert_close(p, 7, 0);
}

/** case_price: NULLs, lengths, NaN/Inf and an unknown mode; price untouched. */
static void test_case_price_invalid(void **state)
{
    (void)state;
    const double nanv[] = {NAN, 1, 1}, infv[] = {1, 1, INFINITY};
    double p = 7;
    assert_status(socinv_case_price(NULL, base_cases, 3, SOCINV_CASE_PRICE_POOLED, &p), SOCINV_E_NULL);
    assert_status(socinv_case_price(base_costs, NULL, 3, SOCINV_CASE_PRICE_POOLED, &p), SOCINV_E_NULL);
    assert_status(socinv_case_price(base_costs, base_cases, 3, SOCINV_CASE_PRICE_POOLED, NULL), SOCINV_E_NULL);
    assert_status(socinv_case_price(base_costs, base_cases, 0, SOCINV_CASE_PRICE_POOLED, &p), SOCINV_E_LENGTH);
    assert_status(socinv_case_price(base_costs, base_cases, (size_t)-1, SOCINV_CASE_PRICE_POOLED, &p),
                  SOCINV_E_LENGTH);
    assert_status(socinv_case_price(nanv, base_cases, 3, SOCINV_CASE_PRICE_POOLED, &p), SOCINV_E_NONFINITE);
    assert_status(socinv_case_price(base_costs, infv, 3, SOCINV_CASE_PRICE_MEAN, &p), SOCINV_E_NONFINITE);
    assert_status(socinv_case_price(base_costs, base_cases, 3, (socinv_case_price_mode)2, &p), SOCINV_E_OPTION);
    assert_close(p, 7, 0);
}

/** Criterion 3: cases 50 (2025), 46, 47, 40 at 310 per case -> (50-46) x 310 = 1240,
 * (46-47) x 310 = -310, (47-40) x 310 = 2170; floor0 -> 1240, 0, 2170. */
static void test_count_value(void **state)
{
    (void)state;
    const double counts[] = {50, 46, 47, 40};
    double out[3];
    assert_ok(socinv_sib_count_value(counts, 4, 310, 0, out, 3));
    assert_close(out[0], 1240, 0);
    assert_close(out[1], -310, 0);
    assert_close(out[2], 2170, 0);
    assert_ok(socinv_sib_count_value(counts, 4, 310, 1, out, 3));
    assert_close(out[1], 0, 0);
    assert_close(out[2], 2170, 0);
}

/** count_value: NaN/Inf price, small buffer, one count, NULLs; out untouched. */
static void test_count_value_invalid(void **state)
{
    (void)state;
    const double counts[] = {50, 46, 47, 40}, nanv[] = {50, NAN};
    double out[3] = {7, 7, 7};
    assert_status(socinv_sib_count_value(counts, 4, NAN, 0, out, 3), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_count_value(counts, 4, INFINITY, 0, out, 3), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_count_value(nanv, 2, 310, 0, out, 3), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_count_value(counts, 4, 310, 0, out, 2), SOCINV_E_BUFFER);
    assert_status(socinv_sib_count_value(counts, 1, 310, 0, out, 3), SOCINV_E_LENGTH);
    assert_status(socinv_sib_count_value(counts, 0, 310, 0, out, 3), SOCINV_E_LENGTH);
    assert_status(socinv_sib_count_value(counts, (size_t)-1, 310, 0, out, 3), SOCINV_E_LENGTH);
    assert_status(socinv_sib_count_value(NULL, 4, 310, 0, out, 3), SOCINV_E_NULL);
    assert_status(socinv_sib_count_value(counts, 4, 310, 0, NULL, 3), SOCINV_E_NULL);
    for (size_t i = 0; i < 3; i++)
        assert_close(out[i], 7, 0);
}

/** Herning year 1 (unlimited, pro rata): criteria 4-5 cannot be capitalised, so the
 * uncovered payout is 0.33 + 0.33 = 0.66; any nonzero flag counts as capitalisable. */
static void test_uncovered(void **state)
{
    (void)state;
    const double payout[] = {2 * 5.58 / 10.58, 2 * 2 / 10.58, 2 * 3 / 10.58, 0.33, 0.33};
    const int flags[] = {1, 1, 1, 0, 0}, flags2[] = {5, -1, 1, 0, 0};
    const int all[] = {1, 1, 1, 1, 1}, none[] = {0, 0, 0, 0, 0};
    double v = 0;
    assert_ok(socinv_sib_uncovered(payout, flags, 5, &v));
    assert_close(v, 0.66, 1e-15);
    assert_ok(socinv_sib_uncovered(payout, flags2, 5, &v));
    assert_close(v, 0.66, 1e-15);
    assert_ok(socinv_sib_uncovered(payout, all, 5, &v));
    assert_close(v, 0, 0);
    /* nothing capitalisable: the year's whole payout 2 + 0.66 = 2.66 */
    assert_ok(socinv_sib_uncovered(payout, none, 5, &v));
    assert_close(v, 2.66, 1e-12);
}

/** uncovered: NULLs, lengths, NaN/Inf; out untouched. */
static void test_uncovered_invalid(void **state)
{
    (void)state;
    const double payout[] = {1, 0.5}, nanv[] = {1, NAN}, infv[] = {INFINITY, 0};
    const int flags[] = {1, 0};
    double v = 7;
    assert_status(socinv_sib_uncovered(NULL, flags, 2, &v), SOCINV_E_NULL);
    assert_status(socinv_sib_uncovered(payout, NULL, 2, &v), SOCINV_E_NULL);
    assert_status(socinv_sib_uncovered(payout, flags, 2, NULL), SOCINV_E_NULL);
    assert_status(socinv_sib_uncovered(payout, flags, 0, &v), SOCINV_E_LENGTH);
    assert_status(socinv_sib_uncovered(payout, flags, (size_t)-1, &v), SOCINV_E_LENGTH);
    assert_status(socinv_sib_uncovered(nanv, flags, 2, &v), SOCINV_E_NONFINITE);
    assert_status(socinv_sib_uncovered(infv, flags, 2, &v), SOCINV_E_NONFINITE);
    assert_close(v, 7, 0);
}

/* ---- seed tables ----------------------------------------------------------------------------- */

/** Seed 000 as a whole: criterion 1 spending falls 1.2 mio. a year vs the previous year,
 * criterion 2 falls 0.8 a year before the 50 % refund (0.4 after), criterion 3 cases fall
 * 50 -> 46 -> 47 -> 40 at 0.31 mio. a case (1.24, -0.31 -> 0, 2.17), criteria 4-5 earn 0.5
 * each a year. Per year:
 *  y1 group 1: 1.2 + 0.4 + 1.24 = 2.84 > 2 -> x 2/2.84: 0.845070, 0.281690, 0.873239;
 *     group 2: 1.0 > 0.66 -> 0.33 each. Paid 2.66.
 *  y2 group 1: 1.2 + 0.4 + 0 = 1.6 <= 2 (criterion rooms 4.734930, 1.718310, 2.126761);
 *     group 2: 0.5 each within room 0.67, 1.0 > 0.66 -> 0.33 each. Paid 2.26; so far 4.92.
 *  y3 criterion 3's period cap binds: room 3 - 0.873239 = 2.126761 < 2.17 (cut 0.043239);
 *     criteria 4-5 rooms 1 - 0.66 = 0.34 each (cuts 0.16).
 *     group 1: 1.2 + 0.4 + 2.126761 = 3.726761 > 2 -> x 2/3.726761 = 0.536659:
 *     0.643991, 0.214664, 1.141345; group 2: 0.68 > 0.66 -> 0.33 each (cuts 0.01).
 *     Year 2.66 > total room 5.58 - 4.92 = 0.66 -> x 0.66/2.66 = 0.248120:
 *     0.159787, 0.053262, 0.283191, 0.081880, 0.081880.
 *  Total exactly 5.58; uncovered (criteria 4-5) = 2 x (0.33 + 0.33 + 0.081880) = 1.483759. */
static void test_seed000_herning(void **state)
{
    (void)state;
    const double spending[] = {40.0, 38.8, 37.6, 36.4}; /* 2025 baseline, then 2026-2028 */
    const double parents[] = {10.0, 9.2, 8.4, 7.6};
    const double cases[] = {50, 46, 47, 40};
    double c1[3], c2gross[3], c3[3];
    assert_ok(socinv_sib_fall(spending, 4, NULL, 1, c1, 3));
    assert_ok(socinv_sib_fall(parents, 4, NULL, 1, c2gross, 3));
    assert_ok(socinv_sib_count_value(cases, 4, 0.31, 1, c3, 3));
    double earned[CELLS];
    for (size_t t = 0; t < NY; t++) {
        earned[0 * NY + t] = c1[t];
        assert_ok(socinv_after_refund(c2gross[t], 0.5, &earned[1 * NY + t]));
        earned[2 * NY + t] = c3[t];
        earned[3 * NY + t] = 0.5;
        earned[4 * NY + t] = 0.5;
    }
    assert_close(earned[0], 1.2, 1e-12);
    assert_close(earned[NY], 0.4, 1e-12);
    assert_close(earned[2 * NY + 0], 1.24, 1e-12);
    assert_close(earned[2 * NY + 1], 0, 0);
    assert_close(earned[2 * NY + 2], 2.17, 1e-12);

    socinv_sib_input in = herning(earned);
    bufs b;
    pay(&in, &b);
    const double tol = 1e-6;
    const double paid[NC][NY] = {{0.845070, 1.2, 0.159787}, {0.281690, 0.4, 0.053262},
                                 {0.873239, 0, 0.283191}, {0.33, 0.33, 0.081880}, {0.33, 0.33, 0.081880}};
    assert_payout(&b, paid, tol);
    assert_close(b.payout[0], 1.2 * 2 / 2.84, 1e-12);
    assert_close(sum(b.payout, CELLS), 5.58, 1e-12);
    assert_close(b.cut_criterion[2 * NY + 2], 0.043239, tol);
    assert_close(b.cut_criterion[3 * NY + 2], 0.16, 1e-12);
    assert_close(b.cut_group[3 * NY + 2], 0.01, 1e-12);
    assert_close(b.cut_total[0 * NY + 2], 1.2 * 0.536659 - 0.159787, tol);
    assert_cuts_add_up(earned, &b, CELLS);

    double per_crit[NC];
    for (size_t c = 0; c < NC; c++)
        per_crit[c] = sum(&b.payout[c * NY], NY);
    const int capitalisable[NC] = {1, 1, 1, 0, 0};
    double uncovered = 0;
    assert_ok(socinv_sib_uncovered(per_crit, capitalisable, NC, &uncovered));
    assert_close(uncovered, 1.483759, 1e-6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_payout_caps_do_not_bind),
        cmocka_unit_test(test_payout_unlimited_prorata),
        cmocka_unit_test(test_payout_unlimited_order),
        cmocka_unit_test(test_payout_criterion_cap_period),
        cmocka_unit_test(test_payout_criterion_caps_annual),
        cmocka_unit_test(test_payout_group_carry),
        cmocka_unit_test(test_payout_herning_carry_order),
        cmocka_unit_test(test_payout_no_group),
        cmocka_unit_test(test_payout_index_current_prices),
        cmocka_unit_test(test_payout_herning_indexed),
        cmocka_unit_test(test_payout_negative_earned),
        cmocka_unit_test(test_payout_total_cap_allocation),
        cmocka_unit_test(test_payout_cut_buffers_optional),
        cmocka_unit_test(test_input_default),
        cmocka_unit_test(test_payout_total_cap_zero),
        cmocka_unit_test(test_payout_exactly_at_cap),
        cmocka_unit_test(test_payout_all_ungrouped),
        cmocka_unit_test(test_payout_overflow),
        cmocka_unit_test(test_payout_huge_amounts),
        cmocka_unit_test(test_payout_zero_room_tiny_amount),
        cmocka_unit_test(test_payout_herning_shape_and_general),
        cmocka_unit_test(test_payout_herning_no_cuts),
        cmocka_unit_test(test_payout_herning_no_cuts_edges),
        cmocka_unit_test(test_payout_invalid_null),
        cmocka_unit_test(test_payout_invalid_length),
        cmocka_unit_test(test_payout_invalid_nonfinite),
        cmocka_unit_test(test_payout_nonfinite_every_place),
        cmocka_unit_test(test_payout_invalid_total_cap_infinite),
        cmocka_unit_test(test_payout_invalid_domain),
        cmocka_unit_test(test_payout_too_many_groups),
        cmocka_unit_test(test_payout_many_criteria_linear),
        cmocka_unit_test(test_payout_invalid_index),
        cmocka_unit_test(test_payout_invalid_allocation),
        cmocka_unit_test(test_fall_previous_year),
        cmocka_unit_test(test_fall_fixed_baseline),
        cmocka_unit_test(test_fall_invalid),
        cmocka_unit_test(test_after_refund),
        cmocka_unit_test(test_after_refund_invalid),
        cmocka_unit_test(test_case_price),
        cmocka_unit_test(test_case_price_zero_cases),
        cmocka_unit_test(test_case_price_invalid),
        cmocka_unit_test(test_count_value),
        cmocka_unit_test(test_count_value_invalid),
        cmocka_unit_test(test_uncovered),
        cmocka_unit_test(test_uncovered_invalid),
        cmocka_unit_test(test_seed000_herning),
    };
    return cmocka_run_group_tests_name("sib", tests, NULL, NULL);
}
