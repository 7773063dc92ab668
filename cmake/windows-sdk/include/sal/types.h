/* The LibreOffice SDK headers, as Debian ships them, for mingw gcc on Windows x64.
 *
 * Why this folder exists: the Windows DLL is cross-built with gcc (mingw-w64), but
 * the SDK's sal/types.h knows Windows only under MSVC (_MSC_VER): with gcc on _WIN32
 * it stops at #error("unknown platform"), and its sal/typesizes.h has Linux's sizes.
 * This overlay, first on the include path of the Windows build only (addin/uno.cmake),
 * fixes just those two things and then includes the real header:
 *  - sal/typesizes.h here has the Windows sizes; defining its guard first keeps the
 *    real header's  #include "sal/typesizes.h"  (found next to it) from applying;
 *  - SAL_UNX is set while the real header is read, so that it takes its gcc branch
 *    for the export macros and SAL_CALL (empty: x64 Windows has one calling
 *    convention), then the export/import macros become __declspec, as under MSVC.
 * Everything else the real header does for _WIN32 (sal_Unicode as wchar_t, the
 * #pragma pack(8) around sal_Sequence) it still does; tests/win/uno_layout.c
 * checks the resulting offsets and sizes against the Linux build's. */
#if !defined(_WIN32) || defined(_MSC_VER)
#error "cmake/windows-sdk/include is for the mingw-w64 build of the Windows DLL only"
#endif

#include "typesizes.h"

#ifndef SAL_UNX
#define SAL_UNX
#define SOCINV_SAL_UNX_BORROWED
#endif
#include_next <sal/types.h>
#ifdef SOCINV_SAL_UNX_BORROWED
#undef SAL_UNX
#undef SOCINV_SAL_UNX_BORROWED
#endif

#undef SAL_DLLPUBLIC_EXPORT
#undef SAL_DLLPUBLIC_IMPORT
#undef SAL_JNI_EXPORT
#undef SAL_DLLPRIVATE
#undef SAL_DLLPUBLIC_TEMPLATE
#define SAL_DLLPUBLIC_EXPORT __declspec(dllexport)
#define SAL_DLLPUBLIC_IMPORT __declspec(dllimport)
#define SAL_JNI_EXPORT __declspec(dllexport)
#define SAL_DLLPRIVATE
#define SAL_DLLPUBLIC_TEMPLATE
