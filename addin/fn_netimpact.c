/* NETIMPACT, TABLECHECK, CASECHECK. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

/* Areas and kinds come one per row of the amounts. */
static socinv_status per_row_text(sv_call *c, size_t i, size_t rows, const sv_cell **cells)
{
    size_t n;
    SV_TRY(sv_cells(c, i, cells, &n));
    return n == rows ? SOCINV_OK : SOCINV_E_SHAPE;
}

/* "V", "I" and their longer spellings as the tables' kind column has them. */
socinv_status sv_part_of_kind(const char *text, size_t len, long *code)
{
    socinv_row_kind k;
    SV_TRY(socinv_row_kind_parse(text, len, &k));
    if (k == SOCINV_ROW_IGNORE)
        return SOCINV_E_OPTION;
    *code = k == SOCINV_ROW_PERMANENT ? SV_PART_PERMANENT : SV_PART_IMPLEMENTATION;
    return SOCINV_OK;
}

/* Lines a table held in a Calc range may have: more is not a business case. */
#define CASE_MAX_LINES 2000

/* CASECHECK's findings kept: the first few, as many as its text shows one of. */
#define CASE_FIRST_FINDINGS 8

/* A table as the recognizer read it, and CASECHECK's audit of it at one tolerance:
 * what a call keeps for later calls given the same table (sv_table_keep), in one
 * allocation (the lines and values after it). */
typedef struct {
    socinv_status status; /* the reading's */
    socinv_case t;
    socinv_case_line *lines;
    double *values;
    int audited; /* then: */
    double tol;
    socinv_status audit_status;
    socinv_case_report rep;
    socinv_finding first[CASE_FIRST_FINDINGS];
} case_memo;

typedef struct {
    socinv_grid grid;
    socinv_case t;
    socinv_case_line *lines;
    double *values;
    case_memo *memo; /* the table's memo, NULL when the call has none */
} case_arg;

/* The reading of a table (k, status st) kept for later calls given the same cells;
 * the memo, or NULL when it was not kept. */
static case_memo *keep_case(sv_call *c, size_t i, const case_arg *k, socinv_status st)
{
    if (!sv_table_may_keep(c, i))
        return NULL;
    size_t nlines = st == SOCINV_OK ? k->t.nlines : 0, ny = st == SOCINV_OK ? k->t.nyears : 0;
    case_memo *m = malloc(sizeof *m + nlines * sizeof *k->lines + nlines * ny * sizeof *k->values);
    if (!m)
        return NULL;
    m->status = st;
    m->audited = 0;
    m->lines = (socinv_case_line *)(void *)(m + 1);
    m->values = (double *)(void *)(m->lines + nlines);
    if (st == SOCINV_OK) {
        m->t = k->t;
        memcpy(m->lines, k->lines, nlines * sizeof *k->lines);
        memcpy(m->values, k->values, nlines * ny * sizeof *k->values);
    }
    if (sv_table_keep(c, i, m, free))
        return m;
    free(m);
    return NULL;
}

/* Argument i as a whole business-case table, read by the recognizer in src/, or as
 * an earlier call read the same cells (case_memo). */
static socinv_status read_case(sv_call *c, size_t i, case_arg *k)
{
    const sv_arg *a = sv_arg_read(c, i);
    if (a->omitted || !a->cells || a->rows == 0 || a->cols == 0)
        return SOCINV_E_LENGTH;
    k->grid.cells = a->cells;
    k->grid.rows = a->rows;
    k->grid.cols = a->cols;
    if ((k->memo = sv_table_payload(c, i)) != NULL) {
        k->t = k->memo->t;
        k->lines = k->memo->lines;
        k->values = k->memo->values;
        return k->memo->status;
    }
    size_t cap = a->rows < CASE_MAX_LINES ? a->rows : CASE_MAX_LINES;
    size_t years = a->cols < SOCINV_CASE_MAX_YEARS ? a->cols : SOCINV_CASE_MAX_YEARS;
    k->lines = sv_alloc(c, cap * sizeof *k->lines);
    k->values = sv_alloc(c, cap * years * sizeof *k->values);
    if (!k->lines || !k->values)
        return SOCINV_E_NOMEM;
    socinv_status st = socinv_case_read(&k->grid, SOCINV_NUMBERS_AUTO, &k->t, k->lines, cap, k->values, cap * years);
    if (st == SOCINV_E_BUFFER)
        st = SOCINV_E_LENGTH;
    k->memo = keep_case(c, i, k, st);
    return st;
}

/* CASECHECK's audit of the table at tolerance tol: made, or the memo's when it
 * made it at the same tolerance. */
