/* PDF documents (business-case catalogues) read with poppler: the text layer's
 * words and their positions, rebuilt into rows and cells by pdflayout.c. */
#ifndef SOCINV_CLI_PDF_H
#define SOCINV_CLI_PDF_H

#include "parts.h"

/* Most pages read from one PDF, and the largest PDF file read. */
#define PDF_MAX_PAGES 5000
#define PDF_MAX_BYTES ((size_t)256 << 20)

/* Fill `in` (kind INPUT_DOCUMENT, one part) from the PDF at `path`. Returns 0, or
 * -1 with in->error set: not a PDF, damaged, encrypted, no text layer (a scan),
 * more than PDF_MAX_PAGES pages or PDF_MAX_WORDS words, larger than PDF_MAX_BYTES.
 * Poppler's own messages are kept off stderr. */
int pdf_read(const char *path, input *in);

#endif
