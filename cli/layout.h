/* The layout of workbooks and documents as people leave them, tidied before the
 * tables are looked for: blank spacer columns (a table pasted from HTML has one
 * between every two columns) taken out, and tables side by side on the same rows
 * split into parts of their own. Locations still name the sheet's columns
 * (input_part.sheet_col). */
#ifndef SOCINV_CLI_LAYOUT_H
#define SOCINV_CLI_LAYOUT_H

#include "parts.h"

/* Tidy every part of a workbook or document (text inputs are left as they are).
 * 0, or -1 when out of memory. */
int layout_tidy(input *in);

#endif
