/* ODF (.fods/.ods spreadsheets, .fodt/.odt text documents) into grids, with libxml2. */
#ifndef SOCINV_CLI_FLATODF_H
#define SOCINV_CLI_FLATODF_H

#include "parts.h"
#include "zipxml.h"

/* Fill in->parts from a flat ODF file: one part per sheet of a spreadsheet; one
 * part for a text document (paragraphs as one-cell rows, tables as rows of cells,
 * in document order). Returns 0, or -1 with in->error set. */
int flatodf_read(const char *file, input *in);
/* The same from a zipped ODF file (.ods, .odt) already open: its content.xml, read
 * through the guards of zipxml.h. */
int flatodf_read_from(zipxml *zx, input *in);
/* The same from flat ODF in memory (the fuzz target). */
int flatodf_read_memory(const char *data, size_t len, input *in);

#endif
