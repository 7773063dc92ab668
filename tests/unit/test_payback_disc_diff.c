/* PAYBACKDISC, old against new: the rule (socinv_payback_discounted) and its glue
 * (sv_fn_payback_disc) as they were before issue 13's last per-cell round (commit
 * 8cc23b1) are kept here verbatim, renamed old_*, and both are run on random inputs
 * (the calc.py row mix, wide magnitudes up to 1E308, zeros, exact break-evens,
 * non-finite values, every schedule kind including malformed ones, bad options,
 * empty cells and text). Every status and every answer must be the same, bit for
 * bit. SOCINV_DIFF_CASES sets the number of cases of each test (default 100000;
 * the round's report gives the runs with millions), SOCINV_DIFF_SEED another
 * sequence of them. */
#include "glue_test.h"
#include "glue.h"

/* ---- the old rule, verbatim but for the names -------------------------------------------- */

typedef struct {
    double sum, comp;
} old_sum;

static inline void old_sum_add(old_sum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x))
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

static inline double old_sum_get(const old_sum *s)
{
    return s->sum + s->comp;
}

static const socinv_payback_opts old_defaults = {SOCINV_PAYBACK_WHOLE, SOCINV_CROSSING_FIRST, 1, 1,
                                                 SOCINV_PAYBACK_HORIZON_DEFAULT};

static socinv_status old_check_opts(const socinv_payback_opts *o)
{
    if (o->method != SOCINV_PAYBACK_WHOLE && o->method != SOCINV_PAYBACK_FRACTIONAL &&
        o->method != SOCINV_PAYBACK_WHOLE_NONSTRICT && o->method != SOCINV_PAYBACK_FRACTIONAL_NONSTRICT)
        return SOCINV_E_OPTION;
    if (o->crossing != SOCINV_CROSSING_FIRST && o->crossing != SOCINV_CROSSING_FINAL)
        return SOCINV_E_OPTION;
    if (o->sign != 1 && o->sign != -1)
        return SOCINV_E_OPTION;
    if (o->horizon < 1 || o->horizon > SOCINV_MAX_HORIZON)
        return SOCINV_E_DOMAIN;
    return SOCINV_OK;
}

typedef struct {
    int strict;
    double eps;
} old_rule;

static inline int old_meets(const old_rule *r, double cum)
{
    return r->strict ? cum < -r->eps : cum <= r->eps;
}

static double old_answer(const socinv_payback_opts *o, double k, double before, double after)
{
    if (!(o->method == SOCINV_PAYBACK_FRACTIONAL || o->method == SOCINV_PAYBACK_FRACTIONAL_NONSTRICT))
        return k;
    double frac = before / (before - after);
    if (!(frac > 0.0))
        frac = 0.0;
    if (frac > 1.0)
        frac = 1.0;
    return (k - 1.0) + frac;
}

static socinv_status old_check_values(const double *v, size_t n)
{
    if (!v)
        return SOCINV_E_NULL;
    if (n == 0 || n > SOCINV_MAX_CELLS)
        return SOCINV_E_LENGTH;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return SOCINV_E_NONFINITE;
    return SOCINV_OK;
}

static socinv_status old_check_row(const double *net, size_t n, const socinv_payback_opts **o, double *years)
{
    socinv_status st = old_check_values(net, n);
    if (st != SOCINV_OK)
        return st;
    if (!years)
        return SOCINV_E_NULL;
    if (!*o)
        *o = &old_defaults;
    return old_check_opts(*o);
}

typedef struct {
    old_rule r;
    old_sum cum;
    double c;
    unsigned first, last_not;
    double first_before, first_after, final_before, final_after;
    int pending;
} old_walk;

static socinv_status old_walk_year(old_walk *w, unsigned k, double value)
{
    double prev = w->c;
    old_sum_add(&w->cum, value);
    w->c = old_sum_get(&w->cum);
    if (!isfinite(w->c))
        return SOCINV_E_OVERFLOW;
    if (old_meets(&w->r, w->c)) {
        if (!w->first) {
            w->first = k;
            w->first_before = prev;
            w->first_after = w->c;
        }
        if (w->pending) {
            w->final_before = prev;
            w->final_after = w->c;
            w->pending = 0;
        }
    } else {
        w->last_not = k;
        w->pending = 1;
    }
    return SOCINV_OK;
}

