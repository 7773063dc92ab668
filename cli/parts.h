/* What a reader (flatodf.c, ooxml.c, pdf.c, the text reader in inputs.c) makes of
 * one file: its parts, each a grid. Its own header so the readers know this type
 * and not the command line's input handling (inputs.h), which calls them. */
#ifndef SOCINV_CLI_PARTS_H
#define SOCINV_CLI_PARTS_H

#include <stddef.h>

#include "socinv.h"

typedef enum { INPUT_TEXT, INPUT_SHEET, INPUT_DOCUMENT } input_kind;

typedef struct input_part {
    char *name;        /* sheet name, "" for text */
    socinv_grid grid;
    /* the formula of each cell ("of:=..."), NULL where none; NULL for text inputs */
    const char **formulas;
    /* cells and strings owned by the part */
    socinv_cell *cells_owned;
    char *text_owned;
    /* the sheet column each grid column was (NULL: the same): see layout.h */
    size_t *sheet_col;
    /* a PDF's: the page (1-based) each grid row begins on; NULL for other inputs */
    size_t *row_page;
} input_part;

typedef struct input {
    const char *path;
    input_kind kind;
    size_t nparts;
    input_part *parts;
    char error[512];   /* why it could not be read ("" when it could) */
    char warning[512]; /* read, but not all of it (cells beyond the columns read): "" when all */
} input;

/* Free what the parts own (defined in inputs.c, beside the reading). */
void input_free(input *in);

#endif
