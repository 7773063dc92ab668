/* Areas, row kinds and bases (parse and name), net impact per year, and the
 * printed-total check (socinv_check_sum).
 *
 * Checks, besides memory and UB errors (socinv_rows_read and socinv_net_impact_year
 * too: the parsers' and the whole row's answers):
 * - parsers return a value of their enum (or a mask within SOCINV_AREAS_ALL)
 *   and leave the output untouched on error; every area's Danish name parses
 *   back to that area;
 * - net = permanent + implementation, each the column sum of the rows the
 *   basis counts (recomputed here plainly, equal up to rounding), finite;
 *   nothing is written on error;
 * - socinv_check_sum reports the first column whose printed total is off by
 *   more than the tolerance, and only such a column. */
#include "fuzz.h"

static const char *const words[] = {
    "Service", "Anl\xc3\xa6g", "Anlaeg", "Overf\xc3\xb8rsler", "Eftersp\xc3\xb8rgselsst yret indsats",
    "Styrings- omr\xc3\xa5\x64\x65", "Service, koncern it", "Service (BUF)", "Capital", "Transfer payments",
    "Demand-driven", "V", "I", "P", "varig", "implementering", "investering", "engangs", "permanent", "total",
    "totaløkonomi", "t", "s", "service", "serviceeffektivisering", "Service;Anl\xc3\xa6g", "service+overf\xc3\xb8rsler",
    "Service;", ";", "+", "", " ", "-", "\xc2\xad", "\xc3\x85", "all", "alle", "SERVICE ; ANL\xc3\x86G",
};

/* Text from the list, or raw bytes of the input (any bytes, invalid UTF-8 too). */
static const char *text(fz_in *in, size_t *len)
{
    uint8_t sel = fz_u8(in);
    const size_t nwords = sizeof words / sizeof words[0];
    if (sel < nwords) {
        *len = strlen(words[sel]);
        return words[sel];
    }
    return fz_bytes(in, 100, len);
}

static void parsers(fz_in *in)
{
    size_t len;
    const char *t = text(in, &len);

    socinv_area a = (socinv_area)0x5A5A;
    socinv_status st = socinv_area_parse(t, len, &a);
    FZ_STATUS(st);
    if (st == SOCINV_OK)
        FZ_CHECK(a == SOCINV_AREA_NONE || a == SOCINV_AREA_SERVICE || a == SOCINV_AREA_ANLAEG ||
                 a == SOCINV_AREA_OVERFOERSLER || a == SOCINV_AREA_EFTERSPOERGSEL);
    else
        FZ_CHECK(st == SOCINV_E_AREA && a == (socinv_area)0x5A5A);
    if (len == 0)
        FZ_CHECK(st == SOCINV_OK && a == SOCINV_AREA_NONE);

    socinv_row_kind k = (socinv_row_kind)0x5A5A;
    st = socinv_row_kind_parse(t, len, &k);
    FZ_STATUS(st);
    if (st == SOCINV_OK)
        FZ_CHECK(k == SOCINV_ROW_IGNORE || k == SOCINV_ROW_PERMANENT || k == SOCINV_ROW_IMPLEMENTATION);
    else
        FZ_CHECK(st == SOCINV_E_OPTION && k == (socinv_row_kind)0x5A5A);

    socinv_basis b = {0x5A5A, 0xA5A5};
    st = socinv_basis_parse(t, len, &b);
    FZ_STATUS(st);
    if (st == SOCINV_OK) {
        FZ_CHECK(b.permanent_areas && !(b.permanent_areas & ~SOCINV_AREAS_ALL));
        FZ_CHECK(b.implementation_areas == SOCINV_AREAS_ALL);
    } else {
        FZ_CHECK(st == SOCINV_E_OPTION && b.permanent_areas == 0x5A5A && b.implementation_areas == 0xA5A5);
    }

    /* names parse back; unknown values have the empty name */
    unsigned v = fz_u8(in) % 20;
    const char *name = socinv_area_name((socinv_area)v);
    FZ_CHECK(name != NULL);
    if (v == 1 || v == 2 || v == 4 || v == 8) {
        FZ_CHECK(name[0] != '\0');
        socinv_area back;
        FZ_CHECK(socinv_area_parse(name, strlen(name), &back) == SOCINV_OK && back == (socinv_area)v);
    } else {
        FZ_CHECK(name[0] == '\0');
    }
    /* the text as a kind and an area cell: socinv_rows_read reads what the parsers read */
    socinv_cell cell = {SOCINV_CELL_TEXT, 0.0, t, len};
    socinv_row_kind rk = (socinv_row_kind)0x5A5A, pk = (socinv_row_kind)0x5A5A;
    socinv_area ra = (socinv_area)0x5A5A, pa = (socinv_area)0x5A5A;
    socinv_status pst = socinv_row_kind_parse(t, len, &pk);
    if (pst == SOCINV_OK)
        pst = socinv_area_parse(t, len, &pa);
    FZ_CHECK(socinv_rows_read(&cell, &cell, 1, &rk, &ra) == pst);
    if (pst == SOCINV_OK)
        FZ_CHECK(rk == pk && ra == pa);
    FZ_CHECK(socinv_area_parse(NULL, 1, &a) == SOCINV_E_NULL);
    FZ_CHECK(socinv_basis_parse("t", 1, NULL) == SOCINV_E_NULL);
}

