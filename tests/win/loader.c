/* win.loader: socinv_addin.dll loaded and called as LibreOffice on Windows does it.
 *
 * LibreOffice's shared-library loader (cppuhelper/source/shlib.cxx,
 * loadSharedLibComponentFactory) opens the component with osl::Module, which on Windows
 * is LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH); takes
 * component_getImplementationEnvironment and component_getFactory; maps between the
 * environment the component names and its own (msci/mscx on Windows, gcc3 on Linux):
 * "uno" means the binary UNO ABI, the same on every platform. This program does those
 * steps, then creates the add-in through the factory and dispatches real calls through
 * the add-in's uno_Interface, as Calc's bridge would, and checks the values against
 * the seeds (the same figures as tests/unit/test_glue.c).
 *
 * sal3.dll and cppu3.dll here are STAND-INS (standin_sal.c, standin_cppu.c), not
 * LibreOffice's: no Windows LibreOffice exists on this machine. As in soffice's process,
 * they are loaded before the component (this program imports them), and they provide the
 * XFunctions type description the way LibreOffice's type manager gives it from
 * socinv.rdb. Nothing but this test uses them.
 *
 *   loader.exe Z:/path/to/socinv_addin.dll     exit 0 when every check passed */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include <uno/dispatcher.h>
#include <uno/environment.h>
#include <uno/lbnames.h>

#include "standin.h"

typedef void(SAL_CALL *getenv_fn)(const char **, uno_Environment **);
typedef void *(SAL_CALL *getfactory_fn)(const char *, void *, void *);

static int checks, failures;

static void check(int ok, const char *what)
{
    checks++;
    if (!ok)
        failures++;
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
}

static typelib_TypeDescriptionReference *ref(typelib_TypeClass tc, const char *name)
{
    typelib_TypeDescriptionReference *r = NULL;
    typelib_typedescriptionreference_newByAsciiName(&r, tc, name);
    return r;
}

static rtl_uString *ustr(const char *ascii)
{
    rtl_uString *s = NULL;
    rtl_uString_newFromAscii(&s, ascii);
    return s;
}

static int ustr_is(const rtl_uString *s, const char *ascii)
{
    return s && rtl_ustr_ascii_compare_WithLength(s->buffer, s->length, ascii) == 0;
}

/* ---- the XFunctions description, as socinv.rdb has it (idl/XFunctions.idl) ---------- */

#define XFUNCTIONS "org.socinv.calc.XFunctions"

/* A method returning any; sig has one letter a parameter: R = [][]any, a = any. */
static typelib_TypeDescription *method(const char *name, const char *sig)
{
    typelib_InterfaceMethodTypeDescription *m = calloc(1, sizeof *m);
    char full[96];
    snprintf(full, sizeof full, "%s::%s", XFUNCTIONS, name);
    m->aBase.aBase.eTypeClass = typelib_TypeClass_INTERFACE_METHOD;
    m->aBase.aBase.pTypeName = ustr(full);
    m->aBase.aBase.bComplete = 1;
    m->aBase.pMemberName = ustr(name);
    m->pReturnTypeRef = ref(typelib_TypeClass_ANY, "any");
    m->nParams = (sal_Int32)strlen(sig);
    m->pParams = calloc((size_t)m->nParams, sizeof *m->pParams);
    for (sal_Int32 i = 0; i < m->nParams; i++) {
        m->pParams[i].pTypeRef = sig[i] == 'R' ? ref(typelib_TypeClass_SEQUENCE, "[][]any")
                                               : ref(typelib_TypeClass_ANY, "any");
        m->pParams[i].bIn = 1;
    }
    standin_register_type(&m->aBase.aBase);
    return &m->aBase.aBase;
}

static typelib_TypeDescription *m_payback, *m_netimpact, *m_sibpayout, *m_query, *m_create;

static void describe_xfunctions(void)
{
    m_payback = method("payback", "Raaaaa");
    m_netimpact = method("netImpact", "Raaaaa");
    m_sibpayout = method("sibPayout", "RRRRaaaaaaaa");
    static typelib_TypeDescriptionReference *members[3];
    static typelib_InterfaceTypeDescription xf;
    members[0] = ref(typelib_TypeClass_INTERFACE_METHOD, XFUNCTIONS "::payback");
    members[1] = ref(typelib_TypeClass_INTERFACE_METHOD, XFUNCTIONS "::netImpact");
    members[2] = ref(typelib_TypeClass_INTERFACE_METHOD, XFUNCTIONS "::sibPayout");
    xf.aBase.eTypeClass = typelib_TypeClass_INTERFACE;
    xf.aBase.pTypeName = ustr(XFUNCTIONS);
    xf.aBase.bComplete = 1;
    xf.nMembers = 3;
    xf.ppMembers = members;
    standin_register_type(&xf.aBase);
    /* members of other interfaces: dispatched by name (not registered under XFunctions) */
    static typelib_InterfaceMethodTypeDescription query, create;
    query.aBase.aBase.eTypeClass = create.aBase.aBase.eTypeClass = typelib_TypeClass_INTERFACE_METHOD;
    query.aBase.pMemberName = ustr("queryInterface");
    create.aBase.pMemberName = ustr("createInstanceWithContext");
    m_query = &query.aBase.aBase;
    m_create = &create.aBase.aBase;
}

