/* socinv recalc: cells whose value became an error when recalculated. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "recalc.h"

/* Does a cell show an error value (Calc writes errors as their text)? */
static int is_error(const socinv_cell *c)
{
    static const char *const errors[] = {"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#NULL!", NULL};
    if (c->kind != SOCINV_CELL_TEXT)
        return 0;
    if (c->len > 4 && !strncmp(c->text, "Err:", 4))
        return 1;
    for (const char *const *e = errors; *e; e++)
        if (c->len == strlen(*e) && !memcmp(c->text, *e, c->len))
            return 1;
    return 0;
}

size_t recalc_count_errors(const input *in)
{
    size_t n = 0;
    for (size_t p = 0; p < in->nparts; p++)
        for (size_t k = 0; k < in->parts[p].grid.rows * in->parts[p].grid.cols; k++)
            n += is_error(&in->parts[p].grid.cells[k]);
    return n;
}

static const socinv_cell *cell_at(const input_part *part, size_t r, size_t c)
{
    return part && r < part->grid.rows && c < part->grid.cols ? &part->grid.cells[r * part->grid.cols + c] : NULL;
}

/* Print every cell that shows an error after the recalculation but did not before
 * (sheets matched by position and name); returns how many. */
size_t recalc_new_errors(const input *before, const input *after)
{
    fflush(stdout); /* the report (stdout) and these lines (stderr) share a terminal */
    size_t n = 0;
    for (size_t p = 0; p < after->nparts; p++) {
        const input_part *now = &after->parts[p];
        const input_part *was = p < before->nparts && !strcmp(before->parts[p].name, now->name) ? &before->parts[p]
                                                                                                 : NULL;
        for (size_t r = 0; r < now->grid.rows; r++) {
            for (size_t c = 0; c < now->grid.cols; c++) {
                const socinv_cell *x = cell_at(now, r, c), *old = cell_at(was, r, c);
                if (!is_error(x) || (old && is_error(old)))
                    continue;
                if (!n)
                    fprintf(stderr, "%s: cells that became errors when recalculated:\n", after->path);
                char where[300], value[80] = "";
                input_location(after, now, r, c, where, sizeof where);
                if (old && old->kind == SOCINV_CELL_NUMBER)
                    socinv_format_amount(old->num, "en", value, sizeof value);
                else if (old && old->kind == SOCINV_CELL_TEXT)
                    snprintf(value, sizeof value, "'%.*s'", (int)(old->len > 60 ? 60 : old->len), old->text);
                const char *f = now->formulas ? now->formulas[r * now->grid.cols + c] : NULL;
                char formula[512] = "";
                if (f)
                    recalc_readable_formula(f, formula, sizeof formula);
                fprintf(stderr, "    %s is now %.*s, was %s%s%s\n", where, (int)x->len, x->text,
                        *value ? value : "empty", f ? ": " : "", formula);
                n++;
            }
        }
    }
    return n;
}
