/* The command line's texts (see words.h). */
#include <string.h>

#include "words.h"

static const cli_words DA = {
    "ark", "FEJL", "ADVARSEL",
    "linje", "afsnit", "side",
    "år", "år", "fil", "filer",
    "ikke trykt", "reglen: ingen", "regel", "[FEJL]", "tilbagebetalingstid service", "totaløkonomi",
    "kan ikke læses:", "tabel", "tabeller", " (ADVARSEL: ingen forretningscase-tabel fundet)",
    "\nI alt: %zu %s i %zu %s: %zu i orden, %zu med fejl (%zu fejl, %zu %s).",
    "advarsel", "advarsler",
    " %zu %s kunne ikke læses.",
    "1.000 kr.", "Varige ændringer", "Implementeringsomkostninger", "Økonomisk påvirkning, totaløkonomi",
    "Økonomisk påvirkning, service", "  akkumuleret",
    "  tilbagebetalingstid", "brøk", "; trykt ", "ingen (betaler sig ikke hjem)",
    "Kontrol: trykte totaler, økonomisk påvirkning og tilbagebetalingstider stemmer",
    "socinv-formler", "ingen tilbagebetaling",
    "(tom)",
};

static const cli_words EN = {
    "sheet", "ERROR", "WARNING",
    "line", "paragraph", "page",
    "year", "years", "file", "files",
    "not printed", "rule: none", "rule", "[ERROR]", "payback service", "total",
    "cannot be read:", "table", "tables", " (WARNING: no business-case table found)",
    "\nTotal: %zu %s in %zu %s: %zu consistent, %zu with errors (%zu errors, %zu %s).",
    "warning", "warnings",
    " %zu %s could not be read.",
    "DKK 1,000", "Permanent changes", "Implementation costs", "Net impact, total",
    "Net impact, service", "  cumulative",
    "  payback", "fractional", "; printed ", "none (never pays back)",
    "Check: printed totals, net impact and paybacks agree",
    "socinv formulas", "no payback",
    "(empty)",
};

const cli_words *cli_words_for(const char *lang)
{
    return lang && !strcmp(lang, "da") ? &DA : &EN;
}
