/* The formulas the flat-ODF reader (cli/flatodf.c, cli/gridbuild.c) gives each cell
 * of a recalculated sheet, which `socinv recalc --report` and its list of cells that
 * became errors print: an array formula is written in its first cell only, with the
 * size of its result (table:number-matrix-rows-spanned, -columns-spanned), and every
 * cell of the result is to show it, in braces as Calc does. */
#include <stdio.h>
#include <stdlib.h>

#include "flatodf.h"
#include "test_util.h"

#define PAYBACK "of:=ORG.SOCINV.CALC.FUNCTIONS.PAYBACK([.D1:.G3])"
#define NPV "of:=ORG.SOCINV.CALC.FUNCTIONS.NPVSOC([.D1:.G1])"

static const char *const NS =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

/* A cell with a formula (an array formula's when rows or cols is given) and value v. */
static const char *formula_cell(char *buf, size_t cap, const char *formula, const char *rows, const char *cols, int v)
{
    char span[160] = "";
    if (rows)
        snprintf(span, sizeof span,
                 " table:number-matrix-rows-spanned=\"%s\" table:number-matrix-columns-spanned=\"%s\"", rows, cols);
    snprintf(buf, cap, "<table:table-cell table:formula=\"%s\"%s office:value-type=\"float\" office:value=\"%d\"/>",
             formula, span, v);
    return buf;
}

#define NUM "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"

/* rows (each a row's cells) read as one sheet; the part is checked to be rows x cols. */
static void read_sheet(input *in, const char *const *rows, size_t nrows, size_t cols)
{
    char doc[8192];
    size_t n = (size_t)snprintf(doc, sizeof doc,
                                "<office:document-content %s><office:body><office:spreadsheet>"
                                "<table:table table:name=\"A\">",
                                NS);
    for (size_t r = 0; r < nrows; r++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, "<table:table-row>%s</table:table-row>", rows[r]);
    n += (size_t)snprintf(doc + n, sizeof doc - n, "</table:table></office:spreadsheet></office:body>"
                                                   "</office:document-content>");
    assert_true(n < sizeof doc);
    memset(in, 0, sizeof *in);
    in->path = "test";
    assert_int_equal(flatodf_read_memory(doc, n, in), 0);
    assert_int_equal(in->nparts, 1);
    assert_int_equal(in->parts[0].grid.rows, nrows);
    assert_int_equal(in->parts[0].grid.cols, cols);
    assert_non_null(in->parts[0].formulas);
}

static const char *formula_at(const input *in, size_t r, size_t c)
{
    const char *f = in->parts[0].formulas[r * in->parts[0].grid.cols + c];
    return f ? f : "(none)";
}

/* A: an ordinary formula; B1:C3 a 3 x 2 array formula; D:G its inputs. */
static void test_array_result_cells(void **state)
{
    (void)state;
    char a[512], b[512], row1[2048], row2[512], row3[512];
    snprintf(row1, sizeof row1, "%s%s" NUM NUM NUM NUM, formula_cell(a, sizeof a, NPV, NULL, NULL, -1483),
             formula_cell(b, sizeof b, PAYBACK, "3", "2", 3));
    snprintf(row2, sizeof row2, NUM NUM NUM NUM NUM NUM NUM);
    snprintf(row3, sizeof row3, "%s", row2);
    const char *rows[] = {row1, row2, row3};
    input in;
    read_sheet(&in, rows, 3, 7);
    assert_string_equal(formula_at(&in, 0, 0), NPV);
    for (size_t r = 0; r < 3; r++)
        for (size_t c = 1; c <= 2; c++)
            assert_string_equal(formula_at(&in, r, c), "{" PAYBACK "}");
    for (size_t r = 0; r < 3; r++)
        assert_string_equal(formula_at(&in, r, 3), "(none)"); /* right of the result */
    assert_string_equal(formula_at(&in, 1, 0), "(none)");        /* below the ordinary formula */
    input_free(&in);
}

/* A crafted file: a second array whose result claims the whole sheet, over the first's
 * cells; spans of 0 and -1, which make no array (a formula of its own). Each cell keeps
 * the first formula given it, and the claims end at the sheet's edge. */
static void test_array_claims_bounded(void **state)
{
    (void)state;
    char a[512], b[512], c[512], row1[2048], row3[2048];
    snprintf(row1, sizeof row1, "%s%s" NUM NUM, formula_cell(a, sizeof a, PAYBACK, "2", "2", 3),
             formula_cell(b, sizeof b, NPV, "1048577", "99999", 1));
    snprintf(row3, sizeof row3, NUM NUM NUM "%s", formula_cell(c, sizeof c, PAYBACK, "0", "-1", 2));
    const char *rows[] = {row1, NUM NUM NUM NUM, row3};
    input in;
    read_sheet(&in, rows, 3, 4);
    assert_string_equal(formula_at(&in, 0, 0), "{" PAYBACK "}");
    assert_string_equal(formula_at(&in, 1, 0), "{" PAYBACK "}");
    assert_string_equal(formula_at(&in, 1, 1), "{" PAYBACK "}"); /* the first claim stays */
    assert_string_equal(formula_at(&in, 0, 1), "{" NPV "}");     /* its own formula */
    assert_string_equal(formula_at(&in, 0, 3), "{" NPV "}");
    assert_string_equal(formula_at(&in, 2, 2), "{" NPV "}");
    assert_string_equal(formula_at(&in, 2, 3), PAYBACK); /* spans of 0 and -1: no array */
    assert_string_equal(formula_at(&in, 2, 0), "(none)");         /* left of every claim */
    input_free(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_array_result_cells),
        cmocka_unit_test(test_array_claims_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
