/* socinv/netimpact.h — areas, row kinds and net impact. Part of socinv.h: include that. */
#ifndef SOCINV_NETIMPACT_H
#define SOCINV_NETIMPACT_H

#include "socinv/base.h"
#include "socinv/grid.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Areas, row kinds and net impact */
/**@{*/
/** Styringsområde. Bit flags so that a basis can name a set of areas. */
typedef enum socinv_area {
    SOCINV_AREA_NONE = 0,
    SOCINV_AREA_SERVICE = 1,     /**< Service (serviceramme) */
    SOCINV_AREA_ANLAEG = 2,      /**< Anlæg (capital) */
    SOCINV_AREA_OVERFOERSLER = 4, /**< Overførsler (transfer payments) */
    SOCINV_AREA_EFTERSPOERGSEL = 8 /**< Efterspørgselsstyret (demand-driven) */
} socinv_area;
#define SOCINV_AREAS_ALL 0xFu

/**
 * Read an area as the seeds and users spell it, case-insensitive, ignoring
 * spaces and hyphens inside words (PDF line breaks give "Efterspørgselsst yret",
 * "Styrings- område") and anything after a comma ("Service, koncern it").
 * Danish and English: Service; Anlæg/Anlaeg/Capital; Overførsler/Overforsler/
 * Transfers/Transfer payments; Efterspørgselsstyret (indsats)/Demand-driven.
 * @return #SOCINV_E_AREA if not recognised (empty text gives SOCINV_AREA_NONE, OK).
 */
SOCINV_API socinv_status socinv_area_parse(const char *text, size_t len, socinv_area *area);
/** Danish display name of a single area ("Service", "Anlæg", ...); "" for NONE. */
SOCINV_API const char *socinv_area_name(socinv_area area);

/** What a row of a business-case table is, for NETIMPACT. */
typedef enum socinv_row_kind {
    SOCINV_ROW_IGNORE = 0,         /**< header, subtotal, blank: not summed */
    SOCINV_ROW_PERMANENT = 1,      /**< varig ændring (permanent change) */
    SOCINV_ROW_IMPLEMENTATION = 2  /**< implementeringsomkostning (one-off) */
} socinv_row_kind;

/** "V"/"varig"/"P"/"permanent" -> PERMANENT; "I"/"impl"/"implementering"/
 * "investering"/"implementation" -> IMPLEMENTATION; empty -> IGNORE.
 * @return #SOCINV_E_OPTION otherwise. */
SOCINV_API socinv_status socinv_row_kind_parse(const char *text, size_t len, socinv_row_kind *kind);

/**
 * The kind column, and the area column when `area_cells` is not NULL, of a table
 * as a sheet holds them (NETIMPACT's `kinds` and `areas`): row by row, the kind
 * then the area, read with socinv_row_kind_parse() and socinv_area_parse(); an
 * empty cell is empty text, a number #SOCINV_E_TYPE. Stops at the first cell that
 * fails, with that status (rows before it written).
 * @param kinds  out, `rows`; @param areas  out, `rows` (needed with area_cells)
 */
SOCINV_API socinv_status socinv_rows_read(const socinv_cell *kind_cells, const socinv_cell *area_cells,
                                          size_t rows, socinv_row_kind *kinds, socinv_area *areas);

/** Which rows count: permanent rows whose area is in `permanent_areas`, and
 * implementation rows whose area is in `implementation_areas`. A mask of
 * #SOCINV_AREAS_ALL counts rows whatever their area, blank included. */
typedef struct socinv_basis {
    unsigned permanent_areas;
    unsigned implementation_areas;
} socinv_basis;

/** Totaløkonomi: every row. */
SOCINV_API socinv_basis socinv_basis_total(void);
/** Serviceeffektivisering: permanent changes on Service against all implementation costs. */
SOCINV_API socinv_basis socinv_basis_service(void);
/** "total"/"totaløkonomi"/"t" -> total, "service"/"serviceeffektivisering"/"s"
 * -> service, or a list of areas separated by ';' or '+' ("Service;Anlæg") that
 * restricts permanent changes to those areas. Empty -> total. */
SOCINV_API socinv_status socinv_basis_parse(const char *text, size_t len, socinv_basis *basis);

/**
 * Net impact per year: column sums of the rows the basis counts.
 *
 * @param amounts rows × cols, blanks as 0
 * @param areas   one per row (may be NULL when both masks are ALL)
 * @param kinds   one per row
 * @param permanent, implementation, net  out, `cols` each; any may be NULL
 * @return #SOCINV_E_AREA when a counted row has no area but the basis needs one;
 *         #SOCINV_E_OVERFLOW when a sum is not representable (the outputs may
 *         then hold some of the sums, an infinity among them).
 *
 * @note Randers (004): -200 gain + 200 investment + 50 pool = 50 net in 2024.
 */
SOCINV_API socinv_status socinv_net_impact(const double *amounts, size_t rows, size_t cols,
                                const socinv_area *areas, const socinv_row_kind *kinds,
                                socinv_basis basis, double *permanent, double *implementation,
                                double *net);

/**
 * One year of socinv_net_impact(): the same checks and statuses, and the same
 * bits in `*permanent`, `*implementation` and `*net` as socinv_net_impact() writes
 * at index `year` (into outputs apart from the amounts), without summing the other
 * years (a formula that asks for one year of one part: the add-in's NETIMPACT with
 * a year).
 *
 * @param year  0-based column, < cols, else #SOCINV_E_DOMAIN (after the checks of
 *              the dimensions, kinds, amounts and basis)
 * @param permanent, implementation, net  out, one value each; any may be NULL
 */
SOCINV_API socinv_status socinv_net_impact_year(const double *amounts, size_t rows, size_t cols,
                                     const socinv_area *areas, const socinv_row_kind *kinds,
                                     socinv_basis basis, size_t year, double *permanent,
                                     double *implementation, double *net);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_NETIMPACT_H */
