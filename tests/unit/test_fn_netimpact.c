/* The add-in's unit tests: NETIMPACT, TABLECHECK, CASECHECK and the keyword reader (addin/fn_netimpact.c). */
#include "glue_test.h"

/* ---- glue: NETIMPACT -------------------------------------------------------------------------- */

/* Seed 001 table 1.1 (2018-2021): three permanent rows, three implementation rows; blank
 * cells as Calc delivers them (the printed "-" entered as a blank). */
#define T001_AMOUNTS                                                                   \
    MAT(6, 4, NUM(0), NUM(-1002), NUM(-1127), EMP, NUM(0), NUM(0), NUM(0), EMP,       \
        EMP, NUM(-215), NUM(-504), NUM(-504), NUM(983), EMP, EMP, EMP,                 \
        NUM(150), EMP, EMP, EMP, NUM(378), NUM(87), NUM(80), NUM(0))
#define T001_AREAS                                                                     \
    COL(TXT("Service"), TXT("Efterspørgselsst yret indsats"), TXT("Overførsler"),    \
        TXT("Service"), TXT("Service"), TXT("Service"))
#define T001_KINDS COL(TXT("V"), TXT("V"), TXT("V"), TXT("I"), TXT("I"), TXT("I"))

/** 001 on the total basis: 1511 = 983 + 150 + 378; -1130 = -1002 - 215 + 87; -1551 = -1127 - 504 + 80;
 * -504 (the printed 'Samlet økonomisk påvirkning'). Service basis drops Overførsler:
 * 1511, -1002 + 87 = -915, -1127 + 80 = -1047, 0. */
static void test_fn_net_impact_seed001(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS)));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("service"))));
    assert_result_matrix(1, 4, DBL(1511, -915, -1047, 0), 1e-9);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("total"), N1(2))), -1130, 1e-9);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("service"), N1(2))), -915, 1e-9);
    /* parts: 'Samlet varig ændring' 0, -1217, -1631, -504; implementation 1511, 87, 80, 0 */
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("V"))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("I"))));
    assert_result_matrix(1, 4, DBL(1511, 87, 80, 0), 1e-9);
    /* a list of areas: only Overførsler among the permanent rows: 1511, -215 + 87 = -128,
     * -504 + 80 = -424, -504 */
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("Overførsler"))));
    assert_result_matrix(1, 4, DBL(1511, -128, -424, -504), 1e-9);
    /* areas are not needed on the total basis */
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, OMIT, T001_KINDS, OMIT, N1(3))), -1551, 1e-9);
}

/** One year of one part (the cell asks for a year: only that sum is computed), and the
 * whole row (no year): 001's 2019 is permanent -1217, implementation 87, net -1130 on the
 * total basis (see above); on the service basis permanent -1002, net -915. */
static void test_fn_net_impact_year_parts(void **state)
{
    (void)state;
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, N1(2), T1("V"))), -1217, 0);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, N1(2), T1("I"))), 87, 0);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, N1(2), N1(0))), -1130, 0);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("service"), N1(2), T1("V"))),
                 -1002, 0);
    assert_close(go_num("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, T1("Service"), N1(2))), -915, 0);
    /* year 0 is the whole row: implementation 1511, 87, 80, 0 */
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, N1(0), T1("I"))));
    assert_result_matrix(1, 4, DBL(1511, 87, 80, 0), 0);
    /* a year past the 4 years, and a row with no area on the service basis */
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, N1(5))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, OMIT, T001_KINDS, T1("service"), N1(2))), SOCINV_E_AREA);
}

/** Every keyword argument goes through one reader (sv_keyword), so case never
 * matters: NETIMPACT's part "Net" and "NETTO" were Err:502 (compared
 * case-sensitively), now the net row 1511, -1130, -1551, -504; "v" and "Varig" the
 * permanent 0, -1217, -1631, -504; the numbers 0-2 (documented now) as the words;
 * 3 is Err:502, " " (no word) Err:502. SIBPAYOUT's "PRORATA", "År" (UTF-8 capital
 * Å) and PAYBACK's "SAND" likewise. */
