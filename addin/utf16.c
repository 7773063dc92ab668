/* UTF-16 to UTF-8 at the speed of a sheet's text: nearly all of it ASCII, so
 * runs of ASCII go 8 (SSE2) or 4 units at a time, and the converter returns to
 * them after each other character: one "ø" in a label no longer sends the rest
 * of it down the unit-by-unit path (CASECHECK's table: bench/README.md). */
#include "utf16.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Eight units at s: all ASCII? Then their bytes are written at out. */
static inline int ascii8(char *out, const uint16_t *s)
{
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i high = _mm_and_si128(v, _mm_set1_epi16((short)0xFF80));
    if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) != 0xFFFF)
        return 0;
    _mm_storel_epi64((__m128i *)(void *)out, _mm_packus_epi16(v, v));
    return 1;
#else
    (void)out;
    (void)s;
    return 0;
#endif
}

/* Four units at s: all ASCII? Then their bytes are written at out. */
static inline int ascii4(char *out, const uint16_t *s)
{
    uint64_t four;
    memcpy(&four, s, sizeof four);
    if (four & UINT64_C(0xFF80FF80FF80FF80))
        return 0;
    out[0] = (char)s[0];
    out[1] = (char)s[1];
    out[2] = (char)s[2];
    out[3] = (char)s[3];
    return 1;
}

/* One character from s[*i] on (a surrogate pair is two units), as UTF-8. */
static inline char *put_char(char *o, const uint16_t *s, size_t n, size_t *i)
{
    uint32_t c = s[(*i)++];
    if (c < 0x80) {
        *o++ = (char)c;
        return o;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        if (c <= 0xDBFF && *i < n && s[*i] >= 0xDC00 && s[*i] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)s[(*i)++] - 0xDC00);
        else
            c = 0xFFFD;
    }
    if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
    }
    *o++ = (char)(0x80 | (c & 0x3F));
    return o;
}

char *sv_utf16_to_utf8(char *out, const uint16_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (n - i >= 8 && ascii8(out, s + i)) {
            out += 8;
            i += 8;
        }
        while (n - i >= 4 && ascii4(out, s + i)) {
            out += 4;
            i += 4;
        }
        if (i < n)
            out = put_char(out, s, n, &i);
    }
    return out;
}
