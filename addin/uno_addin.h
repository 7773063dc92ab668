/* Private to the UNO component (uno_component.c, uno_dispatch.c, uno_memo.c): the SDK's C
 * headers, the types looked up once per object, and the conversion of one call
 * of an XFunctions method. Nothing else in socinv includes this header. */
#ifndef SOCINV_UNO_ADDIN_H
#define SOCINV_UNO_ADDIN_H

/* typelib/typedescription.h of LibreOffice 7.4 ends in inline helpers that are
 * not valid C: they use `bool` and the bare tag `_typelib_TypeClass`. */
#include <stdbool.h>
#include <typelib/typeclass.h>
typedef enum _typelib_TypeClass _typelib_TypeClass;
#include <typelib/typedescription.h>

#include <rtl/ustring.h>
#include <sal/types.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>

#include "functions.h"

/* Every type reference and description the component needs, looked up once
 * when an object is created (never per call) and released with it. */
typedef struct sv_uno_types {
    /* values */
    typelib_TypeDescriptionReference *t_double;
    typelib_TypeDescriptionReference *t_string;
    typelib_TypeDescriptionReference *t_seq_seq_double; /* [][]double: matrix results */
    typelib_TypeDescriptionReference *t_seq_seq_any;    /* [][]any: ranges, and results mixing text */
    typelib_TypeDescriptionReference *t_seq_any;        /* []any: a row of those */
    typelib_TypeDescriptionReference *t_seq_type;       /* []type: XTypeProvider::getTypes */
    typelib_TypeDescriptionReference *t_seq_byte;       /* []byte: getImplementationId */
    typelib_TypeDescriptionReference *t_seq_string;     /* []string: getSupportedServiceNames */
    /* interfaces of the add-in object, as listed by getTypes */
    typelib_TypeDescriptionReference *t_xfunctions;
    typelib_TypeDescriptionReference *t_xtypeprovider;
    typelib_TypeDescriptionReference *t_xserviceinfo;
    typelib_TypeDescriptionReference *t_xservicename;
    /* exceptions, and where their members live */
    typelib_TypeDescription *td_illegal_argument; /* com.sun.star.lang.IllegalArgumentException */
    typelib_TypeDescription *td_runtime;          /* com.sun.star.uno.RuntimeException */
    sal_Int32 off_message;                        /* Exception::Message */
    sal_Int32 off_argument_position;              /* IllegalArgumentException::ArgumentPosition */
} sv_uno_types;

/* Look the types up; 0 when the type library is incomplete (then nothing is held). */
int sv_uno_types_init(sv_uno_types *t);
void sv_uno_types_release(sv_uno_types *t);

/* The table row for an XFunctions method, if the method's signature (as the
 * installed type library describes it) is exactly what the row expects:
 * every parameter [in], double / any / [][]any in the row's order, returning
 * any. NULL otherwise, so arguments are never read with the wrong layout. */
const sv_function *sv_uno_function_for(const typelib_TypeDescription *member);

/* One call of fn. pReturn and *exc are the dispatcher's (uninitialised) return
 * and exception memory. Returns 1 when it constructed an exception in *exc
 * (pReturn untouched), 0 when it constructed the return any. */
int sv_uno_call(const sv_uno_types *t, const sv_function *fn, void *pReturn, void *pArgs[], uno_Any *exc);

/* Construct an IllegalArgumentException (illegal != 0) or a RuntimeException
 * with the given ASCII/UTF-8 message in the unconstructed any *exc. */
void sv_uno_throw(const sv_uno_types *t, uno_Any *exc, int illegal, const char *message);

/* Does the UTF-16 string equal the ASCII text? */
int sv_uno_equals_ascii(const rtl_uString *s, const char *ascii);

#endif
