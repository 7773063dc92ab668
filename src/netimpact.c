/* Areas (styringsområder), row kinds, bases and the net impact per year. */
#include <float.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* Cut at the first ',' or '(' : "Service, koncern it", "Service (BUF)". */
static size_t head_len(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] == ',' || text[i] == '(')
            return i;
    return len;
}

static const struct {
    const char *prefix;
    socinv_area area;
} area_words[] = {
    {"service", SOCINV_AREA_SERVICE},
    {"anl\xc3\xa6g", SOCINV_AREA_ANLAEG},
    {"anlaeg", SOCINV_AREA_ANLAEG},
    {"capital", SOCINV_AREA_ANLAEG},
    {"overf\xc3\xb8rsl", SOCINV_AREA_OVERFOERSLER}, /* overførsler */
    {"overf\xc3\xb8rsel", SOCINV_AREA_OVERFOERSLER}, /* overførsel(sudgifter) */
    {"overfoersl", SOCINV_AREA_OVERFOERSLER},
    {"overfoersel", SOCINV_AREA_OVERFOERSLER},
    {"overforsl", SOCINV_AREA_OVERFOERSLER},
    {"overforsel", SOCINV_AREA_OVERFOERSLER},
    {"transfer", SOCINV_AREA_OVERFOERSLER},
    {"eftersp\xc3\xb8rgsel", SOCINV_AREA_EFTERSPOERGSEL}, /* efterspørgselsstyret (indsats) */
    {"efterspoergsel", SOCINV_AREA_EFTERSPOERGSEL},
    {"eftersporgsel", SOCINV_AREA_EFTERSPOERGSEL},
    {"demanddriven", SOCINV_AREA_EFTERSPOERGSEL},
    {"demandled", SOCINV_AREA_EFTERSPOERGSEL},
};

/* The Danish names, as the tables spell them: socinv_area_name's answers and the
 * spellings exact_area recognises unfolded. */
#define NAME_SERVICE "Service"
#define NAME_ANLAEG "Anl\xc3\xa6g"
#define NAME_OVERFOERSLER "Overf\xc3\xb8rsler"
#define NAME_EFTERSPOERGSEL "Eftersp\xc3\xb8rgselsstyret"
/* ... and as a subtotal's qualifier spells them (", service", ", anlæg"): each folds to
 * itself, the start of its area's word. */
#define QUAL_SERVICE "service"
#define QUAL_ANLAEG "anl\xc3\xa6g"
#define IS_NAME(text, len, name) ((len) == sizeof(name) - 1 && memcmp((text), (name), sizeof(name) - 1) == 0)

/* The spellings a sheet almost always has, compared as they are, by length first
 * (the compiler turns each constant memcmp into two or three loads): folding costs
 * ~750 instructions a row, this a few (NETIMPACT reads an area per row per call). */
static inline int exact_area(const char *text, size_t len, socinv_area *area)
{
    socinv_area a = IS_NAME(text, len, NAME_SERVICE)          ? SOCINV_AREA_SERVICE
                    : IS_NAME(text, len, NAME_ANLAEG)         ? SOCINV_AREA_ANLAEG
                    : IS_NAME(text, len, NAME_OVERFOERSLER)   ? SOCINV_AREA_OVERFOERSLER
                    : IS_NAME(text, len, NAME_EFTERSPOERGSEL) ? SOCINV_AREA_EFTERSPOERGSEL
                    : IS_NAME(text, len, QUAL_SERVICE)        ? SOCINV_AREA_SERVICE
                    : IS_NAME(text, len, QUAL_ANLAEG)         ? SOCINV_AREA_ANLAEG
                                                              : SOCINV_AREA_NONE;
    if (a == SOCINV_AREA_NONE)
        return 0; /* *area untouched: an unknown area writes nothing */
    *area = a;
    return 1;
}

/* Any other spelling: folded, cut at ',' or '(', then matched by prefix. */
SI_SLOW_PATH static socinv_status folded_area(const char *text, size_t len, socinv_area *area)
{
    char f[96];
    size_t fl = si_fold(text, head_len(text, len), f, sizeof f);
    if (fl == 0) {
        *area = SOCINV_AREA_NONE;
        return SOCINV_OK;
    }
    for (size_t i = 0; i < sizeof area_words / sizeof area_words[0]; i++) {
        if (si_starts_with(f, area_words[i].prefix)) {
            *area = area_words[i].area;
            return SOCINV_OK;
        }
    }
    return SOCINV_E_AREA;
}

