/* NETIMPACT: areas as the seeds spell them, row kinds, bases, and the net
 * impact of seed tables on the total and the service basis. */
#include <float.h>

#include "test_util.h"

#define P SOCINV_ROW_PERMANENT
#define I SOCINV_ROW_IMPLEMENTATION
#define X SOCINV_ROW_IGNORE
#define SV SOCINV_AREA_SERVICE
#define AN SOCINV_AREA_ANLAEG
#define OV SOCINV_AREA_OVERFOERSLER
#define EF SOCINV_AREA_EFTERSPOERGSEL

static socinv_area area(const char *s)
{
    socinv_area a = (socinv_area)99;
    assert_ok(socinv_area_parse(s, strlen(s), &a));
    return a;
}

static socinv_row_kind kind(const char *s)
{
    socinv_row_kind k = (socinv_row_kind)99;
    assert_ok(socinv_row_kind_parse(s, strlen(s), &k));
    return k;
}

/* ---- reading areas, kinds and bases ---------------------------------------------------- */

/* A text and what it reads as (a socinv_area or a socinv_row_kind). */
typedef struct {
    const char *text;
    int expected;
} spelling;

/** Areas as printed in 001/003, PDF line breaks and qualifiers included, and in English. */
static const spelling area_spellings[] = {
    {"Service", SV},
    {"Service, koncern it", SV}, /* 003 innovation proposal */
    {"Service, SOF", SV},
    {"SERVICE", SV},
    {"Anl\xc3\xa6g", AN},
    {"ANL\xc3\x86G", AN},
    {"Anlaeg", AN},
    {"Capital", AN},
    {"Overf\xc3\xb8rsler", OV},
    {"Transfer payments", OV},
    {"Eftersp\xc3\xb8rgselsst yret indsats", EF}, /* 001, as the PDF broke it */
    {"Eftersp\xc3\xb8rgselsstyret", EF},
    {"Demand-driven", EF},
    {"", SOCINV_AREA_NONE},
    {"  ", SOCINV_AREA_NONE},
};

/** Row kinds: V/varig/permanent, I/implementering/investering, blank = ignore. */
static const spelling kind_spellings[] = {
    {"V", P},
    {"v", P},
    {"Varige \xc3\xa6ndringer", P},
    {"permanent", P},
    {"I", I},
    {"Implementeringsomkostninger", I},
    {"investering", I},
    {"", X},
};

/* Each text read by `parse` (area() or kind()) as the row expects; a failure names the text. */
static void check_spellings(const spelling *rows, size_t n, int (*parse)(const char *))
{
    for (size_t i = 0; i < n; i++) {
        int got = parse(rows[i].text);
        if (got != rows[i].expected)
            print_error("\"%s\" read as %d, expected %d\n", rows[i].text, got, rows[i].expected);
        assert_int_equal(got, rows[i].expected);
    }
}

static int area_of(const char *s)
{
    return (int)area(s);
}

static int kind_of(const char *s)
{
    return (int)kind(s);
}

static void test_area_spellings(void **state)
{
    (void)state;
    check_spellings(area_spellings, N_OF(area_spellings), area_of);
    assert_string_equal(socinv_area_name(AN), "Anl\xc3\xa6g");
    assert_string_equal(socinv_area_name(SOCINV_AREA_NONE), "");
}

/** Unknown areas are an error, not a silent "none". */
static void test_area_unknown(void **state)
{
    (void)state;
    socinv_area a = SV;
    assert_status(socinv_area_parse("Skat", 4, &a), SOCINV_E_AREA);
    assert_status(socinv_area_parse("Servic", 6, &a), SOCINV_E_AREA);
    assert_int_equal(a, SV);
    assert_status(socinv_area_parse("x", 1, NULL), SOCINV_E_NULL);
    assert_status(socinv_area_parse(NULL, 3, &a), SOCINV_E_NULL);
}

/** Areas told before folding. A qualifier's spellings "service" and "anlæg" are read as
 * they are (and fold to themselves: the same areas). A first byte no area's word starts
 * with ('1', 'P', 'x': the words start with s, a, c, o, t, e, d) is no area, *area left
 * as it was; a first byte that is dropped (' ') or not ASCII ('Æ') is folded as before
 * (" service" is Service, "Ærø" no area); a first ',' or '(' cuts the text to nothing:
 * no area, OK. */
