/* Office Open XML (.docx text documents, .xlsx/.xlsm workbooks) into grids, read
 * directly with libzip and libxml2 through the guards of zipxml.h: the same grids
 * as LibreOffice's conversion to flat ODF gives (flatodf.h), in milliseconds. */
#ifndef SOCINV_CLI_OOXML_H
#define SOCINV_CLI_OOXML_H

#include "parts.h"
#include "zipxml.h"

/* From an open archive (zipxml_open, or the fuzz target's in memory), 0 or -1 with
 * in->error set. A .docx: one part, its paragraphs as one-cell rows and its tables
 * as rows of cells in document order (a cell merged across columns fills the first
 * of them). */
int ooxml_docx_from(zipxml *zx, input *in);
/* A .xlsx/.xlsm: one part per sheet, named as the workbook names it. */
int ooxml_xlsx_from(zipxml *zx, input *in);

#endif
