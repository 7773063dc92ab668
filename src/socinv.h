/**
 * @file socinv.h
 * @brief socinv — the rules of Danish municipal social-investment business cases.
 *
 * One include, plain C11, no UNO: the families of functions are in the socinv
 * folder (socinv/payback.h, socinv/sib.h, ...), each included here. The Calc
 * add-in (addin/), the `socinv` command line (cli/) and any other tool call these
 * functions, so a budget workbook and every other system follow exactly the same rules.
 *
 * Conventions used throughout:
 * - Amounts follow the seeds' sign convention unless an option says otherwise:
 *   **savings and income are negative, costs and investments positive**
 *   ("Alle besparelser er angivet med negativt (-) fortegn").
 * - A row of values has one value per year; the first value is year 1 for
 *   paybacks and year `first_year` (0 or 1) for discounting.
 * - Matrices are row-major: `m[r * cols + c]`.
 * - Every function validates its input and returns a ::socinv_status; outputs
 *   are written only on #SOCINV_OK, except that after #SOCINV_E_OVERFLOW an
 *   output array may hold partial results.
 * - No global state; nothing allocates but socinv_grid_parse_text(), whose grid
 *   the caller releases with socinv_grid_free().
 */
#ifndef SOCINV_H
#define SOCINV_H

#include "socinv/base.h"

/* The version, once: the string is made from the numbers (CMakeLists.txt reads them). */
#define SOCINV_VERSION_MAJOR 0
#define SOCINV_VERSION_MINOR 1
#define SOCINV_VERSION_PATCH 0
#define SOCINV_VERSION \
    SOCINV_STR(SOCINV_VERSION_MAJOR) "." SOCINV_STR(SOCINV_VERSION_MINOR) "." SOCINV_STR(SOCINV_VERSION_PATCH)

#include "socinv/discount.h"
#include "socinv/payback.h"
#include "socinv/netimpact.h"
#include "socinv/check.h"
#include "socinv/sib.h"
#include "socinv/targets.h"
#include "socinv/prices.h"
#include "socinv/adjust.h"
#include "socinv/number.h"
#include "socinv/grid.h"
#include "socinv/casetable.h"
#include "socinv/audit.h"

#endif /* SOCINV_H */
