/* Shared by the fuzz targets: a reader that turns the fuzzer's bytes into
 * values (so small mutations make small, meaningful changes: a byte picks an
 * interesting number, a dimension or an option), and the invariant check that
 * aborts so libFuzzer (or the replay runner) reports the input.
 *
 * Each target is one translation unit defining LLVMFuzzerTestOneInput; it is
 * linked either with libFuzzer (-fsanitize=fuzzer) or with replay.c. */
#ifndef SOCINV_FUZZ_H
#define SOCINV_FUZZ_H

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socinv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant the code under test promises. abort() rather than assert():
 * the check must hold in release builds too, and libFuzzer treats abort as a crash. */
#define FZ_CHECK(cond)                                                                   \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* Every status a function returns must be one the header lists. */
#define FZ_STATUS(st) FZ_CHECK((unsigned)(st) < (unsigned)SOCINV_STATUS_MAX)

typedef struct {
    const uint8_t *p;
    size_t n;
} fz_in;

/* Exhausted input reads as zeros: every input is a complete, valid program. */
static inline uint8_t fz_u8(fz_in *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static inline unsigned fz_u16(fz_in *in)
{
    unsigned a = fz_u8(in);
    return a | (unsigned)fz_u8(in) << 8;
}

/* A value in [0, n). */
static inline size_t fz_pick(fz_in *in, size_t n)
{
    return n ? fz_u8(in) % n : 0;
}

/* Numbers the rules treat specially (signs, zero bands, caps, years, rates,
 * overflow, non-finite) are one byte away; anything else is raw bits. */
static inline double fz_double(fz_in *in)
{
    static const double special[] = {
        0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 0.035, -0.999, -1.0000001, 12.0, 13.0, 100.0, -100.0,
        1000.0, -1000.0, 1511.0, -1130.0, 1e-9, -1e-9, 1e-300, 1e15, -1e15, 1e300, -1e300, DBL_MAX,
        -DBL_MAX, DBL_MIN, 4.9e-324, NAN, INFINITY, -INFINITY, 0.1, 0.2, 0.3, 2024.0, 1950.0, 2150.0,
        10000.0, 10001.0, 1e308, -1e308, 0.66, 5.58, -0.0, 1e-15, 123456789.125,
    };
    const size_t nspecial = sizeof special / sizeof special[0];
    uint8_t sel = fz_u8(in);
    if (sel < nspecial)
        return special[sel];
    if (sel < 200) /* small whole numbers, positive and negative */
        return (double)((int)sel - (int)nspecial - 60);
    if (sel < 232) { /* a scaled integer: amounts in kroner with decimals */
        int16_t v = (int16_t)fz_u16(in);
        return v / (double)(1u << ((sel - 200) % 12));
    }
    double d;
    uint8_t b[8];
    for (size_t i = 0; i < 8; i++)
        b[i] = fz_u8(in);
    memcpy(&d, b, sizeof d);
    return d;
}

/* n doubles into out. */
static inline void fz_doubles(fz_in *in, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = fz_double(in);
}

/* A run of the remaining bytes of at most max bytes (a length byte first). */
static inline const char *fz_bytes(fz_in *in, size_t max, size_t *len)
{
    size_t want = fz_u8(in);
    if (want > max)
        want = max;
    if (want > in->n)
        want = in->n;
    const char *p = (const char *)in->p;
    in->p += want;
    in->n -= want;
    *len = want;
    return p;
}

/* Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
static inline int fz_utf8_valid(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        unsigned cp = c & (0x3F >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* A NUL-terminated string that fits in cap bytes. */
static inline size_t fz_strnlen_checked(const char *buf, size_t cap)
{
    const char *nul = memchr(buf, '\0', cap);
    FZ_CHECK(nul != NULL);
    return (size_t)(nul - buf);
}

/* An output double that must not change: a NaN with a payload nothing computes. */
static inline double fz_sentinel(void)
{
    uint64_t bits = 0x7FF4DEADBEEF0001ull;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static inline int fz_is_sentinel(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits == 0x7FF4DEADBEEF0001ull;
}

/* a and b agree to within rel of their size (plus abs), for sums that round differently. */
static inline int fz_close(double a, double b, double rel, double abs_tol)
{
    return fabs(a - b) <= abs_tol + rel * fmax(fabs(a), fabs(b));
}

/* A discount schedule the way callers make one: named (from a list or from
 * raw text), flat, from bands, or a raw struct no constructor made (the
 * functions that take a schedule must validate it themselves). Returns the
 * constructor's status; SOCINV_OK for a raw struct. */
static inline socinv_status fz_schedule(fz_in *in, socinv_schedule *s)
{
    static const char *const names[] = {"DK2021", "dk2013", " UK2022 ", "UK2022HEALTH", "uk2022health", "DK", "", "FLAT"};
    memset(s, 0, sizeof *s);
    switch (fz_u8(in) % 5) {
    case 0: {
        const char *name = names[fz_pick(in, sizeof names / sizeof names[0])];
        return socinv_schedule_named(name, strlen(name), s);
    }
    case 1: {
        size_t len;
        const char *text = fz_bytes(in, 32, &len);
        return socinv_schedule_named(text, len, s);
    }
    case 2:
        return socinv_schedule_flat(fz_double(in), s);
    case 3: {
        double from[SOCINV_SCHEDULE_MAX_BANDS + 2], rate[SOCINV_SCHEDULE_MAX_BANDS + 2];
        size_t n = fz_pick(in, SOCINV_SCHEDULE_MAX_BANDS + 3);
        double y = 1.0;
        for (size_t i = 0; i < n; i++) {
            uint8_t how = fz_u8(in);
            /* mostly increasing whole years, so valid schedules are common */
            from[i] = how < 200 ? y : fz_double(in);
            y += 1.0 + how % 40;
            rate[i] = fz_double(in);
        }
        return socinv_schedule_bands(n ? from : NULL, n ? rate : NULL, n, s);
    }
    default: {
        s->nbands = fz_pick(in, SOCINV_SCHEDULE_MAX_BANDS + 4);
        for (size_t i = 0; i < s->nbands && i < SOCINV_SCHEDULE_MAX_BANDS; i++) {
            s->band[i].from_year = fz_u16(in);
            s->band[i].rate = fz_double(in);
        }
        return SOCINV_OK;
    }
    }
}

#endif