/* ---- argument values, laid out as the bridge hands them over ------------------------- */

/* A cell: 'n' number, 't' text, 'e' empty (arrives as "" in a [][]any). */
typedef struct cell {
    char kind;
    double num;
    const char *text;
} cell;
#define N(v) {'n', (v), NULL}
#define T(s) {'t', 0, (s)}
#define E {'e', 0, NULL}

static void any_number(uno_Any *a, double v)
{
    a->pType = ref(typelib_TypeClass_DOUBLE, "double");
    memcpy(&a->pReserved, &v, sizeof v);
    a->pData = &a->pReserved;
}

static void any_text(uno_Any *a, const char *s)
{
    a->pType = ref(typelib_TypeClass_STRING, "string");
    a->pReserved = ustr(s);
    a->pData = &a->pReserved;
}

static void any_void(uno_Any *a)
{
    a->pType = ref(typelib_TypeClass_VOID, "void");
    a->pData = NULL;
}

static uno_Sequence *seq_new(sal_Int32 n, size_t size)
{
    uno_Sequence *s = calloc(1, sizeof(uno_Sequence) + (size_t)n * size); /* header, elements, and room */
    s->nRefCount = 1;
    s->nElements = n;
    return s;
}

/* A range as [][]any: rows of anys. */
static uno_Sequence *range(sal_Int32 rows, sal_Int32 cols, const cell *cells)
{
    uno_Sequence *outer = seq_new(rows, sizeof(uno_Sequence *));
    for (sal_Int32 r = 0; r < rows; r++) {
        uno_Sequence *row = seq_new(cols, sizeof(uno_Any));
        uno_Any *v = (uno_Any *)row->elements;
        for (sal_Int32 c = 0; c < cols; c++) {
            const cell *x = &cells[r * cols + c];
            if (x->kind == 'n')
                any_number(&v[c], x->num);
            else
                any_text(&v[c], x->kind == 't' ? x->text : "");
        }
        ((uno_Sequence **)outer->elements)[r] = row;
    }
    return outer;
}

/* A range whose rows differ in width (a macro's, never Calc's): row r has widths[r]
 * cells, taken from cells in order. */
static uno_Sequence *ragged_range(sal_Int32 rows, const sal_Int32 *widths, const cell *cells)
{
    uno_Sequence *outer = seq_new(rows, sizeof(uno_Sequence *));
    for (sal_Int32 r = 0; r < rows; r++) {
        uno_Sequence *one_row = range(1, widths[r], cells);
        ((uno_Sequence **)outer->elements)[r] = ((uno_Sequence **)one_row->elements)[0];
        free(one_row);
        cells += widths[r];
    }
    return outer;
}

static void any_range(uno_Any *a, sal_Int32 rows, sal_Int32 cols, const cell *cells)
{
    a->pType = ref(typelib_TypeClass_SEQUENCE, "[][]any");
    a->pReserved = range(rows, cols, cells);
    a->pData = &a->pReserved;
}

/* ---- calls ----------------------------------------------------------------------------- */

static uno_Interface *addin;
static uno_Any thrown_buffer;
static uno_Any *thrown; /* the exception of the last call, or NULL */

static uno_Any call(typelib_TypeDescription *m, void *args[])
{
    uno_Any result;
    memset(&result, 0, sizeof result);
    thrown = &thrown_buffer;
    addin->pDispatcher(addin, m, &result, args, &thrown);
    return result;
}

static int is_number(uno_Any r, double expected, double tol)
{
    return !thrown && r.pType && r.pType->eTypeClass == typelib_TypeClass_DOUBLE &&
           fabs(*(double *)r.pData - expected) <= tol;
}

static int is_matrix(uno_Any r, sal_Int32 rows, sal_Int32 cols, const double *expected, double tol)
{
    if (thrown || !r.pType || !ustr_is(r.pType->pTypeName, "[][]double"))
        return 0;
    const uno_Sequence *outer = *(uno_Sequence **)r.pData;
    if (outer->nElements != rows)
        return 0;
    for (sal_Int32 i = 0; i < rows; i++) {
        const uno_Sequence *row = ((uno_Sequence **)outer->elements)[i];
        if (row->nElements != cols)
            return 0;
        for (sal_Int32 j = 0; j < cols; j++)
            if (fabs(((const double *)row->elements)[j] - expected[i * cols + j]) > tol)
                return 0;
    }
    return 1;
}

