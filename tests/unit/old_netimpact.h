/* The net-impact rules and NETIMPACT's glue as they were before issue 13's per-cell
 * work (commit 8cc23b1), kept to compare the faster code with: every answer and
 * every status must stay the same, bit for bit. Included by test_netimpact_diff.c
 * only; the functions are old_*, the code otherwise unchanged. */
#include "internal.h"
#include "glue.h"

/* ---- src/netimpact.c ----------------------------------------------------------------- */

/* Cut at the first ',' or '(' : "Service, koncern it", "Service (BUF)". */
static size_t old_head_len(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] == ',' || text[i] == '(')
            return i;
    return len;
}

static const struct {
    const char *prefix;
    socinv_area area;
} old_area_words[] = {
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

/* The spellings a sheet almost always has, compared as they are: folding costs
 * ~750 instructions a row, this a few (NETIMPACT reads an area per row per call). */
static const struct {
    const char *text;
    size_t len;
    socinv_area area;
} old_exact_areas[] = {
    {"Service", 7, SOCINV_AREA_SERVICE},
    {"Anl\xc3\xa6g", 6, SOCINV_AREA_ANLAEG},
    {"Overf\xc3\xb8rsler", 12, SOCINV_AREA_OVERFOERSLER},
    {"Eftersp\xc3\xb8rgselsstyret", 21, SOCINV_AREA_EFTERSPOERGSEL},
};

static socinv_status old_area_parse(const char *text, size_t len, socinv_area *area)
{
    char f[96];
    if (!area || (!text && len))
        return SOCINV_E_NULL;
    for (size_t i = 0; i < sizeof old_exact_areas / sizeof old_exact_areas[0]; i++) {
        if (len == old_exact_areas[i].len && memcmp(text, old_exact_areas[i].text, len) == 0) {
            *area = old_exact_areas[i].area;
            return SOCINV_OK;
        }
    }
    size_t fl = si_fold(text, old_head_len(text, len), f, sizeof f);
    if (fl == 0) {
        *area = SOCINV_AREA_NONE;
        return SOCINV_OK;
    }
    for (size_t i = 0; i < sizeof old_area_words / sizeof old_area_words[0]; i++) {
        if (si_starts_with(f, old_area_words[i].prefix)) {
            *area = old_area_words[i].area;
            return SOCINV_OK;
        }
    }
    return SOCINV_E_AREA;
}

static const char *old_area_name(socinv_area area)
{
    switch (area) {
    case SOCINV_AREA_SERVICE: return "Service";
    case SOCINV_AREA_ANLAEG: return "Anl\xc3\xa6g";
    case SOCINV_AREA_OVERFOERSLER: return "Overf\xc3\xb8rsler";
    case SOCINV_AREA_EFTERSPOERGSEL: return "Eftersp\xc3\xb8rgselsstyret";
    default: return "";
    }
}

static socinv_status old_row_kind_parse(const char *text, size_t len, socinv_row_kind *kind)
{
    char f[64];
    if (!kind || (!text && len))
        return SOCINV_E_NULL;
    if (len == 1 && (text[0] == 'V' || text[0] == 'I')) { /* as the tables write them: no folding */
        *kind = text[0] == 'V' ? SOCINV_ROW_PERMANENT : SOCINV_ROW_IMPLEMENTATION;
        return SOCINV_OK;
    }
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

static socinv_basis old_basis_total(void)
{
    socinv_basis b = {SOCINV_AREAS_ALL, SOCINV_AREAS_ALL};
    return b;
}

static socinv_basis old_basis_service(void)
{
    socinv_basis b = {SOCINV_AREA_SERVICE, SOCINV_AREAS_ALL};
    return b;
}

static socinv_status old_basis_parse(const char *text, size_t len, socinv_basis *basis)
{
    char f[64];
    if (!basis || (!text && len))
        return SOCINV_E_NULL;
    size_t fl = si_fold(text, len, f, sizeof f);
    if (fl == 0 || !strcmp(f, "t") || si_starts_with(f, "total") || !strcmp(f, "all") ||
        !strcmp(f, "alle")) {
        *basis = old_basis_total();
        return SOCINV_OK;
    }
    if (!strcmp(f, "s") || !strcmp(f, "service") || si_starts_with(f, "serviceeffekt")) {
        *basis = old_basis_service();
        return SOCINV_OK;
    }
    /* a list of areas for the permanent changes */
    unsigned mask = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == ';' || text[i] == '+') {
            socinv_area a;
            socinv_status st = old_area_parse(text + start, i - start, &a);
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

/* Does the basis count a row of this kind and area? */
static socinv_status old_counts(socinv_basis b, socinv_row_kind kind, const socinv_area *areas, size_t r,
                            int *yes)
{
    unsigned mask = kind == SOCINV_ROW_PERMANENT ? b.permanent_areas : b.implementation_areas;
    if (mask == SOCINV_AREAS_ALL) {
        *yes = 1;
        return SOCINV_OK;
    }
    if (!areas || areas[r] == SOCINV_AREA_NONE)
        return SOCINV_E_AREA; /* the basis needs the area and the row has none */
    *yes = (mask & (unsigned)areas[r]) != 0;
    return SOCINV_OK;
}

static socinv_status old_net_impact_sums(const double *amounts, size_t rows, size_t cols,
                                const socinv_area *areas, const socinv_row_kind *kinds,
                                socinv_basis basis, double *permanent, double *implementation,
                                double *net)
{
    socinv_status st = si_check_dims(rows, cols);
    if (st != SOCINV_OK)
        return st;
    if (!kinds)
        return SOCINV_E_NULL;
    if ((st = si_check_values(amounts, rows * cols)) != SOCINV_OK)
        return st;
    if ((basis.permanent_areas & ~SOCINV_AREAS_ALL) || (basis.implementation_areas & ~SOCINV_AREAS_ALL))
        return SOCINV_E_OPTION;
    for (size_t r = 0; r < rows; r++) {
        if (kinds[r] != SOCINV_ROW_IGNORE && kinds[r] != SOCINV_ROW_PERMANENT &&
            kinds[r] != SOCINV_ROW_IMPLEMENTATION)
            return SOCINV_E_OPTION;
        if (areas && ((unsigned)areas[r] & ~SOCINV_AREAS_ALL))
            return SOCINV_E_AREA;
    }
    /* Everything that can fail is decided before the first write. */
    double magnitude = 0.0;
    for (size_t k = 0; k < rows * cols; k++)
        magnitude += fabs(amounts[k]);
    if (!isfinite(magnitude))
        return SOCINV_E_OVERFLOW;
    for (size_t r = 0; r < rows; r++) {
        int yes;
        if (kinds[r] != SOCINV_ROW_IGNORE && (st = old_counts(basis, kinds[r], areas, r, &yes)) != SOCINV_OK)
            return st;
    }
    for (size_t c = 0; c < cols; c++) {
        si_sum p = {0, 0}, i = {0, 0};
        for (size_t r = 0; r < rows; r++) {
            int yes = 0;
            if (kinds[r] == SOCINV_ROW_IGNORE)
                continue;
            old_counts(basis, kinds[r], areas, r, &yes);
            if (yes)
                si_sum_add(kinds[r] == SOCINV_ROW_PERMANENT ? &p : &i, amounts[r * cols + c]);
        }
        double pv = si_sum_get(&p), iv = si_sum_get(&i), nv = pv + iv;
        if (permanent)
            permanent[c] = pv;
        if (implementation)
            implementation[c] = iv;
        if (net)
            net[c] = nv;
    }
    return SOCINV_OK;
}

/* The one change made on purpose since: a value written (or, in the glue, shown)
 * that is not finite is SOCINV_E_OVERFLOW, not OK (test_netimpact.c
 * test_overflow_in_the_sum). */
static int old_all_finite(const double *v, size_t n)
{
    for (size_t k = 0; v && k < n; k++)
        if (!isfinite(v[k]))
            return 0;
    return 1;
}

static socinv_status old_net_impact(const double *amounts, size_t rows, size_t cols,
                                    const socinv_area *areas, const socinv_row_kind *kinds,
                                    socinv_basis basis, double *permanent, double *implementation,
                                    double *net)
{
    socinv_status st = old_net_impact_sums(amounts, rows, cols, areas, kinds, basis, permanent, implementation, net);
    if (st == SOCINV_OK &&
        !(old_all_finite(permanent, cols) && old_all_finite(implementation, cols) && old_all_finite(net, cols)))
        return SOCINV_E_OVERFLOW;
    return st;
}

/* ---- addin/fn_netimpact.c (NETIMPACT only; its whole-table path, unchanged, is the ------ */
/* ---- add-in's own sv_fn_net_impact) ------------------------------------------------------ */

/* Areas and kinds come one per row of the amounts. */
static socinv_status old_per_row_text(sv_call *c, size_t i, size_t rows, const sv_cell **cells)
{
    size_t n;
    SV_TRY(sv_cells(c, i, cells, &n));
    return n == rows ? SOCINV_OK : SOCINV_E_SHAPE;
}

/* NETIMPACT(amounts; [areas]; [kinds]; [basis]; [year]; [part]) */
static socinv_status old_fn_net_impact(sv_call *c)
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
    SV_TRY(old_basis_parse(basis_text, basis_len, &basis));
    SV_TRY(sv_keyword_arg(c, SV_ROW_NETIMPACT, SV_NETIMPACT_PART, &p));
    if (!sv_present(c, SV_NETIMPACT_KINDS)) {
        /* no kinds: the range is a whole table, read by its labels */
        if (sv_present(c, SV_NETIMPACT_AREAS))
            return SOCINV_E_SHAPE;
        SV_TRY(sv_int(c, SV_NETIMPACT_YEAR, 0, 0, SOCINV_CASE_MAX_YEARS, &year));
        return sv_fn_net_impact(c); /* this path is unchanged: the add-in's own */
    }
    SV_TRY(sv_matrix(c, SV_NETIMPACT_AMOUNTS, &amounts, &rows, &cols));
    SV_TRY(old_per_row_text(c, SV_NETIMPACT_KINDS, rows, &kind_cells));
    if (sv_present(c, SV_NETIMPACT_AREAS))
        SV_TRY(old_per_row_text(c, SV_NETIMPACT_AREAS, rows, &area_cells));
    SV_TRY(sv_int(c, SV_NETIMPACT_YEAR, 0, 0, (long)cols, &year));

    socinv_area *areas = area_cells ? sv_alloc(c, rows * sizeof *areas) : NULL;
    socinv_row_kind *kinds = sv_alloc(c, rows * sizeof *kinds);
    double *out = sv_alloc(c, 3 * cols * sizeof *out);
    if (!kinds || !out || (area_cells && !areas))
        return SOCINV_E_NOMEM;
    for (size_t r = 0; r < rows; r++) {
        const sv_cell *k = &kind_cells[r];
        if (k->kind == SV_NUMBER)
            return SOCINV_E_TYPE;
        SV_TRY(old_row_kind_parse(k->text, k->kind == SV_TEXT ? k->len : 0, &kinds[r]));
        if (areas) {
            const sv_cell *a = &area_cells[r];
            if (a->kind == SV_NUMBER)
                return SOCINV_E_TYPE;
            SV_TRY(old_area_parse(a->text, a->kind == SV_TEXT ? a->len : 0, &areas[r]));
        }
    }
    double *perm = out, *impl = out + cols, *net = out + 2 * cols;
    SV_TRY(old_net_impact_sums(amounts, rows, cols, areas, kinds, basis, perm, impl, net));
    const double *pick = p == SV_PART_PERMANENT ? perm : p == SV_PART_IMPLEMENTATION ? impl : net;
    if (year ? !isfinite(pick[year - 1]) : !old_all_finite(pick, cols))
        return SOCINV_E_OVERFLOW;
    return sv_set_vector_or_pick(c, pick, cols, 0, year);
}

