/* One call of an XFunctions method: UNO arguments -> sv_call -> glue -> UNO
 * result or exception. The only code that converts between UNO values and the
 * add-in's call model (call.h).
 *
 * Arguments belong to the caller and are only read. Each call makes at most
 * one scratch allocation for all its argument cells and text (none for
 * arguments that fit the sv_call's inline buffer), and creates UNO values only
 * for the result. Everything it creates is handed over (the return any) or
 * released before it returns. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "uno_addin.h"

/* ---- types, looked up once per object -------------------------------------------- */

static int ref_new(typelib_TypeDescriptionReference **ref, typelib_TypeClass tc, const char *name)
{
    *ref = NULL;
    typelib_typedescriptionreference_newByAsciiName(ref, tc, name);
    return *ref != NULL;
}

static void ref_release(typelib_TypeDescriptionReference **ref)
{
    if (*ref)
        typelib_typedescriptionreference_release(*ref);
    *ref = NULL;
}

static int td_get(typelib_TypeDescription **td, const char *name)
{
    rtl_uString *s = NULL;
    *td = NULL;
    rtl_uString_newFromAscii(&s, name);
    if (!s)
        return 0;
    typelib_typedescription_getByName(td, s);
    rtl_uString_release(s);
    return *td != NULL;
}

void sv_uno_types_release(sv_uno_types *t)
{
    ref_release(&t->t_double);
    ref_release(&t->t_string);
    ref_release(&t->t_seq_double);
    ref_release(&t->t_seq_seq_double);
    ref_release(&t->t_seq_seq_any);
    ref_release(&t->t_seq_type);
    ref_release(&t->t_seq_byte);
    ref_release(&t->t_seq_string);
    ref_release(&t->t_xfunctions);
    ref_release(&t->t_xtypeprovider);
    ref_release(&t->t_xserviceinfo);
    ref_release(&t->t_xservicename);
    if (t->td_illegal_argument)
        typelib_typedescription_release(t->td_illegal_argument);
    if (t->td_runtime)
        typelib_typedescription_release(t->td_runtime);
    t->td_illegal_argument = t->td_runtime = NULL;
}

