/* The business-case tables found in an input, recognised and audited by the
 * library: what `socinv audit` and `socinv show` report on. */
#ifndef SOCINV_CLI_TABLES_H
#define SOCINV_CLI_TABLES_H

#include "inputs.h"

typedef struct found {
    const input *in;
    const input_part *part;
    socinv_case t;
    socinv_case_line *lines;
    double *values;
    char id[16];
    const char *title;
    size_t title_len;
    char location[96];
    socinv_case_report rep;
    socinv_finding *findings; /* rep.nfindings of them (all of them) */
    /* the net impact per year by the rule, from the lines, computed once for every presenter:
     * [SOCINV_BASIS_SERVICE] and [SOCINV_BASIS_TOTAL]; NULL where the lines give none */
    double *net[2];
} found;

typedef struct found_list {
    found *items;
    size_t n, cap;
} found_list;

/* Append every table of every part of `in`. Returns 0, or -1 when out of memory. */
int tables_find(const input *in, socinv_number_style style, double tol, found_list *list);
void tables_free(found_list *list);

/* A table's location in the report's language: "linje 2004", "afsnit 12", "side 7", "Ark1!A5". */
void table_location(const found *f, const char *lang, char *buf, size_t cap);

#endif
