/* socinv/casetable.h — recognising business-case tables in a grid. Part of socinv.h: include that. */
#ifndef SOCINV_CASETABLE_H
#define SOCINV_CASETABLE_H

#include "socinv/base.h"
#include "socinv/grid.h"
#include "socinv/netimpact.h"
#include "socinv/number.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Business-case tables ('Forslagets samlede økonomiske konsekvenser')
 * Recognition of the Copenhagen table layout in a grid — label column, area
 * column ('Styringsområde'), one column per year — with the messiness of real
 * documents: subtotals qualified by area or department, missing headings,
 * footnotes and blank lines inside the table, '-' for zero, a payback printed
 * as "4 år" or split over two lines. Nothing is hard-coded to a document. */
/**@{*/
typedef enum socinv_line_role {
    SOCINV_LINE_OTHER = 0, /**< footnote, separator or blank line inside the table */
    SOCINV_LINE_HEADING,   /**< 'Varige ændringer' / 'Implementeringsomkostninger' */
    SOCINV_LINE_DETAIL,    /**< an amount line; kind from its block */
    SOCINV_LINE_SUBTOTAL,  /**< 'Samlet varig ændring[, service]', 'Samlede implementeringsomkostninger[, anlæg]' */
    SOCINV_LINE_NET,       /**< 'Samlet økonomisk påvirkning' */
    SOCINV_LINE_PAYBACK    /**< 'Tilbagebetalingstid baseret på serviceeffektivisering / totaløkonomi' */
} socinv_line_role;

typedef enum socinv_qualifier {
    SOCINV_QUAL_NONE = 0,  /**< the whole block */
    SOCINV_QUAL_AREA = 1,  /**< ", service", ", anlæg", ", service inkl. rammereduktion" */
    SOCINV_QUAL_OTHER = 2  /**< by department or anything else: ", service SOF", ", service (BUF)" */
} socinv_qualifier;

/** Payback bases. */
typedef enum socinv_payback_basis {
    SOCINV_BASIS_SERVICE = 0, /**< baseret på serviceeffektivisering */
    SOCINV_BASIS_TOTAL = 1    /**< baseret på totaløkonomi */
} socinv_payback_basis;

typedef struct socinv_case_line {
    size_t row;                /**< grid row (of the value; the label may start a row earlier) */
    size_t label_row;          /**< grid row of the label */
    socinv_line_role role;
    socinv_row_kind kind;      /**< details, subtotals and headings: permanent or implementation */
    socinv_area area;          /**< details: the area column; subtotals: the qualifier's area */
    socinv_qualifier qualifier;
    socinv_payback_basis basis; /**< payback lines */
    double payback;            /**< payback lines: printed years; NaN when not printed */
    unsigned notes;            /**< bit set of (1u << socinv_note) that apply to this line */
} socinv_case_line;

/** Most year columns a business-case table may have (more is not a budget table). */
#define SOCINV_CASE_MAX_YEARS 200

typedef struct socinv_case {
    size_t header_row;  /**< the row with the years */
    size_t end_row;     /**< first row after the table */
    size_t label_col;
    size_t area_col;    /**< #SOCINV_NONE when the table has no area column */
    size_t year_col;    /**< first year column; the years are contiguous columns */
    size_t nyears;
    int first_year;     /**< e.g. 2024 */
    int years_consecutive; /**< 0 when a year repeats or is missing (a layout finding) */
    size_t nlines;      /**< lines written */
} socinv_case;

/**
 * Find the next business-case table at or after grid row `from_row`.
 *
 * @param lines   out: one entry per row of the table (cap entries available)
 * @param values  out: lines × years amounts, values[i*nyears + j]; NaN = blank
 *                (values_cap doubles available)
 * @return #SOCINV_OK; #SOCINV_E_NOTABLE when there is none; #SOCINV_E_BUFFER when
 *         lines or values do not fit (table->nlines and nyears say how much is needed).
 * Cells are checked as the search reaches them (a bad cell kind: #SOCINV_E_TYPE), so
 * finding every table of a grid one after the other costs time linear in the grid.
 */
SOCINV_API socinv_status socinv_case_find(const socinv_grid *grid, size_t from_row,
                                          socinv_number_style style, socinv_case *table,
                                          socinv_case_line *lines, size_t cap, double *values,
                                          size_t values_cap);

/**
 * Read the one table of a range a user selected around it (the Calc add-in's
 * CASECHECK and NETIMPACT): the first row with years is the header and the table
 * runs to the end of the range or to the next header. Unlike socinv_case_find(),
 * blank lines, footnotes and other text inside do not end it: the user said
 * where the table is. It must still have a heading, subtotal, net or payback line.
 * Same outputs and statuses as socinv_case_find().
 */
SOCINV_API socinv_status socinv_case_read(const socinv_grid *grid, socinv_number_style style,
                                          socinv_case *table, socinv_case_line *lines, size_t cap,
                                          double *values, size_t values_cap);

/** The proposal's id ("TV04") and title, looked for between `from_row` and the
 * table's header: a heading "TV04(2025) - Title" (or "TV04(2025) Title", or a bare
 * "TV04(2025)" with the title on the next line), "Forslagets titel: Title",
 * or the line before "Kort resumé". Empty id/title when the document gives none.
 * @param title, title_len out: points into the grid's text */
SOCINV_API socinv_status socinv_case_title(const socinv_grid *grid, size_t from_row,
                                           const socinv_case *table, char *id, size_t id_cap,
                                           const char **title, size_t *title_len);

/** The year heading of year column j as printed (2024, ...); 0 if j is out of range.
 * Differs from first_year + j when the printed years repeat or skip one. */
SOCINV_API int socinv_case_year(const socinv_grid *grid, const socinv_case *table, size_t j);

/** The label of a line as printed, without surrounding spaces (points into the grid;
 * length 0 when the line has none). */
SOCINV_API socinv_status socinv_case_label(const socinv_grid *grid, const socinv_case *table,
                                           const socinv_case_line *line, const char **text, size_t *len);

/** Net impact per year recomputed from the table's detail lines on a basis
 * (service: permanent lines on Service + all implementation lines). */
SOCINV_API socinv_status socinv_case_net(const socinv_case *table, const socinv_case_line *lines,
                                         const double *values, socinv_basis basis, double *net);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_CASETABLE_H */
