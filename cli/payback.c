/* socinv payback VALUE...: the payback of a net-impact row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int is_value(const char *a)
{
    /* "-1130" and "-1.130" are amounts, not options */
    return a[0] != '-' || (a[1] >= '0' && a[1] <= '9') || a[1] == '\0';
}

int cmd_payback(int argc, char **argv, const cli_common *common)
{
    socinv_payback_opts o = socinv_payback_opts_default();
    socinv_schedule s;
    int discounted = 0;
    double *v = calloc((size_t)argc + 1, sizeof *v);
    size_t n = 0;
    if (!v)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        socinv_status st = SOCINV_OK;
        if (!strcmp(a, "--method") && next) {
            o.method = (socinv_payback_method)atoi(argv[++i]);
        } else if (!strcmp(a, "--sign") && next) {
            o.sign = atoi(argv[++i]);
        } else if (!strcmp(a, "--no-extrapolate")) {
            o.extrapolate = 0;
        } else if (!strcmp(a, "--final")) {
            o.crossing = SOCINV_CROSSING_FINAL;
        } else if (!strcmp(a, "--horizon") && next) {
            long h = strtol(argv[++i], NULL, 10);
            o.horizon = h > 0 && h <= (long)SOCINV_MAX_HORIZON ? (unsigned)h : 0;
        } else if (!strcmp(a, "--rate") && next) {
            double r;
            st = socinv_parse_number(next, strlen(next), SOCINV_NUMBERS_PLAIN, &r);
            if (st == SOCINV_OK)
                st = socinv_schedule_flat(r, &s);
            discounted = 1;
            i++;
        } else if (!strcmp(a, "--schedule") && next) {
            st = socinv_schedule_named(next, strlen(next), &s);
            discounted = 1;
            i++;
        } else if (is_value(a)) {
            st = socinv_parse_number(a, strlen(a), common->numbers, &v[n]);
            if (st == SOCINV_OK)
                n++;
        } else {
            fprintf(stderr, "socinv payback: unknown option %s\n", a);
            free(v);
            return 2;
        }
        if (st != SOCINV_OK) {
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
        printf("%s\n", !strcmp(common->lang, "da") ? "ingen tilbagebetaling" : "no payback");
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
