/* Words with their boxes on PDF pages, rebuilt into rows and cells (pdflayout.c
 * says how). Kept apart from poppler (pdf.c) so it can be fuzzed with made-up words. */
#ifndef SOCINV_CLI_PDFLAYOUT_H
#define SOCINV_CLI_PDFLAYOUT_H

#include <stddef.h>

#include "parts.h"

/* Most words read from one PDF (about 40 bytes each here, plus their text): a
 * catalogue of 140 pages has about 60.000. */
#define PDF_MAX_WORDS ((size_t)4 << 20)
#define PDF_MAX_WORDS_TEXT "4194304"

typedef struct pdf_word {
    double x0, y0, x1, y1; /* the box in points, y growing down from the page top */
    size_t page;           /* 0-based, words of a page together, pages in order */
    size_t text, len;      /* the UTF-8 text in the pool: pool[text .. text + len) */
} pdf_word;

typedef struct pdf_words {
    pdf_word *words;
    size_t n, cap;
    char *pool;
    size_t pool_len, pool_cap;
    double *page_height; /* one per page */
    size_t npages, pages_cap;
} pdf_words;

/* Add a page (before its words). Returns 0, or -1 when out of memory. */
int pdf_words_page(pdf_words *w, double height);
/* Add a word of the last page; an empty word or a box that is not finite is
 * skipped. Returns 0, -1 when out of memory, -2 beyond PDF_MAX_WORDS. */
int pdf_words_add(pdf_words *w, double x0, double y0, double x1, double y1, const char *text, size_t len);
void pdf_words_free(pdf_words *w);

/* Rebuild the document as rows: paragraphs as one-cell rows (wrapped lines
 * joined), business-case tables as rows of cells (label, area, one per year).
 * Fills part (name "", grid, cells_owned, text_owned). Returns 0, or -1 when out
 * of memory or beyond the input limits (err says which). */
int pdf_layout(const pdf_words *w, input_part *part, char *err, size_t errcap);

#endif