/* Does text start with a byte that folds to itself or its small letter (not ',' or '(',
 * where the area's text is cut) and that no area's word starts with? Then its folding
 * starts with that byte and is no area ("1.000 kr.", "Projektledelse"): told before folding. */
static inline int no_area_word(const char *text, size_t len)
{
    if (len == 0)
        return 0;
    unsigned char b = si_fold_byte[(unsigned char)text[0]];
    if (b == SI_FOLD_OTHER || b == ',' || b == '(')
        return 0;
    for (size_t i = 0; i < sizeof area_words / sizeof area_words[0]; i++)
        if ((unsigned char)area_words[i].prefix[0] == b)
            return 0;
    return 1;
}

socinv_status socinv_area_parse(const char *text, size_t len, socinv_area *area)
{
    if (!area || (!text && len))
        return SOCINV_E_NULL;
    if (exact_area(text, len, area))
        return SOCINV_OK;
    if (no_area_word(text, len))
        return SOCINV_E_AREA;
    return folded_area(text, len, area);
}

const char *socinv_area_name(socinv_area area)
{
    switch (area) {
    case SOCINV_AREA_SERVICE: return NAME_SERVICE;
    case SOCINV_AREA_ANLAEG: return NAME_ANLAEG;
    case SOCINV_AREA_OVERFOERSLER: return NAME_OVERFOERSLER;
    case SOCINV_AREA_EFTERSPOERGSEL: return NAME_EFTERSPOERGSEL;
    default: return "";
    }
}

/* Any kind but the tables' "V" and "I": folded, then by word or prefix. */
SI_SLOW_PATH static socinv_status folded_kind(const char *text, size_t len, socinv_row_kind *kind)
{
    char f[64];
    size_t fl = si_fold(text, len, f, sizeof f);
    if (fl == 0)
        *kind = SOCINV_ROW_IGNORE;
    else if (!strcmp(f, "v") || !strcmp(f, "p") || si_starts_with(f, "varig") || si_starts_with(f, "perm"))
        *kind = SOCINV_ROW_PERMANENT;
    else if (!strcmp(f, "i") || si_starts_with(f, "impl") || si_starts_with(f, "invest") ||
             si_starts_with(f, "engang"))
        *kind = SOCINV_ROW_IMPLEMENTATION;
    else
        return SOCINV_E_OPTION;
    return SOCINV_OK;
}

/* "V" and "I" as the tables write them: no folding. */
static inline int exact_kind(const char *text, size_t len, socinv_row_kind *kind)
{
    if (len != 1)
        return 0;
    switch (text[0]) {
    case 'V': *kind = SOCINV_ROW_PERMANENT; return 1;
    case 'I': *kind = SOCINV_ROW_IMPLEMENTATION; return 1;
    default: return 0;
    }
}

socinv_status socinv_row_kind_parse(const char *text, size_t len, socinv_row_kind *kind)
{
    if (!kind || (!text && len))
        return SOCINV_E_NULL;
    if (exact_kind(text, len, kind))
        return SOCINV_OK;
    return folded_kind(text, len, kind);
}

/* A cell of the kind or area column as text: empty as "", a number SOCINV_E_TYPE. */
static socinv_status cell_text(const socinv_cell *cell, const char **text, size_t *len)
{
    if (cell->kind == SOCINV_CELL_NUMBER)
        return SOCINV_E_TYPE;
    *text = cell->text;
    *len = cell->kind == SOCINV_CELL_TEXT ? cell->len : 0;
    return SOCINV_OK;
}

/* Any kind cell but the tables' "V" and "I" (socinv_rows_read reads those inline). */
SI_SLOW_PATH static socinv_status kind_cell(const socinv_cell *cell, socinv_row_kind *kind)
{
    const char *text;
    size_t len;
    socinv_status st = cell_text(cell, &text, &len);
    return st != SOCINV_OK ? st : socinv_row_kind_parse(text, len, kind);
}

/* Any area cell but the tables' four names. */
SI_SLOW_PATH static socinv_status area_cell(const socinv_cell *cell, socinv_area *area)
{
    const char *text;
    size_t len;
    socinv_status st = cell_text(cell, &text, &len);
    return st != SOCINV_OK ? st : socinv_area_parse(text, len, area);
}

