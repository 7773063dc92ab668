/* socinv/grid.h — cells and grids. Part of socinv.h: include that. */
#ifndef SOCINV_GRID_H
#define SOCINV_GRID_H

#include "socinv/base.h"
#include "socinv/number.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Cells and grids
 * A sheet, a pasted table or a text file split into lines and tabs, as the
 * table recognizer reads it. The Calc add-in passes a range as a grid. */
/**@{*/
typedef enum socinv_cell_kind {
    SOCINV_CELL_EMPTY = 0, /**< an empty cell, or "" */
    SOCINV_CELL_NUMBER = 1,
    SOCINV_CELL_TEXT = 2   /**< UTF-8 text[0..len), not necessarily NUL-terminated */
} socinv_cell_kind;

typedef struct socinv_cell {
    socinv_cell_kind kind;
    double num;
    const char *text;
    size_t len;
} socinv_cell;

typedef struct socinv_grid {
    const socinv_cell *cells; /**< rows × cols, row-major */
    size_t rows, cols;
} socinv_grid;

/** "Not a row/column/index" in the structures below. */
#define SOCINV_NONE ((size_t)-1)

/**
 * Split delimited text into a grid: tab-separated (as the seeds, and as a table
 * copied out of Word or a PDF pastes), or CSV with ';' or ',' and RFC 4180
 * quotes. `delimiter` 0 detects: tab if the text has one, else ';' if it has
 * one, else ','. Every non-empty cell is text (the recognizer reads numbers).
 * Text that is not UTF-8 is read as Windows-1252, as Danish Excel saves CSV.
 * A UTF-8 byte-order mark is skipped.
 *
 * This allocates (one block): release it with socinv_grid_free().
 * @return #SOCINV_E_PARSE for text with NUL bytes (a binary file),
 *         #SOCINV_E_OPTION for a delimiter that is not ASCII or is '"' or a line end,
 *         #SOCINV_E_LENGTH beyond #SOCINV_MAX_CELLS cells or beyond 64 cells per byte
 *         of text (rows x widest row), #SOCINV_E_NOMEM.
 */
SOCINV_API socinv_status socinv_grid_parse_text(const char *text, size_t len, char delimiter,
                                                socinv_grid *grid);
/** Free a grid made by socinv_grid_parse_text() (a zeroed grid is fine). */
SOCINV_API void socinv_grid_free(socinv_grid *grid);
/**
 * Length (1-4) of the well-formed UTF-8 character at s (n bytes available), or 0
 * when the bytes there are not one (RFC 3629: a stray continuation byte, an
 * overlong form, a surrogate, beyond U+10FFFF, a cut sequence, Windows-1252 text).
 * The one UTF-8 reading of socinv: the text grid's, and the command line's for
 * names and titles.
 */
SOCINV_API size_t socinv_utf8_char_len(const char *s, size_t n);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_GRID_H */
