/* Folding of labels as they come out of Word, PDF and spreadsheets. */
#include <string.h>

#include "internal.h"

/* What si_fold makes of each byte on its own: an ASCII byte as itself, a capital as its
 * small letter; FOLD_OTHER for the ASCII bytes a label drops (space, tab, hyphen, CR,
 * LF) and for every byte of 0x80 and up (UTF-8, looked at with the bytes after it). */
#define FOLD_OTHER SI_FOLD_OTHER
#define FOLD_BYTE(c)                                                                                        \
    ((c) >= 0x80 || (c) == ' ' || (c) == '\t' || (c) == '-' || (c) == '\r' || (c) == '\n' ? FOLD_OTHER       \
     : (c) >= 'A' && (c) <= 'Z'                                                             ? (c) - 'A' + 'a' \
                                                                                            : (c))
#define FOLD_ROW(r)                                                                                         \
    FOLD_BYTE(r + 0), FOLD_BYTE(r + 1), FOLD_BYTE(r + 2), FOLD_BYTE(r + 3), FOLD_BYTE(r + 4), FOLD_BYTE(r + 5),   \
        FOLD_BYTE(r + 6), FOLD_BYTE(r + 7), FOLD_BYTE(r + 8), FOLD_BYTE(r + 9), FOLD_BYTE(r + 10),             \
        FOLD_BYTE(r + 11), FOLD_BYTE(r + 12), FOLD_BYTE(r + 13), FOLD_BYTE(r + 14), FOLD_BYTE(r + 15)
const unsigned char si_fold_byte[256] = {
    FOLD_ROW(0x00), FOLD_ROW(0x10), FOLD_ROW(0x20), FOLD_ROW(0x30), FOLD_ROW(0x40), FOLD_ROW(0x50),
    FOLD_ROW(0x60), FOLD_ROW(0x70), FOLD_ROW(0x80), FOLD_ROW(0x90), FOLD_ROW(0xA0), FOLD_ROW(0xB0),
    FOLD_ROW(0xC0), FOLD_ROW(0xD0), FOLD_ROW(0xE0), FOLD_ROW(0xF0),
};

size_t si_fold_more(const char *text, size_t len, size_t *at, char *out, size_t o, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = *at;
    while (i < len && o + 1 < cap) {
        /* A run of ASCII, most of a label: a byte writes at most one byte, so the
         * room is checked once for the run, and each byte is one look-up. */
        size_t end = i + (len - i < cap - 1 - o ? len - i : cap - 1 - o);
        for (; i < end; i++) {
            unsigned char f = si_fold_byte[s[i]];
            if (f == FOLD_OTHER) {
                if (s[i] >= 0x80)
                    break;
                continue; /* space, tab, hyphen, CR, LF */
            }
            out[o++] = (char)f;
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
        if (c == 0xC3 && i + 1 < len) {
            if (o + 2 >= cap)
                break; /* a letter of two bytes that does not fit: left for the next call */
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
    *at = i;
    out[o] = '\0';
    return o;
}

size_t si_fold(const char *text, size_t len, char *out, size_t cap)
{
    size_t at = 0;
    if (cap == 0)
        return 0;
    size_t o = si_fold_more(text, len, &at, out, 0, cap);
    if (at < len && o + 1 < cap) {
        /* si_fold_more stopped before a two-byte letter with room for one byte: the
         * first bytes of the whole folding are its lead byte (unchanged by folding) */
        out[o++] = text[at];
        out[o] = '\0';
    }
    return o;
}

int si_starts_with(const char *folded, const char *prefix)
{
    /* byte by byte: most prefixes differ at the first byte, where strlen and strncmp
     * would each be a call; a NUL in folded differs from every byte of prefix */
    for (; *prefix; folded++, prefix++)
        if (*folded != *prefix)
            return 0;
    return 1;
}