static int old_never_meets(const old_rule *r, double c, double tail, double df, unsigned years_left,
                           double lowest_rate)
{
    if (!(lowest_rate >= 0.0))
        return 0;
    double steps = (double)years_left;
    if (lowest_rate > 0.0 && 1.0 / lowest_rate < steps)
        steps = 1.0 / lowest_rate;
    double reach = fabs(tail) * df * steps * (1.0 + 0x1p-30);
    if (!isfinite(c + 2.0 * reach))
        return 0;
    double lowest = tail < 0.0 ? c - reach : c;
    double edge = r->strict ? -r->eps : r->eps;
    return lowest > edge + 0x1p-20 * r->eps;
}

static double old_lowest_rate_from(const socinv_schedule *s, size_t band)
{
    double lowest = s->band[band].rate;
    for (size_t i = band + 1; i < s->nbands; i++)
        if (s->band[i].rate < lowest)
            lowest = s->band[i].rate;
    return lowest;
}

static socinv_status old_payback_discounted(const double *net, size_t n, const socinv_schedule *s,
                                            unsigned first_year, const socinv_payback_opts *opts, double *years)
{
    socinv_status st = old_check_row(net, n, &opts, years);
    if (st != SOCINV_OK)
        return st;
    if (first_year > 1)
        return SOCINV_E_DOMAIN;
    double df;
    if ((st = socinv_discount_factor(s, 0, &df)) != SOCINV_OK)
        return st;

    const double sign = opts->sign;
    const unsigned horizon = opts->extrapolate ? opts->horizon
                                               : (n < opts->horizon ? (unsigned)n : opts->horizon);
    old_walk w = {.r = {opts->method == SOCINV_PAYBACK_WHOLE || opts->method == SOCINV_PAYBACK_FRACTIONAL, 0.0}};
    double rate_df = 1.0;
    size_t band = 0;
    double lowest_rate = 0.0;
    for (unsigned k = 1; k <= horizon; k++) {
        unsigned t = first_year + k - 1;
        while (band + 1 < s->nbands && s->band[band + 1].from_year <= t)
            band++;
        if (t > 0)
            rate_df /= 1.0 + s->band[band].rate;
        double v = sign * (k <= n ? net[k - 1] : net[n - 1]) * rate_df;
        if (k <= n)
            w.r.eps += SOCINV_ZERO_TOLERANCE * fabs(v);
        if ((st = old_walk_year(&w, k, v)) != SOCINV_OK)
            return st;
        if (w.first && opts->crossing == SOCINV_CROSSING_FIRST)
            break;
        if (k >= n && k < horizon && !old_meets(&w.r, w.c)) {
            if (k == n)
                lowest_rate = old_lowest_rate_from(s, band);
            if (old_never_meets(&w.r, w.c, sign * net[n - 1], rate_df, horizon - k, lowest_rate))
                return SOCINV_NO_RESULT;
        }
    }
    if (opts->crossing == SOCINV_CROSSING_FIRST) {
        if (!w.first)
            return SOCINV_NO_RESULT;
        *years = old_answer(opts, w.first, w.first_before, w.first_after);
        return SOCINV_OK;
    }
    if (!old_meets(&w.r, w.c))
        return SOCINV_NO_RESULT;
    if (w.last_not == 0) {
        w.final_before = 0.0;
        w.final_after = sign * net[0] * (first_year ? 1.0 / (1.0 + socinv_schedule_rate(s, 1)) : 1.0);
    }
    *years = old_answer(opts, w.last_not + 1, w.final_before, w.final_after);
    return SOCINV_OK;
}

/* ---- the old glue ----------------------------------------------------------------------------- */

static socinv_status old_read_opts(sv_call *c, size_t row, size_t method_i, size_t sign_i, size_t horizon_i,
                                   socinv_payback_opts *o)
{
    long method, sign, horizon;
    *o = socinv_payback_opts_default();
    SV_TRY(sv_int_arg(c, row, method_i, SOCINV_PAYBACK_WHOLE, SOCINV_PAYBACK_FRACTIONAL_NONSTRICT, &method));
    SV_TRY(sv_int_arg(c, row, sign_i, -1, 1, &sign));
    SV_TRY(sv_int_arg(c, row, horizon_i, 1, SOCINV_MAX_HORIZON, &horizon));
    if (sign == 0)
        return SOCINV_E_OPTION;
    o->method = (socinv_payback_method)method;
    o->sign = (int)sign;
    o->horizon = (unsigned)horizon;
    return SOCINV_OK;
}

