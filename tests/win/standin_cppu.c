/* STAND-IN cppu3.dll for test win.loader: see standin.h. Type references are made
 * fresh for each call (the component compares them by name); values are laid out as
 * cppu lays them out: sequences as sal_Sequence, small any values in pReserved. Only
 * the types the component uses are known; anything else aborts the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standin.h"

static void need(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "stand-in cppu3.dll: %s is not supported by the stand-in\n", what);
        abort();
    }
}

static int named(const typelib_TypeDescriptionReference *t, const char *name)
{
    return rtl_ustr_ascii_compare_WithLength(t->pTypeName->buffer, t->pTypeName->length, name) == 0;
}

/* ---- type references and descriptions ------------------------------------------------ */

#define MAX_TYPES 64
static typelib_TypeDescription *registered[MAX_TYPES];
static int nregistered;

void standin_register_type(typelib_TypeDescription *td)
{
    need(nregistered < MAX_TYPES, "more types");
    td->nRefCount = 1 << 20; /* static: never freed */
    registered[nregistered++] = td;
}

static typelib_TypeDescription *find(const rtl_uString *name)
{
    for (int i = 0; i < nregistered; i++)
        if (registered[i]->pTypeName->length == name->length &&
            !memcmp(registered[i]->pTypeName->buffer, name->buffer, (size_t)name->length * sizeof(sal_Unicode)))
            return registered[i];
    return NULL;
}

void SAL_CALL typelib_typedescriptionreference_newByAsciiName(typelib_TypeDescriptionReference **ref,
                                                              typelib_TypeClass tc, const char *name)
{
    typelib_TypeDescriptionReference *r = calloc(1, sizeof *r);
    need(r != NULL, "out of memory");
    r->nRefCount = 1;
    r->eTypeClass = tc;
    rtl_uString_newFromAscii(&r->pTypeName, name);
    if (*ref)
        typelib_typedescriptionreference_release(*ref);
    *ref = r;
}

void SAL_CALL typelib_typedescriptionreference_acquire(typelib_TypeDescriptionReference *r)
{
    r->nRefCount++;
}

void SAL_CALL typelib_typedescriptionreference_release(typelib_TypeDescriptionReference *r)
{
    if (r && --r->nRefCount == 0) {
        rtl_uString_release(r->pTypeName);
        free(r);
    }
}

void SAL_CALL typelib_typedescription_getByName(typelib_TypeDescription **td, rtl_uString *name)
{
    if (*td)
        typelib_typedescription_release(*td);
    *td = find(name);
}

void SAL_CALL typelib_typedescriptionreference_getDescription(typelib_TypeDescription **td,
                                                              typelib_TypeDescriptionReference *ref)
{
    typelib_typedescription_getByName(td, ref->pTypeName);
}

void SAL_CALL typelib_typedescription_release(typelib_TypeDescription *td)
{
    (void)td; /* every description here is static */
}

sal_Bool SAL_CALL typelib_typedescription_complete(typelib_TypeDescription **td)
{
    return *td && (*td)->bComplete;
}

/* ---- the two exceptions the component throws ------------------------------------------- */

/* com.sun.star.uno.Exception { string Message; XInterface Context; }, RuntimeException adds
 * nothing, lang.IllegalArgumentException adds short ArgumentPosition (offsets as on x64). */
static sal_Int32 exc_offsets[] = {0, 8}, iae_offsets[] = {16};
static typelib_TypeDescriptionReference *exc_types[2], *iae_types[1];
static typelib_CompoundTypeDescription exc_root, exc_runtime, exc_illegal;

static void exception_type(typelib_CompoundTypeDescription *c, const char *name, typelib_CompoundTypeDescription *base,
                           sal_Int32 n, sal_Int32 *offsets, typelib_TypeDescriptionReference **types, sal_Int32 size)
{
    c->aBase.eTypeClass = typelib_TypeClass_EXCEPTION;
    rtl_uString_newFromAscii(&c->aBase.pTypeName, name);
    c->aBase.bComplete = 1;
    c->aBase.nSize = size;
    c->aBase.nAlignment = 8;
    c->pBaseTypeDescription = base;
    c->nMembers = n;
    c->pMemberOffsets = offsets;
    c->ppTypeRefs = types;
    standin_register_type(&c->aBase);
}

__attribute__((constructor)) static void register_exceptions(void)
{
    typelib_typedescriptionreference_newByAsciiName(&exc_types[0], typelib_TypeClass_STRING, "string");
    typelib_typedescriptionreference_newByAsciiName(&exc_types[1], typelib_TypeClass_INTERFACE,
                                                    "com.sun.star.uno.XInterface");
    typelib_typedescriptionreference_newByAsciiName(&iae_types[0], typelib_TypeClass_SHORT, "short");
    exception_type(&exc_root, "com.sun.star.uno.Exception", NULL, 2, exc_offsets, exc_types, 16);
    exception_type(&exc_runtime, "com.sun.star.uno.RuntimeException", &exc_root, 0, NULL, NULL, 16);
    exception_type(&exc_illegal, "com.sun.star.lang.IllegalArgumentException", &exc_root, 1, iae_offsets, iae_types,
                   24);
}

/* ---- any ------------------------------------------------------------------------------- */

