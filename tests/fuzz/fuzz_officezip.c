/* The command line's readers of office files (cli/zipxml.c, cli/ooxml.c,
 * cli/flatodf.c, cli/gridbuild.c): ZIP archives and XML from anyone.
 *
 * Input: one byte choosing the reader (0 DOCX, 1 XLSX, 2 zipped ODF, 3 flat ODF
 * XML), then the file's bytes. Checks, besides memory and UB errors:
 * - a reader returns 0, or -1 with a reason in input.error; then the layout is
 *   tidied (cli/layout.c: spacer columns, tables side by side);
 * - every part's grid is within the limits (GB_MAX_CELLS cells, GB_MAX_COLS
 *   columns), its cells are empty, numbers or text with a pointer when not empty,
 *   an array formula's cells hold it in braces;
 * - the recognizer runs over every grid (socinv_case_find from each table's end)
 *   and returns only statuses the header lists. */
#include "fuzz.h"

#include "flatodf.h"
#include "gridbuild.h"
#include "layout.h"
#include "ooxml.h"

static void check_parts(const input *in)
{
    for (size_t p = 0; p < in->nparts; p++) {
        const socinv_grid *g = &in->parts[p].grid;
        FZ_CHECK(g->rows && g->cols && g->cols <= GB_MAX_COLS && g->rows * g->cols <= GB_MAX_CELLS);
        for (size_t i = 0; i < g->rows * g->cols; i++) {
            const socinv_cell *c = &g->cells[i];
            FZ_CHECK(c->kind == SOCINV_CELL_EMPTY || c->kind == SOCINV_CELL_NUMBER || c->kind == SOCINV_CELL_TEXT);
            FZ_CHECK(c->kind != SOCINV_CELL_TEXT || (c->text && c->len));
            /* an array formula's, in every cell of its result, is in braces (gridbuild.h) */
            const char *f = in->parts[p].formulas ? in->parts[p].formulas[i] : NULL;
            FZ_CHECK(!f || f[0] != '{' || f[strlen(f) - 1] == '}');
        }
        socinv_case t;
        socinv_case_line lines[64];
        double values[64 * 8];
        for (size_t from = 0; from < g->rows;) {
            socinv_status st = socinv_case_find(g, from, SOCINV_NUMBERS_AUTO, &t, lines, 64, values, 64 * 8);
            FZ_STATUS(st);
            if (st != SOCINV_OK && st != SOCINV_E_BUFFER)
                break;
            FZ_CHECK(t.header_row >= from && t.end_row > t.header_row);
            from = t.end_row;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] % 4;
    input in;
    memset(&in, 0, sizeof in);
    in.path = "fuzz";
    int rc = -1;
    if (which == 3) {
        rc = flatodf_read_memory((const char *)data + 1, size - 1, &in);
    } else {
        zipxml *zx = zipxml_open_memory(data + 1, size - 1, in.error, sizeof in.error);
        if (zx) {
            rc = which == 0 ? ooxml_docx_from(zx, &in) : which == 1 ? ooxml_xlsx_from(zx, &in) : flatodf_read_from(zx, &in);
            zipxml_close(zx);
        }
    }
    FZ_CHECK(rc == 0 || rc == -1);
    FZ_CHECK(rc == 0 || in.error[0]);
    if (rc == 0 && layout_tidy(&in) == 0)
        check_parts(&in);
    input_free(&in);
    return 0;
}