static void test_area_before_fold(void **state)
{
    (void)state;
    assert_int_equal(area("service"), SV);
    assert_int_equal(area("anl\xc3\xa6g"), AN);
    assert_int_equal(area(" service"), SV);
    assert_int_equal(area("(BUF)"), SOCINV_AREA_NONE);
    assert_int_equal(area(", service"), SOCINV_AREA_NONE);
    socinv_area a = OV;
    assert_status(socinv_area_parse("1.000 kr.", 9, &a), SOCINV_E_AREA);
    assert_status(socinv_area_parse("Projektledelse", 14, &a), SOCINV_E_AREA);
    assert_status(socinv_area_parse("xservice", 8, &a), SOCINV_E_AREA);
    assert_status(socinv_area_parse("\xc3\x86r\xc3\xb8", 5, &a), SOCINV_E_AREA);
    assert_int_equal(a, OV);
}

/** Row kinds as kind_spellings lists them; any other (X) is an error. */
static void test_kinds(void **state)
{
    (void)state;
    check_spellings(kind_spellings, N_OF(kind_spellings), kind_of);
    socinv_row_kind k;
    assert_status(socinv_row_kind_parse("X", 1, &k), SOCINV_E_OPTION);
    assert_status(socinv_row_kind_parse("V", 1, NULL), SOCINV_E_NULL);
}

/** Bases by name and as lists of areas. */
static void test_basis(void **state)
{
    (void)state;
    socinv_basis b;
    assert_ok(socinv_basis_parse("Total\xc3\xb8konomi", 12, &b));
    assert_int_equal(b.permanent_areas, SOCINV_AREAS_ALL);
    assert_ok(socinv_basis_parse("", 0, &b));
    assert_int_equal(b.permanent_areas, SOCINV_AREAS_ALL);
    assert_ok(socinv_basis_parse("Serviceeffektivisering", 22, &b));
    assert_int_equal(b.permanent_areas, SV);
    assert_int_equal(b.implementation_areas, SOCINV_AREAS_ALL);
    assert_ok(socinv_basis_parse("s", 1, &b));
    assert_int_equal(b.permanent_areas, SV);
    assert_ok(socinv_basis_parse("Service;Anl\xc3\xa6g", 14, &b));
    assert_int_equal(b.permanent_areas, SV | AN);
    assert_ok(socinv_basis_parse("Service+Overf\xc3\xb8rsler", 21, &b));
    assert_int_equal(b.permanent_areas, SV | OV);
    assert_status(socinv_basis_parse("Skat", 4, &b), SOCINV_E_OPTION);
    assert_status(socinv_basis_parse(";", 1, &b), SOCINV_E_OPTION);
    assert_status(socinv_basis_parse("total", 5, NULL), SOCINV_E_NULL);
}

/** The spellings read without folding, and their neighbours that are folded: each
 * gives what the folded reading gives. Areas: the four names as the tables print
 * them (exact) against "SERVICE", "anl\xc3\xa6g" and "Service, SOF" (folded, the
 * same areas) and "Servicx" (Service's length, one byte off: unknown, area untouched). */
static void test_exact_spellings(void **state)
{
    (void)state;
    static const spelling areas[] = {
        {"Service", SV}, {"Anl\xc3\xa6g", AN}, {"Overf\xc3\xb8rsler", OV}, {"Eftersp\xc3\xb8rgselsstyret", EF},
        {"SERVICE", SV}, {"anl\xc3\xa6g", AN}, {"Service, SOF", SV},
    };
    check_spellings(areas, N_OF(areas), area_of);
    socinv_area a = AN;
    assert_status(socinv_area_parse("Servicx", 7, &a), SOCINV_E_AREA);
    assert_int_equal(a, AN);
    /* kinds: "V" and "I" exact, "v" and "VV" folded (the second unknown, kind untouched) */
    static const spelling kinds[] = {{"V", P}, {"I", I}, {"v", P}};
    check_spellings(kinds, N_OF(kinds), kind_of);
    socinv_row_kind k = X;
    assert_status(socinv_row_kind_parse("VV", 2, &k), SOCINV_E_OPTION);
    assert_int_equal(k, X);
    /* bases: "service", "Service", "total", "Total" and "" exact; "SERVICE" and "tota" folded
     * ("tota" is no word: a list of areas, and no area, so SOCINV_E_OPTION) */
    socinv_basis b;
    const char *service[] = {"service", "Service", "SERVICE"}, *total[] = {"total", "Total", ""};
    for (int i = 0; i < 3; i++) {
        assert_ok(socinv_basis_parse(service[i], strlen(service[i]), &b));
        assert_int_equal(b.permanent_areas, SV);
        assert_int_equal(b.implementation_areas, SOCINV_AREAS_ALL);
        assert_ok(socinv_basis_parse(total[i], strlen(total[i]), &b));
        assert_int_equal(b.permanent_areas, SOCINV_AREAS_ALL);
        assert_int_equal(b.implementation_areas, SOCINV_AREAS_ALL);
    }
    assert_status(socinv_basis_parse("tota", 4, &b), SOCINV_E_OPTION);
}