/* Seed 001's net impact row: 1511, -1130, -1551, -504 (cumulative 1511, 381, -1170: year 3;
 * fractional 2 + 381/1551 = 2.245648). */
static const cell s001[] = {N(1511), N(-1130), N(-1551), N(-504)};

static void check_payback(void)
{
    uno_Sequence *net = range(1, 4, s001);
    uno_Any opt[5], method1, method7, horizon2;
    for (int i = 0; i < 5; i++)
        any_void(&opt[i]);
    void *args[6] = {&net, &opt[0], &opt[1], &opt[2], &opt[3], &opt[4]};
    check(is_number(call(m_payback, args), 3, 0), "PAYBACK(seed 001 row) = 3");

    any_number(&method1, 1);
    args[1] = &method1;
    check(is_number(call(m_payback, args), 2 + 381.0 / 1551.0, 1e-12), "PAYBACK(seed 001 row; 1) = 2.245648");

    any_number(&method7, 7); /* no method 7 (0-3 exist): Err:502, an IllegalArgumentException */
    args[1] = &method7;
    call(m_payback, args);
    int illegal = thrown && ustr_is(thrown->pType->pTypeName, "com.sun.star.lang.IllegalArgumentException");
    const rtl_uString *message = illegal ? *(rtl_uString **)thrown->pData : NULL;
    check(illegal && message && message->length > 8 &&
              rtl_ustr_ascii_compare_WithLength(message->buffer, 8, "socinv: ") == 0 &&
              *(sal_Int16 *)((char *)thrown->pData + 16) == -1,
          "PAYBACK(seed 001 row; 7) throws IllegalArgumentException \"socinv: ...\"");

    /* rows of different widths are as wide as the widest, padded with empty cells,
     * whichever row is the widest (the dispatcher reads the first row's width and
     * takes the shapes again when a later row is wider): the portfolio form, a
     * year per row. {5;-10}: cumulative 5, -5, year 2; {5;-1;-10}: 5, 4, -6, year 3;
     * {-1}: year 1 (read as one column -1, 5, -10, ... it would be one number, 1) */
    static const sal_Int32 narrow_first[] = {2, 3}, wide_first[] = {3, 2}, column_first[] = {1, 2, 1};
    static const cell rows_23[] = {N(5), N(-10), N(5), N(-1), N(-10)};
    static const cell rows_32[] = {N(5), N(-1), N(-10), N(5), N(-10)};
    static const cell rows_121[] = {N(-1), N(5), N(-10), N(-1)};
    uno_Sequence *ragged = ragged_range(2, narrow_first, rows_23);
    args[0] = &ragged;
    args[1] = &opt[0];
    check(is_matrix(call(m_payback, args), 2, 1, (const double[]){2, 3}, 0), "PAYBACK({5;-10|5;-1;-10}) = {2|3}");
    ragged = ragged_range(2, wide_first, rows_32);
    check(is_matrix(call(m_payback, args), 2, 1, (const double[]){3, 2}, 0), "PAYBACK({5;-1;-10|5;-10}) = {3|2}");
    ragged = ragged_range(3, column_first, rows_121);
    check(is_matrix(call(m_payback, args), 3, 1, (const double[]){1, 2, 1}, 0),
          "PAYBACK({-1|5;-10|-1}) = {1|2|1}, not a column");
    args[0] = &net;

    any_number(&horizon2, 2); /* not paid back by year 2: #N/A, a void any */
    args[1] = &opt[0];
    args[5] = &horizon2;
    uno_Any r = call(m_payback, args);
    check(!thrown && r.pType && r.pType->eTypeClass == typelib_TypeClass_VOID, "PAYBACK(seed 001 row;;;;; 2) = #N/A");
}

/* Seed 001's table on the total basis: 1511 = 983 + 150 + 378; -1130 = -1002 - 215 + 87;
 * -1551 = -1127 - 504 + 80; -504. */
static void check_netimpact(void)
{
    static const cell amounts[] = {N(0),   N(-1002), N(-1127), E, N(0),   N(0),  N(0),  E,
                                   E,      N(-215),  N(-504),  N(-504), N(983), E, E, E,
                                   N(150), E,        E,        E,       N(378), N(87), N(80), N(0)};
    static const cell kinds[] = {T("V"), T("V"), T("V"), T("I"), T("I"), T("I")};
    static const double expected[] = {1511, -1130, -1551, -504};
    uno_Sequence *table = range(6, 4, amounts);
    uno_Any areas, kind, rest[3];
    any_void(&areas);
    any_range(&kind, 6, 1, kinds);
    for (int i = 0; i < 3; i++)
        any_void(&rest[i]);
    void *args[6] = {&table, &areas, &kind, &rest[0], &rest[1], &rest[2]};
    check(is_matrix(call(m_netimpact, args), 1, 4, expected, 1e-9),
          "NETIMPACT(seed 001 table;;kinds) = 1511, -1130, -1551, -504");
}

