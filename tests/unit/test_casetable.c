/* Business-case tables: reading delimited text, recognising the Copenhagen
 * table in seeds 001 and 003 and in messy variants, and auditing them. */
#include <stdio.h>
#include <stdlib.h>

#include "test_util.h"
#include "casegrid.h"

#ifndef SOCINV_TEST_DATA
#error "SOCINV_TEST_DATA must name tests/data"
#endif

#define CAP 256
#define DBL(...) ((const double[]){__VA_ARGS__})

typedef struct {
    char *text;
    socinv_grid grid;
    socinv_case t;
    socinv_case_line lines[CAP];
    double values[CAP * 40];
    socinv_case_report rep;
    socinv_finding f[64];
} doc;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static doc *open_text(const char *text, size_t len)
{
    doc *d = calloc(1, sizeof *d);
    assert_non_null(d);
    assert_ok(socinv_grid_parse_text(text, len, 0, &d->grid));
    return d;
}

static doc *open_seed(const char *name)
{
    size_t len;
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/%s", SOCINV_TEST_DATA, name);
    char *text = slurp(path, &len);
    doc *d = open_text(text, len);
    d->text = text;
    return d;
}

static void close_doc(doc *d)
{
    socinv_grid_free(&d->grid);
    free(d->text);
    free(d);
}

/* Find the next table from `from` and audit it. */
static socinv_status next(doc *d, size_t from)
{
    socinv_status st = socinv_case_find(&d->grid, from, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values,
                                        N_OF(d->values));
    if (st == SOCINV_OK)
        assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f, N_OF(d->f)));
    return st;
}

/* A table's title as socinv_case_title gives it (the table found from row `from`). */
typedef struct {
    char id[16];
    const char *text;
    size_t len;
} case_title;

static case_title title_of(const doc *d, size_t from)
{
    case_title ct;
    assert_ok(socinv_case_title(&d->grid, from, &d->t, ct.id, sizeof ct.id, &ct.text, &ct.len));
    return ct;
}

/* The table's net impact on `basis`, year by year, as expected. */
static void assert_net(const doc *d, socinv_basis basis, const double *expected, size_t nyears)
{
    double net[SOCINV_CASE_MAX_YEARS];
    assert_true(nyears <= SOCINV_CASE_MAX_YEARS);
    assert_ok(socinv_case_net(&d->t, d->lines, d->values, basis, net));
    assert_all_close(net, expected, nyears, 0);
}

static void assert_same(double got, double want)
{
    if (isnan(want))
        assert_true(isnan(got));
    else
        assert_close(got, want, 0);
}

/* The report's paybacks, printed and by the rule, on the service and the total basis
 * (NaN: none). */
static void assert_paybacks(const doc *d, double printed_service, double printed_total, double rule_service,
                            double rule_total)
{
    assert_same(d->rep.payback_printed[SOCINV_BASIS_SERVICE], printed_service);
    assert_same(d->rep.payback_printed[SOCINV_BASIS_TOTAL], printed_total);
    assert_same(d->rep.payback_rule[SOCINV_BASIS_SERVICE], rule_service);
    assert_same(d->rep.payback_rule[SOCINV_BASIS_TOTAL], rule_total);
}

/* The first line with this role (and kind, unless IGNORE). */
static size_t line_of(const doc *d, socinv_line_role role, socinv_row_kind kind)
{
    for (size_t i = 0; i < d->t.nlines; i++)
        if (d->lines[i].role == role && (kind == SOCINV_ROW_IGNORE || d->lines[i].kind == kind))
            return i;
    return SOCINV_NONE;
}

static double val(const doc *d, size_t line, size_t year)
{
    return d->values[line * d->t.nyears + year];
}

/* ---- seed 001 ------------------------------------------------------------------------ */

/** 001: one table at line 22 (2018-2021), area column 'Styringsområde', consistent:
 * paybacks printed 3 and 3, the rule gives 3 and 3 (service: 1511, -915, -1047 -> 3). */
static void test_seed001(void **state)
{
    (void)state;
    doc *d = open_seed("001_24239eb3fbd11930.txt");
    assert_ok(next(d, 0));
    assert_int_equal(d->t.header_row, 21);
    assert_int_equal(d->t.first_year, 2018);
    assert_int_equal(d->t.nyears, 4);
    assert_int_equal(d->t.area_col, 1);
    assert_int_equal(d->rep.nfindings_total, 0);
    assert_paybacks(d, 3, 3, 3, 3);
    /* 'Efterspørgselsst yret indsats' is read as the demand-driven area */
    assert_int_equal(d->lines[2].area, SOCINV_AREA_EFTERSPOERGSEL);
    /* "-" is zero, a blank 2021 is blank */
    assert_close(val(d, 3, 0), 0, 0);
    assert_true(isnan(val(d, 1, 3)));
    assert_net(d, socinv_basis_service(), DBL(1511, -915, -1047, 0), 4);
    case_title ct = title_of(d, 0);
    assert_string_equal(ct.id, "");
    assert_true(ct.len == strlen("Pilotprojekt vedr. helhedsorienteret indsats for udsatte familier"));
    assert_memory_equal(ct.text, "Pilotprojekt vedr.", 18);
    /* the appendix tables further down (no area column, no net line) are not business-case tables */
    assert_status(next(d, d->t.end_row), SOCINV_E_NOTABLE);
    close_doc(d);
}

/* ---- seed 003: the bundle of 13 investment proposals and one innovation proposal ------- */

typedef struct {
    const char *id;
    size_t header_line; /* 1-based line of the year header */
    double printed_service, printed_total, rule_service, rule_total; /* NaN = none */
    size_t errors, warnings;
} expect003;

/* Worked out by hand from the tables (see test_payback.c for the cumulative sums):
 * every payback agrees with the rule but TV03's (printed 11, the rule gives 10);
 * TV04 prints a wrong net impact for 2026 and 2027; HA06's 'Samlet varig ændring,
 * service' also counts the Anlæg IT line (-1750 in 2027 where Service lines give
 * -1800): a warning, read as all lines; TV03 splits its total payback label over two
 * lines; TV04 has no 'Implementeringsomkostninger' heading. The innovation proposal
 * has no permanent effect and no payback. */
static const expect003 bundle[] = {
    {"HA02", 167, 4, 4, 4, 4, 0, 0},
    {"HA03", 308, 6, 6, 6, 6, 0, 0},
    {"HA04", 443, 5, 5, 5, 5, 0, 0},
    {"HA05", 619, 5, 5, 5, 5, 0, 0},
    {"HA06", 770, 6, 6, 6, 6, 0, 1},
    {"UD01", 936, 3, 3, 3, 3, 0, 0},
    {"HJ01", 1056, 2, 2, 2, 2, 0, 0},
    {"BU01", 1163, 4, 4, 4, 4, 0, 0},
    {"BU02", 1311, 6, 6, 6, 6, 0, 0},
    {"BU03", 1416, 6, 6, 6, 6, 0, 0},
    {"TV01", 1533, 2, 2, 2, 2, 0, 0},
    {"TV03", 1758, 11, 11, 10, 10, 2, 1},
    {"TV04", 2004, 9, 9, 9, 9, 2, 1},
    {"", 2137, NAN, NAN, NAN, NAN, 0, 0},
};

