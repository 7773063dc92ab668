/* The add-in's unit tests: the function table itself: names, help, examples (addin/functions.c). */
#include "glue_test.h"
#include "glue.h"
#include "params.h"

/* ====================================================================================== */
/* ---- the function table --------------------------------------------------------------------- */

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : 9;
        if (n == 9 || (n == 1 && *p < 0xc2))
            return 0;
        p++;
        for (size_t k = 0; k < n; k++, p++)
            if ((*p & 0xc0) != 0x80)
                return 0;
    }
    return 1;
}

static void assert_text(const char *s, const char *what, const char *method)
{
    if (!s || !*s || !valid_utf8(s)) {
        print_error("%s of %s is empty or not UTF-8\n", what, method);
        fail();
    }
}

static int is_identifier(const char *s)
{
    if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

/** Every row: unique method and display names, non-empty en/da texts, parameters named once,
 * nparams <= SV_MAX_PARAMS, an example, help summaries without a trailing period. */
static void test_table_lint(void **state)
{
    (void)state;
    assert_true(sv_function_count > 0);
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        const char *m = f->method;
        assert_true(is_identifier(m)); /* an IDL method name */
        assert_non_null(f->glue);
        assert_text(f->name.en, "English name", m);
        assert_text(f->name.da, "Danish name", m);
        assert_text(f->category, "category", m);
        assert_text(f->help.en, "English help", m);
        assert_text(f->help.da, "Danish help", m);
        for (const char *p = f->name.en; *p; p++) /* upper-case English display names */
            assert_false(*p >= 'a' && *p <= 'z');
        size_t le = strlen(f->help.en), ld = strlen(f->help.da);
        if (f->help.en[le - 1] == '.' || f->help.da[ld - 1] == '.') {
            print_error("help summary of %s ends with a period\n", m);
            fail();
        }
        for (size_t j = 0; j < i; j++) {
            const sv_function *g = &sv_functions[j];
            if (!strcmp(m, g->method) || !strcmp(f->name.en, g->name.en) || !strcmp(f->name.da, g->name.da) ||
                !strcmp(f->name.en, g->name.da) || !strcmp(f->name.da, g->name.en)) {
                print_error("%s and %s share a name\n", m, g->method);
                fail();
            }
        }
        assert_true(f->nparams >= 1);
        assert_true(f->nparams <= SV_MAX_PARAMS);
        for (size_t p = 0; p < f->nparams; p++) {
            const sv_param *a = &f->params[p];
            assert_true(is_identifier(a->name)); /* an IDL parameter name */
            assert_text(a->label.en, "parameter label (en)", m);
            assert_text(a->label.da, "parameter label (da)", m);
            assert_text(a->help.en, "parameter help (en)", m);
            assert_text(a->help.da, "parameter help (da)", m);
            for (size_t q = 0; q < p; q++)
                if (!strcmp(a->name, f->params[q].name)) {
                    print_error("%s has two parameters named %s\n", m, a->name);
                    fail();
                }
        }
        for (size_t p = f->nparams; p < SV_MAX_PARAMS; p++)
            assert_null(f->params[p].name); /* nothing hides beyond nparams */
        /* at least one example; every example names the function and says what Calc shows */
        assert_non_null(f->examples[0].formula);
        for (size_t e = 0; e < N_OF(f->examples) && f->examples[e].formula; e++) {
            char call[64];
            snprintf(call, sizeof call, "%s(", f->name.en);
            assert_text(f->examples[e].formula, "example", m);
            assert_text(f->examples[e].expected, "example result", m);
            assert_non_null(strstr(f->examples[e].formula, call));
        }
    }
}

/** Required parameters come before optional ones, so optional arguments can be left off at the end. */
static void test_table_required_first(void **state)
{
    (void)state;
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        int optional_seen = 0;
        for (size_t p = 0; p < f->nparams; p++) {
            if (f->params[p].type == SV_P_OPTIONAL)
                optional_seen = 1;
            else if (optional_seen) {
                print_error("%s: required %s after an optional parameter\n", f->method, f->params[p].name);
                fail();
            }
        }
    }
}

/** The catalogue's functions are all there, with its English and Danish names (PAYBACK, NETIMPACT and
 * SIBPAYOUT are fixed), and no name collides with NPV or Calc's Danish built-ins. */
