/* The proposal's id and title above a business-case table: a heading "HA02(2025) -
 * Title" (or a bare id with the title after it), "Forslagets titel: Title", or the
 * line before "Kort resumé" (socinv_case_title). */
#include <string.h>

#include "casegrid.h"

/* A line after a bare id heading longer than this is prose, not the proposal's title. */
#define TITLE_MAX 240

/* "TV04(2025) - Title", "TV04(2025) – Title", "TV04(2025): Title", "TV04(2025) Title" or
 * a bare "TV04(2025)" heading (then *tlen is 0 and the title is looked for after it):
 * two capitals, two digits, a year in brackets. */
static int proposal_id(const socinv_cell *c, char *id, size_t id_cap, const char **title, size_t *tlen)
{
    if (c->kind != SOCINV_CELL_TEXT || c->len < 7)
        return 0;
    const unsigned char *s = (const unsigned char *)c->text;
    size_t i = 0;
    if (!(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= '0' && s[2] <= '9' &&
          s[3] >= '0' && s[3] <= '9' && s[4] == '('))
        return 0;
    i = 5;
    while (i < c->len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i >= c->len || s[i] != ')')
        return 0;
    i++;
    if (i < c->len && !si_is_space(s[i]) && s[i] != '-' && s[i] != ':' && s[i] != 0xE2)
        return 0; /* "HA02(2025)x": not a heading */
    /* spaces, then a dash (-, –, —) or colon, then the title */
    while (i < c->len && si_is_space(s[i]))
        i++;
    if (i < c->len && (s[i] == '-' || s[i] == ':'))
        i++;
    else if (i + 2 < c->len && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
        i += 3;
    while (i < c->len && si_is_space(s[i]))
        i++;
    if (id_cap > 4) {
        memcpy(id, c->text, 4);
        id[4] = '\0';
    }
    *title = c->text + i;
    *tlen = c->len - i;
    return 1;
}

/* The first non-blank cell of a row: where a heading or a paragraph's text is,
 * whichever column the sheet put it in. */
static const socinv_cell *first_cell(const socinv_grid *g, size_t r)
{
    for (size_t c = 0; c < g->cols; c++)
        if (!si_cell_blank(si_cell_at(g, r, c)))
            return si_cell_at(g, r, c);
    return si_cell_at(g, r, 0);
}

/* The title of a bare id heading ("HA02(2025)"): the next cell of its row (a table of
 * contents: "HA02(2025) | Title | Side 3"), else the next non-blank line before the
 * table, without a 'Forslagets titel:' in front. */
static void title_after_id(const socinv_grid *g, size_t r, size_t end, const char **title, size_t *tlen)
{
    const socinv_cell *id_cell = first_cell(g, r);
    const socinv_cell *t = NULL;
    for (const socinv_cell *c = id_cell + 1; c < si_cell_at(g, r, 0) + g->cols && !t; c++)
        if (!si_cell_blank(c) && c->kind == SOCINV_CELL_TEXT)
            t = c;
    for (size_t q = r + 1; q < end && !t; q++)
        if (!si_cell_blank(first_cell(g, q)) && first_cell(g, q)->kind == SOCINV_CELL_TEXT)
            t = first_cell(g, q);
    if (!t || t->len > TITLE_MAX)
        return; /* prose, not a title */
    *title = t->text;
    *tlen = t->len;
    char f[SI_LABEL_CAP]; /* a prefix is looked for */
    si_cell_fold(t, f, sizeof f);
    const char *colon = memchr(t->text, ':', t->len);
    if (si_starts_with(f, "forslagetstitel:") && colon) {
        *title = colon + 1;
        *tlen = (size_t)(t->text + t->len - (colon + 1));
    }
    si_trim_text(title, tlen);
}

socinv_status socinv_case_title(const socinv_grid *grid, size_t from_row, const socinv_case *table,
                                char *id, size_t id_cap, const char **title, size_t *title_len)
{
    socinv_status st = si_grid_check(grid);
    if (st != SOCINV_OK)
        return st;
    if (!table || !id || !title || !title_len)
        return SOCINV_E_NULL;
    if (id_cap < 5)
        return SOCINV_E_BUFFER;
    id[0] = '\0';
    *title = "";
    *title_len = 0;
    size_t end = table->header_row < grid->rows ? table->header_row : grid->rows;
    if ((st = si_grid_check_rows(grid, from_row, end)) != SOCINV_OK)
        return st;
    char f[SI_LABEL_CAP]; /* a prefix is looked for */
    /* Nearest heading with an id wins; otherwise a 'Forslagets titel:' or the line before 'Kort resumé'. */
    for (size_t r = end; r-- > from_row;) {
        if (proposal_id(first_cell(grid, r), id, id_cap, title, title_len)) {
            si_trim_text(title, title_len);
            if (!*title_len)
                title_after_id(grid, r, end, title, title_len);
            return SOCINV_OK;
        }
    }
    for (size_t r = end; r-- > from_row;) {
        const socinv_cell *c = first_cell(grid, r);
        si_cell_fold(c, f, sizeof f);
        if (si_starts_with(f, "forslagetstitel:")) {
            const char *colon = memchr(c->text, ':', c->len);
            *title = colon + 1;
            *title_len = (size_t)(c->text + c->len - (colon + 1));
            si_trim_text(title, title_len);
            return SOCINV_OK;
        }
    }
    for (size_t r = end; r-- > from_row + 1;) {
        si_cell_fold(first_cell(grid, r), f, sizeof f);
        if (!si_starts_with(f, "kortresum"))
            continue;
        for (size_t q = r; q-- > from_row;) {
            const socinv_cell *t = first_cell(grid, q);
            if (!si_cell_blank(t) && t->kind == SOCINV_CELL_TEXT) {
                *title = t->text;
                *title_len = t->len;
                si_trim_text(title, title_len);
                return SOCINV_OK;
            }
        }
    }
    return SOCINV_OK;
}

