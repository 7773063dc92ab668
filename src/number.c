/* Numbers as printed in Danish documents and pasted tables. Locale-independent
 * on purpose: a host such as LibreOffice may have set LC_NUMERIC to Danish,
 * which would change what strtod() accepts. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* Length of a UTF-8 space-like sequence at s (0 if none). */
static size_t space_at(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) /* no-break space */
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xAF || s[2] == 0x89 || s[2] == 0x8A))
        return 3; /* narrow no-break, thin, hair space */
    return 0;
}

/* Length of a minus-like sequence: '-', U+2212 minus, U+2013 en dash, U+2014 em dash. */
static size_t minus_at(const unsigned char *s, size_t n)
{
    if (n >= 1 && s[0] == '-')
        return 1;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94))
        return 3;
    return 0;
}

/* Length of a footnote mark: '*', superscript digits. */
static size_t mark_at(const unsigned char *s, size_t n)
{
    if (n >= 1 && s[0] == '*')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xB9 || s[1] == 0xB2 || s[1] == 0xB3))
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && (s[2] == 0xB0 || (s[2] >= 0xB4 && s[2] <= 0xB9)))
        return 3;
    return 0;
}

static void trim(const unsigned char **s, size_t *n)
{
    size_t k;
    while (*n && (k = space_at(*s, *n)) != 0) {
        *s += k;
        *n -= k;
    }
    for (;;) {
        size_t cut = 0;
        for (size_t back = 1; back <= 3 && back <= *n; back++) {
            const unsigned char *p = *s + *n - back;
            if (space_at(p, back) == back || mark_at(p, back) == back) {
                cut = back;
                break;
            }
        }
        if (!cut)
            break;
        *n -= cut;
    }
}

/* Drop a trailing unit that does not change the value: "4 år", "4 years". */
static void drop_unit(const unsigned char *s, size_t *n)
{
    static const char *const units[] = {"\xc3\xa5r", "aar", "years", "year", "yrs"};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t ul = strlen(units[u]);
        if (*n > ul) {
            const unsigned char *p = s + *n - ul;
            size_t i;
            for (i = 0; i < ul; i++) {
                unsigned char c = p[i];
                if (c >= 'A' && c <= 'Z')
                    c = (unsigned char)(c + 32);
                if (c == 0x85 && i > 0 && p[i - 1] == 0xC3) /* Å -> å */
                    c = 0xA5;
                if (c != (unsigned char)units[u][i])
                    break;
            }
            if (i == ul) {
                *n -= ul;
                return;
            }
        }
    }
}

/* Is digits[0..n) of the form d{1,3}(S ddd)+ with separator byte sep? */
static int grouped(const char *digits, size_t n, char sep)
{
    size_t i = 0;
    while (i < n && digits[i] != sep) {
        if (digits[i] < '0' || digits[i] > '9')
            return 0;
        i++;
    }
    if (i == 0 || i > 3 || i == n)
        return 0;
    while (i < n) {
        if (digits[i] != sep || n - i < 4)
            return 0;
        for (size_t k = 1; k <= 3; k++)
            if (digits[i + k] < '0' || digits[i + k] > '9')
                return 0;
        i += 4;
    }
    return 1;
}

