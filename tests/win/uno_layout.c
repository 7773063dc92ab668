/* Prints the size and the field offsets of every UNO struct the component's dispatcher
 * (addin/uno_component.c, addin/uno_dispatch.c) reads or writes, one "name value" line
 * each. It is built twice, for Linux with the SDK headers as they are and for Windows
 * x64 through cmake/windows-sdk/include; test win.layout compares the two outputs,
 * since LibreOffice on Windows hands socinv_addin.dll structs laid out by MSVC. */
#include <stddef.h>
#include <stdio.h>

#include <stdbool.h>
#include <typelib/typeclass.h>
typedef enum _typelib_TypeClass _typelib_TypeClass; /* see addin/uno_addin.h */
#include <typelib/typedescription.h>

#include <rtl/ustring.h>
#include <sal/types.h>
#include <uno/any2.h>
#include <uno/dispatcher.h>
#include <uno/sequence2.h>

/* STRUCT opens a struct's lines (its size), AT prints one field's offset in it: the
 * struct is named once, its fields after it. */
#define SIZE(T) printf("sizeof(%s) %zu\n", #T, sizeof(T))
#define STRUCT(Type) typedef Type T; const char *const type_name = #Type; SIZE(Type)
#define AT(f) printf("offsetof(%s, %s) %zu\n", type_name, #f, offsetof(T, f))

int main(void)
{
    SIZE(sal_Unicode); SIZE(sal_Bool); SIZE(sal_Int32); SIZE(sal_Int64); SIZE(sal_Size);
    SIZE(typelib_TypeClass);
    { STRUCT(rtl_uString); AT(refCount); AT(length); AT(buffer); }
    { STRUCT(uno_Sequence); AT(nRefCount); AT(nElements); AT(elements); }
    { STRUCT(uno_Any); AT(pType); AT(pData); AT(pReserved); }
    { STRUCT(uno_Interface); AT(acquire); AT(release); AT(pDispatcher); }
    { STRUCT(typelib_TypeDescriptionReference);
      AT(nRefCount); AT(nStaticRefCount); AT(eTypeClass); AT(pTypeName); AT(pType); AT(pUniqueIdentifier);
      AT(pReserved); }
    { STRUCT(typelib_TypeDescription);
      AT(nRefCount); AT(nStaticRefCount); AT(eTypeClass); AT(pTypeName); AT(pSelf); AT(pUniqueIdentifier);
      AT(pReserved); AT(bComplete); AT(nSize); AT(nAlignment); AT(pWeakRef); AT(bOnDemand); }
    { STRUCT(typelib_CompoundTypeDescription);
      AT(aBase); AT(pBaseTypeDescription); AT(nMembers); AT(pMemberOffsets); AT(ppTypeRefs); AT(ppMemberNames); }
    { STRUCT(typelib_InterfaceTypeDescription);
      AT(aBase); AT(pBaseTypeDescription); AT(aUik); AT(nMembers); AT(ppMembers); AT(nAllMembers);
      AT(ppAllMembers); AT(pMapMemberIndexToFunctionIndex); AT(nMapFunctionIndexToMemberIndex);
      AT(pMapFunctionIndexToMemberIndex); AT(nBaseTypes); AT(ppBaseTypes); }
    { STRUCT(typelib_InterfaceMemberTypeDescription); AT(aBase); AT(nPosition); AT(pMemberName); }
    { STRUCT(typelib_InterfaceMethodTypeDescription);
      AT(aBase); AT(pReturnTypeRef); AT(bOneWay); AT(nParams); AT(pParams); AT(nExceptions); AT(ppExceptions);
      AT(pInterface); AT(pBaseRef); AT(nIndex); }
    { STRUCT(typelib_MethodParameter); AT(pName); AT(pTypeRef); AT(bIn); AT(bOut); }
    return 0;
}