socinv_status socinv_rows_read(const socinv_cell *kind_cells, const socinv_cell *area_cells, size_t rows,
                               socinv_row_kind *kinds, socinv_area *areas)
{
    if (!kind_cells || !kinds || (area_cells && !areas))
        return SOCINV_E_NULL;
    socinv_status st;
    for (size_t r = 0; r < rows; r++) {
        /* the spellings of the tables inline, without a call (a NULL text goes
         * to the parser, which says SOCINV_E_NULL) */
        const socinv_cell *k = &kind_cells[r];
        if (!(k->kind == SOCINV_CELL_TEXT && k->text && exact_kind(k->text, k->len, &kinds[r])) &&
            (st = kind_cell(k, &kinds[r])) != SOCINV_OK)
            return st;
        if (!area_cells)
            continue;
        const socinv_cell *a = &area_cells[r];
        if (!(a->kind == SOCINV_CELL_TEXT && a->text && exact_area(a->text, a->len, &areas[r])) &&
            (st = area_cell(a, &areas[r])) != SOCINV_OK)
            return st;
    }
    return SOCINV_OK;
}

socinv_basis socinv_basis_total(void)
{
    socinv_basis b = {SOCINV_AREAS_ALL, SOCINV_AREAS_ALL};
    return b;
}

socinv_basis socinv_basis_service(void)
{
    socinv_basis b = {SOCINV_AREA_SERVICE, SOCINV_AREAS_ALL};
    return b;
}

/* "total" and "service" as formulas write them, and an empty basis: their
 * answers without folding (the folded words below give the same). */
static int common_basis(const char *text, size_t len, socinv_basis *basis)
{
    if (len == 0 || (len == 5 && (text[0] == 't' || text[0] == 'T') && memcmp(text + 1, "otal", 4) == 0))
        *basis = socinv_basis_total();
    else if (len == 7 && (text[0] == 's' || text[0] == 'S') && memcmp(text + 1, "ervice", 6) == 0)
        *basis = socinv_basis_service();
    else
        return 0;
    return 1;
}

/* A list of areas for the permanent changes: "Service;Anlæg", "Service+Overførsler". */
static socinv_status area_list_basis(const char *text, size_t len, socinv_basis *basis)
{
    unsigned mask = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == ';' || text[i] == '+') {
            socinv_area a;
            socinv_status st = socinv_area_parse(text + start, i - start, &a);
            if (st != SOCINV_OK)
                return SOCINV_E_OPTION;
            mask |= (unsigned)a;
            start = i + 1;
        }
    }
    if (mask == 0)
        return SOCINV_E_OPTION;
    basis->permanent_areas = mask;
    basis->implementation_areas = SOCINV_AREAS_ALL;
    return SOCINV_OK;
}

socinv_status socinv_basis_parse(const char *text, size_t len, socinv_basis *basis)
{
    char f[64];
    if (!basis || (!text && len))
        return SOCINV_E_NULL;
    if (common_basis(text, len, basis))
        return SOCINV_OK;
    size_t fl = si_fold(text, len, f, sizeof f);
    if (fl == 0 || !strcmp(f, "t") || si_starts_with(f, "total") || !strcmp(f, "all") ||
        !strcmp(f, "alle")) {
        *basis = socinv_basis_total();
        return SOCINV_OK;
    }
    if (!strcmp(f, "s") || !strcmp(f, "service") || si_starts_with(f, "serviceeffekt")) {
        *basis = socinv_basis_service();
        return SOCINV_OK;
    }
    return area_list_basis(text, len, basis);
}

/* Is Σ|v[k]|, added in the order of k, finite (every value finite, and the sum
 * representable)? First summed in four lanes, fewer instructions a value: all
 * terms are >= 0, so any order's rounded sum is within a factor (1 ± 2^-53)^n of
 * the exact sum, and a four-lane total below DBL_MAX / 4 proves the one running
 * sum finite too (n <= SOCINV_MAX_CELLS makes that factor 1 + 1e-8 at most). A
 * larger total, an infinite or a NaN (a non-finite value) is decided by the one
 * running sum, as before: near DBL_MAX the orders can round differently. */
static int magnitude_finite(const double *v, size_t n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        s0 += fabs(v[k]);
        s1 += fabs(v[k + 1]);
        s2 += fabs(v[k + 2]);
        s3 += fabs(v[k + 3]);
    }
    for (; k < n; k++)
        s0 += fabs(v[k]);
    if ((s0 + s1) + (s2 + s3) < DBL_MAX / 4)
        return 1;
    double magnitude = 0.0;
    for (k = 0; k < n; k++)
        magnitude += fabs(v[k]);
    return isfinite(magnitude);
}

