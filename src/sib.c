/* Herning's social impact investment: capped, grouped, indexed outcome payments
 * and the helpers that turn accounts into the amounts each criterion earns. */
#include <float.h>
#include <string.h>

#include "internal.h"

socinv_sib_input socinv_sib_input_default(void)
{
    socinv_sib_input in = {0};
    in.total_cap = -1.0;
    in.allocation = SOCINV_SIB_PRORATA;
    return in;
}

/* Two doubles in one register (GCC's and Clang's vector extension: SSE2's
 * mulpd/addpd on x86-64): the same operations on each lane. */
typedef double sib_pair __attribute__((vector_size(16)));

/* Are all n values finite? One multiply and add a value: x * 0 is NaN for an
 * infinite or NaN x and a zero otherwise, and a NaN stays in the sum. Two
 * values a step, four a round. */
static inline int all_finite(const double *v, size_t n)
{
    sib_pair z = {0.0, 0.0}, y = {0.0, 0.0};
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        sib_pair a, b;
        memcpy(&a, v + i, sizeof a);
        memcpy(&b, v + i + 2, sizeof b);
        z += a * 0.0;
        y += b * 0.0;
    }
    if (i + 2 <= n) {
        sib_pair a;
        memcpy(&a, v + i, sizeof a);
        z += a * 0.0;
        i += 2;
    }
    z += y;
    double sum = z[0] + z[1];
    if (i < n)
        sum += v[i] * 0.0;
    return sum == sum;
}