static void test_keywords_ignore_case(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("Net"))));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("NETTO"))));
    assert_result_matrix(1, 4, DBL(1511, -1130, -1551, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1("Varig"))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_go_ok(go("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, N1(1))));
    assert_result_matrix(1, 4, DBL(0, -1217, -1631, -504), 1e-9);
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(T001_AMOUNTS, T001_AREAS, T001_KINDS, OMIT, OMIT, T1(" "))), SOCINV_E_OPTION);
    /* Herning unlimited (see test_fn_sib_payout): year 1 pays 2 + 0.66 = 2.66 */
    const sv_arg earned = MAT(5, 3, NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10),
                              NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10), NUM(10));
    const sv_arg crit = COL(NUM(5.58), NUM(2), NUM(3), NUM(1), NUM(1));
    const sv_arg groups = COL(NUM(1), NUM(1), NUM(1), NUM(2), NUM(2));
    const sv_arg gcaps = COL(NUM(2), NUM(0.66));
    assert_go_ok(go("sibPayout", ARGS(earned, crit, groups, gcaps, N1(5.58), OMIT, T1("PRORATA"), OMIT,
                                      T1("\xc3\x85r"), N1(1))));
    assert_close(C.res.num, 2.66, 1e-9);
    assert_go_ok(go("sibPayout", ARGS(earned, crit, groups, gcaps, N1(5.58), OMIT, N1(0), OMIT, N1(1), N1(1))));
    assert_close(C.res.num, 2.66, 1e-9);
    const sv_arg tv03 = ROW(NUM(700), NUM(9800), NUM(8000), NUM(7400), NUM(-4500), NUM(-4500));
    assert_close(go_num("payback", ARGS(tv03, OMIT, OMIT, T1("SAND"))), 10, 0);
}

/** Randers (004) 'Digital først': -200 gain + 200 investment + 50 pool = 50 in 2024, then
 * -475 + 50 = -425, -575 + 50 = -525, -775 + 50 = -725 (the printed 'Forventet effekt'). */
static void test_fn_net_impact_seed004(void **state)
{
    (void)state;
    const sv_arg amounts = MAT(3, 4, NUM(-200), NUM(-475), NUM(-575), NUM(-775), NUM(200), EMP, EMP, EMP,
                               NUM(50), NUM(50), NUM(50), NUM(50));
    const sv_arg areas = COL(TXT("Service"), TXT("Service"), TXT("Service"));
    const sv_arg kinds = COL(TXT("varig"), TXT("implementering"), TXT("I"));
    assert_close(go_num("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(1))), 50, 0);
    assert_go_ok(go("netImpact", ARGS(amounts, areas, kinds)));
    assert_result_matrix(1, 4, DBL(50, -425, -525, -725), 0);
}

/** NETIMPACT bad input: each argument. */
static void test_fn_net_impact_invalid(void **state)
{
    (void)state;
    const sv_arg amounts = MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4));
    const sv_arg areas = COL(TXT("Service"), TXT("Anlæg"));
    const sv_arg kinds = COL(TXT("V"), TXT("I"));
    /* kinds left out means "read the first argument as a whole table": areas make no sense then */
    assert_status(go_err("netImpact", ARGS(amounts, areas, OMIT)), SOCINV_E_SHAPE);
    /* ... and bare amounts are no business-case table (#N/A) */
    assert_status(go_err("netImpact", ARGS(amounts)), SOCINV_E_NOTABLE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V")))), SOCINV_E_SHAPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V"), TXT("X")))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, COL(TXT("V"), NUM(1)))), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service"), TXT("Mars")), kinds)), SOCINV_E_AREA);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service")), kinds)), SOCINV_E_SHAPE);
    assert_status(go_err("netImpact", ARGS(amounts, COL(TXT("Service"), NUM(2)), kinds)), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, T1("everything"))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, N1(1))), SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, N1(1.5))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, OMIT, T1("gross"))), SOCINV_E_OPTION);
    assert_status(go_err("netImpact", ARGS(amounts, areas, kinds, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("netImpact", ARGS(MAT(2, 2, NUM(1), TXT("2"), NUM(3), NUM(4)), areas, kinds)),
                  SOCINV_E_TYPE);
    assert_status(go_err("netImpact", ARGS(OMIT, areas, kinds)), SOCINV_E_LENGTH);
    /* the service basis needs the area of every permanent row (implementation rows count whatever
     * their area) */
    assert_status(go_err("netImpact", ARGS(amounts, OMIT, kinds, T1("service"))), SOCINV_E_AREA);
    assert_status(go_err("netImpact", ARGS(amounts, COL(EMP, TXT("Anlæg")), kinds, T1("service"))),
                  SOCINV_E_AREA);
    /* a blank area on the implementation row is fine: permanent 1 + implementation 3 = 4 in year 1 */
    assert_close(go_num("netImpact", ARGS(amounts, COL(TXT("Service"), EMP), kinds, T1("service"), N1(1))), 4, 0);
}

/* A minimal printed table, as in the table's CASECHECK examples: header row with the years,
 * one implementation line of 100 (2024) and 0 (2025), and the printed net row. */
#define CC_TABLE(net2025)                                                                          \
    MAT(4, 4, TXT("1.000 kr."), TXT("Styringsområde"), NUM(2024), NUM(2025),                      \
        TXT("Implementeringsomkostninger"), EMP, EMP, EMP, TXT("Kurser"), TXT("Service"), NUM(100), \
        NUM(0), TXT("Samlet økonomisk påvirkning"), EMP, NUM(100), NUM(net2025))

/** NETIMPACT over a whole table (kinds left out): the one line gives 100, 0; year 1 picks 100. */
static void test_fn_net_impact_whole_table(void **state)
{
    (void)state;
    assert_go_ok(go("netImpact", ARGS(CC_TABLE(0))));
    assert_result_matrix(1, 2, DBL(100, 0), 0);
    assert_close(go_num("netImpact", ARGS(CC_TABLE(0), OMIT, OMIT, OMIT, N1(1))), 100, 0);
    assert_status(go_err("netImpact", ARGS(CC_TABLE(0), OMIT, OMIT, OMIT, N1(3))), SOCINV_E_DOMAIN);
}

/* ---- glue: TABLECHECK ------------------------------------------------------------------------- */

/* 003 TV04: permanent and implementation subtotals and the printed net row, 2024-2029. */
#define TV04_ROWS                                                                                     \
    MAT(2, 6, NUM(0), NUM(-1900), NUM(-2450), NUM(-2800), NUM(-2900), NUM(-2900), NUM(350), NUM(7850), \
        NUM(6200), NUM(4550), NUM(0), NUM(0))
#define TV04_PRINTED ROW(NUM(350), NUM(5950), NUM(4850), NUM(3950), NUM(-2900), NUM(-2900))

/** TV04's printed 2026 total 4850 is not -2450 + 6200 = 3750: the first mismatch is year 3,
 * difference 4850 - 3750 = 1100. The corrected row (3750, -2800 + 4550 = 1750) is TRUE. */
static void test_fn_table_check(void **state)
{
    (void)state;
    assert_go_ok(go("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED)));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    /* CASECHECK's number format (issue 14: was "trykt 4850") */
    assert_string_equal(C.res.text, "\xc3\xa5r 3: trykt 4.850, beregnet 3.750");
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(1))), 3, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(2))), 1100, 0);
    const sv_arg fixed = ROW(NUM(350), NUM(5950), NUM(3750), NUM(1750), NUM(-2900), NUM(-2900));
    assert_go_ok(go("tableCheck", ARGS(TV04_ROWS, fixed)));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, fixed, OMIT, N1(1))), 0, 0);
    assert_close(go_num("tableCheck", ARGS(TV04_ROWS, fixed, OMIT, N1(2))), 0, 0);
}

