# cmocka for the unit tests of the Windows build (tests/CMakeLists.txt, WIN32 only).
# Debian has no mingw cmocka, so its source package (put in a cache folder by
# tools/fetch-cmocka-source, run by tools/install-deps) is cross-built here, in the
# build tree, as a static library. Without the source the Windows unit tests are left
# out, with a warning. Sets CMOCKA_INCLUDE_DIR, CMOCKA_LIBRARIES, SOCINV_WINDOWS_CMOCKA.
if(NOT SOCINV_CMOCKA_SOURCE_DIR)
  set(SOCINV_CMOCKA_SOURCE_DIR "/var/cache/socinv/cmocka")
endif()
set(SOCINV_WINDOWS_CMOCKA OFF)
if(NOT EXISTS "${SOCINV_CMOCKA_SOURCE_DIR}/src/cmocka.c")
  message(WARNING "socinv (Windows): no cmocka source in ${SOCINV_CMOCKA_SOURCE_DIR} "
                  "(run tools/fetch-cmocka-source): the unit tests are not built for Windows")
  return()
endif()
include(ExternalProject)
set(_prefix "${CMAKE_BINARY_DIR}/cmocka")
set(CMOCKA_INCLUDE_DIR "${_prefix}/include")
set(CMOCKA_LIBRARIES "${_prefix}/lib/libcmocka-static.a")
file(MAKE_DIRECTORY "${CMOCKA_INCLUDE_DIR}")
ExternalProject_Add(cmocka_windows
  SOURCE_DIR "${SOCINV_CMOCKA_SOURCE_DIR}"
  BINARY_DIR "${_prefix}-build"
  INSTALL_DIR "${_prefix}"
  CMAKE_ARGS
    "-DCMAKE_TOOLCHAIN_FILE=${CMAKE_TOOLCHAIN_FILE}"
    "-DCMAKE_INSTALL_PREFIX=<INSTALL_DIR>"
    -DCMAKE_INSTALL_LIBDIR=lib
    -DCMAKE_BUILD_TYPE=Release
    -DWITH_STATIC_LIB=ON
    -DWITH_EXAMPLES=OFF
    -DUNIT_TESTING=OFF
  BUILD_BYPRODUCTS "${CMOCKA_LIBRARIES}")
set(SOCINV_WINDOWS_CMOCKA ON)
