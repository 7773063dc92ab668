/* UTF-8 checking and safe printing (see utf8.h). */
#include "utf8.h"

size_t utf8_char_len(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte (RFC 3629 table) */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

size_t utf8_prefix(const char *s, size_t n, size_t max_chars)
{
    size_t i = 0;
    for (size_t chars = 0; i < n && chars < max_chars; chars++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

void utf8_print_safe(FILE *f, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_char_len(u + i, n - i);
        int c1 = k == 2 && u[i] == 0xC2 && u[i + 1] < 0xA0; /* U+0080-U+009F */
        if (k == 0 || u[i] < 0x20 || u[i] == 0x7F) {
            fprintf(f, "\\x%02X", u[i]);
            i++;
        } else if (c1) {
            fprintf(f, "\\x%02X", u[i + 1]); /* the code point, as a terminal would read it */
            i += 2;
        } else if (u[i] == '\\') {
            fputs("\\\\", f);
            i++;
        } else {
            fwrite(u + i, 1, k, f);
            i += k;
        }
    }
}
