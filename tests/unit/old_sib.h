/* socinv_sib_payout as it was before the sib2 per-cell work (commit 15a914c),
 * kept to compare the faster code with: every payout, every cut and every status
 * must stay the same, bit for bit. Included by test_sib_diff.c only; the
 * functions are old_*, the code otherwise unchanged. */
#include <float.h>
#include <string.h>

#include "internal.h"

/* Are all n values finite? One multiply and add a value: x * 0 is NaN for an
 * infinite or NaN x and a zero otherwise, and a NaN stays in the sum. */
static int old_all_finite(const double *v, size_t n)
{
    double z = 0.0;
    for (size_t i = 0; i < n; i++)
        z += v[i] * 0.0;
    return z == z;
}

static socinv_status old_check_caps_exactly(const double *caps, size_t n)
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
static inline socinv_status old_check_caps(const double *caps, size_t n)
{
    if (caps && n > 0 && n <= SOCINV_MAX_CELLS) {
        size_t i = 0;
        while (i < n && caps[i] >= 0.0 && caps[i] <= DBL_MAX)
            i++;
        if (i == n)
            return SOCINV_OK;
    }
    return old_check_caps_exactly(caps, n);
}

static socinv_status old_check_sib(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st;
    if (!in || !out || !out->payout)
        return SOCINV_E_NULL;
    if ((st = si_check_dims(in->ncrit, in->nyears)) != SOCINV_OK)
        return st;
    size_t cells = in->ncrit * in->nyears; /* within SOCINV_MAX_CELLS */
    if (!(in->earned && old_all_finite(in->earned, cells)) && (st = si_check_values(in->earned, cells)) != SOCINV_OK)
        return st;
    if (in->crit_caps && (st = old_check_caps(in->crit_caps, in->ncrit)) != SOCINV_OK)
        return st;
    if (in->groups) {
        if (in->ngroups > SOCINV_SIB_MAX_GROUPS)
            return SOCINV_E_DOMAIN;
        /* every criterion may be ungrouped: then there are no group caps to check */
        if (in->ngroups && (st = old_check_caps(in->group_caps, in->ngroups)) != SOCINV_OK)
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
 * All of it is kept times OLD_SLOT_SCALE: a sum of amounts near 1E308 (or a yearly
 * cap times the years carried) stays finite there, where it would overflow to
 * infinity and turn a pro rata factor into 0. A power of two scales exactly,
 * so ordinary amounts give the same bits as unscaled. */
#define OLD_SLOT_SCALE 0x1p-64

typedef struct {
    double sum[SOCINV_SIB_MAX_GROUPS + 1];    /* this year's amounts per group; [ngroups] = all */
    double room[SOCINV_SIB_MAX_GROUPS + 1];   /* room left this year per group; [ngroups] = total */
    double factor[SOCINV_SIB_MAX_GROUPS + 1]; /* pro rata: the share a binding slot pays */
    unsigned char binds[SOCINV_SIB_MAX_GROUPS + 1];    /* the slot's cap cuts this year */
    unsigned char positive[SOCINV_SIB_MAX_GROUPS + 1]; /* see old_group_rooms() */
    si_sum paid[SOCINV_SIB_MAX_GROUPS + 1];            /* paid in earlier years per group; [ngroups] = all */
} old_sib_state;

/* Slot g's room this year (scaled; below 0 is 0), whether its cap binds and,
 * pro rata, the share every amount in it is paid. The sum is cleared for next
 * year once read. Returns whether the room is 0 and the sum not above it: then
 * the cap binds if any amount in the slot is positive, one so small that
 * scaling it underflows included (its scaled sum is 0, not above the room);
 * old_bind_zero_room() decides. */
static int old_slot_room(old_sib_state *s, size_t g, double room, int prorata)
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
static void old_bind_zero_room(old_sib_state *s, size_t g)
{
    s->binds[g] = 1;
    s->factor[g] = 0.0;
}

/* si_sum_add for the paid-so-far: every amount paid is >= 0 (or -0), and so is
 * the sum, so the larger magnitude is the larger value (no fabs). */
static inline void old_paid_add(si_sum *s, double x)
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
static inline __attribute__((always_inline)) double old_cut_to_room(old_sib_state *s, size_t g, double before,
                                                                const int prorata)
{
    if (prorata)
        return before * s->factor[g];
    double after = before * OLD_SLOT_SCALE < s->room[g] ? before : s->room[g] / OLD_SLOT_SCALE;
    s->room[g] -= after * OLD_SLOT_SCALE;
    return after;
}

/* Year t, step 1, one pass over the criteria. First what year t-1 paid goes
 * into the paid-so-far the caps count: each criterion's (period caps; kept in
 * year t's slot of `base` until this pass), each group's (carried room) and the
 * total's (total cap). Then each criterion's amount is limited by the room left
 * of its own cap, and added to this year's sum of its group and of all (slot
 * ngroups). Inline with constant flags from old_criterion_caps(), so the common
 * shapes run without a test per criterion for what they do not have. */
static inline __attribute__((always_inline)) void old_criterion_pass(double *base, const socinv_sib_input *in, size_t t,
                                                                 size_t ng, old_sib_state *s, double *cut,
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
            old_paid_add(&paid[groups[c]], base[i - 1] * OLD_SLOT_SCALE);
        if (paid_total)
            old_paid_add(&paid_all, base[i - 1] * OLD_SLOT_SCALE);
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
        double scaled = a * OLD_SLOT_SCALE;
        if (grouped && groups[c] != SOCINV_SIB_NO_GROUP)
            sum[groups[c]] += scaled;
        all += scaled;
    }
    sum[ng] = all;
    paid[ng] = paid_all;
}

/* herning: Herning's shape, period criterion caps and groups without carry. */
static void old_criterion_caps(double *base, const socinv_sib_input *in, size_t t, size_t ng, old_sib_state *s,
                           double *cut, int herning)
{
    if (herning && t == 0)
        old_criterion_pass(base, in, t, ng, s, cut, 0, 0, 1, 1, 0);
    else if (herning && in->total_cap >= 0.0)
        old_criterion_pass(base, in, t, ng, s, cut, 0, 1, 1, 1, 1);
    else if (herning)
        old_criterion_pass(base, in, t, ng, s, cut, 0, 0, 1, 1, 1);
    else
        old_criterion_pass(base, in, t, ng, s, cut, t > 0 && ng && in->carry, t > 0 && in->total_cap >= 0.0,
                       in->crit_caps && !in->crit_caps_annual, ng != 0, t > 0);
}

/* Year t, step 2: each group's annual cap (plus the room carried); returns
 * whether any binds. Which groups have a positive amount is looked at only
 * when a room of 0 needs it (one pass for all groups). */
static int old_group_rooms(const double *base, const socinv_sib_input *in, size_t t, size_t ng, old_sib_state *s)
{
    const int prorata = in->allocation == SOCINV_SIB_PRORATA;
    int zero = 0, any = 0;
    for (size_t g = 0; g < ng; g++) {
        double cap = in->group_caps[g] * OLD_SLOT_SCALE;
        zero |= old_slot_room(s, g, in->carry ? cap * (double)(t + 1) - si_sum_get(&s->paid[g]) : cap, prorata);
        any |= s->binds[g];
    }
    if (zero) {
        memset(s->positive, 0, ng);
        for (size_t c = 0; c < in->ncrit; c++)
            if (in->groups[c] != SOCINV_SIB_NO_GROUP && base[c * in->nyears + t] > 0.0)
                s->positive[in->groups[c]] = 1;
        for (size_t g = 0; g < ng; g++) {
            if (!s->binds[g] && s->room[g] == 0.0 && s->positive[g]) {
                old_bind_zero_room(s, g);
                any = 1;
            }
        }
    }
    return any;
}

/* Year t, step 2, where a group cap binds: its criteria cut to the group's
 * room, and the sum in all (slot ngroups) taken again after the cuts. */
static inline __attribute__((always_inline)) void old_group_pass(double *base, const socinv_sib_input *in,
                                                                 size_t t, size_t ng, old_sib_state *s, double *cut,
                                                                 const int prorata)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const unsigned *groups = in->groups;
    double all = 0.0;
    for (size_t c = 0; c < nc; c++) {
        size_t i = c * ny + t;
        unsigned g = groups[c];
        double v = base[i];
        if (g != SOCINV_SIB_NO_GROUP && s->binds[g]) {
            double after = old_cut_to_room(s, g, v, prorata);
            base[i] = after;
            if (cut)
                cut[i] = v - after;
            v = after;
        }
        all += v * OLD_SLOT_SCALE;
    }
    s->sum[ng] = all;
}