/** socinv_rows_read: kinds and areas row by row. "V"/"Service" and "I"/"Anl\xc3\xa6g" are
 * read inline; "varig"/"Capital" by the parsers; an empty cell is no kind and no area. */
static void test_rows_read(void **state)
{
    (void)state;
    const socinv_cell kc[] = {{SOCINV_CELL_TEXT, 0, "V", 1}, {SOCINV_CELL_TEXT, 0, "I", 1},
                              {SOCINV_CELL_TEXT, 0, "varig", 5}, {SOCINV_CELL_EMPTY, 0, NULL, 0}};
    const socinv_cell ac[] = {{SOCINV_CELL_TEXT, 0, "Service", 7}, {SOCINV_CELL_TEXT, 0, "Anl\xc3\xa6g", 6},
                              {SOCINV_CELL_TEXT, 0, "Capital", 7}, {SOCINV_CELL_EMPTY, 0, NULL, 0}};
    socinv_row_kind k[4];
    socinv_area a[4];
    assert_ok(socinv_rows_read(kc, ac, 4, k, a));
    const socinv_row_kind ek[] = {P, I, P, X};
    const socinv_area ea[] = {SV, AN, AN, SOCINV_AREA_NONE};
    for (int r = 0; r < 4; r++) {
        assert_int_equal(k[r], ek[r]);
        assert_int_equal(a[r], ea[r]);
    }
    /* without areas only the kinds */
    assert_ok(socinv_rows_read(kc, NULL, 4, k, NULL));
    assert_int_equal(k[2], P);
    /* the first failing cell decides, the kind before the area of its row: row 0's area
     * "Skat" before row 1's kind "X"; a number is SOCINV_E_TYPE; a NULL text SOCINV_E_NULL */
    const socinv_cell bad_k[] = {{SOCINV_CELL_TEXT, 0, "V", 1}, {SOCINV_CELL_TEXT, 0, "X", 1}};
    const socinv_cell bad_a[] = {{SOCINV_CELL_TEXT, 0, "Skat", 4}, {SOCINV_CELL_TEXT, 0, "Service", 7}};
    assert_status(socinv_rows_read(bad_k, bad_a, 2, k, a), SOCINV_E_AREA);
    assert_status(socinv_rows_read(bad_k, ac, 2, k, a), SOCINV_E_OPTION);
    const socinv_cell num[] = {{SOCINV_CELL_NUMBER, 1, NULL, 0}}, null_text[] = {{SOCINV_CELL_TEXT, 0, NULL, 1}};
    assert_status(socinv_rows_read(num, NULL, 1, k, NULL), SOCINV_E_TYPE);
    assert_status(socinv_rows_read(kc, num, 1, k, a), SOCINV_E_TYPE);
    assert_status(socinv_rows_read(null_text, NULL, 1, k, NULL), SOCINV_E_NULL);
    assert_status(socinv_rows_read(kc, null_text, 1, k, a), SOCINV_E_NULL);
    assert_status(socinv_rows_read(NULL, NULL, 1, k, NULL), SOCINV_E_NULL);
    assert_status(socinv_rows_read(kc, ac, 1, k, NULL), SOCINV_E_NULL);
}

/* ---- seed tables ---------------------------------------------------------------------------- */

/* 001, 'Forslagets samlede økonomiske konsekvenser' 2018-2021, blanks as 0; the two
 * subtotal rows are in the table too and must be skipped (kind X). */