/* Herning, every criterion earning 10 a year, caps 5.58, 2, 3, 1, 1, groups 1 1 1 2 2 capped
 * 2 and 0.66, total 5.58: 5.58 in all; 2.66, 2.66, 0.26 by year (test_sib.c works it out). */
static void check_sibpayout(void)
{
    cell earned[15];
    for (int i = 0; i < 15; i++)
        earned[i] = (cell)N(10);
    static const cell critcaps[] = {N(5.58), N(2), N(3), N(1), N(1)};
    static const cell groups[] = {N(1), N(1), N(1), N(2), N(2)};
    static const cell groupcaps[] = {N(2), N(0.66)};
    static const double by_year[] = {2.66, 2.66, 0.26};
    uno_Sequence *e = range(5, 3, earned), *cc = range(5, 1, critcaps), *g = range(5, 1, groups),
                 *gc = range(2, 1, groupcaps);
    uno_Any total, opt[7], year_output;
    any_range(&total, 1, 1, (const cell[]){N(5.58)});
    for (int i = 0; i < 7; i++)
        any_void(&opt[i]);
    void *args[12] = {&e, &cc, &g, &gc, &total, &opt[0], &opt[1], &opt[2], &opt[3], &opt[4], &opt[5], &opt[6]};
    check(is_number(call(m_sibpayout, args), 5.58, 1e-12), "SIBPAYOUT(Herning) = 5.58");
    any_text(&year_output, "year");
    args[8] = &year_output;
    check(is_matrix(call(m_sibpayout, args), 1, 3, by_year, 1e-12), "SIBPAYOUT(Herning;;;;\"year\") = 2.66, 2.66, 0.26");
}

static uno_Interface *create_addin(uno_Interface *factory)
{
    uno_Interface *context = NULL, *made = NULL;
    void *args[1] = {&context};
    thrown = &thrown_buffer;
    factory->pDispatcher(factory, m_create, &made, args, &thrown);
    return thrown ? NULL : made;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: loader.exe PATH\\socinv_addin.dll\n");
        return 2;
    }
    describe_xfunctions();
    wchar_t path[MAX_PATH];
    MultiByteToWideChar(CP_UTF8, 0, argv[1], -1, path, MAX_PATH);
    HMODULE dll = LoadLibraryExW(path, NULL, LOAD_WITH_ALTERED_SEARCH_PATH); /* osl_loadModule */
    check(dll != NULL, "LoadLibraryExW(socinv_addin.dll)");
    if (!dll)
        return 1;
    getenv_fn get_env = (getenv_fn)(void (*)(void))GetProcAddress(dll, "component_getImplementationEnvironment");
    getfactory_fn get_factory = (getfactory_fn)(void (*)(void))GetProcAddress(dll, "component_getFactory");
    check(get_env && get_factory, "GetProcAddress of the two entry points");
    if (!get_env || !get_factory)
        return 1;
    const char *env_name = NULL;
    uno_Environment *env = NULL;
    get_env(&env_name, &env);
    check(env_name && !strcmp(env_name, UNO_LB_UNO) && !strcmp(env_name, "uno"), "environment \"uno\"");
    check(get_factory("org.example.Other", NULL, NULL) == NULL, "no factory for another implementation");
    uno_Interface *factory = get_factory("org.socinv.calc.FunctionsImpl", NULL, NULL);
    check(factory != NULL, "factory of org.socinv.calc.FunctionsImpl");
    addin = factory ? create_addin(factory) : NULL;
    check(addin != NULL, "createInstanceWithContext");
    if (!addin)
        return 1;

    typelib_TypeDescriptionReference *xf = ref(typelib_TypeClass_INTERFACE, XFUNCTIONS);
    void *qargs[1] = {&xf};
    uno_Any q = call(m_query, qargs);
    check(!thrown && q.pType->eTypeClass == typelib_TypeClass_INTERFACE && *(uno_Interface **)q.pData == addin,
          "queryInterface(XFunctions) gives the add-in");

    check_payback();
    check_netimpact();
    check_sibpayout();

    addin->release(addin); /* the queryInterface reference */
    addin->release(addin);
    factory->release(factory);
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 && checks == 17 ? 0 : 1; /* 17: every check ran */
}