static socinv_status check_caps_exactly(const double *caps, size_t n)
{
    socinv_status st = si_check_values(caps, n);
    if (st != SOCINV_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (caps[i] < 0.0)
            return SOCINV_E_DOMAIN;
    return SOCINV_OK;
}

/* Caps: the common case in one pass, each finite and >= 0; otherwise which status. */
static inline socinv_status check_caps(const double *caps, size_t n)
{
    if (caps && n > 0 && n <= SOCINV_MAX_CELLS) {
        size_t i = 0;
        while (i < n && caps[i] >= 0.0 && caps[i] <= DBL_MAX)
            i++;
        if (i == n)
            return SOCINV_OK;
    }
    return check_caps_exactly(caps, n);
}

static socinv_status check_sib(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st;
    if (!in || !out || !out->payout)
        return SOCINV_E_NULL;
    if ((st = si_check_dims(in->ncrit, in->nyears)) != SOCINV_OK)
        return st;
    size_t cells = in->ncrit * in->nyears; /* within SOCINV_MAX_CELLS */
    if (!(in->earned && all_finite(in->earned, cells)) && (st = si_check_values(in->earned, cells)) != SOCINV_OK)
        return st;
    if (in->crit_caps && (st = check_caps(in->crit_caps, in->ncrit)) != SOCINV_OK)
        return st;
    if (in->groups) {
        if (in->ngroups > SOCINV_SIB_MAX_GROUPS)
            return SOCINV_E_DOMAIN;
        /* every criterion may be ungrouped: then there are no group caps to check */
        if (in->ngroups && (st = check_caps(in->group_caps, in->ngroups)) != SOCINV_OK)
            return st;
        for (size_t c = 0; c < in->ncrit; c++)
            if (in->groups[c] + 1u > in->ngroups) /* SOCINV_SIB_NO_GROUP + 1 wraps to 0 */
                return SOCINV_E_DOMAIN;
    }
    if (!isfinite(in->total_cap))
        return SOCINV_E_NONFINITE; /* "no total cap" is any negative number, not infinity */
    if (in->index) {
        if ((st = si_check_values(in->index, in->nyears)) != SOCINV_OK)
            return st;
        for (size_t t = 0; t < in->nyears; t++)
            if (in->index[t] <= 0.0)
                return SOCINV_E_INDEX;
    }
    if (in->allocation != SOCINV_SIB_PRORATA && in->allocation != SOCINV_SIB_ORDER)
        return SOCINV_E_OPTION;
    return SOCINV_OK;
}

/* Running state of one call, so every year costs O(criteria + groups): what
 * each group has earned and may still pay this year, and what was paid before.
 * All of it is kept times SLOT_SCALE: a sum of amounts near 1E308 (or a yearly
 * cap times the years carried) stays finite there, where it would overflow to
 * infinity and turn a pro rata factor into 0. A power of two scales exactly,
 * so ordinary amounts give the same bits as unscaled. */
#define SLOT_SCALE 0x1p-64

typedef struct {
    double sum[SOCINV_SIB_MAX_GROUPS + 1];    /* this year's amounts per group; [ngroups] = all */
    double room[SOCINV_SIB_MAX_GROUPS + 1];   /* room left this year per group; [ngroups] = total */
    double factor[SOCINV_SIB_MAX_GROUPS + 1]; /* pro rata: the share a binding slot pays */
    unsigned char binds[SOCINV_SIB_MAX_GROUPS + 1];    /* the slot's cap cuts this year */
    unsigned char positive[SOCINV_SIB_MAX_GROUPS + 1]; /* see group_rooms() */
    si_sum paid[SOCINV_SIB_MAX_GROUPS + 1];            /* paid in earlier years per group; [ngroups] = all */
} sib_state;

/* Slot g's room this year (scaled; below 0 is 0), whether its cap binds and,
 * pro rata, the share every amount in it is paid. The sum is cleared for next
 * year once read. Returns whether the room is 0 and the sum not above it: then
 * the cap binds if any amount in the slot is positive, one so small that
 * scaling it underflows included (its scaled sum is 0, not above the room);
 * bind_zero_room() decides. */
static int slot_room(sib_state *s, size_t g, double room, int prorata)
{
    double sum = s->sum[g];
    if (room < 0.0)
        room = 0.0;
    s->room[g] = room;
    s->sum[g] = 0.0;
    s->binds[g] = sum > room;
    if (sum > room) {
        if (prorata)
            s->factor[g] = room / sum; /* sum > room >= 0 */
        return 0;
    }
    return room == 0.0;
}

/* A slot with room 0 and a sum of 0 binds when it has a positive amount,
 * and then pays none of it. */
static void bind_zero_room(sib_state *s, size_t g)
{
    s->binds[g] = 1;
    s->factor[g] = 0.0;
}

/* si_sum_add for the paid-so-far: every amount paid is >= 0 (or -0), and so is
 * the sum, so the larger magnitude is the larger value (no fabs). */
static inline void paid_add(si_sum *s, double x)
{
    double t = s->sum + x;
    if (s->sum >= x)
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

/* The amount a binding slot g pays of `before`: pro rata its share, in order
 * what is left of the room (which shrinks criterion by criterion). Inline, so
 * a caller's constant allocation leaves no test per criterion. */
static inline __attribute__((always_inline)) double cut_to_room(sib_state *s, size_t g, double before,
                                                                const int prorata)
{
    if (prorata)
        return before * s->factor[g];
    double after = before * SLOT_SCALE < s->room[g] ? before : s->room[g] / SLOT_SCALE;
    s->room[g] -= after * SLOT_SCALE;
    return after;
}

/* Year t, step 1, one pass over the criteria. First what year t-1 paid goes
 * into the paid-so-far the caps count: each criterion's (period caps; kept in
 * year t's slot of `base` until this pass), each group's (carried room) and the
 * total's (total cap). Then each criterion's amount is limited by the room left
 * of its own cap, and added to this year's sum of its group and of all (slot
 * ngroups). Inline with constant flags from criterion_caps(), so the common
 * shapes run without a test per criterion for what they do not have. */
static inline __attribute__((always_inline)) void criterion_pass(double *base, const socinv_sib_input *in, size_t t,
                                                                 size_t ng, sib_state *s, double *cut,
                                                                 const int paid_group, const int paid_total,
                                                                 const int period, const int grouped, const int later)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const double *earned = in->earned, *caps = in->crit_caps;
    const unsigned *groups = in->groups;
    const int next = t + 1 < ny;
    si_sum *paid = s->paid, paid_all = s->paid[ng]; /* a local: the stores to base cannot touch it */
    double *sum = s->sum, all = 0.0;
    for (size_t c = 0; c < nc; c++) {
        size_t i = c * ny + t;
        if (paid_group && groups[c] != SOCINV_SIB_NO_GROUP)
            paid_add(&paid[groups[c]], base[i - 1] * SLOT_SCALE);
        if (paid_total)
            paid_add(&paid_all, base[i - 1] * SLOT_SCALE);
        double e = earned[i];
        double a = e > 0.0 ? e : 0.0;
        if (period || caps) {
            double room = caps[c];
            if (period) {
                double before = later ? base[i] + base[i - 1] : 0.0;
                if (next)
                    base[i + 1] = before;
                room -= before;
            }
            if (room < 0.0)
                room = 0.0;
            if (a > room) {
                if (cut)
                    cut[i] = a - room;
                a = room;
            }
        }
        base[i] = a;
        double scaled = a * SLOT_SCALE;
        if (grouped && groups[c] != SOCINV_SIB_NO_GROUP)
            sum[groups[c]] += scaled;
        all += scaled;
    }
    sum[ng] = all;
    paid[ng] = paid_all;
}

/* herning: Herning's shape, period criterion caps and groups without carry. */
static void criterion_caps(double *base, const socinv_sib_input *in, size_t t, size_t ng, sib_state *s,
                           double *cut, int herning)
{
    if (herning && t == 0)
        criterion_pass(base, in, t, ng, s, cut, 0, 0, 1, 1, 0);
    else if (herning && in->total_cap >= 0.0)
        criterion_pass(base, in, t, ng, s, cut, 0, 1, 1, 1, 1);
    else if (herning)
        criterion_pass(base, in, t, ng, s, cut, 0, 0, 1, 1, 1);
    else
        criterion_pass(base, in, t, ng, s, cut, t > 0 && ng && in->carry, t > 0 && in->total_cap >= 0.0,
                       in->crit_caps && !in->crit_caps_annual, ng != 0, t > 0);
}

/* Year t, step 2: each group's annual cap (plus the room carried); returns
 * whether any binds. Which groups have a positive amount is looked at only
 * when a room of 0 needs it (one pass for all groups). */
static int group_rooms(const double *base, const socinv_sib_input *in, size_t t, size_t ng, sib_state *s)
{
    const int prorata = in->allocation == SOCINV_SIB_PRORATA;
    int zero = 0, any = 0;
    for (size_t g = 0; g < ng; g++) {
        double cap = in->group_caps[g] * SLOT_SCALE;
        zero |= slot_room(s, g, in->carry ? cap * (double)(t + 1) - si_sum_get(&s->paid[g]) : cap, prorata);
        any |= s->binds[g];
    }
    if (zero) {
        memset(s->positive, 0, ng);
        for (size_t c = 0; c < in->ncrit; c++)
            if (in->groups[c] != SOCINV_SIB_NO_GROUP && base[c * in->nyears + t] > 0.0)
                s->positive[in->groups[c]] = 1;
        for (size_t g = 0; g < ng; g++) {
            if (!s->binds[g] && s->room[g] == 0.0 && s->positive[g]) {
                bind_zero_room(s, g);
                any = 1;
            }
        }
    }
    return any;
}

/* Year t, step 2, where a group cap binds: its criteria cut to the group's
 * room, and the sum in all (slot ngroups) taken again after the cuts. */
static inline __attribute__((always_inline)) void group_pass(double *base, const socinv_sib_input *in, size_t t,
                                                             size_t ng, sib_state *s, double *cut, const int prorata)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const unsigned *groups = in->groups;
    double all = 0.0;
    for (size_t c = 0; c < nc; c++) {
        size_t i = c * ny + t;
        unsigned g = groups[c];
        double v = base[i];
        if (g != SOCINV_SIB_NO_GROUP && s->binds[g]) {
            double after = cut_to_room(s, g, v, prorata);
            base[i] = after;
            if (cut)
                cut[i] = v - after;
            v = after;
        }
        all += v * SLOT_SCALE;
    }
    s->sum[ng] = all;
}