static socinv_status audit_case(const case_arg *k, double tol, socinv_case_report *rep, socinv_finding *first)
{
    case_memo *m = k->memo;
    if (m && m->audited && memcmp(&m->tol, &tol, sizeof tol) == 0) {
        *rep = m->rep;
        memcpy(first, m->first, sizeof m->first);
        return m->audit_status;
    }
    socinv_status st = socinv_case_audit(&k->t, k->lines, k->values, tol, rep, first, CASE_FIRST_FINDINGS);
    if (m) {
        m->audited = 1;
        m->tol = tol;
        m->audit_status = st;
        m->rep = *rep;
        memcpy(m->first, first, sizeof m->first);
    }
    return st;
}

/* NETIMPACT over a whole table: label, area and year columns as printed. */
static socinv_status net_of_table(sv_call *c, socinv_basis basis, long year, long p)
{
    case_arg k;
    SV_TRY(read_case(c, SV_NETIMPACT_AMOUNTS, &k));
    if (year > (long)k.t.nyears)
        return SOCINV_E_DOMAIN;
    if (p == SV_PART_PERMANENT)
        basis.implementation_areas = 0;
    else if (p == SV_PART_IMPLEMENTATION)
        basis.permanent_areas = 0;
    double *net = sv_alloc(c, k.t.nyears * sizeof *net);
    if (!net)
        return SOCINV_E_NOMEM;
    SV_TRY(socinv_case_net(&k.t, k.lines, k.values, basis, net));
    return sv_set_vector_or_pick(c, net, k.t.nyears, 0, year);
}

/* NETIMPACT(amounts; [areas]; [kinds]; [basis]; [year]; [part]) */
socinv_status sv_fn_net_impact(sv_call *c)
{
    const double *amounts;
    size_t rows, cols;
    const sv_cell *area_cells = NULL, *kind_cells;
    const char *basis_text;
    size_t basis_len;
    socinv_basis basis;
    long year;
    long p;

    SV_TRY(sv_text(c, SV_NETIMPACT_BASIS, &basis_text, &basis_len));
    SV_TRY(socinv_basis_parse(basis_text, basis_len, &basis));
    SV_TRY(sv_keyword_arg(c, SV_ROW_NETIMPACT, SV_NETIMPACT_PART, &p));
    if (!sv_present(c, SV_NETIMPACT_KINDS)) {
        /* no kinds: the range is a whole table, read by its labels */
        if (sv_present(c, SV_NETIMPACT_AREAS))
            return SOCINV_E_SHAPE;
        SV_TRY(sv_int(c, SV_NETIMPACT_YEAR, 0, 0, SOCINV_CASE_MAX_YEARS, &year));
        return net_of_table(c, basis, year, p);
    }
    SV_TRY(sv_matrix(c, SV_NETIMPACT_AMOUNTS, &amounts, &rows, &cols));
    SV_TRY(per_row_text(c, SV_NETIMPACT_KINDS, rows, &kind_cells));
    if (sv_present(c, SV_NETIMPACT_AREAS))
        SV_TRY(per_row_text(c, SV_NETIMPACT_AREAS, rows, &area_cells));
    SV_TRY(sv_int(c, SV_NETIMPACT_YEAR, 0, 0, (long)cols, &year));

    socinv_area *areas = area_cells ? sv_alloc(c, rows * sizeof *areas) : NULL;
    socinv_row_kind *kinds = sv_alloc(c, rows * sizeof *kinds);
    /* the year's value or the whole row (allocated before the rows are read, as always) */
    double one, *out = year > 0 ? &one : sv_alloc(c, cols * sizeof *out);
    if (!kinds || (area_cells && !areas) || !out)
        return SOCINV_E_NOMEM;
    SV_TRY(socinv_rows_read(kind_cells, area_cells, rows, kinds, areas));
    /* only the part the cell shows is summed */
    double *perm = p == SV_PART_PERMANENT ? out : NULL, *impl = p == SV_PART_IMPLEMENTATION ? out : NULL;
    double *net = perm || impl ? NULL : out;
    if (year > 0) {
        SV_TRY(socinv_net_impact_year(amounts, rows, cols, areas, kinds, basis, (size_t)year - 1, perm, impl, net));
        sv_set_number(c, one);
        return SOCINV_OK;
    }
    SV_TRY(socinv_net_impact(amounts, rows, cols, areas, kinds, basis, perm, impl, net));
    return sv_set_vector(c, out, cols, 0);
}

/* What TABLECHECK shows for one check, by output: 0 -> 1 (TRUE) or the first
 * difference as text, in CASECHECK's words and number format ("trykt 4.850");
 * 1 -> the first differing year (0: none); 2 -> printed minus computed there. */
static void table_check_result(long output, int ok, const socinv_mismatch *m, double *num, char *text, size_t cap)
{
    text[0] = '\0';
    if (output == 1) {
        *num = ok ? 0.0 : (double)(m->col + 1);
    } else if (output == 2) {
        *num = ok ? 0.0 : m->printed - m->computed;
    } else if (ok) {
        *num = 1.0;
    } else {
        char p[40], k[40];
        socinv_format_amount(m->printed, "da", p, sizeof p);
        socinv_format_amount(m->computed, "da", k, sizeof k);
        snprintf(text, cap, "\xc3\xa5r %zu: trykt %s, beregnet %s", m->col + 1, p, k);
    }
}

