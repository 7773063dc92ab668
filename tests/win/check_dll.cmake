# win.dll: socinv_addin.dll exports exactly the two UNO entry points and imports from
# sal3.dll, cppu3.dll and the system DLLs KERNEL32.dll and msvcrt.dll only (no libgcc
# or winpthread DLL, which LibreOffice does not ship). Reads `objdump -p`.
#   cmake -DOBJDUMP=x86_64-w64-mingw32-objdump -DDLL=.../socinv_addin.dll -P check_dll.cmake
execute_process(COMMAND "${OBJDUMP}" -p "${DLL}" OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} -p ${DLL} failed (${rc})")
endif()
string(REGEX MATCHALL "DLL Name: [^\n]+" imports "${dump}")
list(TRANSFORM imports REPLACE "DLL Name: " "")
list(SORT imports)
set(expected_imports KERNEL32.dll cppu3.dll msvcrt.dll sal3.dll)
if(NOT imports STREQUAL expected_imports)
  message(FATAL_ERROR "imports: ${imports}\nexpected: ${expected_imports}")
endif()
# [Ordinal/Name Pointer] Table, one "\t[   n] name" line per export
string(REGEX MATCH "\\[Ordinal/Name Pointer\\] Table\n(\t\\[ *[0-9]+\\] [^\n]+\n)*" table "${dump}")
string(REGEX MATCHALL "\t\\[ *[0-9]+\\] [A-Za-z_0-9]+" exports "${table}")
list(TRANSFORM exports REPLACE "^\t\\[ *[0-9]+\\] " "")
set(expected_exports component_getFactory component_getImplementationEnvironment)
if(NOT exports STREQUAL expected_exports)
  message(FATAL_ERROR "exports: ${exports}\nexpected: ${expected_exports}")
endif()
message(STATUS "exports: ${exports}; imports: ${imports}")