/* The checks that read the whole table, in socinv_net_impact's order of statuses
 * up to the rows': dimensions, kinds, amounts (all finite), basis. One pass over
 * the amounts: Σ|amount| is finite only when every amount is, so the per-value
 * check runs only when it is not; *overflow then says the sum itself is not
 * representable, which is reported after the rows' own checks. */
static socinv_status check_table(const double *amounts, size_t rows, size_t cols, const socinv_row_kind *kinds,
                                 socinv_basis basis, int *overflow)
{
    socinv_status st = si_check_dims(rows, cols);
    if (st != SOCINV_OK)
        return st;
    if (!kinds || !amounts)
        return SOCINV_E_NULL;
    *overflow = !magnitude_finite(amounts, rows * cols);
    if (*overflow && (st = si_check_values(amounts, rows * cols)) != SOCINV_OK)
        return st;
    if ((basis.permanent_areas & ~SOCINV_AREAS_ALL) || (basis.implementation_areas & ~SOCINV_AREAS_ALL))
        return SOCINV_E_OPTION;
    return SOCINV_OK;
}

/* Row r's kind and area are values of their enums. */
static inline socinv_status check_row(const socinv_row_kind *kinds, const socinv_area *areas, size_t r)
{
    if (kinds[r] != SOCINV_ROW_IGNORE && kinds[r] != SOCINV_ROW_PERMANENT && kinds[r] != SOCINV_ROW_IMPLEMENTATION)
        return SOCINV_E_OPTION;
    if (areas && ((unsigned)areas[r] & ~SOCINV_AREAS_ALL))
        return SOCINV_E_AREA;
    return SOCINV_OK;
}

/* Which sum row r goes to under the basis: its kind (SOCINV_ROW_PERMANENT or
 * _IMPLEMENTATION), or SOCINV_ROW_IGNORE when the basis leaves it out;
 * SOCINV_E_AREA when the basis needs the area and the row has none. */
static inline socinv_status row_sum(socinv_basis b, const socinv_row_kind *kinds, const socinv_area *areas, size_t r,
                                    socinv_row_kind *to)
{
    *to = SOCINV_ROW_IGNORE;
    if (kinds[r] == SOCINV_ROW_IGNORE)
        return SOCINV_OK;
    unsigned mask = kinds[r] == SOCINV_ROW_PERMANENT ? b.permanent_areas : b.implementation_areas;
    if (mask != SOCINV_AREAS_ALL) {
        if (!areas || areas[r] == SOCINV_AREA_NONE)
            return SOCINV_E_AREA; /* the basis needs the area and the row has none */
        if (!(mask & (unsigned)areas[r]))
            return SOCINV_OK;
    }
    *to = kinds[r];
    return SOCINV_OK;
}

/* Columns summed together: each row's sum decided once per block, its amounts
 * read in memory order. */
#define COL_BLOCK 32

/* Does out[0..n) share memory with the amounts? Then a column is written before
 * the next is read, one column a block, as the sums always were. */
static int overlaps(const double *out, size_t n, const double *amounts, size_t total)
{
    uintptr_t o = (uintptr_t)out, a = (uintptr_t)amounts;
    return out && o < a + total * sizeof *amounts && a < o + n * sizeof *out;
}

/* The column sums of columns c0..c0+nc (nc <= COL_BLOCK) of a checked table; a
 * sum that no output wants is skipped. Every column adds its rows in row order,
 * as one column at a time would, so the bits are the same. 0 when a sum written
 * came out infinite: a finite Σ|amount| does not rule that out, since the compensated
 * sum holds the exact total, which may lie just above DBL_MAX (DBL_MAX and four
 * quarter-ulps of it). */
