/* The net-impact rules and NETIMPACT's glue against their code before the per-cell
 * work (old_netimpact.h): random inputs, edges included (zeros, negatives, values
 * near DBL_MAX, NaN and infinities, empty and numeric cells, NUL bytes, misspelt
 * and unknown words, bad options and shapes), and every answer and status must be
 * the same bit for bit. SOCINV_DIFF_CASES sets the number of cases of each kind
 * (default 20000, a second or so; the figures quoted for the change used millions). */
#include "glue_test.h"

#include <float.h>

#include "old_netimpact.h"

/* ---- random inputs -------------------------------------------------------------------- */

#define DIFF_SEED 0x243F6A8885A308D3u
#include "diff_util.h"

/* Words the parsers know, near misses, and the edges of folding. */
static const char *const words[] = {
    "Service", "Anl\xc3\xa6g", "Overf\xc3\xb8rsler", "Eftersp\xc3\xb8rgselsstyret", "service", "SERVICE",
    "Servic", "Services", "Service ", " Service", "Service, koncern it", "Service (BUF)", "Anlaeg",
    "ANL\xc3\x86G", "Anl\xc3\xa6", "Anl\xc3\xa6gx", "Capital", "Overf\xc3\xb8rsel", "overfoersler", "Overforsler",
    "Transfer payments", "Eftersp\xc3\xb8rgselsst yret indsats", "Efterspoergselsstyret", "Demand-driven",
    "demandled", "Styrings- omr\xc3\xa5\x64\x65", "Skat", "", " ", "-", "\xc2\xad", "\xc3\x85", "V", "I", "v",
    "i", "P", "p", "X", "varig", "Varige \xc3\xa6ndringer", "permanent", "Perm", "impl", "Implementering",
    "investering", "engangs", "VV", "II", "V ", "total", "Total", "TOTAL", "t", "T", "s", "S", "totaløkonomi",
    "Total\xc3\xb8konomi", "all", "alle", "Alle", "serviceeffektivisering", "Serviceeffektivisering", "service;",
    "Service;Anl\xc3\xa6g", "service+overf\xc3\xb8rsler", "Service;Skat", ";", "+", ";;", "Servicee", "tota",
    "sservice", "s ervice", "to tal", "SERVICE ; ANL\xc3\x86G", "Overf\xc3\xb8rsler+Eftersp\xc3\xb8rgselsstyret",
};
#define NWORDS (sizeof words / sizeof words[0])

/* Text for a parser: a word, a word with a byte changed or cut, a NUL inside, or
 * random bytes; *len its length. buf holds the text when it is made here. */
static const char *random_text(char *buf, size_t cap, size_t *len)
{
    const char *w = words[below(NWORDS)];
    size_t n = strlen(w);
    switch (below(8)) {
    case 0: /* random bytes, letters and the folding's special bytes among them */
        n = below(cap < 40 ? cap : 40);
        for (size_t i = 0; i < n; i++) {
            static const char pool[] = "VIvitsTSaAeE ;+-,(\xc3\xa6\xb8\x86\x98\xc2\xad\xe2\x80\x90\x00";
            buf[i] = below(3) ? pool[below(sizeof pool - 1)] : (char)next();
        }
        *len = n;
        return buf;
    case 1: /* one byte changed */
        if (n == 0 || n > cap)
            break;
        memcpy(buf, w, n);
        buf[below(n)] = (char)next();
        *len = n;
        return buf;
    case 2: /* cut short, or the NUL after it included */
        *len = below(n + 2);
        return w;
    case 3: /* a NUL and more after the word */
        if (n + 3 > cap)
            break;
        memcpy(buf, w, n);
        memcpy(buf + n, "\0ab", 3);
        *len = n + below(4);
        return buf;
    default:
        break;
    }
    *len = n;
    return w;
}

/* An amount: ordinary sums of kroner mostly, and the edges. */
static double random_amount(void)
{
    switch (below(24)) {
    case 0: return 0.0;
    case 1: return -0.0;
    case 2: return DBL_MAX;
    case 3: return -DBL_MAX;
    case 4: return 1e308 * (below(2) ? 1 : -1);
    case 5: return 9e307 * (below(2) ? 1 : -1);
    case 6: return ldexp(1.0, 969) * (double)below(3); /* a quarter of DBL_MAX's last place */
    case 7: return DBL_MIN / (double)(1 + below(4));  /* subnormal */
    case 8: return below(50) ? 0.1 * (double)(int)below(1000) : NAN;
    case 9: return below(20) ? 1e-300 : INFINITY * (below(2) ? 1 : -1);
    case 10: return (double)(int64_t)next() / 1024.0;
    case 11: return (double)(int)below(2001) - 1000.0 + 0.5;
    default: return (double)(int)below(20001) - 10000.0;
    }
}