/** 001 implementation costs: 983 + 150 + 378 = 1511, 87, 80, 0 agree; 1511.4 is within the
 * default 0.5, 1511.6 is not (shown with a decimal comma), unless the tolerance is 1. */
static void test_fn_table_check_tolerance(void **state)
{
    (void)state;
    const sv_arg rows = MAT(3, 4, NUM(983), EMP, EMP, EMP, NUM(150), EMP, EMP, EMP, NUM(378), NUM(87), NUM(80),
                            NUM(0));
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    /* a blank printed last year is 0 = 0 */
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511), NUM(87), NUM(80), EMP))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.4), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.6), NUM(87), NUM(80), NUM(0)))));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    assert_string_equal(C.res.text, "\xc3\xa5r 1: trykt 1.511,6, beregnet 1.511");
    assert_go_ok(go("tableCheck", ARGS(rows, ROW(NUM(1511.6), NUM(87), NUM(80), NUM(0)), N1(1))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
}

/** TABLECHECK bad input: each argument. */
static void test_fn_table_check_invalid(void **state)
{
    (void)state;
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, ROW(NUM(350), NUM(5950), NUM(4850)))), SOCINV_E_SHAPE);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, T1("0,5"))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(TV04_ROWS, TV04_PRINTED, OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), TXT("x")), ROW(NUM(1), NUM(2)))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), NUM(2)), ROW(NUM(1), TXT("2")))), SOCINV_E_TYPE);
    assert_status(go_err("tableCheck", ARGS(OMIT, ROW(NUM(1)))), SOCINV_E_LENGTH);
    assert_status(go_err("tableCheck", ARGS(MAT(1, 2, NUM(1), NUM(2)), OMIT)), SOCINV_E_LENGTH);
}

/** TABLECHECK's portfolio form: printed holds one total row per case, rows each
 * case's lines in turn (4 rows, 2 cases: 2 lines each).
 *   case 1: 983 0 + 150 0 = 1133 0, printed 1133 0 -> 1
 *   case 2: 378 87 + 0 5 = 378 92, printed 378 90 -> "år 2: trykt 90, beregnet 92";
 *           output 1: year 2; output 2: 90 - 92 = -2
 * A third case with NaN -> its own #NUM!; 5 rows for 2 cases -> #VALUE! (shape). */