static int sum_block(const double *amounts, size_t rows, size_t cols, size_t c0, size_t nc,
                      const socinv_area *areas, const socinv_row_kind *kinds, socinv_basis basis,
                      double *permanent, double *implementation, double *net)
{
    si_sum p[COL_BLOCK], i[COL_BLOCK];
    const int want_p = permanent || net, want_i = implementation || net;
    for (size_t k = 0; k < nc; k++)
        p[k] = i[k] = (si_sum){0, 0};
    for (size_t r = 0; r < rows; r++) {
        socinv_row_kind to;
        row_sum(basis, kinds, areas, r, &to);
        if (to == SOCINV_ROW_IGNORE || (to == SOCINV_ROW_PERMANENT ? !want_p : !want_i))
            continue;
        si_sum *s = to == SOCINV_ROW_PERMANENT ? p : i;
        const double *row = amounts + r * cols + c0;
        for (size_t k = 0; k < nc; k++)
            si_sum_add(&s[k], row[k]);
    }
    int finite = 1;
    for (size_t k = 0; k < nc; k++) {
        double pv = si_sum_get(&p[k]), iv = si_sum_get(&i[k]);
        finite &= (!permanent || isfinite(pv)) && (!implementation || isfinite(iv)) && (!net || isfinite(pv + iv));
        if (permanent)
            permanent[c0 + k] = pv;
        if (implementation)
            implementation[c0 + k] = iv;
        if (net)
            net[c0 + k] = pv + iv;
    }
    return finite;
}

socinv_status socinv_net_impact(const double *amounts, size_t rows, size_t cols,
                                const socinv_area *areas, const socinv_row_kind *kinds,
                                socinv_basis basis, double *permanent, double *implementation,
                                double *net)
{
    int overflow, area_missing = 0;
    socinv_row_kind to;
    socinv_status st = check_table(amounts, rows, cols, kinds, basis, &overflow);
    if (st != SOCINV_OK)
        return st;
    for (size_t r = 0; r < rows; r++) {
        if ((st = check_row(kinds, areas, r)) != SOCINV_OK)
            return st;
        area_missing |= row_sum(basis, kinds, areas, r, &to) != SOCINV_OK;
    }
    /* Everything that can fail is decided before the first write. */
    if (overflow)
        return SOCINV_E_OVERFLOW;
    if (area_missing)
        return SOCINV_E_AREA;
    size_t total = rows * cols, block = COL_BLOCK;
    if (overlaps(permanent, cols, amounts, total) || overlaps(implementation, cols, amounts, total) ||
        overlaps(net, cols, amounts, total))
        block = 1;
    int finite = 1;
    for (size_t c0 = 0; c0 < cols; c0 += block)
        finite &= sum_block(amounts, rows, cols, c0, cols - c0 < block ? cols - c0 : block, areas, kinds, basis,
                            permanent, implementation, net);
    return finite ? SOCINV_OK : SOCINV_E_OVERFLOW; /* a total beyond DBL_MAX: #NUM!, never infinity */
}

socinv_status socinv_net_impact_year(const double *amounts, size_t rows, size_t cols, const socinv_area *areas,
                                     const socinv_row_kind *kinds, socinv_basis basis, size_t year,
                                     double *permanent, double *implementation, double *net)
{
    int overflow, area_missing = 0;
    socinv_row_kind to;
    socinv_status st = check_table(amounts, rows, cols, kinds, basis, &overflow);
    if (st != SOCINV_OK)
        return st;
    if (year >= cols)
        return SOCINV_E_DOMAIN;
    /* one pass over the rows: their checks and the year's two sums, in row order
     * as socinv_net_impact adds them, so the bits are the same */
    si_sum p = {0, 0}, i = {0, 0};
    const int want_p = permanent || net, want_i = implementation || net;
    for (size_t r = 0; r < rows; r++) {
        if ((st = check_row(kinds, areas, r)) != SOCINV_OK)
            return st;
        if (row_sum(basis, kinds, areas, r, &to) != SOCINV_OK)
            area_missing = 1;
        else if (to == SOCINV_ROW_PERMANENT && want_p)
            si_sum_add(&p, amounts[r * cols + year]);
        else if (to == SOCINV_ROW_IMPLEMENTATION && want_i)
            si_sum_add(&i, amounts[r * cols + year]);
    }
    if (overflow)
        return SOCINV_E_OVERFLOW;
    if (area_missing)
        return SOCINV_E_AREA;
    double pv = si_sum_get(&p), iv = si_sum_get(&i);
    if ((permanent && !isfinite(pv)) || (implementation && !isfinite(iv)) || (net && !isfinite(pv + iv)))
        return SOCINV_E_OVERFLOW; /* as socinv_net_impact, but before writing */
    if (permanent)
        *permanent = pv;
    if (implementation)
        *implementation = iv;
    if (net)
        *net = pv + iv;
    return SOCINV_OK;
}