static void test_table_catalogue_names(void **state)
{
    (void)state;
    static const char *const names[][2] = {
        {"PAYBACK", "TILBAGEBETALINGSTID"}, {"PAYBACKDISC", "TILBAGEBETALINGSTID.DISK"},
        {"NETIMPACT", "NETTOEFFEKT"}, {"TABLECHECK", "TABELKONTROL"}, {"SIBPAYOUT", "SIB.UDBETALING"},
        {"SIBDECREASE", "SIB.FALD"}, {"REFUNDNET", "EFTER.REFUSION"}, {"CASEPRICE", "PRIS.PR.SAG"},
        {"SIBUNCOVERED", "SIB.UD\xc3\x86KKET"}, {"TARGETGAP", "NETTOUDEST\xc3\x85\x45NDE"},
        {"PLFACTOR", "PL.FAKTOR"}, {"PLCONVERT", "PL.OMREGN"}, {"PHASEIN", "INDFASNING"},
        {"DISCFACTOR", "DISKONTERINGSFAKTOR"}, {"DISCSCHEDULE", "DISKONTERINGSSATSER"},
        {"NPVSOC", "NUTIDSV\xc3\x86RDI.SAMF"}, {"BCR", "BC.FORHOLD"}, {"NETROI", "NETTOAFKAST"},
        {"SWITCHBENEFITS", "SKIFTEV\xc3\x86RDI"}, {"IMPACTADJ", "EFFEKTJUSTERING"},
        {"OBUPLIFT", "OPTIMISMETILL\xc3\x86G"}, {"SHARE", "ANDEL"},
    };
    for (size_t k = 0; k < N_OF(names); k++) {
        const sv_function *found = NULL;
        for (size_t i = 0; i < sv_function_count; i++)
            if (!strcmp(sv_functions[i].name.en, names[k][0]))
                found = &sv_functions[i];
        if (!found) {
            print_error("%s is missing from the table\n", names[k][0]);
            fail();
        }
        assert_string_equal(found->name.da, names[k][1]);
    }
    assert_true(sv_function_count >= N_OF(names));
    static const char *const builtins[] = {"NPV", "NUTIDSV\xc3\x86RDI", "NV", "IA", "PVARIGHED", "RENTE"};
    for (size_t i = 0; i < sv_function_count; i++)
        for (size_t b = 0; b < N_OF(builtins); b++) {
            assert_string_not_equal(sv_functions[i].name.en, builtins[b]);
            assert_string_not_equal(sv_functions[i].name.da, builtins[b]);
        }
}

/** sv_function_find: exact method names (case and length matter), NULL otherwise. */
static void test_function_find(void **state)
{
    (void)state;
    for (size_t i = 0; i < sv_function_count; i++) {
        const char *m = sv_functions[i].method;
        assert_ptr_equal(sv_function_find(m, strlen(m)), &sv_functions[i]);
    }
    const sv_function *pb = sv_function_find("payback", 7);
    assert_non_null(pb);
    assert_string_equal(pb->name.en, "PAYBACK");
    assert_ptr_equal(sv_function_find("paybackDisc", 7), pb); /* only len bytes are read */
    assert_null(sv_function_find("paybac", 6));
    assert_null(sv_function_find("PAYBACK", 7));
    assert_null(sv_function_find("nosuch", 6));
    assert_null(sv_function_find("", 0));
}

/** Defaults are stated once, in the row (sv_param.dflt): the generator ends the help
 * with "default: …" / "standard: …". So only optional parameters have one, in both
 * languages, and no help text says "(default)" itself any more. */
static void test_table_defaults_in_row(void **state)
{
    (void)state;
    size_t with_default = 0;
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        for (size_t p = 0; p < f->nparams; p++) {
            const sv_param *pa = &f->params[p];
            assert_true((pa->dflt.en == NULL) == (pa->dflt.da == NULL));
            if (pa->dflt.en) {
                assert_int_equal(pa->type, SV_P_OPTIONAL);
                assert_true(strlen(pa->dflt.en) > 0 && strlen(pa->dflt.da) > 0);
                with_default++;
            }
            assert_null(strstr(pa->help.en, "(default)"));
            assert_null(strstr(pa->help.en, "(default,"));
            assert_null(strstr(pa->help.en, "(default:"));
            assert_null(strstr(pa->help.da, "(standard)"));
            assert_null(strstr(pa->help.da, "(standard,"));
            assert_null(strstr(pa->help.da, "(standard:"));
        }
    }
    /* PAYBACK alone has five: method, crossing, extrapolate, sign, horizon */
    const sv_function *pb = sv_function_find("payback", 7);
    assert_string_equal(pb->params[SV_PAYBACK_HORIZON].dflt.en, "100");
    assert_string_equal(pb->params[SV_PAYBACK_EXTRAPOLATE].dflt.da, "SAND");
    assert_true(with_default >= 30);
}

/* A default as the help shows it, without its quotes ("\"total\"" -> total). */
static size_t unquoted(const char *shown, const char **word)
{
    size_t n = strlen(shown);
    if (n >= 2 && shown[0] == '"' && shown[n - 1] == '"') {
        *word = shown + 1;
        return n - 2;
    }
    *word = shown;
    return n;
}

