/* Folding of labels as they come out of Word, PDF and spreadsheets. */
#include <string.h>

#include "internal.h"

size_t si_fold(const char *text, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '\r' || c == '\n')
            continue;
        if (c == 0xC2 && i + 1 < len) {
            unsigned char d = (unsigned char)text[i + 1];
            if (d == 0xA0 || d == 0xAD) { /* no-break space, soft hyphen */
                i++;
                continue;
            }
        }
        if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80) {
            unsigned char d = (unsigned char)text[i + 2];
            if (d == 0x90 || d == 0x91 || d == 0x93) { /* hyphen, non-breaking hyphen, en dash */
                i += 2;
                continue;
            }
        }
        if (c == 0xC3 && i + 1 < len && o + 2 < cap) {
            unsigned char d = (unsigned char)text[i + 1];
            if (d >= 0x80 && d <= 0x9E && d != 0x97) /* Latin-1 capitals -> small */
                d = (unsigned char)(d + 0x20);
            out[o++] = (char)c;
            out[o++] = (char)d;
            i++;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return o;
}

int si_starts_with(const char *folded, const char *prefix)
{
    return strncmp(folded, prefix, strlen(prefix)) == 0;
}