/* A void any, or a default-constructed exception (Message "", Context null, position 0). */
void SAL_CALL uno_any_construct(uno_Any *any, void *source, typelib_TypeDescription *td, uno_AcquireFunc acquire)
{
    (void)acquire;
    memset(any, 0, sizeof *any);
    if (!td) {
        typelib_typedescriptionreference_newByAsciiName(&any->pType, typelib_TypeClass_VOID, "void");
        return;
    }
    need(source == NULL && td->eTypeClass == typelib_TypeClass_EXCEPTION, "a non-default any");
    char *data = calloc(1, (size_t)td->nSize);
    need(data != NULL, "out of memory");
    rtl_uString_new((rtl_uString **)data); /* Message, offset 0 */
    typelib_TypeDescriptionReference *ref = calloc(1, sizeof *ref);
    need(ref != NULL, "out of memory");
    ref->nRefCount = 1;
    ref->eTypeClass = td->eTypeClass;
    ref->pTypeName = td->pTypeName;
    td->pTypeName->refCount++;
    any->pType = ref;
    any->pData = data;
}

/* A void or double any (what a matrix cell holds before the dispatcher fills it): its type
 * reference released. The loader test makes no mixed matrix, so nothing else is needed. */
void SAL_CALL uno_any_destruct(uno_Any *any, uno_ReleaseFunc release)
{
    (void)release;
    need(any->pType == NULL || any->pType->eTypeClass == typelib_TypeClass_VOID ||
             any->pType->eTypeClass == typelib_TypeClass_DOUBLE,
         "destructing this any");
    typelib_typedescriptionreference_release(any->pType);
    memset(any, 0, sizeof *any);
}

/* double, string, a sequence or an interface, held in pReserved as cppu does. */
void SAL_CALL uno_type_any_construct(uno_Any *any, void *source, typelib_TypeDescriptionReference *type,
                                     uno_AcquireFunc acquire)
{
    (void)acquire;
    memset(any, 0, sizeof *any);
    switch (type->eTypeClass) {
    case typelib_TypeClass_DOUBLE:
        memcpy(&any->pReserved, source, sizeof(double));
        break;
    case typelib_TypeClass_STRING:
        any->pReserved = *(rtl_uString **)source;
        ((rtl_uString *)any->pReserved)->refCount++;
        break;
    case typelib_TypeClass_SEQUENCE:
        any->pReserved = *(uno_Sequence **)source;
        ((uno_Sequence *)any->pReserved)->nRefCount++;
        break;
    case typelib_TypeClass_INTERFACE: {
        uno_Interface *i = *(uno_Interface **)source;
        any->pReserved = i;
        if (i)
            i->acquire(i);
        break;
    }
    default:
        need(0, "this any type");
    }
    any->pData = &any->pReserved;
    any->pType = type;
    type->nRefCount++;
}

/* ---- sequences --------------------------------------------------------------------------- */

static size_t element_size(const typelib_TypeDescriptionReference *seq)
{
    if (named(seq, "[]byte"))
        return 1;
    if (named(seq, "[]double"))
        return sizeof(double);
    if (named(seq, "[][]double") || named(seq, "[]string") || named(seq, "[]type"))
        return sizeof(void *);
    need(0, "this sequence type");
    return 0;
}

static uno_Sequence *seq_alloc(sal_Int32 n, size_t size)
{
    uno_Sequence *s = calloc(1, sizeof(uno_Sequence) + (size_t)n * size); /* header, elements, and room */
    need(s != NULL, "out of memory");
    s->nRefCount = 1;
    s->nElements = n;
    return s;
}

sal_Bool SAL_CALL uno_type_sequence_construct(uno_Sequence **out, typelib_TypeDescriptionReference *type,
                                              void *elements, sal_Int32 n, uno_AcquireFunc acquire)
{
    (void)acquire;
    size_t size = element_size(type);
    uno_Sequence *s = seq_alloc(n, size);
    void **slots = (void **)s->elements;
    if (named(type, "[][]double")) {
        need(elements == NULL, "a [][]double from elements");
        for (sal_Int32 i = 0; i < n; i++)
            slots[i] = seq_alloc(0, sizeof(double)); /* each row a default (empty) sequence */
    } else if (elements) {
        memcpy(s->elements, elements, (size_t)n * size);
        for (sal_Int32 i = 0; named(type, "[]string") && i < n; i++)
            ((rtl_uString *)slots[i])->refCount++;
        for (sal_Int32 i = 0; named(type, "[]type") && i < n; i++)
            ((typelib_TypeDescriptionReference *)slots[i])->nRefCount++;
    }
    *out = s;
    return 1;
}

/* Releases a []double or [][]double held at value (a uno_Sequence *). */
void SAL_CALL uno_type_destructData(void *value, typelib_TypeDescriptionReference *type, uno_ReleaseFunc release)
{
    (void)release;
    uno_Sequence *s = *(uno_Sequence **)value;
    need(named(type, "[]double") || named(type, "[][]double"), "destructing this type");
    if (!s || --s->nRefCount > 0)
        return;
    if (named(type, "[][]double"))
        for (sal_Int32 i = 0; i < s->nElements; i++) {
            uno_Sequence *row = ((uno_Sequence **)s->elements)[i];
            if (row && --row->nRefCount == 0)
                free(row);
        }
    free(s);
}