static void group_cuts(double *base, const socinv_sib_input *in, size_t t, size_t ng, sib_state *s, double *cut)
{
    if (in->allocation == SOCINV_SIB_PRORATA && !cut)
        group_pass(base, in, t, ng, s, NULL, 1);
    else if (in->allocation == SOCINV_SIB_PRORATA)
        group_pass(base, in, t, ng, s, cut, 1);
    else
        group_pass(base, in, t, ng, s, cut, 0);
}

/* Year t, step 3: the total cap (slot ngroups), and where it binds every
 * criterion cut to its room. */
static void total_cap(double *base, const socinv_sib_input *in, size_t t, size_t ng, sib_state *s, double *cut)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const int prorata = in->allocation == SOCINV_SIB_PRORATA;
    if (slot_room(s, ng, in->total_cap * SLOT_SCALE - si_sum_get(&s->paid[ng]), prorata))
        for (size_t c = 0; c < nc && !s->binds[ng]; c++)
            if (base[c * ny + t] > 0.0)
                bind_zero_room(s, ng);
    if (!s->binds[ng])
        return;
    for (size_t c = 0; c < nc; c++) {
        size_t i = c * ny + t;
        double before = base[i], after = prorata ? cut_to_room(s, ng, before, 1) : cut_to_room(s, ng, before, 0);
        base[i] = after;
        if (cut)
            cut[i] = before - after;
    }
}

