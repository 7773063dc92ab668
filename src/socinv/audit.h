/* socinv/audit.h — auditing a recognised table: findings and their wording. Part of socinv.h: include that. */
#ifndef SOCINV_AUDIT_H
#define SOCINV_AUDIT_H

#include "socinv/base.h"
#include "socinv/casetable.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Audit of a business-case table: findings and their wording */
/**@{*/

/** Why a finding was made, or which reading of an ambiguous table was used. */
typedef enum socinv_note {
    SOCINV_NOTE_NONE = 0,
    SOCINV_NOTE_MISMATCH,          /**< printed and computed differ */
    SOCINV_NOTE_AREA_ALL_ROWS,     /**< an area subtotal also counts rows of other areas; read as all rows */
    SOCINV_NOTE_QUALIFIED_SUM,     /**< qualified subtotals do not add up to the unqualified total */
    SOCINV_NOTE_NO_IMPL_HEADING,   /**< no 'Implementeringsomkostninger' heading: rows after the permanent total read as implementation */
    SOCINV_NOTE_NO_HEADING,        /**< amount lines before any heading read as permanent changes */
    SOCINV_NOTE_TEXT_AMOUNT,       /**< text where an amount belongs; read as blank */
    SOCINV_NOTE_SPLIT_PAYBACK,     /**< a payback label split over two lines; joined */
    SOCINV_NOTE_NO_AREA,           /**< an amount line with no known area; left out of the service basis */
    SOCINV_NOTE_YEARS,             /**< the year columns repeat or skip a year */
    SOCINV_NOTE_NET_BLANK,         /**< the printed net impact is blank where the lines give an amount */
    SOCINV_NOTE_PAYBACK_RULE,      /**< the printed payback differs from the rule */
    SOCINV_NOTE_NO_PAYBACK_PRINTED,/**< the rule gives a payback, but none is printed */
    SOCINV_NOTE_NO_DETAIL,         /**< a subtotal with no amount lines to check it against */
    SOCINV_NOTE_COUNT
} socinv_note;

/** Text of a note in "da" or "en" (anything else gives English). */
SOCINV_API const char *socinv_note_text(socinv_note note, const char *lang);

typedef enum socinv_finding_kind {
    SOCINV_FINDING_SUBTOTAL = 0, /**< a printed subtotal against its lines */
    SOCINV_FINDING_NET,          /**< the printed net impact against the lines */
    SOCINV_FINDING_PAYBACK,      /**< a printed payback against the rule */
    SOCINV_FINDING_AREA,         /**< a reading about areas */
    SOCINV_FINDING_LAYOUT        /**< a reading about the table's layout */
} socinv_finding_kind;

/** "subtotal", "net", "payback", "area", "layout". */
SOCINV_API const char *socinv_finding_kind_name(socinv_finding_kind kind);

typedef enum socinv_severity {
    SOCINV_SEVERITY_ERROR = 0,  /**< the printed table contradicts its lines or the rule */
    SOCINV_SEVERITY_WARNING = 1 /**< ambiguous; the note says which reading was used */
} socinv_severity;

typedef struct socinv_finding {
    socinv_finding_kind kind;
    socinv_severity severity;
    socinv_note note;
    size_t line;       /**< index into the table's lines, or #SOCINV_NONE */
    size_t year;       /**< year index (0 = first year column), or #SOCINV_NONE */
    double printed;    /**< NaN when not applicable */
    double computed;   /**< NaN when not applicable (or the rule gives no payback) */
} socinv_finding;

typedef struct socinv_case_report {
    double payback_printed[2]; /**< [SOCINV_BASIS_SERVICE], [SOCINV_BASIS_TOTAL]; NaN = not printed */
    double payback_rule[2];    /**< NaN = no payback by the rule (never pays back / nothing to pay back) */
    size_t nfindings;          /**< findings written (at most cap) */
    size_t nfindings_total;    /**< findings made; more than nfindings when the buffer was short */
    size_t nerrors;            /**< findings with severity error */
} socinv_case_report;

/**
 * Check a recognised table: each printed subtotal against the lines above it
 * (area-qualified ones against the lines of that area), qualified subtotals
 * against the unqualified total, the printed net impact against the lines,
 * and the printed paybacks against the Copenhagen rule on both bases, computed
 * from the lines (not from the printed totals).
 * @param tol absolute tolerance for amounts, e.g. #SOCINV_CHECK_TOLERANCE
 */
SOCINV_API socinv_status socinv_case_audit(const socinv_case *table, const socinv_case_line *lines,
                                           const double *values, double tol,
                                           socinv_case_report *report, socinv_finding *findings,
                                           size_t cap);
/** An amount as a report prints it: "da" -> "-4.850", "1,5"; "en" -> "-4,850", "1.5".
 * NaN gives "-" (blank). Writes at most cap bytes, NUL included. */
SOCINV_API void socinv_format_amount(double v, const char *lang, char *buf, size_t cap);

/** A finding as one sentence in "da" or "en", e.g. "Samlet økonomisk påvirkning
 * 2026: trykt 4.850, beregnet 3.750". Labels are taken from the grid as printed. */
SOCINV_API void socinv_finding_format(const socinv_grid *grid, const socinv_case *table,
                                      const socinv_case_line *lines, const socinv_finding *finding,
                                      const char *lang, char *buf, size_t cap);

/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_AUDIT_H */