/* The portfolio form: printed has one total row per case (k rows), rows the
 * cases' lines one case after another (k x m rows, m lines each). One result
 * per case, in a column; a case's text in its cell, its error as its value. */
static socinv_status table_check_cases(sv_call *c, const double *rows, size_t nrows, size_t cols, double tol,
                                       long output)
{
    const double *printed;
    size_t k, pcols;
    SV_TRY(sv_matrix(c, SV_TABLECHECK_PRINTED, &printed, &k, &pcols));
    if (pcols != cols || nrows % k != 0)
        return SOCINV_E_SHAPE;
    const size_t m = nrows / k;
    socinv_status *status = sv_alloc(c, k * sizeof *status);
    const char **texts = sv_alloc(c, k * sizeof *texts);
    double *out = sv_set_matrix(c, k, 1);
    if (!status || !texts || !out)
        return SOCINV_E_NOMEM;
    int any_error = 0, any_text = 0;
    for (size_t i = 0; i < k; i++) {
        socinv_mismatch mm;
        int ok;
        char buf[SV_RESULT_TEXT_MAX];
        out[i] = 0.0;
        texts[i] = NULL;
        status[i] = socinv_check_sum(rows + i * m * cols, m, cols, printed + i * cols, tol, &mm, &ok);
        if (status[i] != SOCINV_OK) {
            any_error = 1;
            continue;
        }
        table_check_result(output, ok, &mm, &out[i], buf, sizeof buf);
        if (buf[0]) {
            char *t = sv_alloc(c, strlen(buf) + 1);
            if (!t)
                return SOCINV_E_NOMEM;
            texts[i] = strcpy(t, buf);
            any_text = 1;
        }
    }
    c->res.cell_status = any_error ? status : NULL;
    c->res.cell_text = any_text ? texts : NULL;
    return SOCINV_OK;
}

/* TABLECHECK(rows; printed; [tolerance]; [output]); printed as a block of total
 * rows checks one case per row (table_check_cases) */
socinv_status sv_fn_table_check(sv_call *c)
{
    const double *rows, *printed;
    size_t nrows, cols, np;
    double tol;
    long output;
    SV_TRY(sv_matrix(c, SV_TABLECHECK_ROWS, &rows, &nrows, &cols));
    SV_TRY(sv_number_arg(c, SV_ROW_TABLECHECK, SV_TABLECHECK_TOLERANCE, &tol));
    SV_TRY(sv_int_arg(c, SV_ROW_TABLECHECK, SV_TABLECHECK_OUTPUT, 0, 2, &output));
    if (sv_is_portfolio(c, SV_TABLECHECK_PRINTED))
        return table_check_cases(c, rows, nrows, cols, tol, output);
    SV_TRY(sv_vector_full(c, SV_TABLECHECK_PRINTED, &printed, &np));
    if (np != cols)
        return SOCINV_E_SHAPE;
    socinv_mismatch m;
    int ok;
    SV_TRY(socinv_check_sum(rows, nrows, cols, printed, tol, &m, &ok));
    double num;
    table_check_result(output, ok, &m, &num, c->res.text, sizeof c->res.text);
    if (c->res.text[0])
        c->res.kind = SV_RES_TEXT;
    else if (output == 0)
        sv_set_bool(c, 1);
    else
        sv_set_number(c, num);
    return SOCINV_OK;
}

/* CASECHECK(table; [tolerance]; [output]) */
socinv_status sv_fn_case_check(sv_call *c)
{
    case_arg k;
    double tol;
    long output;
    SV_TRY(sv_number_arg(c, SV_ROW_CASECHECK, SV_CASECHECK_TOLERANCE, &tol));
    SV_TRY(sv_int_arg(c, SV_ROW_CASECHECK, SV_CASECHECK_OUTPUT, 0, 2, &output));
    SV_TRY(read_case(c, SV_CASECHECK_TABLE, &k));
    socinv_case_report rep;
    socinv_finding first[CASE_FIRST_FINDINGS];
    SV_TRY(audit_case(&k, tol, &rep, first));
    if (output == 1) {
        sv_set_number(c, (double)rep.nerrors);
    } else if (output == 2) {
        sv_set_number(c, (double)(rep.nfindings_total - rep.nerrors));
    } else if (rep.nerrors == 0) {
        sv_set_bool(c, 1);
    } else {
        /* the first error, as the audit report words it */
        size_t i = 0;
        while (i < rep.nfindings && first[i].severity != SOCINV_SEVERITY_ERROR)
            i++;
        if (i == rep.nfindings) {
            sv_set_text(c, "%zu fejl", rep.nerrors);
        } else {
            sv_set_text(c, "%s", "");
            socinv_finding_format(&k.grid, &k.t, k.lines, &first[i], "da", c->res.text, sizeof c->res.text);
        }
    }
    return SOCINV_OK;
}