static const double t001[] = {
    0, -1002, -1127, 0,     /* Besparelse sfa. integrerede ydelser - SOF, Service */
    0, 0, 0, 0,             /* Besparelse ... BIF, Efterspørgselsst yret indsats */
    0, -215, -504, -504,    /* Beskæftigelseeffekt, Overførsler ("-" = 0) */
    0, -1217, -1631, -504,  /* Samlet varig ændring (subtotal) */
    983, 0, 0, 0,           /* Opstart af makkerpar, Service */
    150, 0, 0, 0,           /* Opstart af Tværgående team, Service */
    378, 87, 80, 0,         /* Opstart/ uddannelse (SOF), Service */
    1511, 87, 80, 0,        /* Samlede implementeringsomkostninger (subtotal) */
};
static const socinv_area a001[] = {SV, EF, OV, SOCINV_AREA_NONE, SV, SV, SV, SOCINV_AREA_NONE};
static const socinv_row_kind k001[] = {P, P, P, X, I, I, I, X};

/** 001 total basis: permanent -1217..., implementation 1511, 87, 80, 0, net = the printed
 * 'Samlet økonomisk påvirkning' 1511, -1130, -1551, -504. */
static void test_seed001_total(void **state)
{
    (void)state;
    double perm[4], impl[4], net[4];
    assert_ok(socinv_net_impact(t001, 8, 4, a001, k001, socinv_basis_total(), perm, impl, net));
    const double eperm[] = {0, -1217, -1631, -504}, eimpl[] = {1511, 87, 80, 0},
                 enet[] = {1511, -1130, -1551, -504};
    for (int c = 0; c < 4; c++) {
        assert_close(perm[c], eperm[c], 0);
        assert_close(impl[c], eimpl[c], 0);
        assert_close(net[c], enet[c], 0);
    }
}

/** 001 service basis: only the Service permanent row counts (not Overførsler, not
 * Efterspørgselsstyret): 1511, -1002+87 = -915, -1127+80 = -1047, 0; cumulative 1511, 596,
 * -451 -> payback 3 = printed 'baseret på serviceeffektivisering'. */
static void test_seed001_service(void **state)
{
    (void)state;
    double net[4], y;
    assert_ok(socinv_net_impact(t001, 8, 4, a001, k001, socinv_basis_service(), NULL, NULL, net));
    const double enet[] = {1511, -915, -1047, 0};
    assert_all_close(net, enet, 4, 0);
    assert_ok(socinv_payback(net, 4, NULL, &y));
    assert_close(y, 3, 0);
}

/** 003 HA06: an Anlæg permanent row (IT drift 50 from 2027) is left out on the service
 * basis: permanent service -1200, -1500, -1800 (printed total -1750); net 1400, 1750, 600,
 * -900, -1500, -1800; cumulative 1400, 3150, 3750, 2850, 1350, -450 -> 6 (printed 6). */
static void test_seed003_ha06_service(void **state)
{
    (void)state;
    static const double t[] = {
        0, -100, -150, -200, -200, -200,       /* hjemmepleje, Service */
        0, -500, -750, -1000, -1000, -1000,    /* dagbehandling, Service */
        0, -500, -500, -500, -500, -500,       /* hjælpemidler, Service */
        0, -100, -100, -100, -100, -100,       /* lægeerklæringer, Service */
        0, 0, 0, 50, 50, 50,                   /* Drift og vedligehold af IT, Anlæg */
        600, 1200, 1200, 600, 300, 0,          /* Faglige koordinatore */
        300, 600, 600, 300, 0, 0,              /* Økonomikonsulent */
        300, 600, 0, 0, 0, 0,                  /* Konsulent hjælpemiddelsager */
        200, 200, 0, 0, 0, 0,                  /* Udvikling af arbejdsgange */
        0, 200, 0, 0, 0, 0,                    /* Undervisning og materiale */
        0, 150, 150, 0, 0, 0,                  /* Udvikling/afsøgning indkøb */
        0, 0, 150, 0, 0, 0,                    /* Indkøb af digital løsning, Anlæg */
    };
    const socinv_area a[] = {SV, SV, SV, SV, AN, SV, SV, SV, SV, SV, SV, AN};
    const socinv_row_kind k[] = {P, P, P, P, P, I, I, I, I, I, I, I};
    double perm[6], net[6], total[6], y;
    assert_ok(socinv_net_impact(t, 12, 6, a, k, socinv_basis_service(), perm, NULL, net));
    const double eperm[] = {0, -1200, -1500, -1800, -1800, -1800}, enet[] = {1400, 1750, 600, -900, -1500, -1800};
    for (int c = 0; c < 6; c++) {
        assert_close(perm[c], eperm[c], 0);
        assert_close(net[c], enet[c], 0);
    }
    assert_ok(socinv_payback(net, 6, NULL, &y));
    assert_close(y, 6, 0);
    /* total basis = the printed row 1400, 1750, 600, -850, -1450, -1750 */
    assert_ok(socinv_net_impact(t, 12, 6, a, k, socinv_basis_total(), NULL, NULL, total));
    const double etotal[] = {1400, 1750, 600, -850, -1450, -1750};
    assert_all_close(total, etotal, 6, 0);
}

