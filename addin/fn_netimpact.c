/* NETIMPACT, TABLECHECK. */
#include <math.h>
#include <string.h>

#include "glue.h"

/* Areas and kinds come one per row of the amounts. */
static socinv_status per_row_text(sv_call *c, size_t i, size_t rows, const sv_cell **cells)
{
    size_t n;
    SV_TRY(sv_cells(c, i, cells, &n));
    return n == rows ? SOCINV_OK : SOCINV_E_SHAPE;
}

typedef enum { PART_NET, PART_PERMANENT, PART_IMPLEMENTATION } part;

static socinv_status read_part(sv_call *c, size_t i, part *p)
{
    const char *t;
    size_t len;
    long code;
    if (sv_present(c, i) && c->args[i].cells[0].kind == SV_NUMBER) {
        SV_TRY(sv_int(c, i, 0, 0, 2, &code));
        *p = (part)code;
        return SOCINV_OK;
    }
    SV_TRY(sv_text(c, i, &t, &len));
    socinv_row_kind k;
    if (len == 0 || (len == 3 && !strncmp(t, "net", 3)) || (len == 5 && !strncmp(t, "netto", 5))) {
        *p = PART_NET;
        return SOCINV_OK;
    }
    SV_TRY(socinv_row_kind_parse(t, len, &k));
    *p = k == SOCINV_ROW_PERMANENT ? PART_PERMANENT : PART_IMPLEMENTATION;
    return SOCINV_OK;
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
    part p;

    if (!sv_present(c, 2))
        return SOCINV_E_LENGTH; /* kinds say which rows are permanent and which one-off */
    SV_TRY(sv_matrix(c, 0, &amounts, &rows, &cols));
    SV_TRY(per_row_text(c, 2, rows, &kind_cells));
    if (sv_present(c, 1))
        SV_TRY(per_row_text(c, 1, rows, &area_cells));
    SV_TRY(sv_text(c, 3, &basis_text, &basis_len));
    SV_TRY(socinv_basis_parse(basis_text, basis_len, &basis));
    SV_TRY(sv_int(c, 4, 0, 0, (long)cols, &year));
    SV_TRY(read_part(c, 5, &p));

    socinv_area *areas = area_cells ? sv_alloc(c, rows * sizeof *areas) : NULL;
    socinv_row_kind *kinds = sv_alloc(c, rows * sizeof *kinds);
    double *out = sv_alloc(c, 3 * cols * sizeof *out);
    if (!kinds || !out || (area_cells && !areas))
        return SOCINV_E_NOMEM;
    for (size_t r = 0; r < rows; r++) {
        const sv_cell *k = &kind_cells[r];
        if (k->kind == SV_NUMBER)
            return SOCINV_E_TYPE;
        SV_TRY(socinv_row_kind_parse(k->text, k->kind == SV_TEXT ? k->len : 0, &kinds[r]));
        if (areas) {
            const sv_cell *a = &area_cells[r];
            if (a->kind == SV_NUMBER)
                return SOCINV_E_TYPE;
            SV_TRY(socinv_area_parse(a->text, a->kind == SV_TEXT ? a->len : 0, &areas[r]));
        }
    }
    double *perm = out, *impl = out + cols, *net = out + 2 * cols;
    SV_TRY(socinv_net_impact(amounts, rows, cols, areas, kinds, basis, perm, impl, net));
    const double *pick = p == PART_PERMANENT ? perm : p == PART_IMPLEMENTATION ? impl : net;
    return sv_set_vector_or_pick(c, pick, cols, 0, year);
}

/* TABLECHECK(rows; printed; [tolerance]; [output]) */
socinv_status sv_fn_table_check(sv_call *c)
{
    const double *rows, *printed;
    size_t nrows, cols, np;
    double tol;
    long output;
    SV_TRY(sv_matrix(c, 0, &rows, &nrows, &cols));
    SV_TRY(sv_vector_full(c, 1, &printed, &np));
    if (np != cols)
        return SOCINV_E_SHAPE;
    SV_TRY(sv_number(c, 2, SOCINV_CHECK_TOLERANCE, &tol));
    SV_TRY(sv_int(c, 3, 0, 0, 2, &output));
    socinv_mismatch m;
    int ok;
    SV_TRY(socinv_check_sum(rows, nrows, cols, printed, tol, &m, &ok));
    if (output == 1) {
        sv_set_number(c, ok ? 0.0 : (double)(m.col + 1));
    } else if (output == 2) {
        sv_set_number(c, ok ? 0.0 : m.printed - m.computed);
    } else if (ok) {
        sv_set_bool(c, 1);
    } else {
        char p[40], k[40];
        sv_format_amount(m.printed, p, sizeof p);
        sv_format_amount(m.computed, k, sizeof k);
        sv_set_text(c, "\xc3\xa5r %zu: trykt %s, beregnet %s", m.col + 1, p, k);
    }
    return SOCINV_OK;
}