typedef struct {
    socinv_schedule s;
    unsigned first_year;
    socinv_payback_opts o;
} old_disc_row_args;

static socinv_status old_payback_disc_row(const double *net, size_t n, const void *ctx, double *years)
{
    const old_disc_row_args *a = ctx;
    return old_payback_discounted(net, n, &a->s, a->first_year, &a->o, years);
}

static socinv_status old_fn_payback_disc(sv_call *c)
{
    const double *net;
    size_t n;
    long first_year;
    old_disc_row_args a;
    SV_TRY(sv_schedule_arg(c, SV_PAYBACKDISC_SCHEDULE, &a.s));
    SV_TRY(old_read_opts(c, SV_ROW_PAYBACKDISC, SV_PAYBACKDISC_METHOD, SV_PAYBACKDISC_SIGN,
                         SV_PAYBACKDISC_HORIZON, &a.o));
    SV_TRY(sv_int_arg(c, SV_ROW_PAYBACKDISC, SV_PAYBACKDISC_FIRSTYEAR, 0, 1, &first_year));
    a.first_year = (unsigned)first_year;
    if (sv_is_portfolio(c, SV_PAYBACKDISC_NET))
        return sv_per_row(c, SV_PAYBACKDISC_NET, old_payback_disc_row, &a);
    SV_TRY(sv_vector(c, SV_PAYBACKDISC_NET, &net, &n));
    double years;
    SV_TRY(old_payback_disc_row(net, n, &a, &years));
    sv_set_number(c, years);
    return SOCINV_OK;
}

/* ---- random inputs --------------------------------------------------------------------------- */

static uint64_t rng = 0x2545F4914F6CDD1Du;
static uint64_t next_u64(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Du;
}
static unsigned below(unsigned n)
{
    return (unsigned)(next_u64() % n);
}
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * (double)(next_u64() >> 11) / 9007199254740992.0;
}
static double integer(int lo, int hi)
{
    return (double)(lo + (int)below((unsigned)(hi - lo + 1)));
}

/* SOCINV_DIFF_SEED: another sequence of cases (default the fixed one above) */
static void seed_from_env(void)
{
    const char *e = getenv("SOCINV_DIFF_SEED");
    unsigned long long v = e ? strtoull(e, NULL, 10) : 0;
    if (v)
        rng = v * 0x9E3779B97F4A7C15u | 1u;
}

static size_t cases(void)
{
    const char *e = getenv("SOCINV_DIFF_CASES");
    long n = e ? strtol(e, NULL, 10) : 0;
    return n > 0 ? (size_t)n : 100000;
}

/* One value of a row: mostly kroner as the sheets have them, sometimes extremes. */
static double any_value(void)
{
    switch (below(16)) {
    case 0:
        return 0.0;
    case 1:
        return uniform(-1.0, 1.0) * 1e308;
    case 2:
        return (below(2) ? 1.0 : -1.0) * ldexp(uniform(1.0, 2.0), (int)below(2100) - 1070);
    case 3:
        return below(5) == 0 ? (below(2) ? (below(2) ? INFINITY : -INFINITY) : NAN) : integer(-3, 3);
    case 4:
        return uniform(-1e6, 1e6);
    default:
        return integer(-3000, 3000);
    }
}

/* A row of n years: calc.py's mix (inside, beyond, never, a dip), break-evens, or any values. */
static size_t any_row(double *net, size_t cap)
{
    size_t n = below(4) ? 6 : 1 + below(below(8) ? 12 : (unsigned)cap);
    if (n > cap)
        n = cap;
    unsigned kind = below(8);
    for (size_t j = 0; j < n; j++) {
        switch (kind) {
        case 0: /* pays back inside */
            net[j] = j == 0 ? integer(100, 3000) : j == 1 ? integer(-500, 2000) : integer(-3000, -800);
            break;
        case 1:
        case 2: /* beyond the table */
            net[j] = j == 0 ? integer(5000, 20000) : j == 1 ? integer(2000, 9000) : integer(-1500, -200);
            break;
        case 3: /* never */
            net[j] = j + 1 < n ? integer(0, 1000) : integer(0, 300);
            break;
        case 4: /* a dip */
            net[j] = j == 0 ? integer(-500, -1) : j == 1 ? integer(-200, 800) : integer(0, 900);
            break;
        case 5: /* small whole numbers: exact zeros of the cumulative */
            net[j] = integer(-4, 4) * 25.0;
            break;
        case 6: /* the tail barely (not) enough: a large owed sum, a small saving */
            net[j] = j + 1 < n ? uniform(0, 1e4) : -uniform(0, 1e3);
            break;
        default:
            net[j] = any_value();
        }
    }
    if (below(10) == 0) /* the cumulative exactly back at zero after the table */
        net[n - 1] = -(n > 1 ? net[0] : 0.0);
    return n;
}

