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

#endif