/** Keyword arguments state their words and default once, in the row (OPTK): the
 * default the help shows, read as one of the row's words in either language, is
 * the code sv_keyword_arg gives when the argument is left out; words are lower case
 * (sv_keyword compares with them that way). The eight: PAYBACK's extrapolate,
 * NETIMPACT's part, SIBPAYOUT's allocation, carry, output and capmode, SIBDECREASE's
 * floor0 and TARGETGAP's carry. */
static void test_table_keywords_in_row(void **state)
{
    (void)state;
    size_t with_keywords = 0;
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        for (size_t p = 0; p < f->nparams; p++) {
            const sv_param *pa = &f->params[p];
            if (!pa->keywords)
                continue;
            with_keywords++;
            assert_int_equal(pa->type, SV_P_OPTIONAL);
            assert_non_null(pa->dflt.en);
            assert_true(pa->keywords->nwords > 0);
            for (size_t w = 0; w < pa->keywords->nwords; w++)
                for (const char *ch = pa->keywords->words[w].word; *ch; ch++)
                    assert_false(*ch >= 'A' && *ch <= 'Z');
            const char *shown[2] = {pa->dflt.en, pa->dflt.da};
            for (size_t lang = 0; lang < 2; lang++) {
                const char *word;
                size_t len = unquoted(shown[lang], &word);
                size_t w = 0;
                while (w < pa->keywords->nwords && !sv_word_is(word, len, pa->keywords->words[w].word))
                    w++;
                if (w == pa->keywords->nwords || pa->keywords->words[w].code != pa->dflt_code) {
                    print_error("%s.%s: default %s is not its code %ld\n", f->method, pa->name, shown[lang],
                                pa->dflt_code);
                    fail();
                }
            }
        }
    }
    assert_int_equal(with_keywords, 8);
    const sv_param *out = &sv_function_find("sibPayout", 9)->params[SV_SIBPAYOUT_OUTPUT];
    assert_int_equal(out->keywords->nwords, 16);
    assert_string_equal(out->keywords->words[15].word, "cuttotal");
    assert_int_equal(out->keywords->words[15].code, SV_OUT_CUT_TOTAL);
}

/* A default as the help shows it, read as a number: digits with a '.' or ',' (so
 * "0,5" is 0.5), in any C locale (the .da run has a Danish one); 0 when it is not one. */
static int shown_number(const char *shown, double *v)
{
    const char *ch = shown;
    double sign = *ch == '-' ? (ch++, -1.0) : 1.0, x = 0.0, scale = 0.0;
    if (!*ch)
        return 0;
    for (; *ch; ch++) {
        if ((*ch == '.' || *ch == ',') && scale == 0.0)
            scale = 1.0;
        else if (*ch >= '0' && *ch <= '9') {
            x = x * 10.0 + (*ch - '0');
            scale *= 10.0;
        } else
            return 0;
    }
    *v = sign * (scale > 0.0 ? x / scale : x);
    return 1;
}

/** Number arguments' defaults (OPTN rows) are in the row once as the value the glue
 * reads (sv_int_arg, sv_number_arg): the help's "default: …" in both languages says
 * that value. PAYBACK's horizon is 100, TABLECHECK's tolerance 0.5 ("0,5"). */
static void test_table_number_defaults_in_row(void **state)
{
    (void)state;
    size_t numeric = 0;
    for (size_t i = 0; i < sv_function_count; i++) {
        const sv_function *f = &sv_functions[i];
        for (size_t p = 0; p < f->nparams; p++) {
            const sv_param *pa = &f->params[p];
            double en, da;
            if (!pa->dflt.en || pa->keywords || !shown_number(pa->dflt.en, &en))
                continue;
            numeric++;
            assert_true(shown_number(pa->dflt.da, &da));
            if (en != pa->dflt_value || da != pa->dflt_value) {
                print_error("%s.%s: help says %s / %s, the glue reads %g\n", f->method, pa->name, pa->dflt.en,
                            pa->dflt.da, pa->dflt_value);
                fail();
            }
        }
    }
    assert_true(numeric >= 20);
    const sv_function *pb = sv_function_find("payback", 7);
    assert_true(pb->params[SV_PAYBACK_HORIZON].dflt_value == 100.0);
    const sv_function *tc = sv_function_find("tableCheck", 10);
    assert_true(tc->params[SV_TABLECHECK_TOLERANCE].dflt_value == 0.5);
    assert_string_equal(tc->params[SV_TABLECHECK_TOLERANCE].dflt.da, "0,5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_table_lint),
        T(test_table_defaults_in_row),
        T(test_table_keywords_in_row),
        T(test_table_number_defaults_in_row),
        T(test_table_required_first),
        T(test_table_catalogue_names),
        T(test_function_find),
    };
    return cmocka_run_group_tests_name("functions", tests, NULL, NULL);
}
