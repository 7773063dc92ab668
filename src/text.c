/* Folding of labels as they come out of Word, PDF and spreadsheets. */
#include <string.h>

#include "internal.h"

/* The ASCII bytes a label drops (space, tab, hyphen, CR, LF), as bits of a 64-bit mask. */
#define ASCII_DROPPED ((1ull << ' ') | (1ull << '\t') | (1ull << '-') | (1ull << '\r') | (1ull << '\n'))

size_t si_fold(const char *text, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0, i = 0;
    if (cap == 0)
        return 0;
    while (i < len && o + 1 < cap) {
        /* A run of ASCII, most of a label: a byte writes at most one byte, so the
         * room is checked once for the run; a capital is one range test, a gap
         * (space, tab, hyphen, CR, LF) one bit test. */
        size_t end = i + (len - i < cap - 1 - o ? len - i : cap - 1 - o);
        for (; i < end && s[i] < 0x80; i++) {
            unsigned char c = s[i];
            if ((unsigned)(c - 'A') < 26u)
                c = (unsigned char)(c - 'A' + 'a');
            else if (c <= '-' && (ASCII_DROPPED >> c) & 1u)
                continue;
            out[o++] = (char)c;
        }
        if (i == end)
            continue;
        unsigned char c = s[i]; /* not ASCII; o + 1 < cap still holds */
        if (c == 0xC2 && i + 1 < len && (s[i + 1] == 0xA0 || s[i + 1] == 0xAD)) {
            i += 2; /* no-break space, soft hyphen */
            continue;
        }
        if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0x90 || s[i + 2] == 0x91 || s[i + 2] == 0x93)) {
            i += 3; /* hyphen, non-breaking hyphen, en dash */
            continue;
        }
        if (c == 0xC3 && i + 1 < len && o + 2 < cap) {
            unsigned char d = s[i + 1];
            if (d >= 0x80 && d <= 0x9E && d != 0x97) /* Latin-1 capitals -> small */
                d = (unsigned char)(d + 0x20);
            out[o++] = (char)c;
            out[o++] = (char)d;
            i += 2;
            continue;
        }
        out[o++] = (char)c;
        i++;
    }
    out[o] = '\0';
    return o;
}

int si_starts_with(const char *folded, const char *prefix)
{
    return strncmp(folded, prefix, strlen(prefix)) == 0;
}
