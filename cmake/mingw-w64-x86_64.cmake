# Toolchain for the Windows x64 part (socinv_addin.dll and its tests), built with
# Debian's gcc-mingw-w64-x86-64. cmake/windows.cmake configures this same source
# tree with it; by hand: cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(SOCINV_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${SOCINV_MINGW_PREFIX}-gcc)
set(CMAKE_RC_COMPILER ${SOCINV_MINGW_PREFIX}-windres)
set(CMAKE_DLLTOOL ${SOCINV_MINGW_PREFIX}-dlltool)
set(CMAKE_OBJDUMP ${SOCINV_MINGW_PREFIX}-objdump)
# mingw's own C99 printf/scanf family (%zu, two-digit exponents), not msvcrt's.
set(CMAKE_C_FLAGS_INIT "-D__USE_MINGW_ANSI_STDIO=1")
# Headers and libraries from the mingw sysroot only, programs from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${SOCINV_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
