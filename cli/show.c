/* socinv show FILE...: each business-case table recomputed from its lines: the
 * permanent changes, implementation costs and net impact per year on both
 * bases, the cumulative net impact, the paybacks, and the check's findings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tables.h"
#include "words.h"

#define COL 10

static void row(const char *label, const double *v, size_t n, const char *lang)
{
    printf("  %-34s", label);
    for (size_t k = 0; k < n; k++) {
        char a[32];
        socinv_format_amount(v[k], lang, a, sizeof a);
        printf(" %*s", COL, a);
    }
    putchar('\n');
}

/* A row the lines do not give: printed as blanks ("-"). */
static void unknown_row(double *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        v[k] = NAN;
}

static void show_table(const found *t, const cli_common *c)
{
    const cli_words *w = cli_words_for(c->lang);
    const size_t ny = t->t.nyears;
    double *buf = malloc(4 * ny * sizeof *buf);
    if (!buf)
        return;
    double *perm = buf, *impl = buf + ny, *net = buf + 2 * ny, *cum = buf + 3 * ny;
    char loc[128];
    table_location(t, c->lang, loc, sizeof loc);
    printf("%s%s%.*s\n  %s, %s\n", t->id, t->id[0] ? " " : "", (int)t->title_len, t->title, t->in->path, loc);
    printf("  %-34s", w->thousands);
    for (size_t k = 0; k < ny; k++)
        printf(" %*d", COL, socinv_case_year(&t->part->grid, &t->t, k));
    putchar('\n');

    socinv_basis only_perm = {SOCINV_AREAS_ALL, 0}, only_impl = {0, SOCINV_AREAS_ALL};
    if (socinv_case_net(&t->t, t->lines, t->values, only_perm, perm) != SOCINV_OK)
        unknown_row(perm, ny);
    if (socinv_case_net(&t->t, t->lines, t->values, only_impl, impl) != SOCINV_OK)
        unknown_row(impl, ny);
    row(w->permanent, perm, ny, c->lang);
    row(w->implementation, impl, ny, c->lang);
    const int bases[2] = {SOCINV_BASIS_TOTAL, SOCINV_BASIS_SERVICE};
    const char *names[2] = {w->net_total, w->net_service};
    for (int b = 0; b < 2; b++) {
        if (!t->net[bases[b]]) { /* no line to sum on this basis: shown as blanks, no payback */
            unknown_row(net, ny);
            row(names[b], net, ny, c->lang);
            continue;
        }
        memcpy(net, t->net[bases[b]], ny * sizeof *net);
        row(names[b], net, ny, c->lang);
        double s = 0;
        for (size_t k = 0; k < ny; k++)
            cum[k] = s += net[k];
        row(w->cumulative, cum, ny, c->lang);
        socinv_payback_opts o = socinv_payback_opts_default();
        double whole, frac;
        int ok = socinv_payback(net, ny, &o, &whole) == SOCINV_OK;
        o.method = SOCINV_PAYBACK_FRACTIONAL;
        socinv_payback(net, ny, &o, &frac);
        char wh[32], f[32];
        socinv_format_amount(whole, c->lang, wh, sizeof wh);
        socinv_format_amount(round(frac * 100.0) / 100.0, c->lang, f, sizeof f);
        double printed = t->rep.payback_printed[bases[b]];
        char p[32];
        socinv_format_amount(printed, c->lang, p, sizeof p);
        if (ok)
            printf("  %-34s %s %s (%s %s)%s%s\n", w->payback, wh, w->year_many, w->fractional, f,
                   isnan(printed) ? "" : w->printed, isnan(printed) ? "" : p);
        else
            printf("  %-34s %s%s%s\n", w->payback, w->never, isnan(printed) ? "" : w->printed,
                   isnan(printed) ? "" : p);
    }
    if (t->rep.nfindings == 0)
        printf("  %s\n", w->check_ok);
    for (size_t i = 0; i < t->rep.nfindings; i++) {
        char msg[512];
        socinv_finding_format(&t->part->grid, &t->t, t->lines, &t->findings[i], c->lang, msg, sizeof msg);
        printf("  %s: %s\n", t->findings[i].severity == SOCINV_SEVERITY_ERROR ? w->error : w->warning, msg);
    }
    putchar('\n');
    free(buf);
}

int cmd_show(int argc, char **argv, const cli_common *common)
{
    if (argc == 0) {
        fprintf(stderr, "socinv show: give a file: socinv show FILE...\n");
        return 2;
    }
    input *ins = calloc((size_t)argc, sizeof *ins);
    if (!ins)
        return 2;
    size_t unread = inputs_read((const char *const *)argv, (size_t)argc, &common->inputs, ins);
    found_list all = {0};
    int rc = unread ? 2 : 0;
    for (int i = 0; i < argc; i++) {
        if (ins[i].error[0]) {
            fprintf(stderr, "socinv: %s: %s\n", ins[i].path, ins[i].error);
            continue;
        }
        size_t before = all.n;
        if (tables_find(&ins[i], common->numbers, common->tolerance, &all) != 0) {
            fprintf(stderr, "socinv: out of memory\n");
            rc = 2;
        }
        if (all.n == before) {
            fprintf(stderr, "socinv: %s: no business-case table found\n", ins[i].path);
            if (!rc)
                rc = 1;
        }
    }
    for (size_t k = 0; k < all.n; k++)
        show_table(&all.items[k], common);
    tables_free(&all);
    for (int i = 0; i < argc; i++)
        input_free(&ins[i]);
    free(ins);
    return rc;
}
