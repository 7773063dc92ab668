/* The socinv command line: shared options and the commands. */
#ifndef SOCINV_CLI_H
#define SOCINV_CLI_H

#include "inputs.h"

typedef struct cli_common {
    const char *lang;           /* "da" (default) or "en" */
    socinv_number_style numbers; /* how text amounts are read */
    double tolerance;           /* for printed totals, in the table's unit */
    input_options inputs;
} cli_common;

/* Each returns the process exit code. argv holds the command's own arguments. */
int cmd_audit(int argc, char **argv, const cli_common *common);
int cmd_show(int argc, char **argv, const cli_common *common);
int cmd_payback(int argc, char **argv, const cli_common *common);
int cmd_recalc(int argc, char **argv, const cli_common *common);

/* A number given as an option's value (payback.c): digits with an optional sign
 * and '.' decimals, nothing else, in any locale. SOCINV_E_TYPE for
 * other text ("5x"), as Calc gives #VALUE! for text where a number belongs. */
socinv_status cli_number(const char *text, double *value);

/* socinv audit --ods FILE (report_ods.c). */
struct found_list;
/* 0 when FILE may be written: named .ods or .fods, not one of the inputs, in a
 * writable folder; otherwise -1 with the reason on stderr. */
int report_ods_check_target(const char *file, const char *const *paths, size_t n);
/* Write the report workbook (.ods through headless LibreOffice, .fods directly):
 * the tables found, their findings, a chart, and the inputs that could not be read.
 * 0, or -1 with the reason on stderr. */
int report_ods_write(const char *file, const input *ins, size_t nin, const struct found_list *all, const char *lang,
                     const input_options *opt);

#endif
