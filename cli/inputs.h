/* Inputs of the command line: a path becomes one or more grids (a text file is
 * one grid; a workbook is one per sheet; a document one per table, with the
 * paragraphs between tables kept as rows so titles can be found). */
#ifndef SOCINV_CLI_INPUTS_H
#define SOCINV_CLI_INPUTS_H

#include <stddef.h>
#include <stdio.h>

#include "parts.h"

typedef struct input_options {
    const char *soffice;   /* LibreOffice's soffice, for workbooks and documents */
    int keep_temp;         /* keep the converted flat-ODF files (debugging) */
    FILE *progress;        /* where to say which input is being read (NULL: nowhere) */
} input_options;

/* "socinv: [3/50] reading a.docx" on f: on a terminal one line rewritten in place
 * (finish with inputs_progress_done), else a line each. */
void inputs_progress(FILE *f, const char *what, size_t i, size_t n, const char *path);
void inputs_progress_done(FILE *f);

/* Read paths; documents and workbooks socinv does not read itself go through one
 * headless LibreOffice conversion for all of them. Workbooks and documents are
 * tidied as layout.h says (spacer columns out, tables side by side apart). On failure ins[i].error says why in one line and
 * ins[i].nparts is 0; the other inputs are still read. Returns how many failed. */
size_t inputs_read(const char *const *paths, size_t n, const input_options *opt, input *ins);
/* The extension of the path's file name ("ods" for "a/b.ods"; "" for none): the
 * one reading of a name's format, for inputs and recalc alike. */
const char *inputs_extension(const char *path);
/* Is the path of a format audit reads, by its name (for the files in a folder)? */
int inputs_format_known(const char *path);

/* Headless LibreOffice, for reading (here) and for writing the report workbook
 * (report_ods.c): one place that starts it. */

/* soffice --headless --convert-to TARGET --outdir OUTDIR FILE... in a throw-away
 * profile tmp/profile, its output in tmp/soffice-<target>.log. TARGET is an
 * extension, optionally with a filter ("ods", "fods", "pdf", "ods:calc8"). Each
 * result is OUTDIR/<base name of the file>.<extension> (inputs_converted_name);
 * check that it exists. Returns soffice's exit code, -1 when it could not be
 * started, -2 when it was stopped after the timeout (300 s). */
int inputs_soffice_convert(const char *soffice, const char *tmp, const char *target, const char *outdir,
                           const char *const *files, size_t n);
/* A one-line reason for a failed inputs_soffice_convert() exit code, or NULL when
 * LibreOffice ran (then look for the output file). */
const char *inputs_soffice_failure(int rc);
void inputs_converted_name(const char *outdir, const char *path, const char *ext, char *buf, size_t cap);
/* A location for a table's header: "line 2004" for text, "Ark1!A5" for a sheet,
 * "paragraph 120" for a document (paragraphs and table rows counted in order),
 * "page 7" for a PDF. */
void input_location(const input *in, const input_part *part, size_t row, size_t col, char *buf, size_t cap);

#endif