/* ---- the parsers ---------------------------------------------------------------------- */

/** Area, kind and basis of random text: the same status and output as before, an
 * output left as it was on error (the sentinel), every area name the same. */
static void test_parsers_same(void **state)
{
    (void)state;
    char buf[64];
    for (size_t n = cases() * 5; n > 0; n--) {
        size_t len;
        const char *t = random_text(buf, sizeof buf, &len);
        socinv_area a_old = (socinv_area)0x5A, a_new = (socinv_area)0x5A;
        assert_int_equal(socinv_area_parse(t, len, &a_new), old_area_parse(t, len, &a_old));
        assert_int_equal(a_new, a_old);
        socinv_row_kind k_old = (socinv_row_kind)0x5A, k_new = (socinv_row_kind)0x5A;
        assert_int_equal(socinv_row_kind_parse(t, len, &k_new), old_row_kind_parse(t, len, &k_old));
        assert_int_equal(k_new, k_old);
        socinv_basis b_old = {0x5A, 0xA5}, b_new = {0x5A, 0xA5};
        assert_int_equal(socinv_basis_parse(t, len, &b_new), old_basis_parse(t, len, &b_old));
        assert_int_equal(b_new.permanent_areas, b_old.permanent_areas);
        assert_int_equal(b_new.implementation_areas, b_old.implementation_areas);
    }
    for (int v = -2; v < 20; v++)
        assert_string_equal(socinv_area_name((socinv_area)v), old_area_name((socinv_area)v));
    /* NULL text: with a length an error, without one empty */
    socinv_area a_old = (socinv_area)0x5A, a_new = (socinv_area)0x5A;
    assert_int_equal(socinv_area_parse(NULL, 7, &a_new), old_area_parse(NULL, 7, &a_old));
    assert_int_equal(socinv_area_parse(NULL, 0, &a_new), old_area_parse(NULL, 0, &a_old));
    assert_int_equal(a_new, a_old);
    socinv_basis b_old = {0x5A, 0xA5}, b_new = {0x5A, 0xA5};
    assert_int_equal(socinv_basis_parse(NULL, 5, &b_new), old_basis_parse(NULL, 5, &b_old));
    assert_int_equal(socinv_basis_parse(NULL, 0, &b_new), old_basis_parse(NULL, 0, &b_old));
    assert_int_equal(b_new.permanent_areas, b_old.permanent_areas);
}

/* ---- the rule ----------------------------------------------------------------------------- */

#define MAXR 24
#define MAXC 8      /* the glue's tables: a few years */
#define MAXC_RULE 70 /* the rule's: now and then wider than a block of columns (32) */

typedef struct {
    double amounts[MAXR * MAXC_RULE];
    size_t rows, cols;
    socinv_area areas[MAXR];
    socinv_row_kind kinds[MAXR];
    int with_areas;
    socinv_basis basis;
} table;

static void random_table(table *t)
{
    t->rows = 1 + below(MAXR);
    t->cols = 1 + below(below(8) ? MAXC : MAXC_RULE);
    int edges = below(4) == 0; /* a quarter of the tables have edge amounts */
    for (size_t k = 0; k < t->rows * t->cols; k++)
        t->amounts[k] = edges ? random_amount() : (double)(int)below(20001) - 10000.0;
    static const socinv_area area_of[] = {SOCINV_AREA_NONE, SOCINV_AREA_SERVICE, SOCINV_AREA_ANLAEG,
                                          SOCINV_AREA_OVERFOERSLER, SOCINV_AREA_EFTERSPOERGSEL};
    for (size_t r = 0; r < t->rows; r++) {
        t->kinds[r] = below(40) ? (socinv_row_kind)below(3) : (socinv_row_kind)(3 + below(6));
        t->areas[r] = below(8) ? area_of[1 + below(4)]
                               : below(3) ? SOCINV_AREA_NONE : (socinv_area)(below(2) ? 16 + below(5) : below(16));
    }
    t->with_areas = below(6) != 0;
    static const socinv_basis bases[] = {{SOCINV_AREAS_ALL, SOCINV_AREAS_ALL}, {1, SOCINV_AREAS_ALL},
                                         {3, SOCINV_AREAS_ALL}, {5, SOCINV_AREAS_ALL}, {0, SOCINV_AREAS_ALL},
                                         {SOCINV_AREAS_ALL, 0}, {1, 2}, {0x10, SOCINV_AREAS_ALL},
                                         {SOCINV_AREAS_ALL, 0x20}};
    t->basis = bases[below(sizeof bases / sizeof bases[0])];
}