#define MAXR 12
#define MAXC 12

static void net_impact(fz_in *in)
{
    size_t rows = fz_pick(in, MAXR + 1), cols = fz_pick(in, MAXC + 1);
    double amounts[MAXR * MAXC];
    fz_doubles(in, amounts, rows * cols);
    socinv_area areas[MAXR];
    socinv_row_kind kinds[MAXR];
    for (size_t r = 0; r < rows; r++) {
        uint8_t a = fz_u8(in), k = fz_u8(in);
        /* mostly real areas and kinds; now and then a value outside the enum */
        static const socinv_area real[] = {SOCINV_AREA_NONE, SOCINV_AREA_SERVICE, SOCINV_AREA_ANLAEG,
                                           SOCINV_AREA_OVERFOERSLER, SOCINV_AREA_EFTERSPOERGSEL};
        areas[r] = a < 250 ? real[a % 5] : (socinv_area)a;
        kinds[r] = k < 250 ? (socinv_row_kind)(k % 3) : (socinv_row_kind)k;
    }
    uint8_t how = fz_u8(in);
    socinv_basis basis;
    switch (how % 4) {
    case 0: basis = socinv_basis_total(); break;
    case 1: basis = socinv_basis_service(); break;
    case 2: {
        size_t len;
        const char *t = text(in, &len);
        if (socinv_basis_parse(t, len, &basis) != SOCINV_OK)
            basis = socinv_basis_total();
        break;
    }
    default:
        basis.permanent_areas = fz_u8(in) % 32;
        basis.implementation_areas = fz_u8(in) % 32;
        break;
    }
    const socinv_area *pa = (how & 0x10) ? NULL : areas;
    double out[3][MAXC];
    for (size_t k = 0; k < 3; k++)
        for (size_t c = 0; c < MAXC; c++)
            out[k][c] = fz_sentinel();
    double *perm = (how & 0x20) ? NULL : out[0], *impl = (how & 0x40) ? NULL : out[1],
           *net = (how & 0x80) ? NULL : out[2];
    socinv_status st = socinv_net_impact(rows ? amounts : NULL, rows, cols, pa, kinds, basis, perm, impl, net);
    FZ_STATUS(st);
    /* one year (the first, a third and two thirds in, or past the table): the
     * whole row's status and bits, or SOCINV_E_DOMAIN past the table */
    size_t year = ((how >> 2) & 3u) * cols / 3;
    double y[3] = {fz_sentinel(), fz_sentinel(), fz_sentinel()};
    socinv_status yst = socinv_net_impact_year(rows ? amounts : NULL, rows, cols, pa, kinds, basis, year,
                                               perm ? &y[0] : NULL, impl ? &y[1] : NULL, net ? &y[2] : NULL);
    FZ_STATUS(yst);
    FZ_CHECK(year < cols ? yst == st : yst == SOCINV_E_DOMAIN || yst == st);
    if (yst == SOCINV_OK) {
        const double *row[3] = {perm, impl, net};
        for (size_t k = 0; k < 3; k++)
            FZ_CHECK(row[k] ? memcmp(&y[k], &row[k][year], sizeof y[k]) == 0 : fz_is_sentinel(y[k]));
    }
    if (st != SOCINV_OK) {
        for (size_t k = 0; k < 3; k++)
            for (size_t c = 0; c < MAXC; c++)
                FZ_CHECK(fz_is_sentinel(out[k][c]));
        return;
    }
    /* recompute plainly */
    for (size_t c = 0; c < cols; c++) {
        double p = 0.0, i = 0.0, mag = 0.0;
        for (size_t r = 0; r < rows; r++) {
            if (kinds[r] == SOCINV_ROW_IGNORE)
                continue;
            FZ_CHECK(kinds[r] == SOCINV_ROW_PERMANENT || kinds[r] == SOCINV_ROW_IMPLEMENTATION);
            unsigned mask = kinds[r] == SOCINV_ROW_PERMANENT ? basis.permanent_areas : basis.implementation_areas;
            if (mask != SOCINV_AREAS_ALL) {
                FZ_CHECK(pa && pa[r] != SOCINV_AREA_NONE); /* else SOCINV_E_AREA */
                if (!(mask & (unsigned)pa[r]))
                    continue;
            }
            double v = amounts[r * cols + c];
            mag += fabs(v);
            if (kinds[r] == SOCINV_ROW_PERMANENT)
                p += v;
            else
                i += v;
        }
        if (perm)
            FZ_CHECK(isfinite(perm[c]) && fz_close(perm[c], p, 0.0, 1e-12 * mag));
        if (impl)
            FZ_CHECK(isfinite(impl[c]) && fz_close(impl[c], i, 0.0, 1e-12 * mag));
        if (net)
            FZ_CHECK(isfinite(net[c]) && fz_close(net[c], p + i, 0.0, 1e-12 * mag));
        if (perm && impl && net)
            FZ_CHECK(net[c] == perm[c] + impl[c]);
    }
    for (size_t k = 0; k < 3; k++)
        for (size_t c = cols; c < MAXC; c++)
            FZ_CHECK(fz_is_sentinel(out[k][c]));
}

