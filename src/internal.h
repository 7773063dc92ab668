/* Helpers shared by the rule files; not part of the public API.
 * Prefix si_ ("socinv internal") for the library's own internals, so they are
 * not mistaken for the add-in's call model (sv_*, addin/) or the public API
 * (socinv_*). */
#ifndef SOCINV_INTERNAL_H
#define SOCINV_INTERNAL_H

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "socinv.h"

/* Validate a run of values: non-NULL, 1..SOCINV_MAX_CELLS long, all finite. */
static inline socinv_status si_check_values(const double *v, size_t n)
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

/* rows × cols within limits, without overflowing the product. */
static inline socinv_status si_check_dims(size_t rows, size_t cols)
{
    if (rows == 0 || cols == 0)
        return SOCINV_E_LENGTH;
    if (rows > SOCINV_MAX_CELLS || cols > SOCINV_MAX_CELLS / rows)
        return SOCINV_E_LENGTH;
    return SOCINV_OK;
}

/* A schedule the rules can discount with: 1..SOCINV_SCHEDULE_MAX_BANDS bands, each
 * rate finite and above -1 (a caller may pass any struct). */
static inline socinv_status si_check_schedule(const socinv_schedule *s)
{
    if (!s)
        return SOCINV_E_NULL;
    if (s->nbands == 0 || s->nbands > SOCINV_SCHEDULE_MAX_BANDS)
        return SOCINV_E_LENGTH;
    for (size_t i = 0; i < s->nbands; i++) {
        if (!isfinite(s->band[i].rate))
            return SOCINV_E_NONFINITE;
        if (s->band[i].rate <= -1.0)
            return SOCINV_E_RATE;
    }
    return SOCINV_OK;
}

/* Where a year stands in a schedule, for the factors year by year, DF(t) =
 * DF(t-1) / (1 + r(t)): the band is looked up again only from the year its
 * successor starts (next_from), so a year costs one comparison; the same band as
 * searching from the last year's band, whatever order a caller's bands are in.
 * The walks (discount.c, payback.c) keep the factor itself in a variable of their own. */
typedef struct {
    size_t band;
    unsigned next_from; /* the next band's first year; UINT_MAX for the last band */
    double onep;        /* 1 + the band's rate */
} si_band;

static inline si_band si_band_at(const socinv_schedule *s, size_t band, unsigned t)
{
    while (band + 1 < s->nbands && s->band[band + 1].from_year <= t)
        band++;
    si_band p = {band, band + 1 < s->nbands ? s->band[band + 1].from_year : UINT_MAX, 1.0 + s->band[band].rate};
    return p;
}

static inline int si_is_share(double s)
{
    return isfinite(s) && s >= 0.0 && s <= 1.0;
}

/* v == floor(v) without libm's floor call (years in long series, once each):
 * from 2^52 up every double is whole, below it the cast truncates exactly. */
static inline int si_is_whole(double v)
{
    return fabs(v) < 0x1p52 ? v == (double)(long long)v : !isnan(v);
}

/* Neumaier's compensated sum: column sums of a few thousand amounts stay exact
 * to the last kroner even with decimals, so printed totals compare fairly. */
typedef struct {
    double sum, comp;
} si_sum;

static inline void si_sum_add(si_sum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x))
        s->comp += (s->sum - t) + x;
    else
        s->comp += (x - t) + s->sum;
    s->sum = t;
}

static inline double si_sum_get(const si_sum *s)
{
    return s->sum + s->comp;
}

/* Does a detail line of a business-case table count on a basis (socinv_case_net)? Its
 * kind's mask of areas is all areas, or has the line's area. */
static inline int si_line_counts(const socinv_case_line *l, socinv_basis basis)
{
    unsigned mask = l->kind == SOCINV_ROW_PERMANENT ? basis.permanent_areas : basis.implementation_areas;
    return l->role == SOCINV_LINE_DETAIL && (mask == SOCINV_AREAS_ALL || (mask & (unsigned)l->area));
}

/* On a rarely taken path split out of a hot function (the net-impact parsers'
 * folding, SIBPAYOUT's groups with no room): kept out of line, so the common path
 * needs no stack frame. */
#if defined(__GNUC__)
#define SI_SLOW_PATH __attribute__((noinline, cold))
#else
#define SI_SLOW_PATH
#endif

/* A small function on a hot path the compiler would otherwise call (one loop inlined at
 * each of its callers). */
#if defined(__GNUC__)
#define SI_INLINE static inline __attribute__((always_inline))
#else
#define SI_INLINE static inline
#endif

/* socinv_parse_number without its one-pass reading of plain amounts ("-1.130"), given
 * valid arguments (number.c): what the test of that reading compares it with. */
socinv_status si_parse_number_general(const char *text, size_t len, socinv_number_style style, double *value);

/* Case-insensitive (ASCII + the Danish letters æøå in UTF-8) comparison of
 * text with spaces, hyphens and soft hyphens removed: folds "Styrings- område"
 * and "Efterspørgselsst yret" onto their dictionary spelling. Writes at most
 * cap-1 bytes plus NUL to out and returns the folded length. */
size_t si_fold(const char *text, size_t len, char *out, size_t cap);

/* si_fold one step at a time: folds text[*at..len) after the out[0..o) folded so far,
 * whole characters only, while room is left in out (cap bytes, NUL included); moves *at
 * past what it folded. Calls from *at = 0, o = 0 on give the bytes of si_fold(text, len)
 * in order, each once, however the room grows between calls (a label is folded only as
 * far as a comparison needs). */
size_t si_fold_more(const char *text, size_t len, size_t *at, char *out, size_t o, size_t cap);

/* What si_fold makes of an ASCII byte on its own (a capital its small letter), or
 * SI_FOLD_OTHER: a byte it drops (space, tab, hyphen, CR, LF) or 0x80 and up (UTF-8,
 * read with the bytes after it). Two such bytes at a label's start tell its first
 * folded bytes without a call. */
#define SI_FOLD_OTHER 0x80
extern const unsigned char si_fold_byte[256];

/* Does folded text start with the folded prefix? */
int si_starts_with(const char *folded, const char *prefix);

/* si_starts_with for a string literal, given the folded length n (si_fold's answer):
 * a length test and a memcmp of constant size, which the compiler inlines (no strlen,
 * no strncmp call). The same answer: a NUL inside the folded text differs from every
 * letter of a literal, as strncmp's stop there does. */
#define SI_PREFIX(folded, n, lit) ((n) >= sizeof(lit) - 1 && memcmp((folded), (lit), sizeof(lit) - 1) == 0)

#endif
