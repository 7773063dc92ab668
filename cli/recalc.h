/* socinv recalc: the state of a run shared by its steps (recalc.c: options, the
 * report, the summary; recalc_convert.c: inputs in, LibreOffice, values out;
 * recalc_write.c: the written files; recalc_errors.c: cells that became errors). */
#ifndef SOCINV_CLI_RECALC_H
#define SOCINV_CLI_RECALC_H

#include <limits.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "office.h"
#include "safewrite.h"

typedef struct {
    char **items;
    size_t n, cap;
} strlist;

/* One workbook through the run. */
typedef struct workbook {
    const char *path;
    safe_file file;     /* its folder, name, and what it was when read */
    int fd;             /* the input, open for reading (-1: not open) */
    char copy[300];     /* its copy in the office's in/, named <n>.<ext> (LibreOffice names
                           results after the base name: two a.ods of two folders must not clash) */
    char why[600];      /* why it failed ("" while it has not) */
    input after;        /* the recalculated values */
    size_t errors;      /* cells that became errors */
    const char *ext;    /* of its recalculated result: the written format, or fods */
    char result[PATH_MAX]; /* the recalculated result, in the office's area */
    char written[PATH_MAX + 300];
} workbook;

typedef struct recalc {
    /* the options */
    const char *out, *format, *oxt_arg, *unopkg;
    int in_place, want_report, overwrite, split_links, replace_read_only, timeout;
    const cli_common *common;
    /* the state */
    strlist paths;
    workbook *books;
    size_t n;
    int outfd;          /* --out, opened without following a link */
    mode_t umask;
    office o;
    int office_open;
    char in[200];       /* the office's folder of input copies */
    struct stat *written; /* what this run wrote (never overwritten by a later input) */
    size_t nwritten;
    int no_soffice;
    struct timespec start;
} recalc;

/* recalc.c */
/* The LibreOffice filter for --format (same: the file's own), and its extension. */
const char *recalc_target_for(const char *path, const char *format, const char **ext);
void recalc_stem(const char *path, char *buf, size_t cap);
int recalc_exists(const char *path);
/* A cell's formula as people read it: "=PAYBACK(C20:H20)", "{=PAYBACK(C2:H9)}". */
void recalc_readable_formula(const char *f, char *out, size_t cap);
/* Mark a workbook failed with a reason (the first reason stays). */
void recalc_fail(workbook *b, const char *fmt, const char *detail);

/* recalc_convert.c: the steps that run LibreOffice. take_inputs opens and copies
 * every input; recalculate converts them into the written format (or flat ODF)
 * and reads the values; compare_errors lists cells that became errors. The last
 * two return -1 when LibreOffice cannot run or a signal came. */
void recalc_take_inputs(recalc *r);
int recalc_recalculate(recalc *r);
int recalc_compare_errors(recalc *r);

/* recalc_write.c: put every recalculated workbook in place. -1 on a signal. */
int recalc_write_results(recalc *r);

/* recalc_errors.c */
/* How many cells show an error value. */
size_t recalc_count_errors(const input *in);
/* Print every cell that shows an error in `after` but did not in `before`; how many. */
size_t recalc_new_errors(const input *before, const input *after);

#endif
