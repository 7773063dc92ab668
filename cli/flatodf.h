/* Flat ODF (.fods spreadsheets, .fodt text documents) into grids, with libxml2. */
#ifndef SOCINV_CLI_FLATODF_H
#define SOCINV_CLI_FLATODF_H

#include "inputs.h"

/* Fill in->parts from a flat ODF file: one part per sheet of a spreadsheet; one
 * part for a text document (paragraphs as one-cell rows, tables as rows of cells,
 * in document order). Returns 0, or -1 with in->error set. */
int flatodf_read(const char *file, input *in);

#endif