/** Every table of 003, in order, with its id, paybacks and the number of findings. */
static void test_seed003_bundle(void **state)
{
    (void)state;
    doc *d = open_seed("003_41e023f3ba919440.txt");
    size_t from = 0;
    for (size_t k = 0; k < N_OF(bundle); k++) {
        const expect003 *e = &bundle[k];
        assert_ok(next(d, from));
        case_title ct = title_of(d, from);
        print_message("%s: line %lu, %lu findings\n", ct.id, (unsigned long)(d->t.header_row + 1),
                      (unsigned long)d->rep.nfindings_total);
        assert_string_equal(ct.id, e->id);
        assert_true(ct.len > 10);
        assert_int_equal(d->t.header_row + 1, e->header_line);
        assert_int_equal(d->t.first_year, 2024);
        assert_int_equal(d->t.nyears, 6);
        assert_paybacks(d, e->printed_service, e->printed_total, e->rule_service, e->rule_total);
        assert_int_equal(d->rep.nerrors, e->errors);
        assert_int_equal(d->rep.nfindings_total - d->rep.nerrors, e->warnings);
        from = d->t.end_row;
    }
    assert_status(next(d, from), SOCINV_E_NOTABLE);
    close_doc(d);
}

/* The table of the proposal with this id. */
static doc *seed003_table(const char *want)
{
    doc *d = open_seed("003_41e023f3ba919440.txt");
    size_t from = 0;
    for (;;) {
        assert_ok(next(d, from));
        case_title ct = title_of(d, from);
        if (!strcmp(ct.id, want))
            return d;
        from = d->t.end_row;
    }
}

/** TV04: the net impact is wrong in 2026 (printed 4850, lines give -2450 + 6200 = 3750) and
 * 2027 (3950 vs -2800 + 4550 = 1750); the rule on the lines gives 9 = printed 9. */
static void test_seed003_tv04_findings(void **state)
{
    (void)state;
    doc *d = seed003_table("TV04");
    const socinv_finding *net[2] = {NULL, NULL};
    int n = 0;
    for (size_t i = 0; i < d->rep.nfindings; i++) {
        if (d->f[i].kind == SOCINV_FINDING_NET)
            net[n++] = &d->f[i];
        if (d->f[i].kind == SOCINV_FINDING_LAYOUT)
            assert_int_equal(d->f[i].note, SOCINV_NOTE_NO_IMPL_HEADING);
    }
    assert_int_equal(n, 2);
    assert_int_equal(net[0]->year, 2);
    assert_close(net[0]->printed, 4850, 0);
    assert_close(net[0]->computed, 3750, 0);
    assert_int_equal(net[1]->year, 3);
    assert_close(net[1]->printed, 3950, 0);
    assert_close(net[1]->computed, 1750, 0);
    assert_int_equal(d->lines[net[0]->line].role, SOCINV_LINE_NET);
    /* department subtotals (SOF + BUF) add up to the totals: no finding on them */
    size_t sof = line_of(d, SOCINV_LINE_SUBTOTAL, SOCINV_ROW_PERMANENT);
    assert_int_equal(d->lines[sof].qualifier, SOCINV_QUAL_OTHER);
    close_doc(d);
}

/** TV03: 'Tilbagebetalingstid baseret på' / 'Totaløkonomi | | 11' is one payback line;
 * both printed paybacks (11) differ from the rule (10). */
static void test_seed003_tv03_findings(void **state)
{
    (void)state;
    doc *d = seed003_table("TV03");
    int payback = 0, split = 0;
    for (size_t i = 0; i < d->rep.nfindings; i++) {
        const socinv_finding *f = &d->f[i];
        if (f->kind == SOCINV_FINDING_PAYBACK) {
            payback++;
            assert_int_equal(f->severity, SOCINV_SEVERITY_ERROR);
            assert_close(f->printed, 11, 0);
            assert_close(f->computed, 10, 0);
        }
        split += f->note == SOCINV_NOTE_SPLIT_PAYBACK;
    }
    assert_int_equal(payback, 2);
    assert_int_equal(split, 1);
    close_doc(d);
}

/** HA06: the area warning names 'Samlet varig ændring, service' in 2027, printed -1750,
 * Service lines -100-500-500-100... = -1800 (the Anlæg IT line adds 50). */
static void test_seed003_ha06_area(void **state)
{
    (void)state;
    doc *d = seed003_table("HA06");
    assert_int_equal(d->rep.nfindings_total, 1);
    const socinv_finding *f = &d->f[0];
    assert_int_equal(f->kind, SOCINV_FINDING_AREA);
    assert_int_equal(f->severity, SOCINV_SEVERITY_WARNING);
    assert_int_equal(f->note, SOCINV_NOTE_AREA_ALL_ROWS);
    assert_int_equal(f->year, 3);
    assert_close(f->printed, -1750, 0);
    assert_close(f->computed, -1800, 0);
    assert_int_equal(d->lines[f->line].qualifier, SOCINV_QUAL_AREA);
    assert_int_equal(d->lines[f->line].area, SOCINV_AREA_SERVICE);
    close_doc(d);
}

/** UD01: 'Samlet varig ændring, service' sums the four lines above it (-1400 in 2025),
 * 'Varige ændringer totalt, service inkl. rammerreduktion' all five (-1525): both agree. */
static void test_seed003_ud01_subtotals_above(void **state)
{
    (void)state;
    doc *d = seed003_table("UD01");
    assert_int_equal(d->rep.nfindings_total, 0);
    size_t first = line_of(d, SOCINV_LINE_SUBTOTAL, SOCINV_ROW_PERMANENT);
    assert_close(val(d, first, 1), -1400, 0);
    assert_close(val(d, first + 2, 1), -1525, 0);
    close_doc(d);
}

/* ---- messy variants, built as text ---------------------------------------------------------- */

static doc *audit_text(const char *text)
{
    doc *d = open_text(text, strlen(text));
    assert_ok(next(d, 0));
    return d;
}

static size_t count_note(const doc *d, socinv_note note)
{
    size_t n = 0;
    for (size_t i = 0; i < d->rep.nfindings; i++)
        n += d->f[i].note == note;
    return n;
}

/** A printed subtotal that does not add up is an error naming the line and year:
 * 1.000 + 2.500 = 3500, printed 3.600 in 2025. */
static void test_subtotal_error(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\n"
                        "Varige ændringer\n"
                        "A\tService\t-\t-1.000\n"
                        "B\tService\t-\t-2.500\n"
                        "Samlet varig ændring\t\t0\t-3.600\n"
                        "Implementeringsomkostninger\n"
                        "C\tService\t1.000\t\n"
                        "Samlede implementeringsomkostninger\t\t1.000\t\n"
                        "Samlet økonomisk påvirkning\t\t1.000\t-3.500\n"
                        "Tilbagebetalingstid baseret på serviceeffektivisering\t2 år\n"
                        "Tilbagebetalingstid baseret på totaløkonomi\t2\n");
    assert_int_equal(d->rep.nerrors, 1);
    assert_int_equal(d->f[0].kind, SOCINV_FINDING_SUBTOTAL);
    assert_int_equal(d->f[0].year, 1);
    assert_close(d->f[0].printed, -3600, 0);
    assert_close(d->f[0].computed, -3500, 0);
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 2, 0); /* 1000, -2500 */
    close_doc(d);
}

/** Qualified subtotals that do not add up to the total: service 700 + anlæg 200 = 900,
 * total printed 1.000, while the lines give 1000 (so the total itself is right). */
static void test_qualified_sum(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyrings- område\t2024\t2025\n"
                        "Implementeringsomkostninger\n"
                        "A\tService\t800\t\n"
                        "B\tAnlæg\t200\t\n"
                        "Samlede implementeringsomkostninger, service\t\t700\t\n"
                        "Samlede implementeringsomkostninger, anlæg\t\t200\t\n"
                        "Samlede implementeringsomkostninger\t\t1.000\t\n"
                        "Samlet økonomisk påvirkning\t\t1.000\t0\n");
    /* 'service' 700 against its line 800: a subtotal error; 700 + 200 = 900 against 1000: a sum error */
    assert_int_equal(d->rep.nerrors, 2);
    assert_int_equal(count_note(d, SOCINV_NOTE_QUALIFIED_SUM), 1);
    assert_int_equal(count_note(d, SOCINV_NOTE_MISMATCH), 1);
    close_doc(d);
}

