/* UTF-8 checking and safe printing (see utf8.h). */
#include "utf8.h"

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
        size_t k = socinv_utf8_char_len((const char *)u + i, n - i);
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
