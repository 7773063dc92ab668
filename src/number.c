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

/* The digits and separators of a number as printed, in one pass. */
typedef struct printed_number {
    char buf[80];                 /* digits, '.', ',' and ' ' (a space between digits) */
    size_t len, dots, commas, spaces;
    char decimal, thousands;      /* the marks chosen for this number */
    char intpart[80], frac[80];   /* the digits before and after the decimal mark */
    size_t il, fl;
} printed_number;

/* Brackets, a minus or plus sign and a unit around the digits: *s and *n narrowed to the
 * digits. 1 when what is left is a lone dash (zero), 0 to go on, -1 when nothing is left. */
static int strip_sign_and_unit(const unsigned char **s, size_t *n, int *negative)
{
    trim(s, n);
    if (*n == 0)
        return -1;
    if ((*s)[0] == '(' && *n >= 2 && (*s)[*n - 1] == ')') {
        *negative = 1;
        (*s)++;
        *n -= 2;
        trim(s, n);
    }
    size_t k = minus_at(*s, *n);
    if (k) {
        *negative = !*negative;
        *s += k;
        *n -= k;
        trim(s, n);
        if (*n == 0) /* a lone dash stands for zero */
            return 1;
    } else if (*n && (*s)[0] == '+') {
        (*s)++;
        (*n)--;
        trim(s, n);
    }
    drop_unit(*s, n);
    trim(s, n);
    return 0;
}

/* Copy digits and separators; spaces between digits are thousands separators. */
static socinv_status copy_digits(const unsigned char *s, size_t n, printed_number *p)
{
    size_t b = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t sp = space_at(s + i, n - i);
        if (sp) {
            p->buf[b++] = ' ';
            p->spaces++;
            i += sp;
            continue;
        }
        if (c >= '0' && c <= '9')
            p->buf[b++] = (char)c;
        else if (c == '.')
            p->buf[b++] = '.', p->dots++;
        else if (c == ',')
            p->buf[b++] = ',', p->commas++;
        else
            return SOCINV_E_PARSE;
        i++;
    }
    p->buf[b] = '\0';
    p->len = b;
    return SOCINV_OK;
}

/* Decide which separator is the decimal mark. */
static void choose_marks(socinv_number_style style, printed_number *p)
{
    const char *lastdot = strrchr(p->buf, '.'), *lastcomma = strrchr(p->buf, ',');
    if (style == SOCINV_NUMBERS_DANISH) {
        p->decimal = ',';
    } else if (style == SOCINV_NUMBERS_PLAIN) {
        p->decimal = '.';
    } else if (p->dots && p->commas) {
        p->decimal = lastdot > lastcomma ? '.' : ',';
    } else if (p->commas) {
        p->decimal = ','; /* Danish context: "1,5" */
    } else if (p->dots) {
        p->decimal = grouped(p->buf, p->len, '.') ? ',' : '.';
    } else {
        p->decimal = ',';
    }
    p->thousands = p->decimal == '.' ? ',' : '.';
}

/* Split at the decimal mark and check the integer part's grouping. */
static socinv_status split_digits(printed_number *p)
{
    const char *buf = p->buf;
    const char *dm = strchr(buf, p->decimal);
    if (dm && strchr(dm + 1, p->decimal))
        return SOCINV_E_PARSE;
    size_t intlen = dm ? (size_t)(dm - buf) : p->len;
    /* spaces may group thousands only where the thousands mark is absent */
    if (p->spaces && p->thousands != ' ' && memchr(buf, p->thousands, intlen))
        return SOCINV_E_PARSE;
    char sep = memchr(buf, p->thousands, intlen) ? p->thousands : (p->spaces ? ' ' : 0);
    if (sep && !grouped(buf, intlen, sep))
        return SOCINV_E_PARSE;
    for (size_t i = 0; i < intlen; i++)
        if (buf[i] >= '0' && buf[i] <= '9')
            p->intpart[p->il++] = buf[i];
        else if (buf[i] != sep)
            return SOCINV_E_PARSE;
    if (dm) {
        for (const char *q = dm + 1; *q; q++)
            if (*q >= '0' && *q <= '9')
                p->frac[p->fl++] = *q;
            else
                return SOCINV_E_PARSE;
    }
    return p->il == 0 && p->fl == 0 ? SOCINV_E_PARSE : SOCINV_OK;
}

/* Exact for up to 15-16 significant digits and 22 decimals (Clinger's fast path: one
 * correctly rounded division); close enough beyond. Infinite when too large. */
static double digits_value(const printed_number *p)
{
    uint64_t mant = 0;
    int digits = 0, dropped = 0;
    for (size_t i = 0; i < p->il; i++) {
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(p->intpart[i] - '0');
            if (mant)
                digits++;
        } else {
            dropped++;
        }
    }
    int scale = 0;
    for (size_t i = 0; i < p->fl; i++) {
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(p->frac[i] - '0');
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
    return v;
}

/* Most digits a plain amount may have: its value exact in a double (and in uint64_t). */
#define PLAIN_DIGITS 15

/* The amount most cells of a document hold, read in one pass: an optional '-' and at
 * most PLAIN_DIGITS digits, ungrouped or grouped in threes by '.' ("-1.130", "504",
 * "12.500"). Every style reads it as a whole number (AUTO and DANISH take such a '.' for
 * the thousands mark; PLAIN is given only ungrouped digits), as si_parse_number_general
 * does, exactly. 0 for any other text, which the general reading takes. */
static inline int plain_amount(const unsigned char *s, size_t n, socinv_number_style style, double *value)
{
    size_t i = n && s[0] == '-';
    uint64_t mant = 0;
    size_t digits = 0, run = 0, groups = 0;
    for (; i < n; i++) {
        unsigned d = (unsigned)s[i] - '0';
        if (d <= 9) {
            mant = mant * 10 + d;
            digits++;
            run++;
        } else if (s[i] == '.' && style != SOCINV_NUMBERS_PLAIN && run >= 1 && run <= 3 && (!groups || run == 3)) {
            groups++;
            run = 0;
        } else {
            return 0;
        }
    }
    if (run == 0 || digits > PLAIN_DIGITS || (groups && run != 3))
        return 0;
    *value = n && s[0] == '-' ? -(double)mant : (double)mant;
    return 1;
}

socinv_status socinv_parse_number(const char *text, size_t len, socinv_number_style style,
                                  double *value)
{
    if (!value || (!text && len))
        return SOCINV_E_NULL;
    if (style != SOCINV_NUMBERS_AUTO && style != SOCINV_NUMBERS_DANISH && style != SOCINV_NUMBERS_PLAIN)
        return SOCINV_E_OPTION;
    if (plain_amount((const unsigned char *)text, len, style, value))
        return SOCINV_OK;
    return si_parse_number_general(text, len, style, value);
}

socinv_status si_parse_number_general(const char *text, size_t len, socinv_number_style style, double *value)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len;
    int negative = 0;
    int stripped = strip_sign_and_unit(&s, &n, &negative);
    if (stripped < 0)
        return SOCINV_E_LENGTH;
    if (stripped > 0) {
        *value = 0.0;
        return SOCINV_OK;
    }
    if (n == 0 || n > 64)
        return SOCINV_E_PARSE;
    printed_number p = {.len = 0};
    socinv_status st = copy_digits(s, n, &p);
    if (st != SOCINV_OK)
        return st;
    choose_marks(style, &p);
    if ((st = split_digits(&p)) != SOCINV_OK)
        return st;
    double v = digits_value(&p);
    if (!isfinite(v))
        return SOCINV_E_PARSE;
    *value = negative ? -v : v;
    return SOCINV_OK;
}