/* ---- Herning's shape pro rata, no cut asked for: what a cell in Calc computes ----
 * The same operations in the same order as the passes above, with less to
 * test per criterion: a criterion's group slot is groups[c] + 1 (slot 0: no
 * group, SOCINV_SIB_NO_GROUP + 1 wraps to 0), and a group pays its amounts
 * times a factor that is 1 where its cap does not bind (x * 1 is x for every
 * amount here, none is NaN), so the group pass has no test per criterion. */

/* A criterion's group slot less one, from its checked group number (below
 * SOCINV_SIB_MAX_GROUPS): -1 for SOCINV_SIB_NO_GROUP. As an int read from an
 * unsigned's bits it takes one load (GCC and Clang see the test as the
 * conversion's own: UINT_MAX is -1 there), where + 1u took two steps. */
static inline int slot_of(unsigned group)
{
    return group == SOCINV_SIB_NO_GROUP ? -1 : (int)group;
}

/* Year t, step 1 (criterion_pass() with Herning's flags): `first` year 0,
 * `next` a later year follows, `total` a total cap (its paid-so-far, *paid,
 * and the sum in all, returned), `pending` year t-1's group cuts are made here
 * as its amounts are read (each times its group's factor, still in s->factor). */
static inline __attribute__((always_inline)) double herning_caps(double *base, const socinv_sib_input *in, size_t t,
                                                                 sib_state *s, si_sum *paid, const int first,
                                                                 const int next, const int total, const int pending)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const double *earned = in->earned, *caps = in->crit_caps, *factor = s->factor + 1;
    const unsigned *groups = in->groups;
    double *sum = s->sum + 1, all = 0.0;
    si_sum paid_all = *paid; /* a local: the stores to base cannot touch it */
    for (size_t c = 0, i = t; c < nc; c++, i += ny) {
        const int g = slot_of(groups[c]);
        double last = first ? 0.0 : base[i - 1];
        if (pending && !first) {
            last *= factor[g];
            base[i - 1] = last;
        }
        if (total && !first)
            paid_add(&paid_all, last * SLOT_SCALE);
        double e = earned[i];
        double a = e > 0.0 ? e : 0.0;
        double before = first ? 0.0 : base[i] + last;
        if (next)
            base[i + 1] = before;
        double room = caps[c] - before;
        if (!first && room < 0.0) /* in year 0 the room is the cap, >= 0 */
            room = 0.0;
        if (a > room)
            a = room;
        base[i] = a;
        double scaled = a * SLOT_SCALE;
        sum[g] += scaled;
        if (total)
            all += scaled;
    }
    *paid = paid_all;
    return all;
}

