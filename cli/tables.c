/* Finding and auditing every business-case table of an input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"
#include "words.h"

static int push(found_list *list, const found *f)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        found *items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = *f;
    return 0;
}

/* Audit with a buffer big enough for every finding. */
static int audit(found *f, double tol)
{
    size_t cap = 32;
    for (;;) {
        free(f->findings);
        f->findings = malloc(cap * sizeof *f->findings);
        if (!f->findings)
            return -1;
        if (socinv_case_audit(&f->t, f->lines, f->values, tol, &f->rep, f->findings, cap) != SOCINV_OK)
            return -1;
        if (f->rep.nfindings_total <= cap)
            return 0;
        cap = f->rep.nfindings_total;
    }
}

/* The net impact on both bases, once, for the report, the JSON, the chart and `show`. */
static int compute_nets(found *f)
{
    socinv_basis bases[2];
    bases[SOCINV_BASIS_SERVICE] = socinv_basis_service();
    bases[SOCINV_BASIS_TOTAL] = socinv_basis_total();
    for (int b = 0; b < 2; b++) {
        f->net[b] = malloc((f->t.nyears ? f->t.nyears : 1) * sizeof *f->net[b]);
        if (!f->net[b])
            return -1;
        if (socinv_case_net(&f->t, f->lines, f->values, bases[b], f->net[b]) != SOCINV_OK) {
            free(f->net[b]);
            f->net[b] = NULL;
        }
    }
    return 0;
}

static void found_free(found *f)
{
    free(f->lines);
    free(f->values);
    free(f->findings);
    free(f->net[0]);
    free(f->net[1]);
}

int tables_find(const input *in, socinv_number_style style, double tol, found_list *list)
{
    for (size_t p = 0; p < in->nparts; p++) {
        const input_part *part = &in->parts[p];
        const socinv_grid *g = &part->grid;
        size_t cap = g->rows, years = g->cols < SOCINV_CASE_MAX_YEARS ? g->cols : SOCINV_CASE_MAX_YEARS;
        socinv_case_line *lines = malloc(cap * sizeof *lines);
        double *values = malloc(cap * years * sizeof *values);
        if (!lines || !values) {
            free(lines);
            free(values);
            return -1;
        }
        size_t from = 0;
        for (;;) {
            found f;
            memset(&f, 0, sizeof f);
            socinv_status st = socinv_case_find(g, from, style, &f.t, lines, cap, values, cap * years);
            if (st != SOCINV_OK)
                break; /* no more tables (a grid has at most one line per row: no buffer shortage) */
            f.in = in;
            f.part = part;
            f.lines = malloc((f.t.nlines ? f.t.nlines : 1) * sizeof *f.lines);
            f.values = malloc((f.t.nlines ? f.t.nlines : 1) * f.t.nyears * sizeof *f.values);
            if (!f.lines || !f.values) {
                found_free(&f);
                free(lines);
                free(values);
                return -1;
            }
            memcpy(f.lines, lines, f.t.nlines * sizeof *f.lines);
            memcpy(f.values, values, f.t.nlines * f.t.nyears * sizeof *f.values);
            socinv_case_title(g, from, &f.t, f.id, sizeof f.id, &f.title, &f.title_len);
            input_location(in, part, f.t.header_row, f.t.label_col, f.location, sizeof f.location);
            if (audit(&f, tol) != 0 || compute_nets(&f) != 0 || push(list, &f) != 0) {
                found_free(&f);
                free(lines);
                free(values);
                return -1;
            }
            from = f.t.end_row > from ? f.t.end_row : from + 1;
        }
        free(lines);
        free(values);
    }
    return 0;
}

void tables_free(found_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        found_free(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

void table_location(const found *f, const char *lang, char *buf, size_t cap)
{
    const cli_words *w = cli_words_for(lang);
    if (!strncmp(f->location, "line ", 5))
        snprintf(buf, cap, "%s %s", w->line, f->location + 5);
    else if (!strncmp(f->location, "paragraph ", 10))
        snprintf(buf, cap, "%s %s", w->paragraph, f->location + 10);
    else if (!strncmp(f->location, "page ", 5))
        snprintf(buf, cap, "%s %s", w->page, f->location + 5);
    else
        snprintf(buf, cap, "%s", f->location);
}
