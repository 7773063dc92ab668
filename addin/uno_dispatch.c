/* One call of an XFunctions method: UNO arguments -> sv_call -> glue -> UNO
 * result or exception. The only code that converts between UNO values and the
 * add-in's call model (call.h).
 *
 * Arguments belong to the caller and are only read. Each call takes its
 * scratch memory (the cells of each argument, then one block for their text)
 * from the sv_call's inline buffer, or from the heap for big ranges, and
 * creates UNO values only for the result. Everything it creates is handed over
 * (the return any) or released before it returns.
 *
 * decode_args() reads every value once: each argument's shape, then its cells,
 * then the UTF-8 of all texts into one block sized 3 bytes per UTF-16 unit,
 * which needs no measuring pass. A range of numbers only is written as its
 * doubles alone; its cells are written if the glue reads them (sv_call.nums).
 * A range that may be a whole printed table is first looked up in the table memo
 * (uno_memo.h), which holds it decoded when an earlier call kept it.
 * bench/README.md has the figures. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rtl/alloc.h>

#include "uno_addin.h"
#include "uno_memo.h"
#include "utf16.h"

_Static_assert(sizeof(sal_Unicode) == sizeof(uint16_t), "Calc's text is UTF-16");

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
    ref_release(&t->t_seq_seq_double);
    ref_release(&t->t_seq_seq_any);
    ref_release(&t->t_seq_any);
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
             ref_new(&t->t_seq_seq_double, typelib_TypeClass_SEQUENCE, "[][]double") &&
             ref_new(&t->t_seq_seq_any, typelib_TypeClass_SEQUENCE, "[][]any") &&
             ref_new(&t->t_seq_any, typelib_TypeClass_SEQUENCE, "[]any") &&
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

/* A value of the other scalar types an argument can have (quick_cell reads a
 * number and text itself): void as an empty cell, a boolean or an integer as a
 * number. SOCINV_E_TYPE for anything else. */
