/* socinv_sib_payout against its code before the sib2 per-cell work (old_sib.h):
 * random inputs of every shape, edges included (zeros and -0, negatives, values
 * near DBL_MAX, subnormals whose scaled sums are 0, NaN and infinities, empty
 * cells as DBL_MAX caps, group numbers out of range, bad options, NULLs, the
 * payout written over the earned amounts), and every payout, cut and status must
 * be the same bit for bit, a sentinel where nothing is written. Calls shaped as
 * Calc's (Herning's caps, amounts in hundredths 0-2, no cuts) are a good share, so
 * the fast path's branches are taken as the sheet takes them. SOCINV_DIFF_CASES
 * sets the number of cases (default 20000, a second or so; the figures quoted for
 * the change used millions). */
#include "test_util.h"

#include <float.h>

#include "old_sib.h"

#define DIFF_SEED 0x13198A2E03707344u
#include "diff_util.h"

/* An amount or a cap: mostly whole hundredths 0..span, with `edges` now and then an edge. */
static double random_value(double span, int edges)
{
    if (!edges || below(4))
        return (double)below((size_t)(span * 100) + 1) / 100;
    switch (below(20)) {
    case 0: return 0.0;
    case 1: return -0.0;
    case 2: return DBL_MAX;
    case 3: return -(double)below(300) / 100;
    case 4: return 1e308;
    case 5: return 9e307 * (double)(1 + below(3));
    case 6: return DBL_MIN / (double)(1 + below(4));   /* scaled by 2^-64 it is 0 */
    case 7: return ldexp(1.0, -1000 - (int)below(70)); /* tiny, scaled by 2^-64 subnormal or 0 */
    case 8: return below(40) ? 1e-300 : NAN;
    case 9: return below(40) ? 1e-10 : INFINITY * (below(2) ? 1 : -1);
    case 10: return (double)(int64_t)next() / 1024.0;
    case 11: return span * (double)below(1000) / 999.0;
    default: return (double)below((size_t)(span * 100) + 1) / 100;
    }
}

enum { MAXC = 12, MAXY = 7, MAXG = 5 };

typedef struct {
    socinv_sib_input in;
    double earned[MAXC * MAXY], caps[MAXC], gcaps[MAXG + 2], index[MAXY];
    unsigned groups[MAXC];
    int want_cuts[3], null_out, null_payout, in_place;
} sib_case;

/* Herning's call from Calc: 5 x 3, caps 5.58/2/3/1/1, groups 1-3 and 4-5 with 2
 * and 0.66, total 5.58, amounts 0-2.00; now and then a value changed to an edge. */
static void calc_case(sib_case *k)
{
    static const double caps[5] = {5.58, 2, 3, 1, 1}, gcaps[2] = {2, 0.66};
    static const unsigned groups[5] = {0, 0, 0, 1, 1};
    k->in.ncrit = 5;
    k->in.nyears = 3;
    memcpy(k->caps, caps, sizeof caps);
    memcpy(k->gcaps, gcaps, sizeof gcaps);
    memcpy(k->groups, groups, sizeof groups);
    k->in.ngroups = 2;
    k->in.total_cap = 5.58;
    for (size_t i = 0; i < 15; i++)
        k->earned[i] = (double)below(201) / 100;
    if (below(4) == 0) { /* one value moved to an edge */
        switch (below(5)) {
        case 0: k->earned[below(15)] = random_value(2, 1); break;
        case 1: k->caps[below(5)] = random_value(6, 1); break;
        case 2: k->gcaps[below(2)] = random_value(3, 1); break;
        case 3: k->in.total_cap = below(2) ? random_value(6, 1) : -1.0; break;
        default: k->groups[below(5)] = below(4) ? SOCINV_SIB_NO_GROUP : (unsigned)below(3); break;
        }
    }
}

