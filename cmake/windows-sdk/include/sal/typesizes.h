/* Windows x64 sizes for the LibreOffice SDK headers under mingw gcc (see sal/types.h
 * here for why this folder exists). Debian's sal/typesizes.h is Linux's: with its
 * SIZEOFLONG 8, sal_Int64 would be a 4-byte long on Windows (LLP64: long is 4). */
#ifndef CONFIG_TYPESIZES_H
#define CONFIG_TYPESIZES_H

#define SAL_TYPES_ALIGNMENT2 2
#define SAL_TYPES_ALIGNMENT4 4
#define SAL_TYPES_ALIGNMENT8 8
#define SAL_TYPES_SIZEOFSHORT 2
#define SAL_TYPES_SIZEOFINT 4
#define SAL_TYPES_SIZEOFLONG 4
#define SAL_TYPES_SIZEOFLONGLONG 8
#define SAL_TYPES_SIZEOFPOINTER 8

#endif
