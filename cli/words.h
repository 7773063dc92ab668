/* The command line's own texts in Danish and English: one table per language,
 * chosen once by --lang (cli_words). The report workbook (report_ods.c) has its
 * table of the same kind, and the library its notes and findings (src/audit.c,
 * src/report.c). */
#ifndef SOCINV_CLI_WORDS_H
#define SOCINV_CLI_WORDS_H

typedef struct cli_words {
    /* shared */
    const char *sheet, *error, *warning;
    const char *line, *paragraph, *page; /* a table's location: "line 12", "paragraph 120", "page 7" */
    const char *year_one, *year_many, *file_one, *file_many;
    /* socinv audit */
    const char *not_printed, *rule_none, *rule, *mark_error, *payback_service, *total_basis;
    const char *cannot_read, *table_one, *table_many, *no_table;
    const char *summary; /* format: tables, table(s), files, file(s), consistent, with errors, errors, warnings, warning(s) */
    const char *warning_one, *warning_many;
    const char *unread; /* format: count, file(s) */
    /* socinv show */
    const char *thousands, *permanent, *implementation, *net_total, *net_service, *cumulative;
    const char *payback, *fractional, *printed, *never, *check_ok;
    /* socinv recalc, socinv payback */
    const char *socinv_formulas, *no_payback;
    const char *empty_value; /* recalc --report: a formula whose value is empty */
} cli_words;

/* The texts for lang ("da" or "en"; anything else: English). */
const cli_words *cli_words_for(const char *lang);

#endif