int sv_uno_types_init(sv_uno_types *t)
{
    memset(t, 0, sizeof *t);
    int ok = ref_new(&t->t_double, typelib_TypeClass_DOUBLE, "double") &&
             ref_new(&t->t_string, typelib_TypeClass_STRING, "string") &&
             ref_new(&t->t_seq_double, typelib_TypeClass_SEQUENCE, "[]double") &&
             ref_new(&t->t_seq_seq_double, typelib_TypeClass_SEQUENCE, "[][]double") &&
             ref_new(&t->t_seq_seq_any, typelib_TypeClass_SEQUENCE, "[][]any") &&
             ref_new(&t->t_seq_type, typelib_TypeClass_SEQUENCE, "[]type") &&
             ref_new(&t->t_seq_byte, typelib_TypeClass_SEQUENCE, "[]byte") &&
             ref_new(&t->t_seq_string, typelib_TypeClass_SEQUENCE, "[]string") &&
             ref_new(&t->t_xfunctions, typelib_TypeClass_INTERFACE, SV_INTERFACE_NAME) &&
             ref_new(&t->t_xtypeprovider, typelib_TypeClass_INTERFACE, "com.sun.star.lang.XTypeProvider") &&
             ref_new(&t->t_xserviceinfo, typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceInfo") &&
             ref_new(&t->t_xservicename, typelib_TypeClass_INTERFACE, "com.sun.star.lang.XServiceName") &&
             td_get(&t->td_illegal_argument, "com.sun.star.lang.IllegalArgumentException") &&
             td_get(&t->td_runtime, "com.sun.star.uno.RuntimeException");
    if (ok) {
        /* Message is the first member of the root, com.sun.star.uno.Exception;
         * ArgumentPosition the (only) own member of IllegalArgumentException. */
        const typelib_CompoundTypeDescription *root = (const typelib_CompoundTypeDescription *)t->td_runtime;
        while (root->pBaseTypeDescription)
            root = root->pBaseTypeDescription;
        const typelib_CompoundTypeDescription *iae = (const typelib_CompoundTypeDescription *)t->td_illegal_argument;
        ok = t->td_runtime->eTypeClass == typelib_TypeClass_EXCEPTION &&
             t->td_illegal_argument->eTypeClass == typelib_TypeClass_EXCEPTION && root->nMembers >= 1 &&
             root->ppTypeRefs[0]->eTypeClass == typelib_TypeClass_STRING && iae->nMembers >= 1 &&
             iae->ppTypeRefs[0]->eTypeClass == typelib_TypeClass_SHORT;
        if (ok) {
            t->off_message = root->pMemberOffsets[0];
            t->off_argument_position = iae->pMemberOffsets[0];
        }
    }
    if (!ok)
        sv_uno_types_release(t);
    return ok;
}

int sv_uno_equals_ascii(const rtl_uString *s, const char *ascii)
{
    return s && rtl_ustr_ascii_compare_WithLength(s->buffer, s->length, ascii) == 0;
}

/* ---- exceptions ------------------------------------------------------------------ */

void sv_uno_throw(const sv_uno_types *t, uno_Any *exc, int illegal, const char *message)
{
    typelib_TypeDescription *td = illegal ? t->td_illegal_argument : t->td_runtime;
    uno_any_construct(exc, NULL, td, NULL); /* default-constructed: "" and null context */
    rtl_uString **msg = (rtl_uString **)((char *)exc->pData + t->off_message);
    rtl_string2UString(msg, message, (sal_Int32)strlen(message), RTL_TEXTENCODING_UTF8,
                       OSTRING_TO_OUSTRING_CVTFLAGS); /* releases the old "" */
    if (!*msg)
        rtl_uString_new(msg); /* out of memory: keep a valid (empty) string */
    if (illegal)
        *(sal_Int16 *)((char *)exc->pData + t->off_argument_position) = -1;
}

/* ---- signatures ------------------------------------------------------------------ */

const sv_function *sv_uno_function_for(const typelib_TypeDescription *member)
{
    if (!member || member->eTypeClass != typelib_TypeClass_INTERFACE_METHOD)
        return NULL;
    const typelib_InterfaceMethodTypeDescription *m = (const typelib_InterfaceMethodTypeDescription *)member;
    const rtl_uString *name = m->aBase.pMemberName;
    char ascii[64];
    if (!name || name->length <= 0 || (size_t)name->length >= sizeof ascii)
        return NULL;
    for (sal_Int32 i = 0; i < name->length; i++) {
        if (name->buffer[i] == 0 || name->buffer[i] > 0x7f)
            return NULL;
        ascii[i] = (char)name->buffer[i];
    }
    const sv_function *fn = sv_function_find(ascii, (size_t)name->length);
    if (!fn || m->nParams < 0 || (size_t)m->nParams != fn->nparams || !m->pReturnTypeRef ||
        m->pReturnTypeRef->eTypeClass != typelib_TypeClass_ANY)
        return NULL;
    for (size_t p = 0; p < fn->nparams; p++) {
        const typelib_MethodParameter *mp = &m->pParams[p];
        if (!mp->bIn || mp->bOut || !mp->pTypeRef)
            return NULL;
        switch (fn->params[p].type) {
        case SV_P_NUMBER:
            if (mp->pTypeRef->eTypeClass != typelib_TypeClass_DOUBLE)
                return NULL;
            break;
        case SV_P_OPTIONAL:
            if (mp->pTypeRef->eTypeClass != typelib_TypeClass_ANY)
                return NULL;
            break;
        case SV_P_RANGE:
            if (mp->pTypeRef->eTypeClass != typelib_TypeClass_SEQUENCE ||
                !sv_uno_equals_ascii(mp->pTypeRef->pTypeName, "[][]any"))
                return NULL;
            break;
        default:
            return NULL;
        }
    }
    return fn;
}

/* ---- arguments ------------------------------------------------------------------- */

/* Bytes of the UTF-8 form of UTF-16 text; a lone surrogate becomes U+FFFD. */
static size_t utf8_size(const sal_Unicode *s, sal_Int32 n)
{
    size_t len = 0;
    for (sal_Int32 i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c < 0x80)
            len += 1;
        else if (c < 0x800)
            len += 2;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            len += 4;
            i++;
        } else
            len += 3;
    }
    return len;
}

static char *utf8_put(char *o, const sal_Unicode *s, sal_Int32 n)
{
    for (sal_Int32 i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)s[i + 1] - 0xDC00);
                i++;
            } else {
                c = 0xFFFD;
            }
        }
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (char)(0xE0 | (c >> 12));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)(0xF0 | (c >> 18));
            *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    return o;
}

/* A single value inside an any, as a cell. Text is only located here (*text);
 * it is converted when the cells are filled. SOCINV_E_TYPE for anything that
 * is not a number, a boolean, text or void. */