/** 004 Randers 'Digital først': -200 gain and a 50 pool (permanent), 200 investment
 * (implementation): 2024 net -200 + 50 + 200 = 50, then -425, -525, -725 as printed
 * ('Nettoeffekten (dvs. forventede gevinster fratrukket investering i indsatsen)'). */
static void test_seed004_randers(void **state)
{
    (void)state;
    const double t[] = {-200, -475, -575, -775, 200, 0, 0, 0, 50, 50, 50, 50};
    const socinv_row_kind k[] = {P, I, P};
    double net[4];
    assert_ok(socinv_net_impact(t, 3, 4, NULL, k, socinv_basis_total(), NULL, NULL, net));
    const double enet[] = {50, -425, -525, -725};
    assert_all_close(net, enet, 4, 0);
}

/** A list basis: Service and Overførsler permanent rows of 001: 1511, -1130, -1551, -504
 * minus the (zero) demand-driven row = the total here. */
static void test_list_basis(void **state)
{
    (void)state;
    socinv_basis b;
    double net[4];
    assert_ok(socinv_basis_parse("Service;Overf\xc3\xb8rsler", 20, &b));
    assert_ok(socinv_net_impact(t001, 8, 4, a001, k001, b, NULL, NULL, net));
    assert_close(net[1], -1130, 0);
    assert_close(net[3], -504, 0);
}

/** One year of 001 (see test_seed001_total and _service): 2019 on the total basis
 * permanent -1217, implementation 87, net -1130; on the service basis net -1002 + 87 =
 * -915; 2018 (year 0) 1511; the parts left out are not written. */
static void test_net_impact_year(void **state)
{
    (void)state;
    double p = 7, i = 7, n = 7;
    assert_ok(socinv_net_impact_year(t001, 8, 4, a001, k001, socinv_basis_total(), 1, &p, &i, &n));
    assert_close(p, -1217, 0);
    assert_close(i, 87, 0);
    assert_close(n, -1130, 0);
    n = 7;
    assert_ok(socinv_net_impact_year(t001, 8, 4, a001, k001, socinv_basis_service(), 1, NULL, NULL, &n));
    assert_close(n, -915, 0);
    p = 7;
    assert_ok(socinv_net_impact_year(t001, 8, 4, a001, k001, socinv_basis_service(), 0, &p, NULL, NULL));
    assert_close(p, 0, 0);
    i = 7;
    assert_ok(socinv_net_impact_year(t001, 8, 4, NULL, k001, socinv_basis_total(), 0, NULL, &i, NULL));
    assert_close(i, 1511, 0);
    /* year 4 of a 4-year table is past it; the table's errors come first */
    p = i = n = 7;
    assert_status(socinv_net_impact_year(t001, 8, 4, a001, k001, socinv_basis_total(), 4, &p, &i, &n),
                  SOCINV_E_DOMAIN);
    const double nan_t[] = {0, NAN, 0, 0};
    assert_status(socinv_net_impact_year(nan_t, 1, 4, NULL, k001, socinv_basis_total(), 9, &p, &i, &n),
                  SOCINV_E_NONFINITE);
    /* as socinv_net_impact: a row without an area on the service basis, and Σ|amount|
     * overflowing (2 x 1E308), which is reported first */
    const double huge[] = {1e308, 1e308};
    const socinv_row_kind pp[] = {P, P};
    assert_status(socinv_net_impact_year(huge, 2, 1, NULL, pp, socinv_basis_total(), 0, &p, &i, &n),
                  SOCINV_E_OVERFLOW);
    assert_status(socinv_net_impact_year(huge, 2, 1, NULL, pp, socinv_basis_service(), 0, &p, &i, &n),
                  SOCINV_E_OVERFLOW);
    assert_status(socinv_net_impact_year(t001, 8, 4, NULL, k001, socinv_basis_service(), 0, &p, &i, &n),
                  SOCINV_E_AREA);
    const socinv_row_kind bad_kind[] = {(socinv_row_kind)7};
    assert_status(socinv_net_impact_year(t001, 1, 4, NULL, bad_kind, socinv_basis_total(), 0, &p, &i, &n),
                  SOCINV_E_OPTION);
    assert_close(p, 7, 0); /* nothing written on error */
    assert_close(i, 7, 0);
    assert_close(n, 7, 0);
}