static void assert_same_bits(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0)
            fail_msg("value %u: %.17g, was %.17g", (unsigned)i, a[i], b[i]);
}

/** socinv_net_impact on random tables, any of its outputs left out: the same
 * status, and the same bits in every output (a sentinel where nothing is written).
 * Now and then the net row is written over the amounts themselves (net = amounts + a
 * few places): the sums then read what the columns before wrote, as they did. */
static void test_net_impact_same(void **state)
{
    (void)state;
    static table t, t2;
    for (size_t n = cases(); n > 0; n--) {
        random_table(&t);
        double o[3][MAXC_RULE], w[3][MAXC_RULE];
        for (size_t c = 0; c < MAXC_RULE; c++)
            for (int j = 0; j < 3; j++)
                o[j][c] = w[j][c] = -12345.0;
        int outs = (int)below(8);
        double *op = outs & 1 ? o[0] : NULL, *oi = outs & 2 ? o[1] : NULL, *on = outs & 4 ? o[2] : NULL;
        double *wp = outs & 1 ? w[0] : NULL, *wi = outs & 2 ? w[1] : NULL, *wn = outs & 4 ? w[2] : NULL;
        const socinv_area *areas = t.with_areas ? t.areas : NULL;
        size_t total = t.rows * t.cols;
        const double *amounts_new = t.amounts;
        int over = below(10) == 0 && total > t.cols;
        if (over) { /* net over the amounts, from some place on; the new code on a copy */
            size_t at = below(total - t.cols + 1);
            t2 = t;
            on = t.amounts + at;
            wn = t2.amounts + at;
            amounts_new = t2.amounts;
        }
        socinv_status s_old = old_net_impact(t.amounts, t.rows, t.cols, areas, t.kinds, t.basis, op, oi, on);
        socinv_status s_new = socinv_net_impact(amounts_new, t.rows, t.cols, areas, t.kinds, t.basis, wp, wi, wn);
        assert_int_equal(s_new, s_old);
        assert_same_bits(w[0], o[0], 3 * MAXC_RULE);
        if (over)
            assert_same_bits(t2.amounts, t.amounts, total);
    }
}

/** socinv_net_impact_year against the whole row before: for a year inside the
 * table, the status and the year's three values; past the table SOCINV_E_DOMAIN,
 * unless the table's own checks (dimensions, NULLs, amounts, basis) fail first. */
static void test_net_impact_year_same(void **state)
{
    (void)state;
    table t;
    for (size_t n = cases(); n > 0; n--) {
        random_table(&t);
        double o[3][MAXC_RULE];
        const socinv_area *areas = t.with_areas ? t.areas : NULL;
        socinv_status s_old =
            old_net_impact_sums(t.amounts, t.rows, t.cols, areas, t.kinds, t.basis, o[0], o[1], o[2]);
        size_t year = below(t.cols + 2);
        int outs = (int)below(8);
        for (int j = 0; j < 3 && s_old == SOCINV_OK && year < t.cols; j++)
            if ((outs >> j & 1) && !isfinite(o[j][year])) /* a value asked for that is not finite */
                s_old = SOCINV_E_OVERFLOW;
        double v[3] = {-12345.0, -12345.0, -12345.0};
        socinv_status s_new = socinv_net_impact_year(t.amounts, t.rows, t.cols, areas, t.kinds, t.basis, year,
                                                     outs & 1 ? &v[0] : NULL, outs & 2 ? &v[1] : NULL,
                                                     outs & 4 ? &v[2] : NULL);
        if (year >= t.cols) {
            int table_fails = s_old == SOCINV_E_NONFINITE ||
                              (s_old == SOCINV_E_OPTION && ((t.basis.permanent_areas | t.basis.implementation_areas) &
                                                            ~SOCINV_AREAS_ALL));
            assert_int_equal(s_new, table_fails ? s_old : SOCINV_E_DOMAIN);
            continue;
        }
        assert_int_equal(s_new, s_old);
        for (int j = 0; j < 3; j++) {
            double expected = s_old == SOCINV_OK && (outs >> j & 1) ? o[j][year] : -12345.0;
            assert_same_bits(&v[j], &expected, 1);
        }
    }
    /* the checks before the year's, as socinv_net_impact orders them */
    const socinv_row_kind k1[] = {SOCINV_ROW_PERMANENT};
    const double one[] = {1};
    socinv_basis total = socinv_basis_total();
    assert_int_equal(socinv_net_impact_year(one, 0, 1, NULL, k1, total, 0, NULL, NULL, NULL), SOCINV_E_LENGTH);
    assert_int_equal(socinv_net_impact_year(NULL, 1, 1, NULL, k1, total, 0, NULL, NULL, NULL), SOCINV_E_NULL);
    assert_int_equal(socinv_net_impact_year(one, 1, 1, NULL, NULL, total, 0, NULL, NULL, NULL), SOCINV_E_NULL);
}

