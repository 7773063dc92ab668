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

#define SIZE(T) printf("sizeof(%s) %zu\n", #T, sizeof(T))
#define AT(T, f) printf("offsetof(%s, %s) %zu\n", #T, #f, offsetof(T, f))

int main(void)
{
    SIZE(sal_Unicode); SIZE(sal_Bool); SIZE(sal_Int32); SIZE(sal_Int64); SIZE(sal_Size);
    SIZE(typelib_TypeClass);
    SIZE(rtl_uString); AT(rtl_uString, refCount); AT(rtl_uString, length); AT(rtl_uString, buffer);
    SIZE(uno_Sequence); AT(uno_Sequence, nRefCount); AT(uno_Sequence, nElements); AT(uno_Sequence, elements);
    SIZE(uno_Any); AT(uno_Any, pType); AT(uno_Any, pData); AT(uno_Any, pReserved);
    SIZE(uno_Interface); AT(uno_Interface, acquire); AT(uno_Interface, release); AT(uno_Interface, pDispatcher);
    SIZE(typelib_TypeDescriptionReference);
    AT(typelib_TypeDescriptionReference, nRefCount); AT(typelib_TypeDescriptionReference, nStaticRefCount);
    AT(typelib_TypeDescriptionReference, eTypeClass); AT(typelib_TypeDescriptionReference, pTypeName);
    AT(typelib_TypeDescriptionReference, pType); AT(typelib_TypeDescriptionReference, pUniqueIdentifier);
    AT(typelib_TypeDescriptionReference, pReserved);
    SIZE(typelib_TypeDescription);
    AT(typelib_TypeDescription, nRefCount); AT(typelib_TypeDescription, nStaticRefCount);
    AT(typelib_TypeDescription, eTypeClass); AT(typelib_TypeDescription, pTypeName);
    AT(typelib_TypeDescription, pSelf); AT(typelib_TypeDescription, pUniqueIdentifier);
    AT(typelib_TypeDescription, pReserved); AT(typelib_TypeDescription, bComplete);
    AT(typelib_TypeDescription, nSize); AT(typelib_TypeDescription, nAlignment);
    AT(typelib_TypeDescription, pWeakRef); AT(typelib_TypeDescription, bOnDemand);
    SIZE(typelib_CompoundTypeDescription);
    AT(typelib_CompoundTypeDescription, aBase); AT(typelib_CompoundTypeDescription, pBaseTypeDescription);
    AT(typelib_CompoundTypeDescription, nMembers); AT(typelib_CompoundTypeDescription, pMemberOffsets);
    AT(typelib_CompoundTypeDescription, ppTypeRefs); AT(typelib_CompoundTypeDescription, ppMemberNames);
    SIZE(typelib_InterfaceTypeDescription);
    AT(typelib_InterfaceTypeDescription, aBase); AT(typelib_InterfaceTypeDescription, pBaseTypeDescription);
    AT(typelib_InterfaceTypeDescription, aUik); AT(typelib_InterfaceTypeDescription, nMembers);
    AT(typelib_InterfaceTypeDescription, ppMembers); AT(typelib_InterfaceTypeDescription, nAllMembers);
    AT(typelib_InterfaceTypeDescription, ppAllMembers);
    AT(typelib_InterfaceTypeDescription, pMapMemberIndexToFunctionIndex);
    AT(typelib_InterfaceTypeDescription, nMapFunctionIndexToMemberIndex);
    AT(typelib_InterfaceTypeDescription, pMapFunctionIndexToMemberIndex);
    AT(typelib_InterfaceTypeDescription, nBaseTypes); AT(typelib_InterfaceTypeDescription, ppBaseTypes);
    SIZE(typelib_InterfaceMemberTypeDescription);
    AT(typelib_InterfaceMemberTypeDescription, aBase); AT(typelib_InterfaceMemberTypeDescription, nPosition);
    AT(typelib_InterfaceMemberTypeDescription, pMemberName);
    SIZE(typelib_InterfaceMethodTypeDescription);
    AT(typelib_InterfaceMethodTypeDescription, aBase); AT(typelib_InterfaceMethodTypeDescription, pReturnTypeRef);
    AT(typelib_InterfaceMethodTypeDescription, bOneWay); AT(typelib_InterfaceMethodTypeDescription, nParams);
    AT(typelib_InterfaceMethodTypeDescription, pParams); AT(typelib_InterfaceMethodTypeDescription, nExceptions);
    AT(typelib_InterfaceMethodTypeDescription, ppExceptions);
    AT(typelib_InterfaceMethodTypeDescription, pInterface);
    AT(typelib_InterfaceMethodTypeDescription, pBaseRef);
    AT(typelib_InterfaceMethodTypeDescription, nIndex);
    SIZE(typelib_MethodParameter);
    AT(typelib_MethodParameter, pName); AT(typelib_MethodParameter, pTypeRef);
    AT(typelib_MethodParameter, bIn); AT(typelib_MethodParameter, bOut);
    return 0;
}
