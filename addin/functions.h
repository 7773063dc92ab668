/* The one table of Calc functions. Each row describes a function once: its IDL
 * method name, English and Danish names and help, its parameters and the glue
 * that runs it. The IDL (idl/), the CalcAddIns.xcu (packaging/), the function
 * reference (FUNCTIONS.md), the argument positions (params.h) and the UNO
 * dispatcher all follow from this table. */
#ifndef SOCINV_FUNCTIONS_H
#define SOCINV_FUNCTIONS_H

#include <stddef.h>

#include "call.h"

/* The service name is written into every saved file as
 * of:=ORG.SOCINV.CALC.FUNCTIONS.<METHOD>(...): never change it, nor a method name. */
#define SV_SERVICE_NAME "org.socinv.calc.Functions"
#define SV_IMPLEMENTATION_NAME "org.socinv.calc.FunctionsImpl"
#define SV_INTERFACE_NAME "org.socinv.calc.XFunctions"

typedef enum sv_param_type {
    SV_P_RANGE,    /* required; IDL sequence< sequence< any > >: ranges, arrays or one value */
    SV_P_NUMBER,   /* required; IDL double */
    SV_P_OPTIONAL  /* optional; IDL any: a number, text, a range, or left out */
} sv_param_type;

typedef struct sv_text2 {
    const char *en;
    const char *da;
} sv_text2;

typedef struct sv_param {
    const char *name; /* IDL parameter name: Calc matches the .xcu to it */
    sv_param_type type;
    sv_text2 label;   /* shown in the Function Wizard */
    sv_text2 help;
    sv_text2 dflt;    /* the default as the help shows it ("0", "TRUE"/"SAND"), or NULLs */
    /* A keyword argument (OPTK rows): the words it accepts, read by sv_keyword_arg,
     * and its default as that code. NULL for the others. */
    const sv_keywords *keywords;
    long dflt_code;
    /* A number argument with a default (OPTN rows): the default as the glue reads
     * it (sv_int_arg, sv_number_arg); the help shows it as dflt. 0 for the others. */
    double dflt_value;
} sv_param;

typedef socinv_status (*sv_glue)(sv_call *call);

#define SV_MAX_PARAMS 12

#define SV_MAX_EXAMPLES 4

typedef struct sv_example {
    const char *formula; /* English names, ';' separators, inline arrays {a;b|c;d} */
    const char *expected; /* the value Calc shows: a number, TRUE/FALSE, text or an error name */
} sv_example;

typedef struct sv_function {
    const char *method;  /* IDL method name: part of the file format, frozen once released */
    sv_text2 name;       /* display names: English (also the compatibility name) and Danish */
    const char *category; /* Calc's programmatic category: "Financial", ... */
    sv_text2 help;       /* one-line summary, no trailing period */
    sv_glue glue;
    sv_example examples[SV_MAX_EXAMPLES];
    size_t nparams;
    sv_param params[SV_MAX_PARAMS];
} sv_function;

extern const sv_function sv_functions[];
extern const size_t sv_function_count;

/* The row for an IDL method name, or NULL. */
const sv_function *sv_function_find(const char *method, size_t len);

#endif