static socinv_status scalar_of(const uno_Any *a, sv_cell *cell, const rtl_uString **text)
{
    const void *d = a->pData;
    *text = NULL;
    cell->kind = SV_NUMBER;
    cell->text = NULL;
    cell->len = 0;
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_VOID: cell->kind = SV_EMPTY; cell->num = 0.0; return SOCINV_OK;
    case typelib_TypeClass_DOUBLE: cell->num = *(const double *)d; return SOCINV_OK;
    case typelib_TypeClass_FLOAT: cell->num = *(const float *)d; return SOCINV_OK;
    case typelib_TypeClass_BOOLEAN: cell->num = *(const sal_Bool *)d ? 1.0 : 0.0; return SOCINV_OK;
    case typelib_TypeClass_BYTE: cell->num = *(const sal_Int8 *)d; return SOCINV_OK;
    case typelib_TypeClass_SHORT: cell->num = *(const sal_Int16 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_SHORT: cell->num = *(const sal_uInt16 *)d; return SOCINV_OK;
    case typelib_TypeClass_LONG: cell->num = *(const sal_Int32 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_LONG: cell->num = *(const sal_uInt32 *)d; return SOCINV_OK;
    case typelib_TypeClass_HYPER: cell->num = (double)*(const sal_Int64 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_HYPER: cell->num = (double)*(const sal_uInt64 *)d; return SOCINV_OK;
    case typelib_TypeClass_STRING: {
        const rtl_uString *s = *(rtl_uString *const *)d;
        cell->num = 0.0;
        if (!s || s->length <= 0) {
            cell->kind = SV_EMPTY; /* "" is what an empty cell of a range arrives as */
        } else {
            cell->kind = SV_TEXT;
            *text = s;
        }
        return SOCINV_OK;
    }
    default:
        return SOCINV_E_TYPE;
    }
}

/* How one argument will be laid out: found in a first pass (which checks every
 * value), filled in a second pass into one scratch block for the whole call. */
typedef struct arg_plan {
    enum { PLAN_OMITTED, PLAN_NUMBER, PLAN_SCALAR, PLAN_RANGE } kind;
    double num;               /* PLAN_NUMBER */
    const uno_Any *scalar;    /* PLAN_SCALAR */
    const uno_Sequence *rows; /* PLAN_RANGE: [][]any */
    size_t nrows, ncols, text_bytes;
} arg_plan;

static socinv_status measure_range(const uno_Sequence *rows, arg_plan *pl)
{
    size_t nrows = rows ? (size_t)rows->nElements : 0, ncols = 0, text = 0;
    for (size_t r = 0; r < nrows; r++) {
        const uno_Sequence *row = ((uno_Sequence *const *)rows->elements)[r];
        size_t n = row ? (size_t)row->nElements : 0;
        const uno_Any *v = row ? (const uno_Any *)row->elements : NULL;
        if (n > ncols)
            ncols = n;
        for (size_t k = 0; k < n; k++) {
            sv_cell cell;
            const rtl_uString *s;
            socinv_status st = scalar_of(&v[k], &cell, &s);
            if (st != SOCINV_OK)
                return st;
            if (s)
                text += utf8_size(s->buffer, s->length);
        }
    }
    if (ncols && nrows > SOCINV_MAX_CELLS / ncols)
        return SOCINV_E_LENGTH;
    pl->kind = PLAN_RANGE;
    pl->rows = rows;
    pl->nrows = ncols ? nrows : 0;
    pl->ncols = ncols;
    pl->text_bytes = text;
    return SOCINV_OK;
}

static int is_seq_seq_any(const sv_uno_types *t, const typelib_TypeDescriptionReference *type)
{
    return type == t->t_seq_seq_any ||
           (type->eTypeClass == typelib_TypeClass_SEQUENCE && sv_uno_equals_ascii(type->pTypeName, "[][]any"));
}

static socinv_status plan_arg(const sv_uno_types *t, sv_param_type type, void *arg, arg_plan *pl)
{
    memset(pl, 0, sizeof *pl);
    switch (type) {
    case SV_P_NUMBER:
        pl->kind = PLAN_NUMBER;
        pl->num = *(const double *)arg;
        pl->nrows = pl->ncols = 1;
        return SOCINV_OK;
    case SV_P_RANGE:
        return measure_range(*(uno_Sequence *const *)arg, pl);
    case SV_P_OPTIONAL: {
        const uno_Any *a = arg;
        if (a->pType->eTypeClass == typelib_TypeClass_VOID) {
            pl->kind = PLAN_OMITTED;
            return SOCINV_OK;
        }
        if (a->pType->eTypeClass == typelib_TypeClass_SEQUENCE) {
            if (!is_seq_seq_any(t, a->pType))
                return SOCINV_E_TYPE;
            return measure_range(*(uno_Sequence *const *)a->pData, pl);
        }
        sv_cell cell;
        const rtl_uString *s;
        socinv_status st = scalar_of(a, &cell, &s);
        if (st != SOCINV_OK)
            return st;
        pl->kind = PLAN_SCALAR;
        pl->scalar = a;
        pl->nrows = pl->ncols = 1;
        pl->text_bytes = s ? utf8_size(s->buffer, s->length) : 0;
        return SOCINV_OK;
    }
    }
    return SOCINV_E_TYPE;
}

/* One cell from an any already checked by the plan; text goes to *pool. */
static void fill_cell(const uno_Any *a, sv_cell *cell, char **pool)
{
    const rtl_uString *s;
    (void)scalar_of(a, cell, &s);
    if (s) {
        cell->text = *pool;
        *pool = utf8_put(*pool, s->buffer, s->length);
        cell->len = (size_t)(*pool - cell->text);
    }
}

static void fill_arg(const arg_plan *pl, sv_arg *arg, sv_cell *cells, char **pool)
{
    arg->omitted = pl->kind == PLAN_OMITTED;
    arg->rows = pl->nrows;
    arg->cols = pl->ncols;
    arg->cells = cells;
    switch (pl->kind) {
    case PLAN_OMITTED:
        arg->cells = NULL;
        break;
    case PLAN_NUMBER:
        cells[0].kind = SV_NUMBER;
        cells[0].num = pl->num;
        cells[0].text = NULL;
        cells[0].len = 0;
        break;
    case PLAN_SCALAR:
        fill_cell(pl->scalar, &cells[0], pool);
        break;
    case PLAN_RANGE:
        for (size_t r = 0; r < pl->nrows; r++) {
            const uno_Sequence *row = ((uno_Sequence *const *)pl->rows->elements)[r];
            size_t n = row ? (size_t)row->nElements : 0;
            const uno_Any *v = row ? (const uno_Any *)row->elements : NULL;
            sv_cell *out = cells + r * pl->ncols;
            for (size_t k = 0; k < n; k++)
                fill_cell(&v[k], &out[k], pool);
            for (size_t k = n; k < pl->ncols; k++) /* a ragged row: pad with empty cells */
                out[k] = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
        }
        break;
    }
}

/* Decode all arguments into call's scratch memory. */
static socinv_status decode_args(const sv_uno_types *t, const sv_function *fn, void *pArgs[], sv_call *call,
                                 sv_arg *args)
{
    arg_plan plan[SV_MAX_PARAMS];
    size_t ncells = 0, text = 0;
    for (size_t i = 0; i < fn->nparams; i++) {
        socinv_status st = plan_arg(t, fn->params[i].type, pArgs[i], &plan[i]);
        if (st != SOCINV_OK)
            return st;
        ncells += plan[i].nrows * plan[i].ncols; /* each at most SOCINV_MAX_CELLS: no overflow */
        text += plan[i].text_bytes;
    }
    size_t bytes = ncells * sizeof(sv_cell);
    if (text > SIZE_MAX - bytes)
        return SOCINV_E_LENGTH;
    bytes += text;
    unsigned char *block = NULL;
    if (bytes) {
        block = sv_alloc(call, bytes);
        if (!block)
            return SOCINV_E_NOMEM;
    }
    sv_cell *cells = (sv_cell *)block;
    char *pool = (char *)(block + ncells * sizeof(sv_cell));
    for (size_t i = 0; i < fn->nparams; i++) {
        fill_arg(&plan[i], &args[i], cells, &pool);
        cells += plan[i].nrows * plan[i].ncols;
    }
    return SOCINV_OK;
}

/* ---- results --------------------------------------------------------------------- */

/* Non-finite numbers all become the plain NaN, which Calc shows as #NUM!; a NaN
 * with another payload could be read by Calc as some other error code. */
static double calc_number(double v)
{
    return isfinite(v) ? v : NAN;
}

static void return_double(const sv_uno_types *t, void *pReturn, double v)
{
    v = calc_number(v);
    uno_type_any_construct(pReturn, &v, t->t_double, NULL);
}

/* A rows x cols matrix as an any of [][]double. 0 when out of memory. */
static int return_matrix(const sv_uno_types *t, void *pReturn, const double *m, size_t rows, size_t cols)
{
    uno_Sequence *outer = NULL;
    if (!uno_type_sequence_construct(&outer, t->t_seq_seq_double, NULL, (sal_Int32)rows, NULL))
        return 0;
    uno_Sequence **slots = (uno_Sequence **)outer->elements;
    for (size_t r = 0; r < rows; r++) {
        uno_Sequence *row = NULL;
        if (!uno_type_sequence_construct(&row, t->t_seq_double, NULL, (sal_Int32)cols, NULL)) {
            uno_type_destructData(&outer, t->t_seq_seq_double, NULL);
            return 0;
        }
        double *d = (double *)row->elements;
        for (size_t c = 0; c < cols; c++)
            d[c] = calc_number(m[r * cols + c]);
        uno_type_destructData(&slots[r], t->t_seq_double, NULL); /* the default empty row */
        slots[r] = row;
    }
    uno_type_any_construct(pReturn, &outer, t->t_seq_seq_double, NULL); /* acquires */
    uno_type_destructData(&outer, t->t_seq_seq_double, NULL);
    return 1;
}

static int return_text(const sv_uno_types *t, void *pReturn, const char *text)
{
    size_t len = 0;
    while (len < SV_RESULT_TEXT_MAX && text[len])
        len++;
    rtl_uString *s = NULL;
    rtl_string2UString(&s, text, (sal_Int32)len, RTL_TEXTENCODING_UTF8, OSTRING_TO_OUSTRING_CVTFLAGS);
    if (!s)
        return 0;
    uno_type_any_construct(pReturn, &s, t->t_string, NULL); /* acquires */
    rtl_uString_release(s);
    return 1;
}

/* The glue's result as the return any. 0 when it could not be built. */
static int encode_result(const sv_uno_types *t, const sv_result *res, void *pReturn)
{
    switch (res->kind) {
    case SV_RES_NUMBER:
        return_double(t, pReturn, res->num);
        return 1;
    case SV_RES_BOOL:
        /* Not a boolean any: Calc 7.4 reads the result with `any >>= double`,
         * which refuses booleans, so TRUE and FALSE would both show 0. As a
         * number, TRUE is 1 (IF, AND, ... work; the cell shows 1, not TRUE). */
        return_double(t, pReturn, res->num != 0.0 ? 1.0 : 0.0);
        return 1;
    case SV_RES_TEXT:
        return return_text(t, pReturn, res->text);
    case SV_RES_MATRIX:
        if (!res->matrix || res->rows == 0 || res->cols == 0 || res->rows > INT32_MAX || res->cols > INT32_MAX)
            return 0;
        return return_matrix(t, pReturn, res->matrix, res->rows, res->cols);
    case SV_RES_NA:
        uno_any_construct(pReturn, NULL, NULL, NULL);
        return 1;
    }
    return 0;
}

/* ---- the call ---------------------------------------------------------------------- */

static void throw_status(const sv_uno_types *t, uno_Any *exc, int illegal, socinv_status status)
{
    char msg[160];
    snprintf(msg, sizeof msg, "socinv: %s", socinv_strerror(status));
    sv_uno_throw(t, exc, illegal, msg);
}

int sv_uno_call(const sv_uno_types *t, const sv_function *fn, void *pReturn, void *pArgs[], uno_Any *exc)
{
    sv_arg args[SV_MAX_PARAMS] = {{0}};
    sv_call call;
    sv_call_init(&call, args, fn->nparams);
    socinv_status status = decode_args(t, fn, pArgs, &call, args);
    if (status == SOCINV_OK)
        status = fn->glue(&call);
    int thrown = 0;
    switch (sv_error_class_of(status)) {
    case SV_ERR_NONE:
        if (!encode_result(t, &call.res, pReturn)) {
            throw_status(t, exc, 0, SOCINV_E_NOMEM);
            thrown = 1;
        }
        break;
    case SV_ERR_NA: /* a void any: #N/A */
        uno_any_construct(pReturn, NULL, NULL, NULL);
        break;
    case SV_ERR_ILLEGAL: /* Err:502 */
        throw_status(t, exc, 1, status);
        thrown = 1;
        break;
    case SV_ERR_NUM: /* #NUM! */
        return_double(t, pReturn, NAN);
        break;
    case SV_ERR_VALUE: /* #VALUE! */
    default:
        throw_status(t, exc, 0, status);
        thrown = 1;
        break;
    }
    sv_call_done(&call);
    return thrown;
}