static void any_schedule(socinv_schedule *s)
{
    static const char *const names[] = {"DK2021", "DK2013", "UK2022", "UK2022HEALTH"};
    unsigned k = below(10);
    if (k < 5) {
        socinv_schedule_named(names[k % 4], strlen(names[k % 4]), s);
        return;
    }
    memset(s, 0, sizeof *s);
    s->nbands = 1 + below(5);
    for (size_t i = 0; i < s->nbands; i++) {
        s->band[i].from_year = i == 0 ? 1 : s->band[i - 1].from_year + 1 + below(40);
        s->band[i].rate = below(4) ? uniform(0.0, 0.08) : below(2) ? 0.0 : uniform(-0.3, 0.5);
    }
    switch (below(20)) {
    case 0:
        s->nbands = 0; /* malformed, as a caller of the library may pass it */
        break;
    case 1:
        s->band[below((unsigned)s->nbands)].rate = below(2) ? -1.0 : NAN;
        break;
    case 2:
        s->band[below((unsigned)s->nbands)].from_year = below(120); /* out of order */
        break;
    case 3:
        s->band[0].rate = uniform(-0.999, -0.5); /* factors that grow fast */
        break;
    case 4: /* factors that fall into the subnormals */
        s->band[below((unsigned)s->nbands)].rate = ldexp(1.0, (int)below(700));
        break;
    default:
        break;
    }
}

static void any_opts(socinv_payback_opts *o)
{
    *o = socinv_payback_opts_default();
    o->method = (socinv_payback_method)(below(20) ? below(4) : 4 + below(3));
    o->crossing = (socinv_crossing)(below(3) ? 0 : below(10) ? 1 : 2);
    o->extrapolate = below(5) != 0;
    o->sign = below(3) ? 1 : below(10) ? -1 : 0;
    unsigned h = below(10);
    o->horizon = h < 6 ? 100 : h < 8 ? 1 + below(200) : h < 9 ? below(2) ? 0 : SOCINV_MAX_HORIZON + below(2)
                                                                  : SOCINV_MAX_HORIZON - below(100);
}