/** Qualified subtotals and no unqualified total: they must add up to all lines of their
 * kind, 800 + 200 = 1000 (the sums of all lines the net check uses too). Service 700 +
 * anlæg 200 = 900: a sum error in 2024 on the first of them (line 3), printed 900,
 * computed 1000; 'service' 700 against its line 800 a subtotal error; the net 1.000
 * agrees with 0 + 1000. */
static void test_qualified_sum_no_total(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\n"
                        "Implementeringsomkostninger\n"
                        "A\tService\t800\t\n"
                        "B\tAnlæg\t200\t\n"
                        "Samlede implementeringsomkostninger, service\t\t700\t\n"
                        "Samlede implementeringsomkostninger, anlæg\t\t200\t\n"
                        "Samlet økonomisk påvirkning\t\t1.000\t\n");
    assert_int_equal(d->rep.nerrors, 2);
    assert_int_equal(count_note(d, SOCINV_NOTE_QUALIFIED_SUM), 1);
    assert_int_equal(count_note(d, SOCINV_NOTE_MISMATCH), 1);
    for (size_t i = 0; i < d->rep.nfindings; i++) {
        if (d->f[i].note != SOCINV_NOTE_QUALIFIED_SUM)
            continue;
        assert_int_equal(d->f[i].line, 3);
        assert_int_equal(d->f[i].year, 0);
        assert_close(d->f[i].printed, 900, 0);
        assert_close(d->f[i].computed, 1000, 0);
    }
    close_doc(d);
}

/** The paybacks by the rule on both bases. All permanent lines on Service: the same lines
 * count on both, the net is 800, -500, -500 (cumulative 800, 300, -200): year 3 on both,
 * summed once. An Anlæg line of -1.000 in 2025 counts only on the total basis: service
 * 800, -500, -500 gives 3, total 800, -1500, -500 (cumulative 800, -700) gives 2. */
static void test_paybacks_bases(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\t2026\n"
                        "Varige ændringer\n"
                        "A\tService\t\t-500\t-500\n"
                        "Samlet varig ændring\t\t\t-500\t-500\n"
                        "Implementeringsomkostninger\n"
                        "B\tService\t800\t\t\n"
                        "Samlede implementeringsomkostninger\t\t800\t\t\n"
                        "Samlet økonomisk påvirkning\t\t800\t-500\t-500\n"
                        "Tilbagebetalingstid baseret på serviceeffektivisering\t3 år\n"
                        "Tilbagebetalingstid baseret på totaløkonomi\t3 år\n");
    assert_int_equal(d->rep.nerrors, 0);
    assert_paybacks(d, 3, 3, 3, 3);
    close_doc(d);
    d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\t2026\n"
                   "Varige ændringer\n"
                   "A\tService\t\t-500\t-500\n"
                   "C\tAnlæg\t\t-1.000\t\n"
                   "Samlet varig ændring\t\t\t-1.500\t-500\n"
                   "Implementeringsomkostninger\n"
                   "B\tService\t800\t\t\n"
                   "Samlede implementeringsomkostninger\t\t800\t\t\n"
                   "Samlet økonomisk påvirkning\t\t800\t-1.500\t-500\n"
                   "Tilbagebetalingstid baseret på serviceeffektivisering\t3 år\n"
                   "Tilbagebetalingstid baseret på totaløkonomi\t2 år\n");
    assert_int_equal(d->rep.nerrors, 0);
    assert_paybacks(d, 3, 2, 3, 2);
    close_doc(d);
}

/** An area subtotal whose lines above are all of its area: their sum is all the lines'
 * (summed once). 'Samlet varig ændring, service' printed -400, -650 against -100-300 = -400
 * and -200-400 = -600: one error, 2025, printed -650, computed -600 (line 3). Its area
 * made none (a caller's table): no restriction, the same finding. Line B made Anlæg: the
 * Service lines alone, -100 and -200, differ in both years (printed -400 and -650). */
static void test_area_subtotal_one_area(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\n"
                        "Varige ændringer\n"
                        "A\tService\t-100\t-200\n"
                        "B\tService\t-300\t-400\n"
                        "Samlet varig ændring, service\t\t-400\t-650\n"
                        "Samlet varig ændring\t\t-400\t-600\n"
                        "Samlet økonomisk påvirkning\t\t-400\t-600\n");
    assert_int_equal(d->lines[3].qualifier, SOCINV_QUAL_AREA);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            d->lines[3].area = SOCINV_AREA_NONE;
            assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f,
                                        N_OF(d->f)));
        }
        assert_int_equal(d->rep.nfindings_total, 1);
        assert_int_equal(d->f[0].note, SOCINV_NOTE_MISMATCH);
        assert_int_equal(d->f[0].line, 3);
        assert_int_equal(d->f[0].year, 1);
        assert_close(d->f[0].printed, -650, 0);
        assert_close(d->f[0].computed, -600, 0);
    }
    d->lines[3].area = SOCINV_AREA_SERVICE;
    d->lines[2].area = SOCINV_AREA_ANLAEG;
    assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f, N_OF(d->f)));
    assert_int_equal(d->rep.nerrors, 2);
    assert_close(d->f[0].printed, -400, 0);
    assert_close(d->f[0].computed, -100, 0);
    assert_close(d->f[1].printed, -650, 0);
    assert_close(d->f[1].computed, -200, 0);
    close_doc(d);
}

/** Text in an amount cell, footnotes and blank lines inside, and no payback printed. */
static void test_text_amounts_and_footnotes(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\t2026\n"
                        "Varige ændringer\n"
                        "A\tService\t\tn/a\t-500\n"
                        "\n"
                        "¹ Pr. december 2023\n"
                        "\n"
                        "B\tService\t\t-100\t-100\n"
                        "Samlet varig ændring\t\t\t-100\t-600\n"
                        "Implementeringsomkostninger\n"
                        "C\tService\t700\t\t\n"
                        "Samlede implementeringsomkostninger\t\t700\t\t\n"
                        "Samlet økonomisk påvirkning\t\t700\t-100\t-600\n"
                        "\n\n\n"
                        "Noget helt andet\n");
    assert_int_equal(d->rep.nerrors, 0);
    assert_int_equal(count_note(d, SOCINV_NOTE_TEXT_AMOUNT), 1);
    /* 700, -100, -600 then -600 a year: cumulative 700, 600, 0, -600 -> 4 (0 is not yet paid back) */
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 4, 0);
    assert_true(isnan(d->rep.payback_printed[SOCINV_BASIS_TOTAL]));
    assert_int_equal(d->t.end_row, 12); /* three blank lines end it; it ends after its last line */
    close_doc(d);
}

/** Repeated and missing year columns are a layout error; the table is still read. */
static void test_bad_years(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\t2025\n"
                        "Implementeringsomkostninger\n"
                        "A\tService\t1\t2\t3\n"
                        "Samlet økonomisk påvirkning\t\t1\t2\t3\n");
    assert_int_equal(d->t.years_consecutive, 0);
    assert_int_equal(count_note(d, SOCINV_NOTE_YEARS), 1);
    close_doc(d);
    d = audit_text("1.000 kr.\tStyringsområde\t2024\t2026\n"
                   "Implementeringsomkostninger\n"
                   "A\tService\t1\t2\n"
                   "Samlet økonomisk påvirkning\t\t1\t2\n");
    assert_int_equal(count_note(d, SOCINV_NOTE_YEARS), 1);
    close_doc(d);
}