/* Year t, step 1, the variant for the year. */
static double herning_year(double *base, const socinv_sib_input *in, size_t t, sib_state *s, si_sum *paid, int total,
                           int pending)
{
    const int next = t + 1 < in->nyears;
    if (t == 0 && total)
        return next ? herning_caps(base, in, t, s, paid, 1, 1, 1, 0) : herning_caps(base, in, t, s, paid, 1, 0, 1, 0);
    if (t == 0)
        return next ? herning_caps(base, in, t, s, paid, 1, 1, 0, 0) : herning_caps(base, in, t, s, paid, 1, 0, 0, 0);
    if (total && pending)
        return next ? herning_caps(base, in, t, s, paid, 0, 1, 1, 1) : herning_caps(base, in, t, s, paid, 0, 0, 1, 1);
    if (total)
        return next ? herning_caps(base, in, t, s, paid, 0, 1, 1, 0) : herning_caps(base, in, t, s, paid, 0, 0, 1, 0);
    if (pending)
        return next ? herning_caps(base, in, t, s, paid, 0, 1, 0, 1) : herning_caps(base, in, t, s, paid, 0, 0, 0, 1);
    return next ? herning_caps(base, in, t, s, paid, 0, 1, 0, 0) : herning_caps(base, in, t, s, paid, 0, 0, 0, 0);
}

/* A group with room 0 whose sum is not above it (factor still 1) binds when it
 * has a positive amount, and pays none of it (group_rooms()' second half). */
static SI_SLOW_PATH int herning_zero_rooms(const double *base, const socinv_sib_input *in, size_t t, size_t ng,
                                           sib_state *s)
{
    memset(s->positive, 0, ng + 1);
    for (size_t c = 0; c < in->ncrit; c++)
        if (base[c * in->nyears + t] > 0.0)
            s->positive[in->groups[c] + 1u] = 1;
    int any = 0;
    for (size_t g = 1; g <= ng; g++) {
        if (s->factor[g] == 1.0 && s->room[g] == 0.0 && s->positive[g]) {
            s->factor[g] = 0.0;
            any = 1;
        }
    }
    return any;
}

/* Year t, step 2 (group_rooms()): each group's factor, 1 where its cap does not
 * bind; returns whether any binds. The rooms (slots 1..ng) are the same every
 * year; `zero`: one of them is 0. */
static int herning_groups(const double *base, const socinv_sib_input *in, size_t t, size_t ng, sib_state *s,
                          int zero)
{
    double *sum = s->sum, *factor = s->factor;
    const double *room = s->room;
    int any = 0;
    for (size_t g = 1; g <= ng; g++) {
        double sm = sum[g], f = 1.0;
        sum[g] = 0.0;
        if (sm > room[g]) {
            f = room[g] / sm; /* sm > room >= 0 */
            any = 1;
        }
        factor[g] = f;
    }
    if (zero)
        any |= herning_zero_rooms(base, in, t, ng, s);
    return any;
}

/* Year t, step 2 where a group cap binds (group_pass()): every amount times its
 * group's factor; with a total cap the sum in all taken again, returned. */
static inline __attribute__((always_inline)) double herning_group_cuts(double *base, const socinv_sib_input *in,
                                                                       size_t t, const double *factor,
                                                                       const int total)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const unsigned *groups = in->groups;
    double *p = base + t, all = 0.0;
    factor++;
    for (size_t c = 0; c < nc; c++, p += ny) {
        double v = *p * factor[slot_of(groups[c])];
        *p = v;
        if (total)
            all += v * SLOT_SCALE;
    }
    return all;
}

/* Year t, step 3 (total_cap()), the room (below 0 is 0) given: where the
 * total cap binds every amount times its share. */
static void herning_total(double *base, const socinv_sib_input *in, size_t t, double all, double room)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    double f = 0.0;
    if (all > room) {
        f = room / all;
    } else {
        if (room != 0.0)
            return;
        size_t c = 0; /* room 0 and all not above it: binds if an amount is positive */
        while (c < nc && !(base[c * ny + t] > 0.0))
            c++;
        if (c == nc)
            return;
    }
    for (size_t c = 0; c < nc; c++)
        base[c * ny + t] *= f;
}

