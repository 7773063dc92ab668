/* The PDF reader's position-to-grid step (cli/pdflayout.c: pdf_words_page,
 * pdf_words_add, pdf_layout), fed made-up words with boxes instead of poppler.
 *
 * Input: one byte for the page height, then words of 8 bytes each: a byte whose
 * top bit starts a new page (at most 4), x (u16 / 40 pt), baseline (u16 / 40 pt), width (byte / 2),
 * height (byte / 16), and a text byte choosing a word of a business-case table
 * (years, amounts, dashes, labels, page numbers) or, above the list, that many
 * raw bytes from the rest of the input. Checks, besides memory and UB errors:
 * - pdf_layout returns 0 (the limits are far above what an input can make);
 * - the grid has at least one column; every cell is empty or non-empty text
 *   pointing into the part's own text, which is NUL-terminated after each cell;
 * - no cell holds more text than all the words and a space between each. */
#include "fuzz.h"
#include "pdflayout.h"

static const char *const vocab[] = {
    "2024", "2025", "2026", "2027", "2028", "2029", "1.000", "kr.", "p/l", "Styringsområde", "Service", "Anlæg",
    "1.200", "-4.100", "-", ("\xE2\x80\x93" "350"), "0", "4", "år", "Varige", "ændringer", "Samlet", "varig",
    "ændring,", "service", "Samlede", "implementeringsomkostninger", "økonomisk", "påvirkning",
    "Tilbagebetalingstid", "baseret", "på", "totaløkonomi", "Side", "7", "Peer-", "indsats", "HA02(2025)", "–",
};
#define NVOCAB (sizeof vocab / sizeof *vocab)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    double height = 200 + fz_u8(&in) * 20;
    pdf_words w = {0};
    size_t text_total = 0;
    FZ_CHECK(pdf_words_page(&w, height) == 0);
    while (in.n >= 8) {
        if ((fz_u8(&in) & 0x80) && w.npages < 4) /* words come page by page */
            FZ_CHECK(pdf_words_page(&w, height) == 0);
        double x = fz_u16(&in) / 40.0, y = fz_u16(&in) / 40.0;
        double width = fz_u8(&in) / 2.0, h = fz_u8(&in) / 16.0;
        uint8_t pick = fz_u8(&in);
        const char *t;
        size_t len;
        if (pick < NVOCAB) {
            t = vocab[pick];
            len = strlen(t);
        } else {
            len = (size_t)(pick - NVOCAB) % 16;
            len = len < in.n ? len : in.n;
            t = (const char *)in.p;
            in.p += len;
            in.n -= len;
        }
        FZ_CHECK(pdf_words_add(&w, x, y - h, x + width, y, t, len) == 0);
        text_total += len + 1;
    }
    input_part part;
    memset(&part, 0, sizeof part);
    char err[256];
    FZ_CHECK(pdf_layout(&w, &part, err, sizeof err) == 0);
    const socinv_grid *g = &part.grid;
    FZ_CHECK(g->cols >= 1 && part.cells_owned == g->cells);
    for (size_t i = 0; i < g->rows * g->cols; i++) {
        const socinv_cell *c = &g->cells[i];
        if (c->kind == SOCINV_CELL_EMPTY)
            continue;
        FZ_CHECK(c->kind == SOCINV_CELL_TEXT && c->len > 0 && c->len <= text_total);
        FZ_CHECK(c->text >= part.text_owned && c->text[c->len] == '\0');
    }
    for (size_t r = 0; r < g->rows; r++) /* pages 1-based, in order */
        FZ_CHECK(part.row_page[r] >= 1 && part.row_page[r] <= w.npages && (!r || part.row_page[r] >= part.row_page[r - 1]));
    free(part.cells_owned);
    free(part.text_owned);
    free(part.name);
    free(part.row_page);
    pdf_words_free(&w);
    return 0;
}