/* Any shape: 1..MAXC criteria x 1..MAXY years, 0..MAXG groups, every option. */
static void any_case(sib_case *k)
{
    int edges = below(3) != 0;
    double span = below(2) ? 2.0 : (double)(1 + below(50));
    k->in.ncrit = 1 + below(MAXC);
    k->in.nyears = 1 + below(MAXY);
    size_t nc = k->in.ncrit, ny = k->in.nyears;
    for (size_t i = 0; i < nc * ny; i++)
        k->earned[i] = below(8) ? random_value(span, edges) : -random_value(span, 0);
    for (size_t c = 0; c < nc; c++)
        k->caps[c] = below(6) ? random_value(span * (double)ny * 0.6, edges) : DBL_MAX;
    size_t ng = below(MAXG + 1);
    k->in.ngroups = below(60) ? ng : SOCINV_SIB_MAX_GROUPS + 1 + below(2); /* too many: an error */
    for (size_t g = 0; g < ng + 2; g++)
        k->gcaps[g] = below(10) ? random_value(span * (double)nc * 0.3, edges) : below(2) ? 0.0 : DBL_MIN;
    for (size_t c = 0; c < nc; c++)
        k->groups[c] = ng && below(6) ? (unsigned)below(ng) : below(40) ? SOCINV_SIB_NO_GROUP : (unsigned)ng;
    k->in.total_cap = below(3) ? random_value(span * (double)(nc * ny) * 0.4, edges) : -1.0 - (double)below(3);
    if (below(8) == 0)
        k->in.total_cap = below(3) ? 0.0 : below(2) ? -0.0 : below(2) ? NAN : INFINITY;
    for (size_t t = 0; t < ny; t++)
        k->index[t] = below(30) ? 1.0 + (double)below(100) / 1000 : random_value(2, 1);
    k->in.allocation = below(3) ? SOCINV_SIB_PRORATA : below(20) ? SOCINV_SIB_ORDER : (socinv_sib_alloc)below(4);
    k->in.carry = below(4) == 0 ? (int)(1 + below(2)) : 0;
    k->in.crit_caps_annual = below(4) == 0;
    for (size_t j = 0; j < 3; j++)
        k->want_cuts[j] = below(3) == 0;
}

static void random_case(sib_case *k)
{
    memset(k, 0, sizeof *k);
    k->in = socinv_sib_input_default();
    if (below(3) == 0)
        calc_case(k);
    else
        any_case(k);
    k->in.earned = below(200) ? k->earned : NULL;
    k->in.crit_caps = below(8) ? k->caps : NULL;
    k->in.groups = below(8) ? k->groups : NULL;
    k->in.group_caps = k->gcaps;
    k->in.index = below(3) == 0 ? k->index : NULL;
    if (below(300) == 0) /* a dimension 0 */
        k->in.nyears = 0;
    k->null_out = below(300) == 0;
    k->null_payout = below(300) == 0;
    k->in_place = below(20) == 0;
}

static void assert_same_bits(const double *a, const double *b, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0)
            fail_msg("%s[%u]: %.17g, was %.17g", what, (unsigned)i, a[i], b[i]);
}

/* One case through f into fresh buffers filled with a sentinel: 4 blocks of
 * MAXC * MAXY (payout, then the cuts asked for). */
typedef socinv_status (*payout_fn)(const socinv_sib_input *, const socinv_sib_result *);

static socinv_status run(payout_fn f, const sib_case *k, double bufs[4][MAXC * MAXY])
{
    for (size_t j = 0; j < 4; j++)
        for (size_t i = 0; i < MAXC * MAXY; i++)
            bufs[j][i] = -12345.678;
    socinv_sib_input in = k->in;
    if (k->in_place && in.earned) { /* the payout written over a copy of the amounts */
        memcpy(bufs[0], k->earned, sizeof k->earned);
        in.earned = bufs[0];
    }
    socinv_sib_result r = {k->null_payout ? NULL : bufs[0], k->want_cuts[0] ? bufs[1] : NULL,
                           k->want_cuts[1] ? bufs[2] : NULL, k->want_cuts[2] ? bufs[3] : NULL};
    return f(&in, k->null_out ? NULL : &r);
}

/** Random inputs of every shape: the same status, the same bits in every buffer. */
static void test_sib_payout_same(void **state)
{
    (void)state;
    static sib_case k;
    static double was[4][MAXC * MAXY], now[4][MAXC * MAXY];
    size_t ok = 0, fast = 0, n_cases = cases() * 10;
    for (size_t n = n_cases; n > 0; n--) {
        random_case(&k);
        socinv_status s_old = run(old_sib_payout, &k, was), s_new = run(socinv_sib_payout, &k, now);
        if (s_new != s_old)
            fail_msg("status %s, was %s", socinv_status_name(s_new), socinv_status_name(s_old));
        assert_same_bits(now[0], was[0], MAXC * MAXY, "payout");
        assert_same_bits(now[1], was[1], MAXC * MAXY, "cut_criterion");
        assert_same_bits(now[2], was[2], MAXC * MAXY, "cut_group");
        assert_same_bits(now[3], was[3], MAXC * MAXY, "cut_total");
        if (s_old == SOCINV_OK) {
            ok++;
            fast += !k.want_cuts[0] && !k.want_cuts[1] && !k.want_cuts[2] && k.in.groups && k.in.ngroups &&
                    k.in.crit_caps && !k.in.carry && !k.in.crit_caps_annual &&
                    k.in.allocation == SOCINV_SIB_PRORATA;
        }
    }
    print_message("%lu of %lu cases gave a payout, %lu of them in Herning's shape pro rata without cuts\n",
                  (unsigned long)ok, (unsigned long)n_cases, (unsigned long)fast);
    assert_true(ok > n_cases / 4);
    assert_true(fast > n_cases / 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sib_payout_same),
    };
    return cmocka_run_group_tests_name("sib_diff", tests, NULL, NULL);
}