/* The years in Herning's shape pro rata without cuts (ng groups). A group's
 * room is its cap, scaled: >= 0, as a cap is. Where no later step of the year
 * reads them, a year's group cuts are left to the next year's pass (pending):
 * without a total cap, or where its room is above 0 and not below the year's
 * sum before the group cuts, as the sum after them is at most that (every factor
 * is <= 1, and rounding keeps the order), so the total cap does not bind. */
static void herning_payout(double *base, const socinv_sib_input *in, size_t ng, sib_state *s)
{
    const int total = in->total_cap >= 0.0;
    si_sum paid = {0.0, 0.0};
    int zero = 0, pending = 0;
    s->sum[0] = 0.0;
    s->factor[0] = 1.0;
    for (size_t g = 1; g <= ng; g++) {
        s->sum[g] = 0.0;
        s->room[g] = in->group_caps[g - 1] * SLOT_SCALE;
        zero |= s->room[g] == 0.0;
    }
    for (size_t t = 0; t < in->nyears; t++) {
        const int next = t + 1 < in->nyears;
        double all = herning_year(base, in, t, s, &paid, total, pending);
        int any = herning_groups(base, in, t, ng, s, zero);
        pending = 0;
        double room = 0.0;
        if (total) {
            room = in->total_cap * SLOT_SCALE - si_sum_get(&paid);
            if (room < 0.0)
                room = 0.0;
        }
        if (!total || (room > 0.0 && !(all > room))) {
            if (any && next)
                pending = 1;
            else if (any)
                herning_group_cuts(base, in, t, s->factor, 0);
            continue;
        }
        if (any)
            all = herning_group_cuts(base, in, t, s->factor, 1);
        herning_total(base, in, t, all, room);
    }
}

/* The year's factor applied to the payout and to the cuts asked for. */
static socinv_status apply_index(const socinv_sib_input *in, const socinv_sib_result *out)
{
    double *cuts[3] = {out->cut_criterion, out->cut_group, out->cut_total};
    for (size_t c = 0; c < in->ncrit; c++) {
        for (size_t t = 0; t < in->nyears; t++) {
            double f = in->index[t];
            size_t i = c * in->nyears + t;
            out->payout[i] *= f;
            for (size_t k = 0; k < 3; k++)
                if (cuts[k])
                    cuts[k][i] *= f;
            if (!isfinite(out->payout[i]))
                return SOCINV_E_OVERFLOW;
        }
    }
    return SOCINV_OK;
}

socinv_status socinv_sib_payout(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st = check_sib(in, out);
    if (st != SOCINV_OK)
        return st;
    const size_t ny = in->nyears, cells = in->ncrit * ny, ng = in->groups ? in->ngroups : 0;
    double *base = out->payout; /* works in base prices, indexed at the end */
    if (out->cut_criterion || out->cut_group || out->cut_total) {
        double *cuts[3] = {out->cut_criterion, out->cut_group, out->cut_total};
        for (size_t k = 0; k < 3; k++)
            if (cuts[k])
                for (size_t i = 0; i < cells; i++)
                    cuts[k][i] = 0.0;
    }
    const int herning = ng && in->crit_caps && !in->crit_caps_annual && !in->carry;
    sib_state s;
    if (herning && in->allocation == SOCINV_SIB_PRORATA && !out->cut_criterion && !out->cut_group &&
        !out->cut_total) {
        herning_payout(base, in, ng, &s);
        return in->index ? apply_index(in, out) : SOCINV_OK;
    }
    memset(s.sum, 0, ng * sizeof *s.sum); /* then cleared by group_rooms() once read */
    memset(s.paid, 0, (ng + 1) * sizeof *s.paid);

    for (size_t t = 0; t < ny; t++) {
        criterion_caps(base, in, t, ng, &s, out->cut_criterion, herning);
        if (ng && group_rooms(base, in, t, ng, &s))
            group_cuts(base, in, t, ng, &s, out->cut_group);
        if (in->total_cap >= 0.0)
            total_cap(base, in, t, ng, &s, out->cut_total);
    }
    /* without an index every amount is at most its earned amount: finite */
    return in->index ? apply_index(in, out) : SOCINV_OK;
}