static void old_group_cuts(double *base, const socinv_sib_input *in, size_t t, size_t ng, old_sib_state *s, double *cut)
{
    if (in->allocation == SOCINV_SIB_PRORATA && !cut)
        old_group_pass(base, in, t, ng, s, NULL, 1);
    else if (in->allocation == SOCINV_SIB_PRORATA)
        old_group_pass(base, in, t, ng, s, cut, 1);
    else
        old_group_pass(base, in, t, ng, s, cut, 0);
}

/* Year t, step 3: the total cap (slot ngroups), and where it binds every
 * criterion cut to its room. */
static void old_total_cap(double *base, const socinv_sib_input *in, size_t t, size_t ng, old_sib_state *s, double *cut)
{
    const size_t ny = in->nyears, nc = in->ncrit;
    const int prorata = in->allocation == SOCINV_SIB_PRORATA;
    if (old_slot_room(s, ng, in->total_cap * OLD_SLOT_SCALE - si_sum_get(&s->paid[ng]), prorata))
        for (size_t c = 0; c < nc && !s->binds[ng]; c++)
            if (base[c * ny + t] > 0.0)
                old_bind_zero_room(s, ng);
    if (!s->binds[ng])
        return;
    for (size_t c = 0; c < nc; c++) {
        size_t i = c * ny + t;
        double before = base[i],
               after = prorata ? old_cut_to_room(s, ng, before, 1) : old_cut_to_room(s, ng, before, 0);
        base[i] = after;
        if (cut)
            cut[i] = before - after;
    }
}

/* The year's factor applied to the payout and to the cuts asked for. */
static socinv_status old_apply_index(const socinv_sib_input *in, const socinv_sib_result *out)
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

static socinv_status old_sib_payout(const socinv_sib_input *in, const socinv_sib_result *out)
{
    socinv_status st = old_check_sib(in, out);
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
    old_sib_state s;
    memset(s.sum, 0, ng * sizeof *s.sum); /* then cleared by old_group_rooms() once read */
    memset(s.paid, 0, (ng + 1) * sizeof *s.paid);

    for (size_t t = 0; t < ny; t++) {
        old_criterion_caps(base, in, t, ng, &s, out->cut_criterion, herning);
        if (ng && old_group_rooms(base, in, t, ng, &s))
            old_group_cuts(base, in, t, ng, &s, out->cut_group);
        if (in->total_cap >= 0.0)
            old_total_cap(base, in, t, ng, &s, out->cut_total);
    }
    /* without an index every amount is at most its earned amount: finite */
    return in->index ? old_apply_index(in, out) : SOCINV_OK;
}
