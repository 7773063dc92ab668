/* Delimited text into a grid (socinv_grid_parse_text, socinv_grid_free).
 *
 * Input: one byte choosing the delimiter (detect, tab, ';', ',', or any byte),
 * then the text. Checks, besides memory and UB errors:
 * - statuses: a non-ASCII, quote or line-end delimiter is SOCINV_E_OPTION, NUL in
 *   the text SOCINV_E_PARSE, empty text (or a grid too big for it) SOCINV_E_LENGTH;
 * - every cell is empty or non-empty text, never a number; text is valid
 *   UTF-8 (text that is not UTF-8 is read as Windows-1252, the header says);
 * - for tab-separated text, which has no quoting: the grid has one row per
 *   line, as many columns as the widest line has fields, no cell holds a tab
 *   or a line end, and the cells hold every other byte of the text. */
#include "fuzz.h"

static int is_line_end(char c)
{
    return c == '\n' || c == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t sel = fz_u8(&in);
    static const char delims[] = {0, '\t', ';', ','};
    char delim = sel < 4 ? delims[sel] : sel < 200 ? delims[sel % 4] : (char)sel;
    const char *text = (const char *)in.p;
    size_t len = in.n;

    socinv_grid g;
    memset(&g, 0x5A, sizeof g);
    socinv_status st = socinv_grid_parse_text(text, len, delim, &g);
    FZ_STATUS(st);

    const char *body = text;
    size_t blen = len;
    if (blen >= 3 && !memcmp(body, "\xEF\xBB\xBF", 3))
        body += 3, blen -= 3;
    int has_nul = memchr(text, '\0', len) != NULL;
    /* only an ASCII delimiter other than '"' and line ends is accepted */
    int bad_delim = (unsigned char)delim >= 0x80 || delim == '"' || delim == '\n' || delim == '\r';
    if (bad_delim)
        FZ_CHECK(st == SOCINV_E_OPTION);
    else if (has_nul)
        FZ_CHECK(st == SOCINV_E_PARSE);
    if (st != SOCINV_OK) {
        FZ_CHECK(st == SOCINV_E_PARSE || st == SOCINV_E_LENGTH || st == SOCINV_E_NOMEM || st == SOCINV_E_OPTION);
        /* E_LENGTH: empty text, or a grid (rows x widest row) too large for the text */
        FZ_CHECK(g.cells == NULL && g.rows == 0 && g.cols == 0); /* zeroed, safe to free */
        socinv_grid_free(&g);
        return 0;
    }
    FZ_CHECK(g.rows * g.cols <= 64 * len + 65536);
    FZ_CHECK(!has_nul && blen > 0);
    FZ_CHECK(g.cells && g.rows >= 1 && g.cols >= 1);

    size_t text_bytes = 0;
    for (size_t i = 0; i < g.rows * g.cols; i++) {
        const socinv_cell *c = &g.cells[i];
        FZ_CHECK(c->kind == SOCINV_CELL_EMPTY || c->kind == SOCINV_CELL_TEXT);
        if (c->kind == SOCINV_CELL_TEXT) {
            FZ_CHECK(c->text && c->len > 0);
            FZ_CHECK(memchr(c->text, '\0', c->len) == NULL); /* reads every byte: ASan checks the bounds */
            if (!fz_utf8_valid(c->text, c->len)) {
                fprintf(stderr, "cell %zu,%zu is not UTF-8\n", i / g.cols, i % g.cols);
                FZ_CHECK(!"cells are UTF-8");
            }
            text_bytes += c->len;
        }
    }

    int tsv = delim == '\t' || (delim == 0 && memchr(body, '\t', blen));
    if (tsv && fz_utf8_valid(body, blen)) {
        size_t lines = 0, widest = 0, fields = 1, other = 0;
        int open = 0; /* a line has started and not ended */
        for (size_t i = 0; i < blen; i++) {
            char c = body[i];
            if (is_line_end(c)) {
                if (c == '\r' && i + 1 < blen && body[i + 1] == '\n')
                    i++;
                lines++;
                widest = fields > widest ? fields : widest;
                fields = 1;
                open = 0;
                continue;
            }
            open = 1;
            if (c == '\t')
                fields++;
            else
                other++;
        }
        if (open) {
            lines++;
            widest = fields > widest ? fields : widest;
        }
        FZ_CHECK(g.rows == lines);
        FZ_CHECK(g.cols == widest);
        FZ_CHECK(text_bytes == other);
        for (size_t i = 0; i < g.rows * g.cols; i++) {
            const socinv_cell *c = &g.cells[i];
            if (c->kind == SOCINV_CELL_TEXT)
                for (size_t k = 0; k < c->len; k++)
                    FZ_CHECK(c->text[k] != '\t' && !is_line_end(c->text[k]));
        }
    }
    socinv_grid_free(&g);
    FZ_CHECK(g.cells == NULL && g.rows == 0 && g.cols == 0);
    socinv_grid_free(&g); /* twice is fine: the grid was zeroed */
    socinv_grid_free(NULL);
    return 0;
}
