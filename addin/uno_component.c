/* The UNO component in plain C, on the binary UNO ABI: the two exports the
 * shared-library loader calls, the factory, and the add-in object.
 *
 *   factory   XInterface, XSingleComponentFactory, XServiceInfo
 *   add-in    XInterface, XTypeProvider, org.socinv.calc.XFunctions,
 *             XServiceInfo, XServiceName
 *
 * Each object is one uno_Interface whose dispatcher serves all its interfaces,
 * keyed on the member's plain name (pMemberName; pTypeName can be decorated).
 * The XFunctions members are looked up once, when the add-in object is made,
 * and hashed by their description pointer: a call finds its table row with one
 * or two probes (not a scan of every member) and goes straight to
 * uno_dispatch.c.
 *
 * The dispatcher contract: *ppException points to unconstructed memory of the
 * caller. On success set *ppException = NULL; to throw, construct the
 * exception there and leave the pointer alone (and do not construct the
 * return value). In-arguments belong to the caller. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uno/environment.h>
#include <uno/lbnames.h>

#include "uno_addin.h"

#ifdef _WIN32
/* Without it the mingw linker exports every global of the DLL. */
#define SV_EXPORT __declspec(dllexport)
#else
#define SV_EXPORT __attribute__((visibility("default")))
#endif

/* The only two visible symbols of libsocinv_addin.so (and exports of socinv_addin.dll). */
SV_EXPORT void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName, uno_Environment **ppEnv);
SV_EXPORT void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager, void *pRegistryKey);

static const char *const service_names[] = {SV_SERVICE_NAME, "com.sun.star.sheet.AddIn"};
#define N_SERVICES (sizeof service_names / sizeof service_names[0])

/* ---- shared by both objects ---------------------------------------------------------- */

static const rtl_uString *member_name(const typelib_TypeDescription *member)
{
    if (member->eTypeClass != typelib_TypeClass_INTERFACE_METHOD &&
        member->eTypeClass != typelib_TypeClass_INTERFACE_ATTRIBUTE)
        return NULL;
    return ((const typelib_InterfaceMemberTypeDescription *)member)->pMemberName;
}

/* queryInterface: this object for every interface it names, else a void any. */
static void query_interface(uno_Interface *self, void *pReturn, void *pArgs[], const char *const *names, size_t n)
{
    typelib_TypeDescriptionReference *type = *(typelib_TypeDescriptionReference **)pArgs[0];
    if (type && type->eTypeClass == typelib_TypeClass_INTERFACE) {
        for (size_t i = 0; i < n; i++) {
            if (sv_uno_equals_ascii(type->pTypeName, names[i])) {
                uno_type_any_construct(pReturn, &self, type, NULL); /* acquires self */
                return;
            }
        }
    }
    uno_any_construct(pReturn, NULL, NULL, NULL);
}

static void return_ascii(void *pReturn, const char *s)
{
    rtl_uString *u = NULL;
    rtl_uString_newFromAscii(&u, s);
    *(rtl_uString **)pReturn = u;
}

static int supports_service(void *pArgs[])
{
    const rtl_uString *name = *(rtl_uString **)pArgs[0];
    for (size_t i = 0; i < N_SERVICES; i++)
        if (sv_uno_equals_ascii(name, service_names[i]))
            return 1;
    return 0;
}

/* getSupportedServiceNames; 0 when out of memory. */
static int return_service_names(const sv_uno_types *t, void *pReturn)
{
    rtl_uString *names[N_SERVICES] = {NULL};
    uno_Sequence *seq = NULL;
    for (size_t i = 0; i < N_SERVICES; i++)
        rtl_uString_newFromAscii(&names[i], service_names[i]);
    int ok = uno_type_sequence_construct(&seq, t->t_seq_string, names, (sal_Int32)N_SERVICES, NULL); /* acquires */
    for (size_t i = 0; i < N_SERVICES; i++)
        rtl_uString_release(names[i]);
    if (ok)
        *(uno_Sequence **)pReturn = seq;
    return ok;
}