static socinv_status scalar_of(const uno_Any *a, sv_cell *cell)
{
    const void *d = a->pData;
    *cell = (sv_cell){SV_NUMBER, 0.0, NULL, 0};
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_VOID: cell->kind = SV_EMPTY; return SOCINV_OK;
    case typelib_TypeClass_FLOAT: cell->num = *(const float *)d; return SOCINV_OK;
    case typelib_TypeClass_BOOLEAN: cell->num = *(const sal_Bool *)d ? 1.0 : 0.0; return SOCINV_OK;
    case typelib_TypeClass_BYTE: cell->num = *(const sal_Int8 *)d; return SOCINV_OK;
    case typelib_TypeClass_SHORT: cell->num = *(const sal_Int16 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_SHORT: cell->num = *(const sal_uInt16 *)d; return SOCINV_OK;
    case typelib_TypeClass_LONG: cell->num = *(const sal_Int32 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_LONG: cell->num = *(const sal_uInt32 *)d; return SOCINV_OK;
    case typelib_TypeClass_HYPER: cell->num = (double)*(const sal_Int64 *)d; return SOCINV_OK;
    case typelib_TypeClass_UNSIGNED_HYPER: cell->num = (double)*(const sal_uInt64 *)d; return SOCINV_OK;
    default:
        return SOCINV_E_TYPE;
    }
}

static int is_seq_seq_any(const sv_uno_types *t, const typelib_TypeDescriptionReference *type)
{
    return type == t->t_seq_seq_any ||
           (type->eTypeClass == typelib_TypeClass_SEQUENCE && sv_uno_equals_ascii(type->pTypeName, "[][]any"));
}

/* The text cells of a call, found as the cells are read and given their UTF-8
 * when all are (put_texts()): each holds its rtl_uString (text) and, in len, the
 * text cell found before it, so put_texts() walks only them. */
typedef struct {
    sv_cell *last; /* the text cell found last, NULL for none */
    size_t units;  /* their UTF-16 units */
} text_cells;

/* A cell from an any in one step; text is only located (text_cells). 0 for a
 * value of a type no argument can have (SOCINV_E_TYPE). */
static inline __attribute__((always_inline)) int quick_cell(const uno_Any *a, sv_cell *cell, text_cells *texts)
{
    switch (a->pType->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        *cell = (sv_cell){SV_NUMBER, *(const double *)a->pData, NULL, 0};
        return 1;
    case typelib_TypeClass_STRING: {
        const rtl_uString *s = *(rtl_uString *const *)a->pData;
        if (!s || s->length <= 0) {
            *cell = (sv_cell){SV_EMPTY, 0.0, NULL, 0}; /* "" is what an empty cell of a range arrives as */
        } else {
            *cell = (sv_cell){SV_TEXT, 0.0, (const char *)s, (size_t)(uintptr_t)texts->last};
            texts->last = cell;
            texts->units += (size_t)s->length;
        }
        return 1;
    }
    default:
        return scalar_of(a, cell) == SOCINV_OK;
    }
}

/* A located text cell's UTF-8, written at *pool. */
static inline void put_text(sv_cell *cell, char **pool)
{
    const rtl_uString *s = (const rtl_uString *)(const void *)cell->text;
    cell->text = *pool;
    *pool = sv_utf16_to_utf8(*pool, s->buffer, (size_t)s->length);
    cell->len = (size_t)(*pool - cell->text);
}

/* The UTF-8 of every located text cell, into one block. A UTF-16 unit never
 * takes more than 3 bytes, so 3 * units is enough without measuring first.
 * Only the text cells are visited (not CASECHECK's 100 amounts beside its
 * labels, nor NETIMPACT's 120). Calc often hands the cells that show one
 * string the same rtl_uString (its shared strings),
 * so where there is much text a string met again in this call shares the
 * UTF-8 written for it: the strings are remembered by address, which stays
 * valid while the call's arguments are alive (NETIMPACT's 40 labels: about
 * half are repeats, ~1 100 instructions). A keyword or two is written as it is.
 * Two strings whose addresses hash alike share a bucket of two slots: with one
 * slot each, such a pair (which addresses collide varies from run to run) kept
 * evicting each other, and NETIMPACT's cost moved by ~900 between runs. */
#define TEXT_SEEN 32       /* slots, a power of two: buckets of two */
#define TEXT_SEEN_UNITS 64 /* remembered above this much text */

typedef struct {
    const rtl_uString *s;
    const sv_cell *cell; /* the first cell given its UTF-8 */
} text_seen;

/* The slot that holds s, or else the one it is to take: its bucket's first if
 * empty, else the second (the first comer stays). */
static inline size_t seen_slot(const text_seen *seen, const rtl_uString *s)
{
    uintptr_t a = (uintptr_t)s;
    size_t b = ((a >> 4) ^ (a >> 9)) & (TEXT_SEEN - 2);
    if (seen[b].s == s || !seen[b].s)
        return b;
    return b + 1;
}

static int put_texts(sv_call *call, const text_cells *texts)
{
    if (texts->units > SIZE_MAX / 3)
        return 0;
    char *pool = sv_alloc(call, 3 * texts->units);
    if (!pool)
        return 0;
    sv_cell *cell = texts->last, *before;
    if (texts->units <= TEXT_SEEN_UNITS) { /* a keyword or two */
        for (; cell; cell = before) {
            before = (sv_cell *)(uintptr_t)cell->len;
            put_text(cell, &pool);
        }
        return 1;
    }
    text_seen seen[TEXT_SEEN];
    for (size_t k = 0; k < TEXT_SEEN; k++)
        seen[k].s = NULL;
    for (; cell; cell = before) {
        before = (sv_cell *)(uintptr_t)cell->len;
        const rtl_uString *s = (const rtl_uString *)(const void *)cell->text;
        size_t slot = seen_slot(seen, s);
        if (seen[slot].s == s) {
            cell->text = seen[slot].cell->text;
            cell->len = seen[slot].cell->len;
        } else {
            put_text(cell, &pool);
            seen[slot].s = s;
            seen[slot].cell = cell;
        }
    }
    return 1;
}

/* Where an argument's values come from, as arg_shape() finds it. */
typedef enum { SRC_OMITTED, SRC_DOUBLE, SRC_RANGE, SRC_ANY } arg_source;

/* The shape of one argument: its source (*src, *from) and rows x cols in *arg.
 * A range is as wide as its first row, which the cells' pass checks (a wider
 * row: RAGGED, and the shapes are taken again with widest set: as wide as its
 * widest row). SOCINV_E_TYPE for a value no argument can have, SOCINV_E_LENGTH
 * for a range over SOCINV_MAX_CELLS. */
static inline socinv_status arg_shape(const sv_uno_types *t, sv_param_type type, void *pArg, int widest,
                                      unsigned char *src, const void **from, sv_arg *arg)
{
    const uno_Sequence *rows;
    switch (type) {
    case SV_P_NUMBER:
        *src = SRC_DOUBLE;
        *from = pArg;
        *arg = (sv_arg){0, 1, 1, NULL};
        return SOCINV_OK;
    case SV_P_RANGE:
        rows = *(uno_Sequence *const *)pArg;
        break;
    case SV_P_OPTIONAL: {
        const uno_Any *a = pArg;
        if (a->pType->eTypeClass == typelib_TypeClass_VOID) {
            *src = SRC_OMITTED;
            *arg = (sv_arg){1, 0, 0, NULL};
            return SOCINV_OK;
        }
        if (a->pType->eTypeClass != typelib_TypeClass_SEQUENCE) {
            *src = SRC_ANY;
            *from = a;
            *arg = (sv_arg){0, 1, 1, NULL};
            return SOCINV_OK;
        }
        if (!is_seq_seq_any(t, a->pType))
            return SOCINV_E_TYPE;
        rows = *(uno_Sequence *const *)a->pData;
        break;
    }
    default:
        return SOCINV_E_TYPE;
    }
    *src = SRC_RANGE;
    *from = rows;
    size_t nrows = rows ? (size_t)rows->nElements : 0, ncols = 0;
    uno_Sequence *const *row = nrows ? (uno_Sequence *const *)rows->elements : NULL;
    if (nrows && row[0] && !widest) /* Calc's rows are all as wide: the first tells */
        ncols = (size_t)row[0]->nElements;
    if (!ncols) /* a caller's rows may differ: the widest, the others padded */
        for (size_t r = 0; r < nrows; r++)
            if (row[r] && (size_t)row[r]->nElements > ncols)
                ncols = (size_t)row[r]->nElements;
    if (ncols && nrows > SOCINV_MAX_CELLS / ncols)
        return SOCINV_E_LENGTH;
    *arg = (sv_arg){0, ncols ? nrows : 0, ncols, NULL};
    return SOCINV_OK;
}

/* One cell of a range from its any, the number also into *num; 0 for a value
 * of a type no argument can have. */
static inline int range_cell(const uno_Any *a, sv_cell *cell, double *num, text_cells *texts)
{
    if (a->pType->eTypeClass == typelib_TypeClass_DOUBLE) { /* most cells: no call */
        *num = *(const double *)a->pData;
        *cell = (sv_cell){SV_NUMBER, *num, NULL, 0};
        return 1;
    }
    if (!quick_cell(a, cell, texts))
        return 0;
    *num = cell->num;
    return 1;
}

/* How the cells of a range were read: CELLS_TYPE for a value of a type no
 * argument can have, CELLS_RAGGED for a row wider than the first (arg_shape). */
enum { CELLS_OK, CELLS_TYPE, CELLS_RAGGED };

/* The leading rows of a range whose cells are all doubles, as doubles only (no
 * cell is written: sv_call.nums), read in a loop that keeps no other state;
 * the count of rows read. Most ranges are all numbers (SIBPAYOUT's 27 cells, a
 * PAYBACK row). The caller reads the rest, from the first row that is short or
 * holds anything else, cell by cell. */
static inline size_t double_rows(const uno_Sequence *rows, size_t nrows, size_t ncols, double *nums)
{
    uno_Sequence *const *row = (uno_Sequence *const *)rows->elements;
    size_t r = 0;
    for (; r < nrows; r++, nums += ncols) {
        if (!row[r] || (size_t)row[r]->nElements != ncols)
            break;
        const uno_Any *v = (const uno_Any *)row[r]->elements;
        size_t k = 0;
        for (; k < ncols && v[k].pType->eTypeClass == typelib_TypeClass_DOUBLE; k++)
            nums[k] = *(const double *)v[k].pData;
        if (k < ncols)
            break;
    }
    return r;
}

/* A range of one column: a row of one any per cell, read without a loop per row. */
static inline int column_cells(const uno_Sequence *rows, size_t nrows, sv_cell *cells, double *nums,
                               text_cells *texts, int *all_numbers)
{
    size_t r = double_rows(rows, nrows, 1, nums);
    *all_numbers = r == nrows;
    if (*all_numbers)
        return CELLS_OK;
    sv_number_cells(cells, nums, r);
    text_cells t = *texts; /* a local: the cells' stores cannot touch it */
    uno_Sequence *const *row = (uno_Sequence *const *)rows->elements;
    for (; r < nrows; r++) {
        if (!row[r] || row[r]->nElements != 1) { /* ragged: an empty cell, or too wide */
            if (row[r] && row[r]->nElements > 1)
                return CELLS_RAGGED;
            cells[r] = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
        } else if (!range_cell((const uno_Any *)row[r]->elements, &cells[r], &nums[r], &t)) {
            return CELLS_TYPE;
        }
    }
    *texts = t;
    return CELLS_OK;
}

/* The cells of a range ([][]any, rows x ncols) from its anys, and each number
 * also into nums; *all_numbers is 1 when every cell is a number: then only nums
 * is written (sv_call.nums). */
static inline int range_cells(const uno_Sequence *rows, size_t nrows, size_t ncols, sv_cell *cells, double *nums,
                              text_cells *texts, int *all_numbers)
{
    size_t r = double_rows(rows, nrows, ncols, nums);
    *all_numbers = r == nrows;
    if (*all_numbers)
        return CELLS_OK;
    sv_number_cells(cells, nums, r * ncols);
    text_cells t = *texts; /* a local: the cells' stores cannot touch it */
    for (; r < nrows; r++) {
        const uno_Sequence *row = ((uno_Sequence *const *)rows->elements)[r];
        size_t n = row ? (size_t)row->nElements : 0;
        if (n > ncols)
            return CELLS_RAGGED;
        const uno_Any *v = row ? (const uno_Any *)row->elements : NULL;
        sv_cell *out = cells + r * ncols;
        double *num = nums + r * ncols;
        for (size_t k = 0; k < n; k++)
            if (!range_cell(&v[k], &out[k], &num[k], &t))
                return CELLS_TYPE;
        for (size_t k = n; k < ncols; k++) /* a ragged row: pad with empty cells */
            out[k] = (sv_cell){SV_EMPTY, 0.0, NULL, 0};
    }
    *texts = t;
    return CELLS_OK;
}

/* The one value of a range of one cell ([][]any 1x1, as arg_shape measured it). */
static inline const uno_Any *only_cell(const uno_Sequence *rows)
{
    const uno_Sequence *row = ((uno_Sequence *const *)rows->elements)[0];
    return (const uno_Any *)row->elements;
}

/* Argument i's cells (and, for a range of more than one cell, a place for its
 * numbers after them) from the call's scratch memory: the inline buffer for
 * all but big ranges. */
static inline sv_cell *arg_cells(sv_call *call, size_t n, int with_numbers)
{
    size_t bytes = n * sizeof(sv_cell) + (with_numbers ? n * sizeof(double) : 0); /* n <= SOCINV_MAX_CELLS */
    return sv_alloc(call, bytes);
}

/* The first range of the call that may be a whole printed table (uno_memo.h: many
 * cells, the first text; a label and at least two years wide), looked up in the memo
 * (taken for the call, when free): its cells from the memo and 1 when it holds them,
 * else 0 with the range noted for sv_memo_keep. Out of line: most ranges are not. */
static __attribute__((noinline)) int memo_lookup(sv_call *call, size_t i, const uno_Sequence *rows, sv_arg *arg)
{
    const uno_Sequence *row = ((uno_Sequence *const *)rows->elements)[0];
    if (!row || row->nElements == 0 ||
        ((const uno_Any *)row->elements)[0].pType->eTypeClass != typelib_TypeClass_STRING || !sv_memo_lock())
        return 0;
    call->memo.arg = i;
    call->memo.keep = sv_memo_keep;
    call->memo.raw = rows;
    const sv_cell *cells = sv_memo_find(rows, arg->rows, arg->cols, &call->memo.payload);
    if (!cells)
        return 0;
    arg->cells = cells;
    return 1;
}

static inline int memo_cells(sv_call *call, size_t i, size_t n, const uno_Sequence *rows, sv_arg *arg)
{
    if (__builtin_expect(n < SV_MEMO_MIN_CELLS, 1) || arg->cols < 3 || call->memo.arg != SIZE_MAX)
        return 0;
    return memo_lookup(call, i, rows, arg);
}

/* The end of the call's use of the memo: the payload it was given or kept is the
 * memo's again. */
static inline void memo_done(sv_call *call)
{
    if (call->memo.arg != SIZE_MAX)
        sv_memo_unlock();
    call->memo.arg = SIZE_MAX;
}

/* Decode all arguments into call's scratch memory, reading each value once,
 * each argument whole (its shape, then its cells) before the next. A range of
 * more than one cell whose cells are all numbers gets its doubles in
 * arg_nums[i] too (NULL otherwise). Ranges are taken as wide as their first
 * row unless widest (see arg_shape); a wider row is SOCINV_E_SHAPE then. */
static socinv_status decode_args(const sv_uno_types *t, const sv_function *fn, void *pArgs[], int widest,
                                 sv_call *call, sv_arg *args, const double **arg_nums)
{
    text_cells texts = {NULL, 0};
    for (size_t i = 0; i < fn->nparams; i++) {
        unsigned char src;
        const void *from;
        SV_TRY(arg_shape(t, fn->params[i].type, pArgs[i], widest, &src, &from, &args[i]));
        arg_nums[i] = NULL;
        size_t n = args[i].rows * args[i].cols;
        if (n == 0) /* left out, or an empty range */
            continue;
        int range = src == SRC_RANGE && n > 1, all_numbers = 0;
        if (range && !widest && memo_cells(call, i, n, from, &args[i]))
            continue; /* a table an earlier call decoded */
        sv_cell *cells = arg_cells(call, n, range);
        if (!cells)
            return SOCINV_E_NOMEM;
        args[i].cells = cells;
        if (range) {
            double *nums = (double *)(cells + n);
            int read = args[i].cols == 1
                           ? column_cells(from, args[i].rows, cells, nums, &texts, &all_numbers)
                           : range_cells(from, args[i].rows, args[i].cols, cells, nums, &texts, &all_numbers);
            if (read != CELLS_OK)
                return read == CELLS_TYPE ? SOCINV_E_TYPE : SOCINV_E_SHAPE;
            arg_nums[i] = all_numbers ? nums : NULL;
        } else if (src == SRC_DOUBLE) {
            cells[0] = (sv_cell){SV_NUMBER, *(const double *)from, NULL, 0};
        } else if (!quick_cell(src == SRC_ANY ? from : only_cell(from), &cells[0], &texts)) {
            return SOCINV_E_TYPE; /* a value, or a range of one cell (A1): as a value */
        }
    }
    if (texts.last && !put_texts(call, &texts))
        return SOCINV_E_NOMEM;
    return SOCINV_OK;
}

/* ---- results --------------------------------------------------------------------- */

/* Non-finite numbers all become the plain NaN, which Calc shows as #NUM!; a NaN
 * with another payload could be read by Calc as some other error code. */
static double calc_number(double v)
{
    return isfinite(v) ? v : NAN;
}

/* A double any as cppu's uno_type_any_construct builds it (copy.hxx,
 * _copyConstructAnyFromData: the type acquired, the value in pReserved where a
 * pointer holds a double), without its general dispatch: about 50 instructions
 * of every number a cell returns. */
static inline void any_of_double(const sv_uno_types *t, uno_Any *a, double v)
{
    if (sizeof(void *) < sizeof(double)) {
        uno_type_any_construct(a, &v, t->t_double, NULL);
        return;
    }
    typelib_typedescriptionreference_acquire(t->t_double);
    a->pType = t->t_double;
    a->pData = &a->pReserved;
    memcpy(a->pData, &v, sizeof v);
}

static void return_double(const sv_uno_types *t, void *pReturn, double v)
{
    any_of_double(t, pReturn, calc_number(v));
}

/* Calc's error value in a matrix cell: a quiet NaN whose low 32 bits hold the
 * FormulaError code (include/formula/errorcodes.hxx, CreateDoubleError; Calc's
 * ScMatrix::PutError stores errors so, and SetResult puts a [][]double as it is).
 * A plain NaN has code 0, which Calc reads as #NUM!. */
static double calc_error(socinv_status status)
{
    uint32_t code;
    switch (sv_error_class_of(status)) {
    case SV_ERR_NA: code = 0x7fff; break;   /* FormulaError::NotAvailable, #N/A */
    case SV_ERR_ILLEGAL: code = 502; break; /* IllegalArgument, Err:502 */
    case SV_ERR_NUM: code = 503; break;     /* IllegalFPOperation, #NUM! */
    default: code = 519; break;             /* NoValue, #VALUE! */
    }
    uint64_t bits = UINT64_C(0x7ff8000000000000) | code;
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* A sequence laid out as cppu lays it out (sal/types.h sal_Sequence: the
 * reference count, the length, the elements; cppu's allocSeq) in memory from
 * rtl_allocateMemory, which cppu frees when Calc releases the result. This is
 * what uno_type_sequence_construct makes, without its type lookup and the
 * default rows it fills in first: about 170 instructions a row of a matrix
 * result (DISCSCHEDULE's three rows, a portfolio column's every row). NULL
 * when out of memory. */
static uno_Sequence *new_sequence(size_t n, size_t element_size)
{
    if (n > (size_t)(SAL_MAX_INT32 - SAL_SEQUENCE_HEADER_SIZE) / element_size)
        return NULL;
    uno_Sequence *s = rtl_allocateMemory((sal_Size)(SAL_SEQUENCE_HEADER_SIZE + n * element_size));
    if (s) {
        s->nRefCount = 1;
        s->nElements = (sal_Int32)n;
    }
    return s;
}

/* A rows x cols matrix as an any of [][]double, cells with a status other than
 * SOCINV_OK (status may be NULL) as their error values. 0 when out of memory. */
static int return_matrix(const sv_uno_types *t, void *pReturn, const double *m, const socinv_status *status,
                         size_t rows, size_t cols)
{
    uno_Sequence *outer = new_sequence(rows, sizeof(uno_Sequence *));
    if (!outer)
        return 0;
    uno_Sequence **slots = (uno_Sequence **)outer->elements;
    for (size_t r = 0; r < rows; r++) {
        uno_Sequence *row = slots[r] = new_sequence(cols, sizeof(double));
        if (!row) {
            while (r-- > 0)
                rtl_freeMemory(slots[r]);
            rtl_freeMemory(outer);
            return 0;
        }
        double *d = (double *)row->elements;
        for (size_t c = 0; c < cols; c++) {
            size_t k = r * cols + c;
            d[c] = status && status[k] != SOCINV_OK ? calc_error(status[k]) : calc_number(m[k]);
        }
    }
    /* the any takes over outer's one reference, as uno_type_any_construct would
     * after acquiring it (a sequence, like a double, is held in pReserved) */
    uno_Any *a = pReturn;
    typelib_typedescriptionreference_acquire(t->t_seq_seq_double);
    a->pType = t->t_seq_seq_double;
    a->pData = &a->pReserved;
    a->pReserved = outer;
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

/* One cell of a mixed matrix into its (default, void) any: text, an error value
 * or a number. Calc's ScSequenceToMatrix::CreateMixedMatrix puts a double as it
 * is, so a coded error NaN stays that error. */
static int mixed_cell(const sv_uno_types *t, uno_Any *cell, const sv_result *res, size_t k)
{
    uno_any_destruct(cell, NULL);
    if (res->cell_text && res->cell_text[k]) {
        if (return_text(t, cell, res->cell_text[k]))
            return 1;
        uno_any_construct(cell, NULL, NULL, NULL); /* keep the row destructible */
        return 0;
    }
    double v = res->cell_status && res->cell_status[k] != SOCINV_OK ? calc_error(res->cell_status[k])
                                                                     : calc_number(res->matrix[k]);
    any_of_double(t, cell, v);
    return 1;
}

/* A result with text cells as an any of [][]any. 0 when out of memory. */
static int return_mixed(const sv_uno_types *t, void *pReturn, const sv_result *res)
{
    uno_Sequence *outer = NULL;
    if (!uno_type_sequence_construct(&outer, t->t_seq_seq_any, NULL, (sal_Int32)res->rows, NULL))
        return 0;
    uno_Sequence **slots = (uno_Sequence **)outer->elements;
    int ok = 1;
    for (size_t r = 0; r < res->rows && ok; r++) {
        uno_Sequence *row = NULL;
        if (!uno_type_sequence_construct(&row, t->t_seq_any, NULL, (sal_Int32)res->cols, NULL)) {
            ok = 0;
            break;
        }
        uno_Any *cells = (uno_Any *)row->elements;
        for (size_t c = 0; c < res->cols && ok; c++)
            ok = mixed_cell(t, &cells[c], res, r * res->cols + c);
        uno_type_destructData(&slots[r], t->t_seq_any, NULL); /* the default empty row */
        slots[r] = row;
    }
    if (ok)
        uno_type_any_construct(pReturn, &outer, t->t_seq_seq_any, NULL); /* acquires */
    uno_type_destructData(&outer, t->t_seq_seq_any, NULL);
    return ok;
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
        if (res->cell_text)
            return return_mixed(t, pReturn, res);
        return return_matrix(t, pReturn, res->matrix, res->cell_status, res->rows, res->cols);
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
    sv_arg args[SV_MAX_PARAMS]; /* not cleared: the decoders set the first nparams, the glue reads no more */
    const double *arg_nums[SV_MAX_PARAMS];
    sv_call call;
    sv_call_init(&call, NULL, 0); /* the arguments are attached once decoded */
    socinv_status status = decode_args(t, fn, pArgs, 0, &call, args, arg_nums);
    if (status != SOCINV_OK) { /* a row wider than the first, or an error: the exact shapes decide */
        memo_done(&call);
        sv_call_done(&call);
        sv_call_init(&call, NULL, 0);
        status = decode_args(t, fn, pArgs, 1, &call, args, arg_nums);
    }
    call.args = args;
    call.nargs = fn->nparams;
    call.nums = arg_nums;
    if (status == SOCINV_OK)
        status = fn->glue(&call);
    int thrown = 0;
    switch (status == SOCINV_OK ? SV_ERR_NONE : sv_error_class_of(status)) { /* a result: no call */
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
    memo_done(&call);
    sv_call_done(&call);
    return thrown;
}
