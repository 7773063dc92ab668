# The Windows x64 part of the .oxt, cross-built from the Linux build (included by
# addin/uno.cmake): this same source tree configured again with the mingw-w64
# toolchain (cmake/mingw-w64-x86_64.cmake) in <build>/windows, as an ExternalProject
# that the oxt target depends on. That build makes socinv_addin.dll and the Windows
# tests (tests/win), which the Linux build's ctest runs under wine64 (label win).
#
# Option
#   SOCINV_BUILD_WINDOWS   default ON when x86_64-w64-mingw32-gcc is found (Debian:
#                          gcc-mingw-w64-x86-64) and the build is not the sanitizer one;
#                          OFF makes a Linux-only .oxt.
# Sets
#   SOCINV_WINDOWS_DIR     <build>/windows
#   SOCINV_WINDOWS_DLL     <build>/windows/addin/socinv_addin.dll (target socinv_windows)
find_program(SOCINV_MINGW_GCC x86_64-w64-mingw32-gcc)
set(_win_default OFF)
if(SOCINV_MINGW_GCC AND NOT SOCINV_SANITIZE)
  set(_win_default ON)
endif()
option(SOCINV_BUILD_WINDOWS "Cross-build the Windows x64 DLL into the .oxt (mingw-w64)" ${_win_default})
if(SOCINV_BUILD_WINDOWS AND NOT SOCINV_MINGW_GCC)
  message(FATAL_ERROR "SOCINV_BUILD_WINDOWS: x86_64-w64-mingw32-gcc not found "
                      "(install gcc-mingw-w64-x86-64, or configure with -DSOCINV_BUILD_WINDOWS=OFF)")
endif()
if(NOT SOCINV_BUILD_WINDOWS)
  if(SOCINV_MINGW_GCC)
    set(_why "SOCINV_BUILD_WINDOWS is OFF")
  else()
    set(_why "no Windows cross compiler (x86_64-w64-mingw32-gcc; Debian: gcc-mingw-w64-x86-64)")
  endif()
  message(STATUS "socinv: ${_why}: the .oxt will hold the Linux x86-64 library only")
  return()
endif()
message(STATUS "socinv: the .oxt will hold the Linux x86-64 library and the Windows x64 DLL")

set(SOCINV_WINDOWS_DIR "${PROJECT_BINARY_DIR}/windows" CACHE INTERNAL "")
set(SOCINV_WINDOWS_DLL "${SOCINV_WINDOWS_DIR}/addin/socinv_addin.dll" CACHE INTERNAL "")
set(SOCINV_CMOCKA_SOURCE_DIR "" CACHE PATH
    "cmocka's source (tools/fetch-cmocka-source) for the unit tests of the Windows build; empty: the default cache folder")

include(ExternalProject)
ExternalProject_Add(socinv_windows
  SOURCE_DIR "${PROJECT_SOURCE_DIR}"
  BINARY_DIR "${SOCINV_WINDOWS_DIR}"
  CMAKE_ARGS
    "-DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/mingw-w64-x86_64.cmake"
    "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}"
    "-DSOCINV_BUILD_ADDIN=ON"
    "-DSOCINV_BUILD_TESTS=${SOCINV_BUILD_TESTS}"
    "-DSOCINV_LO_INCLUDE_DIR=${SOCINV_LO_INCLUDE_DIR}"
    "-DSOCINV_CMOCKA_SOURCE_DIR=${SOCINV_CMOCKA_SOURCE_DIR}"
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON                    # its own make decides what is out of date
  BUILD_BYPRODUCTS "${SOCINV_WINDOWS_DLL}")