static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/** The rule: random rows, schedules, first years and options; status and years bit for bit. */
static void test_rule_old_new(void **state)
{
    (void)state;
    double net[64];
    size_t met = 0, beyond = 0;
    for (size_t i = 0, m = cases(); i < m; i++) {
        size_t n = any_row(net, 64);
        socinv_schedule s;
        any_schedule(&s);
        socinv_payback_opts o;
        any_opts(&o);
        if (below(20) == 0) { /* the cumulative within a hair of the zero band's edge in the table */
            double a = integer(1, 20000), x = 1e-9 * 2.0 * a * (1.0 + uniform(-0.03, 0.03));
            net[0] = a;
            net[1] = -(a + x);
            net[2] = integer(-5, 5);
            n = 2 + below(2);
            socinv_schedule_flat(below(2) ? 0.0 : 1e-12, &s);
        } else if (below(20) == 0) { /* the cumulative within a hair of the zero band's edge past the table */
            double a = integer(1, 20000), x = 0.5e-9 * 1.5 * a * (1.0 + uniform(-0.4, 0.4));
            net[0] = a;
            net[1] = -(a / 2 + x);
            n = 2;
            socinv_schedule_flat(below(2) ? 0.0 : 1e-12, &s);
        }
        unsigned first_year = below(12) ? below(2) : 2;
        const socinv_payback_opts *po = below(20) ? &o : NULL;
        if (below(20) == 0) { /* the tail just (not) enough by the horizon: the stop test's edge */
            unsigned h = 3 + below(60);
            double a = integer(1, 20000), b0 = a / (h - 1);
            /* c(h) near the band's edge -eps, or c(2) - reach(2) near it (the stop test at
             * the table's end: c(2) - reach(2) = c(h) - (h - 2) b 2^-30 at 0 %) */
            double lift = below(2) ? 0.0 : (h - 2) * b0 * 0x1p-30 * (1.0 + uniform(-0.02, 0.02));
            double b = (a + 1e-9 * (a + b0) * (1.0 + uniform(-3e-3, 3e-3)) - lift) / (h - 1);
            net[0] = a;
            net[1] = -b;
            n = 2;
            socinv_schedule_flat(below(2) ? 0.0 : 1e-12, &s);
            o = socinv_payback_opts_default();
            o.horizon = h;
            o.method = below(2) ? SOCINV_PAYBACK_WHOLE : SOCINV_PAYBACK_WHOLE_NONSTRICT;
            po = &o;
            first_year = below(2);
        }
        double y_old = -7.0, y_new = -7.0;
        /* now and then a NULL or an empty argument, as a library caller may pass them */
        const unsigned null_arg = below(100);
        const double *pnet = null_arg == 0 ? NULL : net;
        size_t pn = null_arg == 1 ? 0 : n;
        const socinv_schedule *ps = null_arg == 2 ? NULL : &s;
        socinv_status st_old = old_payback_discounted(pnet, pn, ps, first_year, po, null_arg == 3 ? NULL : &y_old);
        socinv_status st_new = socinv_payback_discounted(pnet, pn, ps, first_year, po, null_arg == 3 ? NULL : &y_new);
        if (st_old != st_new || !same_double(y_old, y_new)) {
            print_error("case %u: n %u, first year %u, method %d crossing %d extrapolate %d sign %d horizon %u:"
                        " old %s %.17g, new %s %.17g\n",
                        (unsigned)i, (unsigned)n, first_year, (int)o.method, (int)o.crossing, o.extrapolate, o.sign, o.horizon,
                        socinv_status_name(st_old), y_old, socinv_status_name(st_new), y_new);
            fail();
        }
        met += st_old == SOCINV_OK;
        beyond += st_old == SOCINV_OK && y_old > (double)n;
    }
    /* the cases reach both ends: answers inside and beyond the table */
    assert_true(met > cases() / 10);
    assert_true(beyond > cases() / 50);
}

/* One argument of the glue: left out, a blank, a number, a text, or a shape. */
static sv_cell cell_pool[16 * 64];
static size_t cell_used;

static const sv_cell *cells_of(size_t count)
{
    const sv_cell *c = &cell_pool[cell_used];
    cell_used += count;
    return c;
}

static sv_arg any_option(double lo, double hi)
{
    sv_arg a = {1, 0, 0, NULL};
    unsigned k = below(12);
    if (k < 7)
        return a;
    sv_cell *c = &cell_pool[cell_used];
    a = (sv_arg){0, 1, 1, cells_of(1)};
    if (k == 7)
        *c = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    else if (k == 8)
        *c = (sv_cell){SV_TEXT, 0.0, "x", 1};
    else if (k == 9)
        *c = (sv_cell){SV_NUMBER, uniform(lo - 2, hi + 2), NULL, 0};
    else
        *c = (sv_cell){SV_NUMBER, integer((int)lo - 1, (int)hi + 1), NULL, 0};
    return a;
}

static sv_arg any_schedule_arg(void)
{
    static const char *const names[] = {"DK2021", "dk2013", " UK2022 ", "nope", ""};
    unsigned k = below(10);
    if (k < 5)
        return (sv_arg){1, 0, 0, NULL};
    sv_cell *c = &cell_pool[cell_used];
    if (k < 7) {
        const char *nm = names[below(5)];
        *c = (sv_cell){SV_TEXT, 0.0, nm, strlen(nm)};
        return (sv_arg){0, 1, 1, cells_of(1)};
    }
    if (k < 9) {
        *c = (sv_cell){SV_NUMBER, below(8) ? uniform(-0.05, 0.1) : below(2) ? -1.0 : 0.0, NULL, 0};
        return (sv_arg){0, 1, 1, cells_of(1)};
    }
    size_t rows = 1 + below(3);
    for (size_t r = 0; r < rows; r++) {
        c[2 * r] = (sv_cell){SV_NUMBER, r == 0 ? 1.0 : 1.0 + 20.0 * (double)r + integer(-1, 1), NULL, 0};
        c[2 * r + 1] = (sv_cell){SV_NUMBER, uniform(-0.01, 0.06), NULL, 0};
    }
    return (sv_arg){0, rows, 2, cells_of(2 * rows)};
}