/** A 30-year table (2024-2053): the permanent saving -100 a year pays back a 2.000
 * investment when the cumulative first goes below zero: 2000 - 100 k < 0 at k = 21, so year 22. */
static void test_thirty_years(void **state)
{
    (void)state;
    char text[4096];
    size_t o = (size_t)snprintf(text, sizeof text, "1.000 kr.\tStyringsområde");
    for (int y = 2024; y < 2054; y++)
        o += (size_t)snprintf(text + o, sizeof text - o, "\t%d", y);
    o += (size_t)snprintf(text + o, sizeof text - o, "\nVarige ændringer\nA\tService\t");
    for (int y = 2025; y < 2054; y++)
        o += (size_t)snprintf(text + o, sizeof text - o, "\t-100");
    o += (size_t)snprintf(text + o, sizeof text - o, "\nImplementeringsomkostninger\nB\tAnlæg\t2.000\n"
                                                      "Samlet økonomisk påvirkning\t\t2.000");
    for (int y = 2025; y < 2054; y++)
        o += (size_t)snprintf(text + o, sizeof text - o, "\t-100");
    snprintf(text + o, sizeof text - o, "\n");
    doc *d = audit_text(text);
    assert_int_equal(d->t.nyears, 30);
    assert_int_equal(d->rep.nerrors, 0);
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 22, 0);
    close_doc(d);
}

/** A truncated table (cut after two lines) is still a table, with what it has. */
static void test_truncated(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr.\tStyringsområde\t2024\t2025\nVarige ændringer\nA\tService\t\t-100");
    assert_int_equal(d->t.nlines, 2);
    /* blank, -100: cumulative 0 in year 1 (not below zero), -100 in year 2 */
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 2, 0);
    close_doc(d);
}

/** A range selected around one table (the add-in): blank lines, a note and prose inside
 * do not end it for socinv_case_read, as they do for socinv_case_find in a document.
 * Implementation 1000 in 2024; savings -600 and -600 after four blank lines: net 1000,
 * -600, -600, cumulative 1000, 400, -200 -> payback 3. */
static void test_read_selected_range(void **state)
{
    (void)state;
    const char *text = "1.000 kr.\tStyringsområde\t2024\t2025\t2026\n"
                       "Implementeringsomkostninger\n"
                       "Opstart\tService\t1.000\t\t\n"
                       "\n\n\n\n"
                       "Noter: tallene er foreløbige\n"
                       "Et længere stykke tekst som en bruger har skrevet midt i sin tabel, fordi det var praktisk, og som er længere end en fodnote.\n"
                       "Varige ændringer\n"
                       "Besparelse\tService\t\t-600\t-600\n"
                       "Samlet økonomisk påvirkning\t\t1.000\t-600\t-600\n";
    doc *d = open_text(text, strlen(text));
    assert_ok(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.nlines, 2); /* a document: the blank lines end the table */
    assert_ok(socinv_case_read(&d->grid, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f, N_OF(d->f)));
    assert_int_equal(d->rep.nerrors, 0);
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 3, 0);
    assert_net(d, socinv_basis_total(), DBL(1000, -600, -600), 3);
    close_doc(d);
    /* a range with years but no table structure is still no table */
    const char *bare = "x\t2024\t2025\nA\t1\t2\n";
    d = open_text(bare, strlen(bare));
    assert_status(socinv_case_read(&d->grid, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)),
                  SOCINV_E_NOTABLE);
    close_doc(d);
}

/** A table that starts in column C of a sheet, its heading in column B above it: the
 * label column comes from the header row, the title from the row's first text.
 * 500 invested, -300 a year: cumulative 500, 200, -100 -> 3. */
static void test_table_not_in_column_a(void **state)
{
    (void)state;
    const char *text = "\tHJ09(2026) - FLYTTET TABEL\n"
                       "\n"
                       "\t\t1.000 kr.\tStyringsområde\t2026\t2027\t2028\n"
                       "\t\tVarige ændringer\n"
                       "\t\tBesparelse\tService\t\t-300\t-300\n"
                       "\t\tImplementeringsomkostninger\n"
                       "\t\tKurser\tAnlæg\t500\t\t\n"
                       "\t\tSamlet økonomisk påvirkning\t\t500\t-300\t-300\n"
                       "\t\tTilbagebetalingstid baseret på totaløkonomi\t3 år\n";
    doc *d = audit_text(text);
    assert_int_equal(d->t.label_col, 2);
    assert_int_equal(d->t.area_col, 3);
    assert_int_equal(d->rep.nfindings_total, 0);
    /* only the total payback is printed; on the service basis the Anlæg course still
     * counts as an implementation cost */
    assert_paybacks(d, NAN, 3, 3, 3);
    case_title ct = title_of(d, 0);
    assert_string_equal(ct.id, "HJ09");
    assert_int_equal(ct.len, strlen("FLYTTET TABEL"));
    const char *label;
    size_t ll;
    assert_ok(socinv_case_label(&d->grid, &d->t, &d->lines[1], &label, &ll)); /* after the heading */
    assert_int_equal(ll, strlen("Besparelse"));
    close_doc(d);
}

/** Amounts that look like years (1966, 1966 in the net line) are not the header of a
 * next table (found by the casegen fuzzer): the table is read to its paybacks, and the
 * printed 1 year contradicts the rule: cumulative 1966, 3932, 2932, then -1000 a year
 * -> 1932 in year 4, 932 in 5, -68 in 6. */
static void test_amounts_like_years(void **state)
{
    (void)state;
    doc *d = audit_text("1.000 kr. 2025 p/l\tStyringsområde\t2024\t2025\t2026\n"
                        "Varige ændringer\n"
                        "Besparelse\tService\t0\t-1000\t-1000\n"
                        "Samlet varig ændring\t\t0\t-1000\t-1000\n"
                        "Implementeringsomkostninger\n"
                        "Opstart\tService\t1966\t2966\t0\n"
                        "Samlede implementeringsomkostninger\t\t1966\t2966\t0\n"
                        "Samlet økonomisk påvirkning\t\t1966\t1966\t-1000\n"
                        "Tilbagebetalingstid baseret på serviceeffektivisering\t1\n"
                        "Tilbagebetalingstid baseret på totaløkonomi\t1\n"
                        "Opstart 2\t\t2001\t2002\n");
    assert_int_equal(d->t.nlines, 9); /* the table ends with its paybacks */
    assert_close(d->rep.payback_rule[SOCINV_BASIS_TOTAL], 6, 0);
    assert_close(d->rep.payback_printed[SOCINV_BASIS_TOTAL], 1, 0);
    assert_int_equal(count_note(d, SOCINV_NOTE_PAYBACK_RULE), 2);
    /* and the stray line after it (2001, 2002) does not start a table */
    assert_status(next(d, d->t.end_row), SOCINV_E_NOTABLE);
    close_doc(d);
}

/* ---- reading text -------------------------------------------------------------------------- */

/** CSV with ';', quotes, a quoted ';' and newline, "" escapes, CRLF and a BOM. */
static void test_csv(void **state)
{
    (void)state;
    const char *csv = "\xEF\xBB\xBF" "a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";;3\r\n";
    socinv_grid g;
    assert_ok(socinv_grid_parse_text(csv, strlen(csv), 0, &g));
    assert_int_equal(g.rows, 2);
    assert_int_equal(g.cols, 3);
    assert_memory_equal(g.cells[0].text, "a", 1);
    assert_int_equal(g.cells[1].len, 3);
    assert_memory_equal(g.cells[1].text, "b;c", 3);
    assert_int_equal(g.cells[2].len, 8);
    assert_memory_equal(g.cells[2].text, "say \"hi\"", 8);
    assert_int_equal(g.cells[3].len, 9);
    assert_memory_equal(g.cells[3].text, "two\nlines", 9);
    assert_int_equal(g.cells[4].kind, SOCINV_CELL_EMPTY);
    assert_memory_equal(g.cells[5].text, "3", 1);
    socinv_grid_free(&g);
    socinv_grid_free(&g); /* twice is harmless */
}

