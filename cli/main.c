/* socinv: the rules of social-investment business cases on the command line,
 * with the same library as the Calc add-in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "socinv " SOCINV_VERSION " - rules of Danish social-investment business cases\n"
    "\n"
    "usage: socinv COMMAND [OPTIONS] ARGS...\n"
    "\n"
    "commands:\n"
    "  audit PATH...        check every business-case table ('Forslagets samlede økonomiske\n"
    "                       konsekvenser') in text, CSV, ODS/XLSX workbooks and DOCX/ODT documents\n"
    "                       (read directly; .xls/.doc/.rtf through LibreOffice) and folders of them:\n"
    "                       subtotals, net impact and paybacks against the lines and the rule.\n"
    "                       A folder is read with every file in it that audit reads (all levels;\n"
    "                       links inside are not followed).\n"
    "                       Exit 0: all consistent; 1: errors found; 2: an input could not be read\n"
    "                       (or the --ods workbook not written); 3: no table found in any input.\n"
    "      --json           machine-readable report\n"
    "      --progress       say on stderr which input is being read (done unasked only for a long\n"
    "                       run, over 20 files or 20 MB, with stderr a terminal)\n"
    "      --ods FILE       also write a report workbook: a row per table, every finding, and a\n"
    "                       chart of each proposal's cumulative net impact (FILE.ods needs\n"
    "                       LibreOffice; FILE.fods is flat XML written directly); never an input\n"
    "  show FILE...         each table recomputed: permanent changes, implementation costs, net\n"
    "                       impact on both bases, cumulative, paybacks, and the check\n"
    "  payback VALUE...     payback of a net-impact row, e.g. socinv payback 1511 -1130 -1551 -504\n"
    "      --method N       0 whole years (Copenhagen rule, default), 1 fractional, 2 whole years\n"
    "                       where reaching zero counts, 3 fractional where reaching zero counts\n"
    "      --sign -1        savings are positive in the values\n"
    "      --no-extrapolate only the given years count\n"
    "      --horizon N      last year considered (default " SOCINV_STR(SOCINV_PAYBACK_HORIZON_DEFAULT) ")\n"
    "      --               the rest are values, even if they look like options\n"
    "      --rate R | --schedule NAME   discounted payback (flat rate, or DK2021, DK2013, UK2022, UK2022HEALTH)\n"
    "  recalc PATH...       recalculate workbooks (files or folders of ODS/XLSX) headless with the\n"
    "                       add-in in one private LibreOffice (as root: under a uid of its own);\n"
    "                       lists cells that became errors (exit 1); never follows a link\n"
    "      --out DIR        write the recalculated workbooks to DIR (never over an existing file)\n"
    "      --overwrite      ... except files that are not inputs nor written in this run\n"
    "      --in-place       replace each input, only after it was recalculated and saved, keeping\n"
    "                       its owner and mode; not when it is open in LibreOffice, changed during\n"
    "                       the run, or has cells that became errors\n"
    "      --split-links    --in-place also replaces a file with other hard links (this name only)\n"
    "      --replace-read-only   --in-place also replaces read-only files\n"
    "      --format same|ods|xlsx|fods   format of the written files (default same)\n"
    "      --report         print every socinv formula with its recalculated value, per sheet\n"
    "      --timeout SECONDS     stop LibreOffice on a workbook after this long (default 300)\n"
    "      --oxt FILE       the add-in (default: the one built next to socinv, or $SOCINV_OXT)\n"
    "  version              print the version\n"
    "\n"
    "options for every command:\n"
    "  --lang da|en         language of the report (default da)\n"
    "  --numbers auto|da|plain   how amounts written as text are read (default auto: 1.200 = 1200)\n"
    "  --tolerance X        largest accepted difference in printed totals (default 0.5)\n"
    "  --soffice PATH       LibreOffice's soffice for workbooks and documents (default soffice)\n"
    "  --keep-temp          keep the files LibreOffice converted (for debugging)\n"
    "\n"
    "Inputs are never modified (but by recalc --in-place). Amounts follow the seeds' sign convention: savings negative.\n";

static int cmd_version(void)
{
    printf("socinv %s\n", SOCINV_VERSION);
    return 0;
}

/* Take the options every command shares out of argv; returns -1 on a bad one. */
static int common_options(int *argc, char **argv, cli_common *c)
{
    int out = 0;
    for (int i = 0; i < *argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < *argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--lang") && next) {
            if (strcmp(next, "da") && strcmp(next, "en")) {
                fprintf(stderr, "socinv: --lang takes da or en\n");
                return -1;
            }
            c->lang = next;
            i++;
        } else if (!strcmp(a, "--numbers") && next) {
            if (!strcmp(next, "auto"))
                c->numbers = SOCINV_NUMBERS_AUTO;
            else if (!strcmp(next, "da"))
                c->numbers = SOCINV_NUMBERS_DANISH;
            else if (!strcmp(next, "plain"))
                c->numbers = SOCINV_NUMBERS_PLAIN;
            else {
                fprintf(stderr, "socinv: --numbers takes auto, da or plain\n");
                return -1;
            }
            i++;
        } else if (!strcmp(a, "--")) {
            while (i < *argc) /* the command sees "--" too, and everything after it */
                argv[out++] = argv[i++];
            break;
        } else if (!strcmp(a, "--tolerance") && next) {
            /* the whole text, in any locale: "0.5x" is not 0.5 */
            if (cli_number(next, &c->tolerance) != SOCINV_OK ||
                !(c->tolerance >= 0)) {
                fprintf(stderr, "socinv: --tolerance takes a number >= 0\n");
                return -1;
            }
            i++;
        } else if (!strcmp(a, "--soffice") && next) {
            c->inputs.soffice = next;
            i++;
        } else if (!strcmp(a, "--keep-temp")) {
            c->inputs.keep_temp = 1;
        } else {
            argv[out++] = argv[i];
        }
    }
    *argc = out;
    return 0;
}

int main(int argc, char **argv)
{
    cli_common c = {"da", SOCINV_NUMBERS_AUTO, SOCINV_CHECK_TOLERANCE, {"soffice", 0, NULL}};
    const char *env = getenv("SOCINV_SOFFICE");
    if (env && *env)
        c.inputs.soffice = env;
    if (argc < 2 || !strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *cmd = argv[1];
    int n = argc - 2;
    char **args = argv + 2;
    if (common_options(&n, args, &c) != 0)
        return 2;
    if (!strcmp(cmd, "audit"))
        return cmd_audit(n, args, &c);
    if (!strcmp(cmd, "show"))
        return cmd_show(n, args, &c);
    if (!strcmp(cmd, "payback"))
        return cmd_payback(n, args, &c);
    if (!strcmp(cmd, "recalc"))
        return cmd_recalc(n, args, &c);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version"))
        return cmd_version();
    fprintf(stderr, "socinv: unknown command '%s'\n\n%s", cmd, usage);
    return 2;
}