static sv_arg any_net_arg(void)
{
    size_t rows = below(6) ? 1 : 2 + below(3), cols = below(4) ? 6 : 1 + below(12);
    sv_cell *c = &cell_pool[cell_used];
    double row[12];
    for (size_t r = 0; r < rows; r++) {
        size_t n = any_row(row, cols); /* the rest of the row blank: later years left out */
        for (size_t j = 0; j < cols; j++)
            c[r * cols + j] = j < n ? (sv_cell){SV_NUMBER, row[j], NULL, 0} : (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    }
    if (below(30) == 0)
        c[below((unsigned)(rows * cols))] = (sv_cell){SV_TEXT, 0.0, "t", 1};
    if (below(30) == 0)
        c[below((unsigned)(rows * cols))] = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    sv_arg a = {0, rows, cols, cells_of(rows * cols)};
    if (rows == 1 && below(6) == 0) { /* a column */
        a.rows = cols;
        a.cols = 1;
    }
    return a;
}

static int same_result(const sv_call *a, socinv_status sa, const sv_call *b, socinv_status sb)
{
    if (sa != sb)
        return 0;
    if (sa != SOCINV_OK)
        return 1;
    if (a->res.kind != b->res.kind)
        return 0;
    if (a->res.kind == SV_RES_NUMBER)
        return same_double(a->res.num, b->res.num);
    if (a->res.rows != b->res.rows || a->res.cols != b->res.cols)
        return 0;
    for (size_t i = 0; i < a->res.rows * a->res.cols; i++) {
        socinv_status ca = a->res.cell_status ? a->res.cell_status[i] : SOCINV_OK;
        socinv_status cb = b->res.cell_status ? b->res.cell_status[i] : SOCINV_OK;
        if (ca != cb || (ca == SOCINV_OK && !same_double(a->res.matrix[i], b->res.matrix[i])))
            return 0;
    }
    return 1;
}

/** The glue as Calc calls it: random arguments (left out, blank, text, numbers in and out
 * of range, a row, a column, a block); status and result bit for bit. */
static void test_glue_old_new(void **state)
{
    (void)state;
    const sv_function *f = sv_function_find("paybackDisc", strlen("paybackDisc"));
    assert_non_null(f);
    static sv_call old_call, new_call;
    size_t ok = 0;
    for (size_t i = 0, m = cases(); i < m; i++) {
        sv_arg args[SV_MAX_PARAMS];
        cell_used = 0;
        for (size_t p = 0; p < SV_MAX_PARAMS; p++)
            args[p] = (sv_arg){1, 0, 0, NULL};
        args[SV_PAYBACKDISC_NET] = any_net_arg();
        args[SV_PAYBACKDISC_SCHEDULE] = any_schedule_arg();
        args[SV_PAYBACKDISC_METHOD] = any_option(0, 3);
        args[SV_PAYBACKDISC_FIRSTYEAR] = any_option(0, 1);
        args[SV_PAYBACKDISC_SIGN] = any_option(-1, 1);
        args[SV_PAYBACKDISC_HORIZON] = any_option(1, 200);
        size_t nargs = below(10) ? f->nparams : below((unsigned)f->nparams) + 1;
        sv_call_init(&old_call, args, nargs);
        sv_call_init(&new_call, args, nargs);
        socinv_status st_old = old_fn_payback_disc(&old_call);
        socinv_status st_new = f->glue(&new_call);
        if (!same_result(&old_call, st_old, &new_call, st_new)) {
            print_error("case %u: old %s %.17g, new %s %.17g\n", (unsigned)i, socinv_status_name(st_old), old_call.res.num,
                        socinv_status_name(st_new), new_call.res.num);
            fail();
        }
        ok += st_old == SOCINV_OK;
        sv_call_done(&old_call);
        sv_call_done(&new_call);
    }
    assert_true(ok > cases() / 10);
}

int main(void)
{
    seed_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule_old_new),
        cmocka_unit_test(test_glue_old_new),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