/* XServiceInfo, common to both objects. 1 = handled (result in *thrown), 0 = not an XServiceInfo member. */
static int service_info(const sv_uno_types *t, const rtl_uString *name, void *pReturn, void *pArgs[], uno_Any *exc,
                        int *thrown)
{
    *thrown = 0;
    if (sv_uno_equals_ascii(name, "getImplementationName")) {
        return_ascii(pReturn, SV_IMPLEMENTATION_NAME);
    } else if (sv_uno_equals_ascii(name, "supportsService")) {
        *(sal_Bool *)pReturn = supports_service(pArgs) ? 1 : 0;
    } else if (sv_uno_equals_ascii(name, "getSupportedServiceNames")) {
        if (!return_service_names(t, pReturn)) {
            sv_uno_throw(t, exc, 0, "socinv: out of memory");
            *thrown = 1;
        }
    } else {
        return 0;
    }
    return 1;
}

/* ---- the add-in object ----------------------------------------------------------------- */

typedef struct sv_method {
    typelib_TypeDescription *member; /* held for the object's life, so the pointer stays unique */
    const sv_function *fn;           /* NULL: the type library's signature is not the table's */
} sv_method;

/* Slots of the member hash: a power of two, at least twice the members, so
 * probes stay short (23 members today). */
#define SV_METHOD_SLOTS 128u

typedef struct sv_addin {
    uno_Interface iface; /* first: the object is its uno_Interface */
    atomic_uint refs;
    sv_uno_types types;
    size_t nmethods;
    sv_method *methods;
    /* open addressing, linear probing, keyed by the member pointer; NULL = free.
     * Filled once when the object is made, only read afterwards. */
    const sv_method *slots[SV_METHOD_SLOTS];
} sv_addin;

static size_t method_slot(const typelib_TypeDescription *member)
{
    /* Fibonacci hashing: the pointer's bits, mixed, top 7 bits */
    uint64_t h = (uint64_t)(uintptr_t)member * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 57) & (SV_METHOD_SLOTS - 1);
}

/* The cached XFunctions member for a description, or NULL. */
static const sv_method *method_find(const sv_addin *a, const typelib_TypeDescription *member)
{
    for (size_t i = method_slot(member);; i = (i + 1) & (SV_METHOD_SLOTS - 1)) {
        const sv_method *m = a->slots[i];
        if (!m || m->member == member)
            return m;
    }
}

static const char *const addin_interfaces[] = {
    "com.sun.star.uno.XInterface",    SV_INTERFACE_NAME, "com.sun.star.lang.XTypeProvider",
    "com.sun.star.lang.XServiceInfo", "com.sun.star.lang.XServiceName",
};