socinv_status socinv_parse_number(const char *text, size_t len, socinv_number_style style,
                                  double *value)
{
    if (!value || (!text && len))
        return SOCINV_E_NULL;
    if (style != SOCINV_NUMBERS_AUTO && style != SOCINV_NUMBERS_DANISH && style != SOCINV_NUMBERS_PLAIN)
        return SOCINV_E_OPTION;
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len;
    trim(&s, &n);
    if (n == 0)
        return SOCINV_E_LENGTH;
    int negative = 0;
    if (s[0] == '(' && n >= 2 && s[n - 1] == ')') {
        negative = 1;
        s++;
        n -= 2;
        trim(&s, &n);
    }
    size_t k = minus_at(s, n);
    if (k) {
        negative = !negative;
        s += k;
        n -= k;
        trim(&s, &n);
        if (n == 0) { /* a lone dash stands for zero */
            *value = 0.0;
            return SOCINV_OK;
        }
    } else if (n && s[0] == '+') {
        s++;
        n--;
        trim(&s, &n);
    }
    drop_unit(s, &n);
    trim(&s, &n);
    if (n == 0 || n > 64)
        return SOCINV_E_PARSE;

    /* Copy digits and separators; spaces between digits are thousands separators. */
    char buf[80];
    size_t b = 0, dots = 0, commas = 0, spaces = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t sp = space_at(s + i, n - i);
        if (sp) {
            buf[b++] = ' ';
            spaces++;
            i += sp;
            continue;
        }
        if (c >= '0' && c <= '9')
            buf[b++] = (char)c;
        else if (c == '.')
            buf[b++] = '.', dots++;
        else if (c == ',')
            buf[b++] = ',', commas++;
        else
            return SOCINV_E_PARSE;
        i++;
    }
    buf[b] = '\0';

    /* Decide which separator is the decimal mark. */
    char decimal = 0, thousands = 0;
    const char *lastdot = strrchr(buf, '.'), *lastcomma = strrchr(buf, ',');
    if (style == SOCINV_NUMBERS_DANISH) {
        decimal = ',';
        thousands = '.';
    } else if (style == SOCINV_NUMBERS_PLAIN) {
        decimal = '.';
        thousands = ',';
    } else if (dots && commas) {
        decimal = lastdot > lastcomma ? '.' : ',';
        thousands = decimal == '.' ? ',' : '.';
    } else if (commas) {
        decimal = ','; /* Danish context: "1,5" */
        thousands = '.';
    } else if (dots) {
        int as_thousands = grouped(buf, b, '.');
        decimal = as_thousands ? ',' : '.';
        thousands = as_thousands ? '.' : ',';
    } else {
        decimal = ',';
        thousands = '.';
    }

    /* Split at the decimal mark and check the integer part's grouping. */
    char intpart[80], frac[80];
    size_t il = 0, fl = 0;
    const char *dm = strchr(buf, decimal);
    if (dm && strchr(dm + 1, decimal))
        return SOCINV_E_PARSE;
    size_t intlen = dm ? (size_t)(dm - buf) : b;
    if (spaces && thousands != ' ') {
        /* spaces may group thousands only where the thousands mark is absent */
        if (memchr(buf, thousands, intlen))
            return SOCINV_E_PARSE;
    }
    char sep = memchr(buf, thousands, intlen) ? thousands : (spaces ? ' ' : 0);
    if (sep) {
        if (!grouped(buf, intlen, sep))
            return SOCINV_E_PARSE;
    }
    for (size_t i = 0; i < intlen; i++)
        if (buf[i] >= '0' && buf[i] <= '9')
            intpart[il++] = buf[i];
        else if (buf[i] != sep)
            return SOCINV_E_PARSE;
    if (dm) {
        for (const char *p = dm + 1; *p; p++)
            if (*p >= '0' && *p <= '9')
                frac[fl++] = *p;
            else
                return SOCINV_E_PARSE;
    }
    if (il == 0 && fl == 0)
        return SOCINV_E_PARSE;

    /* Exact for up to 15-16 significant digits and 22 decimals (Clinger's fast
     * path: one correctly rounded division); close enough beyond. */
    uint64_t mant = 0;
    int digits = 0, dropped = 0;
    for (size_t i = 0; i < il; i++) {
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(intpart[i] - '0');
            if (mant)
                digits++;
        } else {
            dropped++;
        }
    }
    int scale = 0;
    for (size_t i = 0; i < fl; i++) {
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(frac[i] - '0');
            if (mant)
                digits++;
            scale++;
        }
    }
    double v = (double)mant;
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (scale <= 22)
        v /= p10[scale];
    else
        v /= pow(10.0, scale);
    if (dropped)
        v *= pow(10.0, dropped);
    if (!isfinite(v))
        return SOCINV_E_PARSE;
    *value = negative ? -v : v;
    return SOCINV_OK;
}
