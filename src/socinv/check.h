/* socinv/check.h — a printed total against its rows. Part of socinv.h: include that. */
#ifndef SOCINV_CHECK_H
#define SOCINV_CHECK_H

#include "socinv/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Table check */
/**@{*/
/** One difference between a printed total and the rows it should sum. */
typedef struct socinv_mismatch {
    size_t row;      /**< 0-based row of the printed total (in the caller's table) */
    size_t col;      /**< 0-based column (year index) */
    double printed;
    double computed;
} socinv_mismatch;

/** Default tolerance for printed totals in 1.000 kr.: rounding to whole thousands. */
#define SOCINV_CHECK_TOLERANCE 0.5

/**
 * Compare a printed total row with the column sums of `rows`.
 * @param tol  absolute tolerance (>= 0), e.g. #SOCINV_CHECK_TOLERANCE
 * @param first out: the first column whose |printed - computed| > tol
 *              (row is set to nrows: the printed row follows the rows)
 * @param ok   out: 1 if every column agrees, else 0
 */
SOCINV_API socinv_status socinv_check_sum(const double *rows, size_t nrows, size_t cols, const double *printed,
                               double tol, socinv_mismatch *first, int *ok);
/**@}*/

#ifdef __cplusplus
}
#endif
#endif /* SOCINV_CHECK_H */