/** The overflow check sums |amount| in four lanes first; near DBL_MAX the table's own
 * order decides. A column of DBL_MAX and four quarters of its last place (2^969):
 * in order each quarter rounds away, DBL_MAX stays finite, so the table is fine and
 * its net (only the first row counts) is DBL_MAX; the lanes' total, DBL_MAX + 2^970,
 * ties and rounds up to infinity, so this takes the ordered path. One more row of
 * DBL_MAX overflows in any order. */
static void test_overflow_near_max(void **state)
{
    (void)state;
    const double q = ldexp(1.0, 969);
    const double col[] = {DBL_MAX, q, q, q, q, DBL_MAX};
    const socinv_row_kind k[] = {P, X, X, X, X, X};
    double net = 7;
    assert_ok(socinv_net_impact(col, 5, 1, NULL, k, socinv_basis_total(), NULL, NULL, &net));
    assert_true(net == DBL_MAX);
    net = 7;
    assert_ok(socinv_net_impact_year(col, 5, 1, NULL, k, socinv_basis_total(), 0, NULL, NULL, &net));
    assert_true(net == DBL_MAX);
    assert_status(socinv_net_impact(col, 6, 1, NULL, k, socinv_basis_total(), NULL, NULL, &net), SOCINV_E_OVERFLOW);
}

/** A total just above DBL_MAX is #NUM! (E_OVERFLOW), never a number or infinity:
 * the same column with all five rows counted. Σ|amount| in order stays DBL_MAX
 * (each quarter of the last place rounds away), but the compensated sum keeps them:
 * DBL_MAX + 4 x 2^969 = DBL_MAX + 2^971, one last place more than DBL_MAX, which is
 * not representable (it gave SOCINV_OK with +infinity before). Both forms, and the
 * part that holds the rows (permanent) as well as the net. */
static void test_overflow_in_the_sum(void **state)
{
    (void)state;
    const double q = ldexp(1.0, 969);
    const double col[] = {DBL_MAX, q, q, q, q};
    const socinv_row_kind k[] = {P, P, P, P, P};
    double net = 7, perm = 7;
    assert_status(socinv_net_impact(col, 5, 1, NULL, k, socinv_basis_total(), &perm, NULL, &net), SOCINV_E_OVERFLOW);
    assert_status(socinv_net_impact(col, 5, 1, NULL, k, socinv_basis_total(), &perm, NULL, NULL), SOCINV_E_OVERFLOW);
    net = perm = 7;
    assert_status(socinv_net_impact_year(col, 5, 1, NULL, k, socinv_basis_total(), 0, &perm, NULL, &net),
                  SOCINV_E_OVERFLOW);
    assert_true(net == 7 && perm == 7); /* the one-year form writes nothing on an error */
}

/** Columns are summed 32 at a time: a 2 x 40 table, a permanent row 1, 2, ..., 40 and
 * an implementation row of 100s, gives net 101 in year 1, 132 in year 32 (the first
 * block's last), 133 and 140 in years 33 and 40 (the second block); permanent alone 35
 * in year 35; the implementation part left out (not summed) changes nothing. */
static void test_net_impact_blocks(void **state)
{
    (void)state;
    double t[80], net[40], perm[40];
    for (int c = 0; c < 40; c++) {
        t[c] = c + 1;
        t[40 + c] = 100;
    }
    const socinv_row_kind k[] = {P, I};
    assert_ok(socinv_net_impact(t, 2, 40, NULL, k, socinv_basis_total(), NULL, NULL, net));
    assert_close(net[0], 101, 0);
    assert_close(net[31], 132, 0);
    assert_close(net[32], 133, 0);
    assert_close(net[39], 140, 0);
    assert_ok(socinv_net_impact(t, 2, 40, NULL, k, socinv_basis_total(), perm, NULL, NULL));
    assert_close(perm[34], 35, 0);
}

