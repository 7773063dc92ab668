/* STAND-INS, NOT LIBREOFFICE: the few sal3.dll and cppu3.dll functions socinv_addin.dll
 * imports (listed in cmake/windows-sdk/sal3.def and cppu3.def), written plainly for test win.loader only, so that the
 * DLL can be loaded and called under wine where no Windows LibreOffice exists. They are
 * as small as the component's calls allow (the types it uses, no others) and are tested
 * by nothing; every other test uses the real LibreOffice libraries on Linux. */
#ifndef SOCINV_STANDIN_H
#define SOCINV_STANDIN_H

#include <stdbool.h>
#include <typelib/typeclass.h>
typedef enum _typelib_TypeClass _typelib_TypeClass; /* see addin/uno_addin.h */
#include <typelib/typedescription.h>

#include <rtl/alloc.h>
#include <rtl/textcvt.h>
#include <rtl/ustring.h>
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>

/* The type descriptions getByName and getDescription know, by name: the stand-in
 * cppu3.dll registers the two exceptions the component throws itself; the loader
 * test registers XFunctions and its methods, as LibreOffice's type manager would
 * give them from socinv.rdb. */
#ifdef CPPU_DLLIMPLEMENTATION
__declspec(dllexport)
#else
__declspec(dllimport)
#endif
void standin_register_type(typelib_TypeDescription *td);

#endif