/** Fields of 0-19 bytes before and after a delimiter or line end, wherever they fall in
 * the splitter's steps of eight bytes (textgrid.c field_end): each cell holds its field. */
static void test_field_lengths(void **state)
{
    (void)state;
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    for (int d = 0; d < 2; d++)
        for (size_t e = 0; e < 3; e++)
            for (size_t a = 0; a < 20; a++)
                for (size_t b = 0; b < 20; b++) {
                    char text[64];
                    const char delim = d ? ',' : ';';
                    int n = snprintf(text, sizeof text, "%.*s%c%.*s%sz", (int)a, "xxxxxxxxxxxxxxxxxxxx", delim, (int)b,
                                     "yyyyyyyyyyyyyyyyyyyy", ends[e]);
                    socinv_grid g;
                    assert_ok(socinv_grid_parse_text(text, (size_t)n, delim, &g));
                    assert_int_equal(g.rows, 2);
                    assert_int_equal(g.cols, 2);
                    assert_int_equal(g.cells[0].len, a);
                    assert_int_equal(g.cells[0].kind, a ? SOCINV_CELL_TEXT : SOCINV_CELL_EMPTY);
                    assert_int_equal(g.cells[1].len, b);
                    assert_true(b == 0 || g.cells[1].text[0] == 'y');
                    assert_int_equal(g.cells[2].len, 1);
                    assert_memory_equal(g.cells[2].text, "z", 1);
                    socinv_grid_free(&g);
                }
}

/** A text is UTF-8, or Windows-1252, however far into it the first other byte is
 * (textgrid.c valid_utf8 reads ASCII eight bytes at a time): "æ" as UTF-8 is kept,
 * as Windows-1252 (0xE6) converted, after 0-19 ASCII bytes. */
static void test_encoding_anywhere(void **state)
{
    (void)state;
    for (size_t a = 0; a < 20; a++)
        for (int cp1252 = 0; cp1252 < 2; cp1252++) {
            char text[40];
            int n = snprintf(text, sizeof text, "%.*s%s;1", (int)a, "aaaaaaaaaaaaaaaaaaaa",
                             cp1252 ? "\xe6" : "\xc3\xa6");
            socinv_grid g;
            assert_ok(socinv_grid_parse_text(text, (size_t)n, ';', &g));
            assert_int_equal(g.cells[0].len, a + 2);
            assert_memory_equal(g.cells[0].text + a, "\xc3\xa6", 2);
            socinv_grid_free(&g);
        }
}

/** Windows-1252 text (Danish Excel's CSV) is read as UTF-8: "Anl\xe6g" -> "Anlæg". */
static void test_cp1252(void **state)
{
    (void)state;
    const char *csv = "Anl\xe6g;\x96" "5\n";
    socinv_grid g;
    assert_ok(socinv_grid_parse_text(csv, strlen(csv), 0, &g));
    assert_int_equal(g.cells[0].len, 6);
    assert_memory_equal(g.cells[0].text, "Anl\xc3\xa6g", 6);
    double v;
    assert_ok(socinv_parse_number(g.cells[1].text, g.cells[1].len, SOCINV_NUMBERS_AUTO, &v));
    assert_close(v, -5, 0); /* 0x96 is an en dash used as minus */
    socinv_grid_free(&g);
}

/** socinv_utf8_char_len, the one UTF-8 reading (RFC 3629's table of well-formed
 * sequences): what decides UTF-8 or Windows-1252 for a text, and what the command
 * line escapes in names. */
static void test_utf8_char_len(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n, len;
    } cases[] = {
        {"a", 1, 1},
        {"\xc3\xa6", 2, 2},             /* æ */
        {"\xe2\x82\xac", 3, 3},        /* € */
        {"\xf0\x9f\x98\x80", 4, 4},   /* U+1F600 */
        {"\xef\xbf\xbf", 3, 3},        /* U+FFFF, the last of three bytes */
        {"\xf4\x8f\xbf\xbf", 4, 4},   /* U+10FFFF, the last there is */
        {"", 0, 0},                     /* nothing */
        {"\x80", 1, 0},                 /* a stray continuation byte */
        {"\xc0\x80", 2, 0},             /* an overlong NUL */
        {"\xc1\xbf", 2, 0},             /* overlong */
        {"\xe0\x80\x80", 3, 0},         /* overlong three bytes */
        {"\xed\xa0\x80", 3, 0},         /* a UTF-16 surrogate (U+D800) */
        {"\xf0\x80\x80\x80", 4, 0},     /* overlong four bytes */
        {"\xf4\x90\x80\x80", 4, 0},     /* U+110000: beyond Unicode */
        {"\xf5\x80\x80\x80", 4, 0},     /* no such lead byte */
        {"\xc3", 1, 0},                 /* cut: æ without its second byte */
        {"\xe2\x82", 2, 0},             /* cut: € without its third */
        {"\xe6g", 2, 0},                /* Windows-1252 "æg" */
        {"\xc3\x28", 2, 0},             /* a lead byte before ASCII */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("case %u\n", (unsigned)i);
        assert_int_equal(socinv_utf8_char_len(cases[i].s, cases[i].n), cases[i].len);
    }
}

/** Ragged rows are padded; a trailing tab makes one more empty cell. */
static void test_ragged(void **state)
{
    (void)state;
    socinv_grid g;
    const char *text = "a\tb\tc\nd\n\ne\t";
    assert_ok(socinv_grid_parse_text(text, strlen(text), '\t', &g));
    assert_int_equal(g.rows, 4);
    assert_int_equal(g.cols, 3);
    assert_int_equal(g.cells[4].kind, SOCINV_CELL_EMPTY);
    assert_int_equal(g.cells[6].kind, SOCINV_CELL_EMPTY); /* the blank line */
    assert_memory_equal(g.cells[9].text, "e", 1);
    socinv_grid_free(&g);
}

/* ---- invalid input -------------------------------------------------------------------------- */

