/* Numbers as text in the C locale's form ('.' as the decimal point), whatever
 * LC_NUMERIC the process has. Calc, or any other module in its process, may set
 * a Danish locale, and then printf writes "1,5" and strtod stops at "1.5"'s '.'.
 *
 * printf's %e, %f and %g (without POSIX's ' flag) depend on the locale only
 * through the decimal-point character (C11 7.21.6.1), so formatting swaps
 * whatever the locale put between the digits for '.', and parsing swaps '.' for
 * the locale's decimal point before strtod. The locale's decimal point is
 * found by printing 0.5, not from localeconv(), which is not thread-safe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socinv.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int socinv_c_format(double v, char conv, int prec, char *buf, size_t cap)
{
    char raw[400], out[400];
    const char *fmt = conv == 'f' ? "%.*f" : conv == 'e' ? "%.*e" : conv == 'g' ? "%.*g" : NULL;
    if (!fmt || prec < 0 || prec > 40 || (!buf && cap))
        return -1;
    int n = snprintf(raw, sizeof raw, fmt, prec, v); /* |v| < 1.8e308: at most 309 + 1 + 40 chars */
    if (n < 0 || (size_t)n >= sizeof raw)
        return -1;
    const char *p = raw;
    size_t o = 0;
    if (*p == '-' || *p == '+')
        out[o++] = *p++;
    while (is_digit(*p))
        out[o++] = *p++;
    if (o > 0 && is_digit(out[o - 1]) && *p && *p != 'e' && *p != 'E') {
        out[o++] = '.'; /* the locale's decimal point, one or more bytes */
        while (*p && !is_digit(*p) && *p != 'e' && *p != 'E')
            p++;
    }
    while (*p)
        out[o++] = *p++;
    out[o] = '\0';
    if (cap)
        snprintf(buf, cap, "%s", out);
    return (int)o;
}

/* The bytes the current locale prints as its decimal point ("," under da_DK). */
static size_t locale_point(char *point, size_t cap)
{
    char half[16];
    snprintf(half, sizeof half, "%.1f", 0.5); /* "0" point "5" */
    size_t n = strlen(half);
    if (n < 3 || n - 2 >= cap) {
        point[0] = '.';
        return 1;
    }
    memcpy(point, half + 1, n - 2);
    return n - 2;
}

/* Characters that may belong to a number in the C locale's form (hex floats,
 * "inf", "nan(...)" included); a locale's own decimal point is not among them. */
static int number_char(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c && strchr("+-.()_ \t\n\v\f\r", c));
}

double socinv_c_parse(const char *s, char **end)
{
    char point[8], copy[512];
    size_t plen = locale_point(point, sizeof point);
    if (plen == 1 && point[0] == '.')
        return strtod(s, end);
    /* copy the number's characters, '.' becoming the locale's decimal point */
    size_t i = 0, o = 0, dot_at = (size_t)-1;
    for (; number_char(s[i]) && o + plen < sizeof copy; i++) {
        if (s[i] == '.') {
            if (dot_at == (size_t)-1)
                dot_at = o;
            memcpy(copy + o, point, plen);
            o += plen;
        } else {
            copy[o++] = s[i];
        }
    }
    copy[o] = '\0';
    char *copy_end;
    double v = strtod(copy, &copy_end);
    size_t used = (size_t)(copy_end - copy);
    if (dot_at != (size_t)-1 && used > dot_at)
        used -= plen - 1; /* strtod reads one decimal point at most */
    if (end)
        *end = (char *)(s + used);
    return v;
}