static void SAL_CALL addin_acquire(uno_Interface *pI)
{
    atomic_fetch_add_explicit(&((sv_addin *)pI)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL addin_release(uno_Interface *pI)
{
    sv_addin *a = (sv_addin *)pI;
    if (atomic_fetch_sub_explicit(&a->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (size_t k = 0; k < a->nmethods; k++)
        typelib_typedescription_release(a->methods[k].member);
    free(a->methods);
    sv_uno_types_release(&a->types);
    free(a);
}

/* Note every XFunctions member of the installed type library with its table row. */
static void addin_cache_methods(sv_addin *a)
{
    typelib_TypeDescription *itd = NULL;
    typelib_typedescriptionreference_getDescription(&itd, a->types.t_xfunctions);
    if (!itd)
        return; /* every call then takes the by-name path */
    if (itd->eTypeClass == typelib_TypeClass_INTERFACE && (itd->bComplete || typelib_typedescription_complete(&itd))) {
        const typelib_InterfaceTypeDescription *it = (const typelib_InterfaceTypeDescription *)itd;
        if (it->nMembers > 0 && (a->methods = calloc((size_t)it->nMembers, sizeof *a->methods)) != NULL) {
            for (sal_Int32 k = 0; k < it->nMembers; k++) {
                typelib_TypeDescription *m = NULL;
                typelib_typedescriptionreference_getDescription(&m, it->ppMembers[k]);
                if (!m)
                    continue;
                if (a->nmethods >= SV_METHOD_SLOTS / 2) { /* keep the hash sparse: the rest go by name */
                    typelib_typedescription_release(m);
                    break;
                }
                a->methods[a->nmethods].member = m;
                a->methods[a->nmethods].fn = sv_uno_function_for(m);
                size_t i = method_slot(m);
                while (a->slots[i])
                    i = (i + 1) & (SV_METHOD_SLOTS - 1);
                a->slots[i] = &a->methods[a->nmethods];
                a->nmethods++;
            }
        }
    }
    typelib_typedescription_release(itd);
}

static void SAL_CALL addin_dispatch(uno_Interface *pI, const typelib_TypeDescription *pMemberType, void *pReturn,
                                    void *pArgs[], uno_Any **ppException);

/* A new add-in object with refcount 1, or NULL. */
static uno_Interface *addin_create(void)
{
    sv_addin *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (!sv_uno_types_init(&a->types)) {
        free(a);
        return NULL;
    }
    a->iface.acquire = addin_acquire;
    a->iface.release = addin_release;
    a->iface.pDispatcher = addin_dispatch;
    atomic_init(&a->refs, 1);
    addin_cache_methods(a);
    return &a->iface;
}

static int addin_function(sv_addin *a, const sv_function *fn, void *pReturn, void *pArgs[], uno_Any *exc)
{
    if (!fn) {
        sv_uno_throw(&a->types, exc, 0, "socinv: the installed type library does not match this add-in");
        return 1;
    }
    return sv_uno_call(&a->types, fn, pReturn, pArgs, exc);
}

/* Everything but a cached XFunctions member. Returns 1 when it threw. */
static int addin_dispatch_by_name(sv_addin *a, const typelib_TypeDescription *member, void *pReturn, void *pArgs[],
                                  uno_Any *exc)
{
    const sv_uno_types *t = &a->types;
    const rtl_uString *name = member_name(member);
    int thrown = 0;
    if (!name) {
        sv_uno_throw(t, exc, 0, "socinv: not a method");
        return 1;
    }
    if (sv_uno_equals_ascii(name, "queryInterface")) {
        query_interface(&a->iface, pReturn, pArgs, addin_interfaces,
                        sizeof addin_interfaces / sizeof addin_interfaces[0]);
    } else if (sv_uno_equals_ascii(name, "acquire")) {
        addin_acquire(&a->iface);
    } else if (sv_uno_equals_ascii(name, "release")) {
        addin_release(&a->iface); /* may free a: return at once */
    } else if (sv_uno_equals_ascii(name, "getTypes")) {
        typelib_TypeDescriptionReference *types[] = {t->t_xfunctions, t->t_xtypeprovider, t->t_xserviceinfo,
                                                     t->t_xservicename};
        uno_Sequence *seq = NULL;
        if (!uno_type_sequence_construct(&seq, t->t_seq_type, types, (sal_Int32)(sizeof types / sizeof types[0]),
                                         NULL)) {
            sv_uno_throw(t, exc, 0, "socinv: out of memory");
            return 1;
        }
        *(uno_Sequence **)pReturn = seq;
    } else if (sv_uno_equals_ascii(name, "getImplementationId")) {
        uno_Sequence *seq = NULL;
        if (!uno_type_sequence_construct(&seq, t->t_seq_byte, NULL, 0, NULL)) {
            sv_uno_throw(t, exc, 0, "socinv: out of memory");
            return 1;
        }
        *(uno_Sequence **)pReturn = seq;
    } else if (sv_uno_equals_ascii(name, "getServiceName")) {
        return_ascii(pReturn, SV_SERVICE_NAME);
    } else if (service_info(t, name, pReturn, pArgs, exc, &thrown)) {
        return thrown;
    } else {
        const sv_function *fn = sv_uno_function_for(member);
#ifdef SOCINV_UNO_TRACE
        fprintf(stderr, "socinv: by-name dispatch of %s\n", fn ? fn->method : "(unknown)");
#endif
        if (!fn) {
            sv_uno_throw(t, exc, 0, "socinv: unknown method");
            return 1;
        }
        return sv_uno_call(t, fn, pReturn, pArgs, exc);
    }
    return 0;
}

static void SAL_CALL addin_dispatch(uno_Interface *pI, const typelib_TypeDescription *pMemberType, void *pReturn,
                                    void *pArgs[], uno_Any **ppException)
{
    sv_addin *a = (sv_addin *)pI;
    const sv_method *m = method_find(a, pMemberType);
    int thrown = m ? addin_function(a, m->fn, pReturn, pArgs, *ppException)
                   : addin_dispatch_by_name(a, pMemberType, pReturn, pArgs, *ppException);
    if (!thrown)
        *ppException = NULL;
}

/* ---- the factory ------------------------------------------------------------------------- */

typedef struct sv_factory {
    uno_Interface iface;
    atomic_uint refs;
    sv_uno_types types;
} sv_factory;

static const char *const factory_interfaces[] = {
    "com.sun.star.uno.XInterface",
    "com.sun.star.lang.XSingleComponentFactory",
    "com.sun.star.lang.XServiceInfo",
};

static void SAL_CALL factory_acquire(uno_Interface *pI)
{
    atomic_fetch_add_explicit(&((sv_factory *)pI)->refs, 1, memory_order_relaxed);
}

static void SAL_CALL factory_release(uno_Interface *pI)
{
    sv_factory *f = (sv_factory *)pI;
    if (atomic_fetch_sub_explicit(&f->refs, 1, memory_order_acq_rel) != 1)
        return;
    sv_uno_types_release(&f->types);
    free(f);
}

static void SAL_CALL factory_dispatch(uno_Interface *pI, const typelib_TypeDescription *pMemberType, void *pReturn,
                                      void *pArgs[], uno_Any **ppException)
{
    sv_factory *f = (sv_factory *)pI;
    const rtl_uString *name = member_name(pMemberType);
    int thrown = 0;
    if (!name) {
        sv_uno_throw(&f->types, *ppException, 0, "socinv: not a method");
        return;
    }
    if (sv_uno_equals_ascii(name, "createInstanceWithContext") ||
        sv_uno_equals_ascii(name, "createInstanceWithArgumentsAndContext")) {
        /* The context and the arguments are not needed: the add-in keeps no state. */
        uno_Interface *obj = addin_create();
        if (!obj) {
            sv_uno_throw(&f->types, *ppException, 0, "socinv: cannot create the add-in (type library missing?)");
            return;
        }
        *(uno_Interface **)pReturn = obj; /* refcount 1 handed over */
    } else if (sv_uno_equals_ascii(name, "queryInterface")) {
        query_interface(pI, pReturn, pArgs, factory_interfaces,
                        sizeof factory_interfaces / sizeof factory_interfaces[0]);
    } else if (sv_uno_equals_ascii(name, "acquire")) {
        factory_acquire(pI);
    } else if (sv_uno_equals_ascii(name, "release")) {
        factory_release(pI);
    } else if (service_info(&f->types, name, pReturn, pArgs, *ppException, &thrown)) {
        if (thrown)
            return;
    } else {
        sv_uno_throw(&f->types, *ppException, 0, "socinv: unknown method");
        return;
    }
    *ppException = NULL;
}

/* ---- exports ------------------------------------------------------------------------------ */

/* The component is written against the binary UNO ABI, not a C++ one. */
void SAL_CALL component_getImplementationEnvironment(const char **ppEnvTypeName, uno_Environment **ppEnv)
{
    (void)ppEnv;
    *ppEnvTypeName = UNO_LB_UNO;
}

/* The factory of org.socinv.calc.FunctionsImpl, acquired (the loader releases
 * it), or NULL for any other name. The service manager is not needed. */
void *SAL_CALL component_getFactory(const char *pImplName, void *pServiceManager, void *pRegistryKey)
{
    (void)pServiceManager;
    (void)pRegistryKey;
    if (!pImplName || strcmp(pImplName, SV_IMPLEMENTATION_NAME) != 0)
        return NULL;
    sv_factory *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    if (!sv_uno_types_init(&f->types)) {
        free(f);
        return NULL;
    }
    f->iface.acquire = factory_acquire;
    f->iface.release = factory_release;
    f->iface.pDispatcher = factory_dispatch;
    atomic_init(&f->refs, 1);
    return &f->iface;
}