static void test_fn_table_check_portfolio(void **state)
{
    (void)state;
    const sv_arg rows = MAT(4, 2, NUM(983), NUM(0), NUM(150), NUM(0), NUM(378), NUM(87), NUM(0), NUM(5));
    const sv_arg printed = MAT(2, 2, NUM(1133), NUM(0), NUM(378), NUM(90));
    const socinv_status ok2[] = {SOCINV_OK, SOCINV_OK};
    assert_go_ok(go("tableCheck", ARGS(rows, printed)));
    assert_column(2, ok2, DBL(1, 0));
    assert_non_null(C.res.cell_text);
    assert_null(C.res.cell_text[0]);
    assert_string_equal(C.res.cell_text[1], "\xc3\xa5r 2: trykt 90, beregnet 92");
    assert_go_ok(go("tableCheck", ARGS(rows, printed, OMIT, N1(1))));
    assert_column(2, ok2, DBL(0, 2));
    assert_null(C.res.cell_text);
    assert_go_ok(go("tableCheck", ARGS(rows, printed, OMIT, N1(2))));
    assert_column(2, ok2, DBL(0, -2));
    const sv_arg rows3 = MAT(6, 2, NUM(983), NUM(0), NUM(150), NUM(0), NUM(378), NUM(87), NUM(0), NUM(5),
                             NUM(1), NUM(NAN), NUM(2), NUM(3));
    const sv_arg printed3 = MAT(3, 2, NUM(1133), NUM(0), NUM(378), NUM(92), NUM(3), NUM(3));
    const socinv_status st3[] = {SOCINV_OK, SOCINV_OK, SOCINV_E_NONFINITE};
    assert_go_ok(go("tableCheck", ARGS(rows3, printed3, OMIT, N1(1))));
    assert_column(3, st3, DBL(0, 0, 0));
    const sv_arg rows5 = MAT(5, 2, NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1), NUM(1));
    assert_status(go_err("tableCheck", ARGS(rows5, printed)), SOCINV_E_SHAPE);
}

/* ---- glue: CASECHECK -------------------------------------------------------------------------- */

/** The printed 2025 net 5 is not the line's 0: the first error in the audit's words; with 0 it is TRUE;
 * output 1 counts the errors (1, then 0); a tolerance of 10 accepts the difference of 5. */
static void test_fn_case_check(void **state)
{
    (void)state;
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(5))));
    assert_int_equal(C.res.kind, SV_RES_TEXT);
    assert_string_equal(C.res.text, "Samlet økonomisk påvirkning 2025: trykt 5, beregnet 0");
    assert_close(go_num("caseCheck", ARGS(CC_TABLE(5), OMIT, N1(1))), 1, 0);
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(0))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
    assert_close(C.res.num, 1, 0);
    assert_close(go_num("caseCheck", ARGS(CC_TABLE(0), OMIT, N1(1))), 0, 0);
    assert_go_ok(go("caseCheck", ARGS(CC_TABLE(5), N1(10))));
    assert_int_equal(C.res.kind, SV_RES_BOOL);
}

/** CASECHECK bad input: each argument; a range that is no table is #N/A. */
static void test_fn_case_check_invalid(void **state)
{
    (void)state;
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), N1(-1))), SOCINV_E_DOMAIN);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), T1("0,5"))), SOCINV_E_TYPE);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), OMIT, N1(3))), SOCINV_E_DOMAIN);
    assert_status(go_err("caseCheck", ARGS(CC_TABLE(5), OMIT, T1("errors"))), SOCINV_E_TYPE);
    assert_status(go_err("caseCheck", ARGS(OMIT)), SOCINV_E_LENGTH);
    assert_status(go_err("caseCheck", ARGS(MAT(2, 2, NUM(1), NUM(2), NUM(3), NUM(4)))), SOCINV_E_NOTABLE);
    assert_int_equal(sv_error_class_of(SOCINV_E_NOTABLE), SV_ERR_NA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fn_table_check_portfolio),
        T(test_fn_net_impact_seed001),
        T(test_fn_net_impact_year_parts),
        T(test_fn_net_impact_seed004),
        T(test_keywords_ignore_case),
        T(test_fn_net_impact_invalid),
        T(test_fn_net_impact_whole_table),
        T(test_fn_table_check),
        T(test_fn_table_check_tolerance),
        T(test_fn_table_check_invalid),
        T(test_fn_case_check),
        T(test_fn_case_check_invalid),
    };
    return cmocka_run_group_tests_name("fn_netimpact", tests, NULL, NULL);
}