/** An output over the amounts (net = amounts + 1 of a 2 x 3 table, two permanent rows
 * 1, 2, 3 and 10, 20, 30) is written a column at a time, each column read after the
 * one before was written: year 1 is 1 + 10 = 11, written over the 2; year 2 reads it,
 * 11 + 20 = 31, written over the 3; year 3 31 + 30 = 61, written over the 10. */
static void test_net_impact_over_amounts(void **state)
{
    (void)state;
    double t[] = {1, 2, 3, 10, 20, 30};
    const socinv_row_kind k[] = {P, P};
    assert_ok(socinv_net_impact(t, 2, 3, NULL, k, socinv_basis_total(), NULL, NULL, t + 1));
    const double expected[] = {1, 11, 31, 61, 20, 30};
    assert_all_close(t, expected, 6, 0);
}

/* ---- invalid input -------------------------------------------------------------------------- */

/** Each bad input has its own status and nothing is written. */
static void test_invalid(void **state)
{
    (void)state;
    double net[4] = {7, 7, 7, 7};
    const double nan_t[] = {0, NAN, 0, 0};
    const double huge[] = {1e308, 1e308, 0, 0};
    const socinv_row_kind k1[] = {P}, k2[] = {P, P}, bad_kind[] = {(socinv_row_kind)7};
    const socinv_area none[] = {SOCINV_AREA_NONE}, bad_area[] = {(socinv_area)16};
    socinv_basis total = socinv_basis_total(), service = socinv_basis_service();
    assert_status(socinv_net_impact(NULL, 1, 4, NULL, k1, total, NULL, NULL, net), SOCINV_E_NULL);
    assert_status(socinv_net_impact(t001, 1, 4, NULL, NULL, total, NULL, NULL, net), SOCINV_E_NULL);
    assert_status(socinv_net_impact(t001, 0, 4, NULL, k1, total, NULL, NULL, net), SOCINV_E_LENGTH);
    assert_status(socinv_net_impact(t001, 1, 0, NULL, k1, total, NULL, NULL, net), SOCINV_E_LENGTH);
    assert_status(socinv_net_impact(t001, (size_t)-1, 4, NULL, k1, total, NULL, NULL, net), SOCINV_E_LENGTH);
    assert_status(socinv_net_impact(t001, 1, (size_t)-1, NULL, k1, total, NULL, NULL, net), SOCINV_E_LENGTH);
    assert_status(socinv_net_impact(nan_t, 1, 4, NULL, k1, total, NULL, NULL, net), SOCINV_E_NONFINITE);
    assert_status(socinv_net_impact(t001, 1, 4, NULL, bad_kind, total, NULL, NULL, net), SOCINV_E_OPTION);
    assert_status(socinv_net_impact(t001, 1, 4, bad_area, k1, total, NULL, NULL, net), SOCINV_E_AREA);
    /* the service basis needs the area of every permanent row */
    assert_status(socinv_net_impact(t001, 1, 4, none, k1, service, NULL, NULL, net), SOCINV_E_AREA);
    assert_status(socinv_net_impact(t001, 1, 4, NULL, k1, service, NULL, NULL, net), SOCINV_E_AREA);
    socinv_basis wild = {0x30, SOCINV_AREAS_ALL};
    assert_status(socinv_net_impact(t001, 1, 4, NULL, k1, wild, NULL, NULL, net), SOCINV_E_OPTION);
    assert_status(socinv_net_impact(huge, 2, 2, NULL, k2, total, NULL, NULL, net), SOCINV_E_OVERFLOW);
    for (int c = 0; c < 4; c++)
        assert_close(net[c], 7, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_area_spellings),
        cmocka_unit_test(test_area_unknown),
        cmocka_unit_test(test_area_before_fold),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_basis),
        cmocka_unit_test(test_exact_spellings),
        cmocka_unit_test(test_rows_read),
        cmocka_unit_test(test_seed001_total),
        cmocka_unit_test(test_seed001_service),
        cmocka_unit_test(test_seed003_ha06_service),
        cmocka_unit_test(test_seed004_randers),
        cmocka_unit_test(test_list_basis),
        cmocka_unit_test(test_net_impact_year),
        cmocka_unit_test(test_overflow_near_max),
        cmocka_unit_test(test_overflow_in_the_sum),
        cmocka_unit_test(test_net_impact_blocks),
        cmocka_unit_test(test_net_impact_over_amounts),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests_name("netimpact", tests, NULL, NULL);
}