/* ---- NETIMPACT's glue ------------------------------------------------------------------ */

/* The argument cells of one random call (the storage its sv_args point into). */
typedef struct {
    sv_cell amounts[MAXR * MAXC], areas[MAXR + 1], kinds[MAXR + 1], basis[2], year[2], part[2];
    char text[2 * MAXR + 1][64];
    sv_arg args[SV_NETIMPACT_NPARAMS];
} call_cells;

static sv_cell text_cell(char *buf, size_t cap)
{
    size_t len;
    const char *t = random_text(buf, cap, &len);
    return (sv_cell){SV_TEXT, 0.0, t, len};
}

/* A cell of the kinds or areas column: mostly the tables' words; in a clean
 * column only words (else nearly every call would stop at some odd cell). */
static sv_cell row_cell(char *buf, size_t cap, int is_kind, int clean)
{
    static const char *const kinds[] = {"V", "I", "", "v", "varig", "Implementering", "X"};
    static const char *const areas[] = {"Service", "Anl\xc3\xa6g", "Overf\xc3\xb8rsler",
                                        "Eftersp\xc3\xb8rgselsstyret", "", "service", "Anlaeg", "Skat"};
    switch (clean ? 4 : below(24)) {
    case 0: return (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    case 1: return below(4) ? (sv_cell){SV_NUMBER, 1.0, NULL, 0} : (sv_cell){SV_TEXT, 0.0, NULL, below(3)};
    case 2:
    case 3: return text_cell(buf, cap);
    default: {
        const char *w = is_kind ? kinds[below(below(4) ? 2 : 7)] : areas[below(below(4) ? 4 : 8)];
        return (sv_cell){SV_TEXT, 0.0, w, strlen(w)};
    }
    }
}

/* A scalar argument: left out, its natural form (a number, or a word when
 * `wordy`), the other form, empty, random text, or two cells. */
static void scalar_arg(sv_arg *a, sv_cell *cells, char *buf, size_t cap, double number, const char *word,
                       int wordy)
{
    size_t sel = below(24);
    if (sel < 8) {
        *a = (sv_arg){1, 0, 0, NULL};
        return;
    }
    sv_cell num = {SV_NUMBER, number, NULL, 0}, text = {SV_TEXT, 0.0, word, strlen(word)};
    cells[0] = sel < 18 ? (wordy ? text : num)
               : sel < 21 ? (wordy ? num : text)
               : sel < 22 ? (sv_cell){SV_EMPTY, 0.0, NULL, 0} : text_cell(buf, cap);
    cells[1] = cells[0];
    *a = (sv_arg){0, 1, sel == 23 ? 2 : 1, cells};
}

static void random_call(call_cells *k)
{
    size_t rows = 1 + below(MAXR), cols = 1 + below(MAXC);
    int edges = below(4) == 0;
    size_t text_at = below(12) == 0 ? below(rows * cols) : (size_t)-1; /* SOCINV_E_TYPE */
    for (size_t i = 0; i < rows * cols; i++) {
        k->amounts[i] = below(40) == 0 ? (sv_cell){SV_EMPTY, 0.0, NULL, 0}
                        : i == text_at ? (sv_cell){SV_TEXT, 0.0, "x", 1}
                        : (sv_cell){SV_NUMBER, edges ? random_amount() : (double)(int)below(20001) - 10000.0,
                                    NULL, 0};
    }
    /* a column one row short or long now and then: SOCINV_E_SHAPE */
    size_t krows = below(30) ? rows : rows + 1 - 2 * below(2), arows = below(30) ? rows : rows + 1;
    if (krows == 0)
        krows = 2;
    int clean = below(4) != 0;
    for (size_t r = 0; r < krows; r++)
        k->kinds[r] = row_cell(k->text[r], sizeof k->text[r], 1, clean);
    for (size_t r = 0; r < arows; r++)
        k->areas[r] = row_cell(k->text[MAXR + r % MAXR], sizeof k->text[0], 0, clean);
    char *spare = k->text[2 * MAXR];
    k->args[SV_NETIMPACT_AMOUNTS] = (sv_arg){0, rows, cols, k->amounts};
    k->args[SV_NETIMPACT_AREAS] = below(5) ? (sv_arg){0, arows, 1, k->areas} : (sv_arg){1, 0, 0, NULL};
    k->args[SV_NETIMPACT_KINDS] = below(40) ? (sv_arg){0, krows, 1, k->kinds} : (sv_arg){1, 0, 0, NULL};
    scalar_arg(&k->args[SV_NETIMPACT_BASIS], k->basis, spare, 64, 1.0, below(2) ? "service" : "total", 1);
    double years[] = {0, 1, 2, 3, (double)cols, (double)cols + 1, -1, 1.5, 1e300};
    scalar_arg(&k->args[SV_NETIMPACT_YEAR], k->year, spare, 64, years[below(sizeof years / sizeof years[0])],
               "3", 0);
    if (k->args[SV_NETIMPACT_YEAR].omitted && below(2)) /* most cells ask for a year */
        scalar_arg(&k->args[SV_NETIMPACT_YEAR], k->year, spare, 64, (double)(1 + below(cols)), "3", 0);
    static const char *const parts[] = {"net", "V", "I", "netto", "varig"};
    scalar_arg(&k->args[SV_NETIMPACT_PART], k->part, spare, 64, (double)below(4),
               parts[below(sizeof parts / sizeof parts[0])], (int)below(2));
}

/* The result as Calc would be given it, compared field by field (bits for numbers). */
static void assert_same_result(const sv_call *a, const sv_call *b)
{
    assert_int_equal(a->res.kind, b->res.kind);
    if (a->res.kind == SV_RES_MATRIX) {
        assert_int_equal(a->res.rows, b->res.rows);
        assert_int_equal(a->res.cols, b->res.cols);
        assert_same_bits(a->res.matrix, b->res.matrix, a->res.rows * a->res.cols);
        assert_true((a->res.cell_status == NULL) == (b->res.cell_status == NULL));
    } else {
        assert_same_bits(&a->res.num, &b->res.num, 1);
    }
    assert_string_equal(a->res.text, b->res.text);
}

/** NETIMPACT's glue on random calls, as the dispatcher makes them: the same status
 * and the same result as before. */
static void test_glue_same(void **state)
{
    (void)state;
    static call_cells k;
    const sv_function *f = sv_function_find("netImpact", 9);
    assert_non_null(f);
    size_t ok = 0, calls = cases() * 5;
    for (size_t n = calls; n > 0; n--) {
        random_call(&k);
        sv_call was, now;
        sv_call_init(&was, k.args, f->nparams);
        sv_call_init(&now, k.args, f->nparams);
        socinv_status s_old = old_fn_net_impact(&was);
        socinv_status s_new = f->glue(&now);
        assert_int_equal(s_new, s_old);
        if (s_old == SOCINV_OK) {
            assert_same_result(&now, &was);
            ok++;
        }
        sv_call_done(&was);
        sv_call_done(&now);
    }
    print_message("%lu of %lu calls gave a result\n", (unsigned long)ok, (unsigned long)calls);
    assert_true(ok > calls / 20); /* a good share of the calls give a result */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parsers_same),
        cmocka_unit_test(test_net_impact_same),
        cmocka_unit_test(test_net_impact_year_same),
        cmocka_unit_test(test_glue_same),
    };
    return cmocka_run_group_tests_name("netimpact_diff", tests, NULL, NULL);
}