static void check_sum(fz_in *in)
{
    size_t rows = fz_pick(in, MAXR + 1), cols = fz_pick(in, MAXC + 1);
    double m[MAXR * MAXC], printed[MAXC];
    fz_doubles(in, m, rows * cols);
    /* printed totals: mostly the true sums, nudged, so both answers are common */
    for (size_t c = 0; c < cols; c++) {
        uint8_t how = fz_u8(in);
        double s = 0.0;
        for (size_t r = 0; r < rows; r++)
            s += m[r * cols + c];
        printed[c] = how < 128 ? s : how < 192 ? s + fz_double(in) : fz_double(in);
    }
    double tol = fz_u8(in) < 200 ? SOCINV_CHECK_TOLERANCE : fz_double(in);
    uint8_t flags = fz_u8(in);
    socinv_mismatch first = {777, 777, fz_sentinel(), fz_sentinel()};
    int ok = 42;
    socinv_status st = socinv_check_sum(rows ? m : NULL, rows, cols, cols ? printed : NULL, tol,
                                        (flags & 1) ? NULL : &first, (flags & 2) && flags > 200 ? NULL : &ok);
    FZ_STATUS(st);
    if (st != SOCINV_OK) {
        FZ_CHECK(ok == 42 && first.row == 777 && first.col == 777 && fz_is_sentinel(first.printed));
        return;
    }
    FZ_CHECK(ok == 0 || ok == 1);
    FZ_CHECK(isfinite(tol) && tol >= 0.0);
    if (ok || (flags & 1))
        return;
    FZ_CHECK(first.row == rows && first.col < cols);
    FZ_CHECK(first.printed == printed[first.col]);
    FZ_CHECK(fabs(first.printed - first.computed) > tol);
    double mag = 0.0, s = 0.0;
    for (size_t r = 0; r < rows; r++) {
        s += m[r * cols + first.col];
        mag += fabs(m[r * cols + first.col]);
    }
    if (isfinite(mag))
        FZ_CHECK(fz_close(first.computed, s, 0.0, 1e-12 * mag));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = {data, size};
    uint8_t which = fz_u8(&in);
    if (which & 1)
        parsers(&in);
    if (which & 2)
        net_impact(&in);
    if (which & 4)
        check_sum(&in);
    if (!(which & 7)) {
        parsers(&in);
        net_impact(&in);
        check_sum(&in);
    }
    return 0;
}
