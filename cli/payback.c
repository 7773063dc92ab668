/* socinv payback VALUE...: the payback of a net-impact row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "words.h"

static int is_value(const char *a)
{
    /* "-1130" and "-1.130" are amounts, not options */
    return a[0] != '-' || (a[1] >= '0' && a[1] <= '9') || a[1] == '\0';
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Past an optional sign and the digits after it; NULL when there is no digit. */
static const char *signed_digits(const char *p)
{
    if (*p == '+' || *p == '-')
        p++;
    if (!is_digit(*p))
        return NULL;
    while (is_digit(*p))
        p++;
    return p;
}

socinv_status cli_number(const char *text, double *value)
{
    /* [+-]digits[.digits] and nothing else: "5x", "1abc" and "" are text, as a
     * cell holding them is to Calc (#VALUE!), not 5 and 1 */
    const char *p = signed_digits(text);
    if (p && *p == '.')
        for (p++; is_digit(*p); p++)
            ;
    if (!p || *p)
        return SOCINV_E_TYPE;
    socinv_status st = socinv_parse_number(text, strlen(text), SOCINV_NUMBERS_PLAIN, value);
    if (st == SOCINV_OK && !isfinite(*value))
        return SOCINV_E_NONFINITE;
    return st == SOCINV_OK ? SOCINV_OK : SOCINV_E_TYPE;
}

/* A whole number in [lo, hi], as the add-in reads method, sign and horizon
 * (sv_int): a fraction or a number outside is SOCINV_E_DOMAIN (Err:502). */
static socinv_status whole_number(const char *text, long lo, long hi, long *out)
{
    double v;
    socinv_status st = cli_number(text, &v);
    if (st != SOCINV_OK)
        return st;
    if (!(v >= (double)lo && v <= (double)hi) || v != floor(v))
        return SOCINV_E_DOMAIN;
    *out = (long)v;
    return SOCINV_OK;
}

/* One option with its value at argv[*i + 1]; SOCINV_E_OPTION when a is not one. */
static socinv_status payback_option(const char *a, const char *next, socinv_payback_opts *o, socinv_schedule *s,
                                    int *discounted)
{
    long k = 0; /* set on SOCINV_OK; the option is then not used */
    socinv_status st;
    if (!strcmp(a, "--method")) {
        st = whole_number(next, SOCINV_PAYBACK_WHOLE, SOCINV_PAYBACK_FRACTIONAL_NONSTRICT, &k);
        o->method = (socinv_payback_method)k;
    } else if (!strcmp(a, "--sign")) {
        st = whole_number(next, -1, 1, &k);
        if (st == SOCINV_OK && k == 0)
            st = SOCINV_E_OPTION;
        o->sign = (int)k;
    } else if (!strcmp(a, "--horizon")) {
        st = whole_number(next, 1, SOCINV_MAX_HORIZON, &k);
        o->horizon = (unsigned)k;
    } else if (!strcmp(a, "--rate")) {
        double r;
        st = cli_number(next, &r);
        if (st == SOCINV_OK)
            st = socinv_schedule_flat(r, s);
        *discounted = 1;
    } else if (!strcmp(a, "--schedule")) {
        st = socinv_schedule_named(next, strlen(next), s);
        *discounted = 1;
    } else {
        return SOCINV_E_OPTION;
    }
    return st;
}

static int takes_value(const char *a)
{
    return !strcmp(a, "--method") || !strcmp(a, "--sign") || !strcmp(a, "--horizon") || !strcmp(a, "--rate") ||
           !strcmp(a, "--schedule");
}

int cmd_payback(int argc, char **argv, const cli_common *common)
{
    socinv_payback_opts o = socinv_payback_opts_default();
    socinv_schedule s;
    int discounted = 0, only_values = 0;
    double *v = calloc((size_t)argc + 1, sizeof *v);
    size_t n = 0;
    if (!v)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        socinv_status st = SOCINV_OK;
        const char *what = a;
        if (!only_values && !strcmp(a, "--")) {
            only_values = 1;
        } else if (!only_values && takes_value(a) && next) {
            st = payback_option(a, next, &o, &s, &discounted);
            what = next;
            i++;
        } else if (!only_values && !strcmp(a, "--no-extrapolate")) {
            o.extrapolate = 0;
        } else if (!only_values && !strcmp(a, "--final")) {
            o.crossing = SOCINV_CROSSING_FINAL;
        } else if (only_values || is_value(a)) {
            st = socinv_parse_number(a, strlen(a), common->numbers, &v[n]);
            if (st == SOCINV_OK)
                n++;
        } else {
            fprintf(stderr, "socinv payback: unknown option %s\n", a);
            free(v);
            return 2;
        }
        if (st != SOCINV_OK) {
            if (what != a)
                fprintf(stderr, "socinv payback: %s %s: %s\n", a, what, socinv_strerror(st));
            else
                fprintf(stderr, "socinv payback: %s: %s\n", a, socinv_strerror(st));
            free(v);
            return 2;
        }
    }
    double years;
    socinv_status st = discounted ? socinv_payback_discounted(v, n, &s, 0, &o, &years)
                                  : socinv_payback(v, n, &o, &years);
    free(v);
    if (st == SOCINV_NO_RESULT) {
        printf("%s\n", cli_words_for(common->lang)->no_payback);
        return 1;
    }
    if (st != SOCINV_OK) {
        fprintf(stderr, "socinv payback: %s\n", socinv_strerror(st));
        return 2;
    }
    char out[32];
    socinv_format_amount(years, common->lang, out, sizeof out);
    printf("%s\n", out);
    return 0;
}