/** Empty, binary, and broken input give their statuses, never a crash. */
static void test_invalid(void **state)
{
    (void)state;
    socinv_grid g;
    assert_status(socinv_grid_parse_text("", 0, 0, &g), SOCINV_E_LENGTH);
    assert_status(socinv_grid_parse_text("PK\x03\x04\0\0binary", 12, 0, &g), SOCINV_E_PARSE);
    assert_status(socinv_grid_parse_text(NULL, 4, 0, &g), SOCINV_E_NULL);
    assert_status(socinv_grid_parse_text("x", 1, 0, NULL), SOCINV_E_NULL);

    socinv_case t;
    socinv_case_line lines[4];
    double values[16];
    assert_status(socinv_case_find(NULL, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_NULL);
    socinv_grid empty = {NULL, 0, 0};
    assert_status(socinv_case_find(&empty, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_NOTABLE);
    socinv_cell bad[2] = {{(socinv_cell_kind)7, 0, NULL, 0}, {SOCINV_CELL_EMPTY, 0, NULL, 0}};
    socinv_grid badg = {bad, 1, 2};
    assert_status(socinv_case_find(&badg, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_TYPE);
    /* a text cell without its bytes is no valid cell, after a label (scan_cells' quick way for a
     * text with bytes) too; one of no bytes is blank */
    socinv_cell notext[2] = {{SOCINV_CELL_TEXT, 0, "Label", 5}, {SOCINV_CELL_TEXT, 0, NULL, 3}};
    socinv_grid notextg = {notext, 1, 2};
    assert_status(socinv_case_find(&notextg, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_NULL);
    notext[1].len = 0;
    assert_status(socinv_case_find(&notextg, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_NOTABLE);
    socinv_grid huge = {bad, (size_t)-1, 2};
    assert_status(socinv_case_find(&huge, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_LENGTH);
    /* no table in prose */
    assert_ok(socinv_grid_parse_text("Kort resumé: intet her\n1 2 3\n", 30, 0, &g));
    assert_status(socinv_case_find(&g, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_NOTABLE);
    socinv_grid_free(&g);
    /* a buffer too small for the table */
    doc *d = open_seed("001_24239eb3fbd11930.txt");
    assert_status(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &t, lines, 4, values, 16), SOCINV_E_BUFFER);
    assert_int_equal(t.nlines, 13); /* says how many lines it needs */
    assert_status(socinv_case_find(&d->grid, 0, (socinv_number_style)5, &t, lines, 4, values, 16), SOCINV_E_OPTION);
    close_doc(d);
    socinv_case_report rep;
    socinv_case t0 = {0};
    t0.nyears = 0;
    assert_status(socinv_case_audit(&t0, NULL, NULL, 0.5, &rep, NULL, 0), SOCINV_E_LENGTH);
    t0.nyears = 2;
    assert_status(socinv_case_audit(&t0, NULL, NULL, -1, &rep, NULL, 0), SOCINV_E_DOMAIN);
    assert_status(socinv_case_audit(&t0, NULL, NULL, NAN, &rep, NULL, 0), SOCINV_E_NONFINITE);
    assert_status(socinv_case_audit(NULL, NULL, NULL, 0.5, &rep, NULL, 0), SOCINV_E_NULL);
    assert_string_equal(socinv_note_text(SOCINV_NOTE_COUNT, "da"), "");
    assert_string_equal(socinv_finding_kind_name((socinv_finding_kind)9), "");
}

/** Cells are checked as the search reaches them (recognition linear in the grid): seed
 * 001's table is found in a grid whose last row holds a bad cell kind; the search for a
 * next table reaches that row and says SOCINV_E_TYPE. */
static void test_bad_cell_after_the_table(void **state)
{
    (void)state;
    doc *d = open_seed("001_24239eb3fbd11930.txt");
    const socinv_grid *g = &d->grid;
    socinv_cell *cells = calloc((g->rows + 1) * g->cols, sizeof *cells);
    assert_non_null(cells);
    memcpy(cells, g->cells, g->rows * g->cols * sizeof *cells);
    cells[g->rows * g->cols].kind = (socinv_cell_kind)7;
    socinv_grid bad = {cells, g->rows + 1, g->cols};
    socinv_case t;
    assert_ok(socinv_case_find(&bad, 0, SOCINV_NUMBERS_AUTO, &t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(t.header_row, 21); /* line 22, as test_seed001 */
    assert_status(socinv_case_find(&bad, t.end_row, SOCINV_NUMBERS_AUTO, &t, d->lines, CAP, d->values,
                                   N_OF(d->values)),
                  SOCINV_E_TYPE);
    free(cells);
    close_doc(d);
}

/* si_fold: ASCII runs (one room check per run) and the bytes that fall out of them. */
static void test_fold(void **state)
{
    (void)state;
    char f[SI_FOLD_CAP];
    /* all ASCII: capitals lowered, space, hyphen, tab, CR and LF dropped */
    assert_int_equal(si_fold("Samlet varig-\xc3\x86ndring", 21, f, sizeof f), 19);
    assert_string_equal(f, "samletvarig\xc3\xa6ndring");
    assert_int_equal(si_fold(" A-b\tC\r\nD@[", 11, f, sizeof f), 6);
    assert_string_equal(f, "abcd@["); /* '@' and '[' sit beside 'A' and 'Z': kept as they are */
    /* out of the run: no-break space and soft hyphen (C2 A0, C2 AD) dropped, C2 A9 kept;
     * hyphen, non-breaking hyphen, en dash (E2 80 90/91/93) dropped, em dash (E2 80 94) kept;
     * Æ Ø Å (C3 86/98/85) lowered, × (C3 97) and ß (C3 9F) kept */
    assert_int_equal(si_fold("a\xc2\xa0" "b\xc2\xad" "c\xc2\xa9", 9, f, sizeof f), 5);
    assert_string_equal(f, "abc\xc2\xa9");
    assert_int_equal(si_fold("x\xe2\x80\x90y\xe2\x80\x91z\xe2\x80\x93w\xe2\x80\x94", 16, f, sizeof f), 7);
    assert_string_equal(f, "xyzw\xe2\x80\x94");
    assert_int_equal(si_fold("\xc3\x86\xc3\x98\xc3\x85\xc3\x97\xc3\x9f", 10, f, sizeof f), 10);
    assert_string_equal(f, "\xc3\xa6\xc3\xb8\xc3\xa5\xc3\x97\xc3\x9f");
    /* a lead byte at the end of the text, cut from its sequence: kept as it is */
    assert_int_equal(si_fold("A\xc3", 2, f, sizeof f), 2);
    assert_string_equal(f, "a\xc3");
    assert_int_equal(si_fold("A\xe2\x80", 3, f, sizeof f), 3);
    assert_string_equal(f, "a\xe2\x80");
    /* the room: cap - 1 bytes and the NUL; dropped bytes take none; a pair that does
     * not fit leaves its lead byte alone; cap 0 writes nothing */
    assert_int_equal(si_fold("ABCDEF", 6, f, 4), 3);
    assert_string_equal(f, "abc");
    assert_int_equal(si_fold("A B C", 5, f, 3), 2);
    assert_string_equal(f, "ab");
    assert_int_equal(si_fold("AB\xc3\x86", 4, f, 4), 3);
    assert_string_equal(f, "ab\xc3");
    assert_int_equal(si_fold("AB\xc3\x86", 4, f, 5), 4);
    assert_string_equal(f, "ab\xc3\xa6");
    assert_int_equal(si_fold("AB", 2, f, 1), 0);
    assert_string_equal(f, "");
    f[0] = 'q';
    assert_int_equal(si_fold("AB", 2, f, 0), 0);
    assert_int_equal(f[0], 'q');
    /* SI_PREFIX answers as si_starts_with: a NUL inside the text stops the match,
     * a text shorter than the word does not match */
    size_t n = si_fold("Sam\0let", 7, f, sizeof f);
    assert_int_equal(n, 7);
    assert_false(SI_PREFIX(f, n, "samlet"));
    assert_false(si_starts_with(f, "samlet"));
    assert_true(SI_PREFIX(f, n, "sam"));
    n = si_fold("Note", 4, f, sizeof f);
    assert_true(SI_PREFIX(f, n, "note"));
    assert_true(si_starts_with(f, "note"));
    assert_true(si_starts_with(f, "no"));
    assert_true(si_starts_with(f, "")); /* every text starts with nothing */
    assert_false(si_starts_with(f, "x"));
    assert_false(SI_PREFIX(f, n, "notes"));
    assert_false(si_starts_with(f, "notes"));
}

/* si_fold_more: folding resumed where it stopped gives si_fold's bytes. "AB\xc3\x86C" with
 * room 4: 'a', 'b', then Æ (two bytes) does not fit with its NUL: left for the next call
 * (*at stays 2; si_fold puts the lone lead byte there instead). Room 6 on: "æ" (c3 a6)
 * and 'c', 5 bytes, all 5 bytes of the text read. Then " -x" from where "ab" ended,
 * room 10: the space and the hyphen dropped, "abx". */
static void test_fold_more(void **state)
{
    (void)state;
    char f[16];
    size_t at = 0;
    size_t n = si_fold_more("AB\xc3\x86" "C", 5, &at, f, 0, 4);
    assert_int_equal(n, 2);
    assert_int_equal(at, 2);
    assert_string_equal(f, "ab");
    n = si_fold_more("AB\xc3\x86" "C", 5, &at, f, n, 6);
    assert_int_equal(n, 5);
    assert_int_equal(at, 5);
    assert_string_equal(f, "ab\xc3\xa6" "c");
    char g[16];
    assert_int_equal(si_fold("AB\xc3\x86" "C", 5, g, sizeof g), 5);
    assert_string_equal(f, g);
    at = 2;
    n = si_fold_more("AB -x", 5, &at, f, 2, 10);
    assert_int_equal(n, 3);
    assert_int_equal(at, 5);
    assert_string_equal(f, "abx");
}

/* Labels folded as far as a comparison needs (label_text): two plain ASCII bytes at the
 * start are read without folding ('Samlet ...'); a label starting with a hyphen or 'Ø'
 * is folded from its start ('-Varige ændringer total': the permanent subtotal; 'Øvrige
 * udgifter': no word starts with 'ø', an amount line). 'Samlet vaÆrig ændring' folds to
 * "samletva" + "æ" + ...: tried against the first word, 'samletøkonomiskpåvirkning', it is
 * folded to its first 8 bytes (LABEL_FIRST), which stops before the two bytes of 'æ';
 * those 8 bytes are the first of 'samletvarigændring', so it is folded on from the 'æ',
 * which is not 'r': an amount line. Years as text with a space before or after (" 2024",
 * "2025 ") are still a header's years. */
static void test_label_steps(void **state)
{
    (void)state;
    const char *text = "1.000 kr.\tStyringsområde\t 2024\t2025 \n"
                       "Varige ændringer\n"
                       "Samlet vaÆrig ændring\tService\t1\t2\n"
                       "Øvrige udgifter\tService\t3\t4\n"
                       "-Varige ændringer total\tService\t4\t6\n"
                       "Samlet økonomisk påvirkning\t\t4\t6\n";
    doc *d = open_text(text, strlen(text));
    assert_ok(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.first_year, 2024);
    assert_int_equal(d->t.nyears, 2);
    assert_int_equal(d->t.nlines, 5);
    assert_int_equal(d->lines[0].role, SOCINV_LINE_HEADING);
    assert_int_equal(d->lines[1].role, SOCINV_LINE_DETAIL);
    assert_int_equal(d->lines[2].role, SOCINV_LINE_DETAIL);
    assert_int_equal(d->lines[3].role, SOCINV_LINE_SUBTOTAL);
    assert_int_equal(d->lines[3].kind, SOCINV_ROW_PERMANENT);
    assert_int_equal(d->lines[4].role, SOCINV_LINE_NET);
    /* 1+3 = 4 and 2+4 = 6: subtotal and net agree */
    assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f, N_OF(d->f)));
    assert_int_equal(d->rep.nerrors, 0);
    close_doc(d);
}

/* Labels folded two bytes at first, further only when they start a word (label_text):
 * 'Sa' and 'S' are too short for any word, 'Samlet andet' starts like one and is folded
 * on but names none, 'Projektledelse' starts like none: all amount lines (the block's
 * kind, permanent); ' samlet VARIG-ændring' (a space, capitals, a hyphen) is the permanent
 * subtotal; 'Note' after it ends the table in a document, not in a selected range. */
static void test_label_prefixes(void **state)
{
    (void)state;
    const char *text = "1.000 kr.\tStyringsområde\t2024\t2025\n"
                       "Varige ændringer\n"
                       "Sa\tService\t1\t2\n"
                       "S\tService\t3\t4\n"
                       "Samlet andet\tService\t5\t6\n"
                       "Projektledelse\tService\t7\t8\n"
                       " samlet VARIG-ændring\tService\t16\t20\n"
                       "Note\n"
                       "Samlet økonomisk påvirkning\t\t16\t20\n";
    doc *d = open_text(text, strlen(text));
    assert_ok(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.nlines, 6); /* the heading, four amount lines, the subtotal: 'Note' ends it */
    assert_int_equal(d->lines[0].role, SOCINV_LINE_HEADING);
    for (size_t i = 1; i <= 4; i++) {
        assert_int_equal(d->lines[i].role, SOCINV_LINE_DETAIL);
        assert_int_equal(d->lines[i].kind, SOCINV_ROW_PERMANENT);
    }
    assert_int_equal(d->lines[5].role, SOCINV_LINE_SUBTOTAL);
    assert_int_equal(d->lines[5].kind, SOCINV_ROW_PERMANENT);
    assert_ok(socinv_case_read(&d->grid, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.nlines, 8); /* a selected range: 'Note' is a footnote, then the net line */
    assert_int_equal(d->lines[6].role, SOCINV_LINE_OTHER);
    assert_int_equal(d->lines[7].role, SOCINV_LINE_NET);
    /* 1+3+5+7 = 16 and 2+4+6+8 = 20: the subtotal and the net line agree */
    assert_ok(socinv_case_audit(&d->t, d->lines, d->values, SOCINV_CHECK_TOLERANCE, &d->rep, d->f, N_OF(d->f)));
    assert_int_equal(d->rep.nerrors, 0);
    close_doc(d);
}

/* A row's cells are counted left of the year columns, in them and right of them apart
 * (scan_row): a heading with a number left of the years (in the area column) or right of
 * them is still a heading; with one in a year column it is an amount line, of the block
 * it is under. 'Udvikling' has a year-like amount (2031) and 1: not a header. Net, all
 * lines counting: 2024: -600 + 2031 + 100 + 5 = 1536; 2025: -600 + 1 = -599. */
static void test_row_ranges(void **state)
{
    (void)state;
    const char *text = "1.000 kr.\tStyringsområde\t2024\t2025\t\n"
                       "Varige ændringer\t7\t\t\t\n"
                       "Besparelse\tService\t-600\t-600\t\n"
                       "Udvikling\tService\t2031\t1\t\n"
                       "Implementeringsomkostninger\t\t\t\t9\n"
                       "Projekt\tService\t100\t\t\n"
                       "Varige ændringer\t\t5\t\t\n"
                       "Samlet økonomisk påvirkning\t\t1536\t-599\t\n";
    doc *d = open_text(text, strlen(text));
    assert_ok(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.year_col, 2);
    assert_int_equal(d->t.nyears, 2);
    assert_int_equal(d->t.nlines, 7);
    static const struct {
        socinv_line_role role;
        socinv_row_kind kind;
    } want[] = {{SOCINV_LINE_HEADING, SOCINV_ROW_PERMANENT}, {SOCINV_LINE_DETAIL, SOCINV_ROW_PERMANENT},
                {SOCINV_LINE_DETAIL, SOCINV_ROW_PERMANENT},  {SOCINV_LINE_HEADING, SOCINV_ROW_IMPLEMENTATION},
                {SOCINV_LINE_DETAIL, SOCINV_ROW_IMPLEMENTATION}, {SOCINV_LINE_DETAIL, SOCINV_ROW_IMPLEMENTATION}};
    for (size_t i = 0; i < N_OF(want); i++) {
        assert_int_equal(d->lines[i].role, want[i].role);
        assert_int_equal(d->lines[i].kind, want[i].kind);
    }
    assert_int_equal(d->lines[6].role, SOCINV_LINE_NET);
    assert_net(d, socinv_basis_total(), DBL(1536, -599), 2);
    close_doc(d);
}

/* A header's years are read once (find_years): the longest run of them is the table's
 * (a lone '2020' left of it is not), its first year and whether each is the one before
 * plus 1 (2025 -> 2027: not consecutive); years that go back (2025, 2024) are no header. */
static void test_year_runs(void **state)
{
    (void)state;
    const char *text = "1.000 kr.\t2020\tStyringsområde\t2024\t2025\t2027\n"
                       "Implementeringsomkostninger\n"
                       "A\t\tService\t1\t2\t3\n"
                       "Samlet økonomisk påvirkning\t\t\t1\t2\t3\n";
    doc *d = open_text(text, strlen(text));
    assert_ok(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)));
    assert_int_equal(d->t.year_col, 3);
    assert_int_equal(d->t.nyears, 3);
    assert_int_equal(d->t.first_year, 2024);
    assert_int_equal(d->t.years_consecutive, 0);
    assert_int_equal(d->t.area_col, 2);
    assert_int_equal(d->t.nlines, 3);
    close_doc(d);
    const char *back = "1.000 kr.\tStyringsområde\t2025\t2024\n"
                       "Implementeringsomkostninger\n"
                       "A\tService\t1\t2\n"
                       "Samlet økonomisk påvirkning\t\t1\t2\n";
    d = open_text(back, strlen(back));
    assert_status(socinv_case_find(&d->grid, 0, SOCINV_NUMBERS_AUTO, &d->t, d->lines, CAP, d->values, N_OF(d->values)),
                  SOCINV_E_NOTABLE);
    close_doc(d);
}

/* socinv_case_net sums 32 years at a time: 40 years cross a block. Line 0 has j in year
 * j, line 1 2j, so the net is 3j (93 in year 31, 96 in 32, 117 in 39); an amount of 1E308
 * in both lines in year 35 overflows there (not finite): years to 35 written, 36 on left
 * as they were. */
static void test_net_many_years(void **state)
{
    (void)state;
    enum { NY = 40 };
    socinv_case t = {0};
    t.nyears = NY;
    t.nlines = 2;
    socinv_case_line lines[2] = {{0}};
    double values[2 * NY], net[NY];
    for (size_t i = 0; i < 2; i++) {
        lines[i].role = SOCINV_LINE_DETAIL;
        lines[i].kind = SOCINV_ROW_PERMANENT;
        lines[i].area = SOCINV_AREA_SERVICE;
        for (size_t j = 0; j < NY; j++)
            values[i * NY + j] = (double)((i + 1) * j);
    }
    assert_ok(socinv_case_net(&t, lines, values, socinv_basis_total(), net));
    assert_close(net[0], 0, 0);
    assert_close(net[31], 93, 0);
    assert_close(net[32], 96, 0);
    assert_close(net[39], 117, 0);
    values[35] = values[NY + 35] = 1e308;
    for (size_t j = 0; j < NY; j++)
        net[j] = -1;
    assert_status(socinv_case_net(&t, lines, values, socinv_basis_total(), net), SOCINV_E_OVERFLOW);
    assert_close(net[34], 102, 0);
    assert_true(isnan(net[35])); /* the sum is inf, its compensation -inf (Neumaier): NaN */
    assert_close(net[36], -1, 0);
    assert_close(net[39], -1, 0);
}

/* The subtotal check sums the detail lines above each subtotal in one pass for the two
 * kinds a table has, afresh for any other kind a caller gives. One year: permanent
 * lines 5 and 7 above a permanent subtotal printed 12 (agrees) and, after an
 * implementation line 4, one printed 13 (12: an error, line 4, printed 13, computed 12);
 * an implementation subtotal printed 4 (agrees); a subtotal of kind 'ignore' over the
 * detail line of that kind (2) printed 3 (an error, line 7). */
static void test_audit_subtotal_kinds(void **state)
{
    (void)state;
    socinv_case t = {0};
    t.nyears = 1;
    t.years_consecutive = 1;
    socinv_case_line lines[8] = {{0}};
    const socinv_line_role roles[8] = {SOCINV_LINE_DETAIL,   SOCINV_LINE_DETAIL,   SOCINV_LINE_SUBTOTAL,
                                       SOCINV_LINE_DETAIL,   SOCINV_LINE_SUBTOTAL, SOCINV_LINE_SUBTOTAL,
                                       SOCINV_LINE_DETAIL,   SOCINV_LINE_SUBTOTAL};
    const socinv_row_kind kinds[8] = {SOCINV_ROW_PERMANENT,      SOCINV_ROW_PERMANENT, SOCINV_ROW_PERMANENT,
                                      SOCINV_ROW_IMPLEMENTATION, SOCINV_ROW_PERMANENT, SOCINV_ROW_IMPLEMENTATION,
                                      SOCINV_ROW_IGNORE,         SOCINV_ROW_IGNORE};
    double values[8] = {5, 7, 12, 4, 13, 4, 2, 3};
    for (size_t i = 0; i < 8; i++) {
        lines[i].role = roles[i];
        lines[i].kind = kinds[i];
        lines[i].area = SOCINV_AREA_SERVICE;
        lines[i].payback = NAN;
    }
    t.nlines = 8;
    socinv_case_report rep;
    socinv_finding f[8];
    assert_ok(socinv_case_audit(&t, lines, values, SOCINV_CHECK_TOLERANCE, &rep, f, 8));
    size_t subtotal_errors = 0;
    for (size_t i = 0; i < rep.nfindings; i++) {
        if (f[i].kind != SOCINV_FINDING_SUBTOTAL)
            continue;
        subtotal_errors++;
        assert_int_equal(f[i].severity, SOCINV_SEVERITY_ERROR);
        assert_int_equal(f[i].note, SOCINV_NOTE_MISMATCH);
        assert_true(f[i].line == 4 || f[i].line == 7);
        assert_close(f[i].printed, f[i].line == 4 ? 13 : 3, 0);
        assert_close(f[i].computed, f[i].line == 4 ? 12 : 2, 0);
    }
    assert_int_equal(subtotal_errors, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed001),
        cmocka_unit_test(test_bad_cell_after_the_table),
        cmocka_unit_test(test_seed003_bundle),
        cmocka_unit_test(test_seed003_tv04_findings),
        cmocka_unit_test(test_seed003_tv03_findings),
        cmocka_unit_test(test_seed003_ha06_area),
        cmocka_unit_test(test_seed003_ud01_subtotals_above),
        cmocka_unit_test(test_subtotal_error),
        cmocka_unit_test(test_qualified_sum),
        cmocka_unit_test(test_qualified_sum_no_total),
        cmocka_unit_test(test_paybacks_bases),
        cmocka_unit_test(test_area_subtotal_one_area),
        cmocka_unit_test(test_text_amounts_and_footnotes),
        cmocka_unit_test(test_bad_years),
        cmocka_unit_test(test_thirty_years),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_read_selected_range),
        cmocka_unit_test(test_table_not_in_column_a),
        cmocka_unit_test(test_amounts_like_years),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_field_lengths),
        cmocka_unit_test(test_encoding_anywhere),
        cmocka_unit_test(test_cp1252),
        cmocka_unit_test(test_utf8_char_len),
        cmocka_unit_test(test_ragged),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_label_prefixes),
        cmocka_unit_test(test_fold_more),
        cmocka_unit_test(test_row_ranges),
        cmocka_unit_test(test_year_runs),
        cmocka_unit_test(test_label_steps),
        cmocka_unit_test(test_net_many_years),
        cmocka_unit_test(test_audit_subtotal_kinds),
    };
    return cmocka_run_group_tests_name("casetable", tests, NULL, NULL);
}