socinv_status socinv_sib_fall(const double *series, size_t n, const double *baseline, int floor0,
                              double *out, size_t out_len)
{
    socinv_status st = si_check_values(series, n);
    if (st != SOCINV_OK)
        return st;
    if (!out)
        return SOCINV_E_NULL;
    if (baseline && !isfinite(*baseline))
        return SOCINV_E_NONFINITE;
    size_t m = baseline ? n : n - 1;
    if (m == 0)
        return SOCINV_E_LENGTH; /* one value and no baseline: nothing to compare with */
    if (out_len < m)
        return SOCINV_E_BUFFER;
    for (size_t t = 0; t < m; t++) {
        double fall = baseline ? *baseline - series[t] : series[t] - series[t + 1];
        if (!isfinite(fall))
            return SOCINV_E_OVERFLOW;
        out[t] = floor0 && fall < 0.0 ? 0.0 : fall;
    }
    return SOCINV_OK;
}

socinv_status socinv_after_refund(double amount, double share, double *out)
{
    if (!out)
        return SOCINV_E_NULL;
    if (!isfinite(amount) || !isfinite(share))
        return SOCINV_E_NONFINITE;
    if (!si_is_share(share))
        return SOCINV_E_SHARE;
    *out = amount * (1.0 - share);
    return SOCINV_OK;
}

socinv_status socinv_case_price(const double *costs, const double *cases, size_t n,
                                socinv_case_price_mode mode, double *price)
{
    socinv_status st;
    if ((st = si_check_values(costs, n)) != SOCINV_OK || (st = si_check_values(cases, n)) != SOCINV_OK)
        return st;
    if (!price)
        return SOCINV_E_NULL;
    if (mode != SOCINV_CASE_PRICE_POOLED && mode != SOCINV_CASE_PRICE_MEAN)
        return SOCINV_E_OPTION;
    si_sum num = {0, 0}, den = {0, 0};
    for (size_t t = 0; t < n; t++) {
        if (mode == SOCINV_CASE_PRICE_MEAN) {
            if (cases[t] == 0.0)
                return SOCINV_E_DOMAIN;
            si_sum_add(&num, costs[t] / cases[t]);
        } else {
            si_sum_add(&num, costs[t]);
            si_sum_add(&den, cases[t]);
        }
    }
    double d = mode == SOCINV_CASE_PRICE_MEAN ? (double)n : si_sum_get(&den);
    if (d == 0.0)
        return SOCINV_E_DOMAIN;
    double p = si_sum_get(&num) / d;
    if (!isfinite(p))
        return SOCINV_E_OVERFLOW;
    *price = p;
    return SOCINV_OK;
}

socinv_status socinv_sib_count_value(const double *counts, size_t n, double price, int floor0,
                                     double *out, size_t out_len)
{
    if (!isfinite(price))
        return SOCINV_E_NONFINITE;
    socinv_status st = socinv_sib_fall(counts, n, NULL, floor0, out, out_len);
    if (st != SOCINV_OK)
        return st;
    for (size_t t = 0; t + 1 < n; t++) {
        out[t] *= price;
        if (!isfinite(out[t]))
            return SOCINV_E_OVERFLOW;
    }
    return SOCINV_OK;
}

socinv_status socinv_sib_uncovered(const double *payout, const int *capitalisable, size_t n,
                                   double *out)
{
    socinv_status st = si_check_values(payout, n);
    if (st != SOCINV_OK)
        return st;
    if (!capitalisable || !out)
        return SOCINV_E_NULL;
    si_sum s = {0, 0};
    for (size_t i = 0; i < n; i++)
        if (!capitalisable[i])
            si_sum_add(&s, payout[i]);
    double v = si_sum_get(&s);
    if (!isfinite(v))
        return SOCINV_E_OVERFLOW;
    *out = v;
    return SOCINV_OK;
}
