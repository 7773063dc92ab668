/* Reading the cells of a grid, shared by the table recognizer (casetable.c) and
 * the title finder (casetitle.c). Internal: not part of socinv.h. */
#ifndef SOCINV_CASEGRID_H
#define SOCINV_CASEGRID_H

#include "internal.h"

/* Room for a folded label (si_fold): labels are compared by their first words. */
#define SI_FOLD_CAP 192
/* Room for the first words of a label, all a line's class needs (the longest word,
 * 'samledeimplementeringsomkostninger', folds to 34 bytes; casetable.c checks each
 * word fits at compile time): si_fold with a smaller room gives the first bytes of the
 * whole folding, so a prefix answers the same. */
#define SI_LABEL_CAP 36

static inline const socinv_cell *si_cell_at(const socinv_grid *g, size_t r, size_t c)
{
    return &g->cells[r * g->cols + c];
}

static inline int si_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static inline int si_cell_blank(const socinv_cell *c)
{
    if (c->kind == SOCINV_CELL_EMPTY)
        return 1;
    if (c->kind == SOCINV_CELL_NUMBER)
        return 0;
    for (size_t i = 0; i < c->len; i++)
        if (!si_is_space((unsigned char)c->text[i]))
            return 0;
    return 1;
}

/* A text cell folded (si_fold) into out (cap bytes); "" for other cells. */
static inline size_t si_cell_fold(const socinv_cell *c, char *out, size_t cap)
{
    if (c->kind != SOCINV_CELL_TEXT || !c->text) {
        out[0] = '\0';
        return 0;
    }
    return si_fold(c->text, c->len, out, cap);
}

/* Drop spaces and line ends around a text (a title, a label). */
static inline void si_trim_text(const char **t, size_t *n)
{
    while (*n && si_is_space((unsigned char)**t))
        (*t)++, (*n)--;
    while (*n && si_is_space((unsigned char)(*t)[*n - 1]))
        (*n)--;
}

/* The grid's shape (NULL, empty, too large); its cells are checked row by row as a
 * search reaches them, rows [from, to) by si_grid_check_rows. */
socinv_status si_grid_check(const socinv_grid *g);
socinv_status si_grid_check_rows(const socinv_grid *g, size_t from, size_t to);

#endif
