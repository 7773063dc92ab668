# The UNO component and the extension package. Included from addin/CMakeLists.txt
# when SOCINV_BUILD_ADDIN is ON; needs the LibreOffice SDK (Debian: libreoffice-dev).
#
# Targets
#   socinv_addin   libsocinv_addin.so: uno_component.c, uno_dispatch.c, uno_memo.c, in plain C on
#                  the binary UNO ABI, linked with the table, the glue and the rules;
#                  it exports only component_getImplementationEnvironment/getFactory
#   oxt            <build>/socinv-<version>.oxt (part of ALL): one package for Linux x86-64
#                  and, when SOCINV_BUILD_WINDOWS is ON, Windows x64 (cmake/windows.cmake
#                  cross-builds socinv_addin.dll from this tree into <build>/windows)
#
# In that Windows build (WIN32) this file makes only socinv_addin.dll: the same three
# sources against the SDK headers through cmake/windows-sdk/include (the overlay that
# lets gcc read them on Windows), linked with import libraries of sal3.dll and
# cppu3.dll made by dlltool from cmake/windows-sdk/*.def.
#
# The IDL, CalcAddIns.xcu and socinv.components that go into the package are
# written by socinv-gen from the function table into <build>/addin/generated, so
# editing addin/functions.c rebuilds the rdb, the library and the .oxt. They are
# the same files as the checked-in idl/ and packaging/ copies, which the
# metadata.* tests compare (`cmake --build <dir> --target regen` rewrites those).
#
# Cache variables
#   SOCINV_LO_PROGRAM_DIR   LibreOffice's program/ (types.rdb, types/offapi.rdb)
#   SOCINV_LO_SDK_DIR       the SDK (lib/libuno_*.so, bin/unoidl-write)
#   SOCINV_LO_INCLUDE_DIR   the SDK's C headers (uno/dispatcher.h)

if(WIN32)
  set(_winsdk "${PROJECT_SOURCE_DIR}/cmake/windows-sdk")
  if(NOT EXISTS "${SOCINV_LO_INCLUDE_DIR}/uno/dispatcher.h")
    message(FATAL_ERROR "socinv add-in (Windows): set SOCINV_LO_INCLUDE_DIR to the SDK's headers")
  endif()
  set(_implibs)
  foreach(_dll sal3 cppu3)
    set(_implib "${CMAKE_CURRENT_BINARY_DIR}/lib${_dll}.dll.a")
    add_custom_command(OUTPUT "${_implib}"
      COMMAND "${CMAKE_DLLTOOL}" -d "${_winsdk}/${_dll}.def" -l "${_implib}" -D ${_dll}.dll
      DEPENDS "${_winsdk}/${_dll}.def"
      COMMENT "Import library of ${_dll}.dll")
    list(APPEND _implibs "${_implib}")
  endforeach()
  add_custom_target(socinv_uno_implibs DEPENDS ${_implibs})
  add_library(socinv_addin MODULE uno_component.c uno_dispatch.c uno_memo.c)
  set_target_properties(socinv_addin PROPERTIES OUTPUT_NAME socinv_addin PREFIX "")
  target_include_directories(socinv_addin SYSTEM BEFORE PRIVATE "${_winsdk}/include")
  target_include_directories(socinv_addin SYSTEM PRIVATE "${SOCINV_LO_INCLUDE_DIR}")
  target_link_libraries(socinv_addin PRIVATE socinv_calc socinv_static ${_implibs})
  # libgcc linked in (LibreOffice ships no libgcc_s DLL); every symbol resolved at link time
  target_link_options(socinv_addin PRIVATE -static-libgcc "LINKER:--no-undefined")
  add_dependencies(socinv_addin socinv_uno_implibs)
  return()
endif()

set(SOCINV_LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(SOCINV_LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")
find_path(SOCINV_LO_INCLUDE_DIR uno/dispatcher.h
  PATHS /usr/include/libreoffice "${SOCINV_LO_SDK_DIR}/include" NO_DEFAULT_PATH)
find_library(SOCINV_UNO_CPPU uno_cppu PATHS "${SOCINV_LO_SDK_DIR}/lib" NO_DEFAULT_PATH)
find_library(SOCINV_UNO_SAL uno_sal PATHS "${SOCINV_LO_SDK_DIR}/lib" NO_DEFAULT_PATH)
find_program(SOCINV_UNOIDL_WRITE unoidl-write PATHS "${SOCINV_LO_SDK_DIR}/bin" NO_DEFAULT_PATH)
foreach(_v SOCINV_LO_INCLUDE_DIR SOCINV_UNO_CPPU SOCINV_UNO_SAL SOCINV_UNOIDL_WRITE)
  if(NOT ${_v})
    message(FATAL_ERROR "socinv add-in: ${_v} not found (install libreoffice-dev, "
                        "or configure with -DSOCINV_BUILD_ADDIN=OFF)")
  endif()
endforeach()
foreach(_rdb types.rdb types/offapi.rdb)
  if(NOT EXISTS "${SOCINV_LO_PROGRAM_DIR}/${_rdb}")
    message(FATAL_ERROR "socinv add-in: ${SOCINV_LO_PROGRAM_DIR}/${_rdb} not found")
  endif()
endforeach()

# ---- the component -------------------------------------------------------------
add_library(socinv_addin MODULE uno_component.c uno_dispatch.c uno_memo.c)
set_target_properties(socinv_addin PROPERTIES
  OUTPUT_NAME socinv_addin
  PREFIX "lib"
  C_VISIBILITY_PRESET hidden
  SKIP_BUILD_RPATH ON)           # libuno_*.so.3 are already loaded in the office
# The SDK headers want the platform macros of sdk/settings/settings.mk.
target_compile_definitions(socinv_addin PRIVATE UNX GCC LINUX)
target_include_directories(socinv_addin SYSTEM PRIVATE "${SOCINV_LO_INCLUDE_DIR}")
target_link_libraries(socinv_addin PRIVATE socinv_calc socinv_static
  "${SOCINV_UNO_CPPU}" "${SOCINV_UNO_SAL}" m)
# No undefined symbols; nothing from the static libraries re-exported.
target_link_options(socinv_addin PRIVATE "LINKER:-z,defs" "LINKER:--exclude-libs,ALL" "LINKER:--as-needed")

# ---- the Windows DLL ------------------------------------------------------------------
include("${PROJECT_SOURCE_DIR}/cmake/windows.cmake")

# ---- generated metadata and the type library -------------------------------------
set(_gen "${CMAKE_CURRENT_BINARY_DIR}/generated")
set(_idl "${_gen}/XFunctions.idl")
set(_xcu "${_gen}/CalcAddIns.xcu")
set(_components "${_gen}/socinv.components")
add_custom_command(OUTPUT "${_idl}" "${_xcu}" "${_components}" "${_gen}/windows/socinv.components"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gen}"
  COMMAND socinv-gen idl "${_idl}"
  COMMAND socinv-gen xcu "${_xcu}"
  COMMAND socinv-gen components "${_components}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gen}/windows"
  COMMAND socinv-gen components "${_gen}/windows/socinv.components" socinv_addin.dll
  DEPENDS socinv-gen
  COMMENT "Writing the IDL, CalcAddIns.xcu and socinv.components from the function table")

set(_rdb "${CMAKE_CURRENT_BINARY_DIR}/socinv.rdb")
add_custom_command(OUTPUT "${_rdb}"
  COMMAND "${CMAKE_COMMAND}" -E rm -f "${_rdb}"
  COMMAND "${SOCINV_UNOIDL_WRITE}" "${SOCINV_LO_PROGRAM_DIR}/types.rdb"
          "${SOCINV_LO_PROGRAM_DIR}/types/offapi.rdb" "${_idl}" "${_rdb}"
  DEPENDS "${_idl}"
  COMMENT "Compiling XFunctions.idl into socinv.rdb")

# ---- the package -----------------------------------------------------------------
# Each platform's library sits in its own folder beside its own socinv.components,
# bound by a platform-qualified manifest entry; LibreOffice registers only its own.
set(SOCINV_OXT_PLATFORMS "linux_x86_64")
set(_entry "  <manifest:file-entry manifest:media-type=\"application/vnd.sun.star.uno-components;platform=")
set(SOCINV_OXT_COMPONENT_ENTRIES
    "${_entry}Linux_X86_64\"\n                       manifest:full-path=\"linux_x86_64/socinv.components\"/>")
set(_platform_files
  "linux_x86_64/libsocinv_addin.so|$<TARGET_FILE:socinv_addin>"
  "linux_x86_64/socinv.components|${_components}")
set(_platform_deps socinv_addin)
if(SOCINV_BUILD_WINDOWS)
  string(APPEND SOCINV_OXT_PLATFORMS ",windows_x86_64")
  string(APPEND SOCINV_OXT_COMPONENT_ENTRIES
    "\n${_entry}Windows_X86_64\"\n                       manifest:full-path=\"windows_x86_64/socinv.components\"/>")
  list(APPEND _platform_files
    "windows_x86_64/socinv_addin.dll|${SOCINV_WINDOWS_DLL}"
    "windows_x86_64/socinv.components|${_gen}/windows/socinv.components")
  list(APPEND _platform_deps socinv_windows)
endif()
configure_file("${PROJECT_SOURCE_DIR}/packaging/description.xml.in"
               "${CMAKE_CURRENT_BINARY_DIR}/description.xml" @ONLY)
configure_file("${PROJECT_SOURCE_DIR}/packaging/manifest.xml.in"
               "${CMAKE_CURRENT_BINARY_DIR}/manifest.xml" @ONLY)

set(SOCINV_OXT "${PROJECT_BINARY_DIR}/socinv-${PROJECT_VERSION}.oxt")
set(_stage "${CMAKE_CURRENT_BINARY_DIR}/oxt")
set(_stage_files                      # name in the package <- source
  "description.xml|${CMAKE_CURRENT_BINARY_DIR}/description.xml"
  "META-INF/manifest.xml|${CMAKE_CURRENT_BINARY_DIR}/manifest.xml"
  "socinv.rdb|${_rdb}"
  ${_platform_files}
  "CalcAddIns.xcu|${_xcu}"
  "LICENSE|${PROJECT_SOURCE_DIR}/LICENSE"
  "description-en.txt|${PROJECT_SOURCE_DIR}/packaging/description-en.txt"
  "description-da.txt|${PROJECT_SOURCE_DIR}/packaging/description-da.txt")
set(_copy_cmds)
set(_names)
set(_sources)
foreach(_item ${_stage_files})
  string(REPLACE "|" ";" _pair "${_item}")
  list(GET _pair 0 _name)
  list(GET _pair 1 _src)
  list(APPEND _copy_cmds COMMAND "${CMAKE_COMMAND}" -E copy "${_src}" "${_stage}/${_name}")
  list(APPEND _names "${_name}")
  list(APPEND _sources "${_src}")
endforeach()

# cmake -E tar stores the names relative to its working directory: the stage.
file(REMOVE_RECURSE "${_stage}")   # nothing left over from a package of other platforms
file(MAKE_DIRECTORY "${_stage}/META-INF" "${_stage}/linux_x86_64" "${_stage}/windows_x86_64")
add_custom_command(OUTPUT "${SOCINV_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_stage}/META-INF" "${_stage}/linux_x86_64"
          "${_stage}/windows_x86_64"
  ${_copy_cmds}
  COMMAND "${CMAKE_COMMAND}" -E rm -f "${SOCINV_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E tar cf "${SOCINV_OXT}" --format=zip ${_names}
  WORKING_DIRECTORY "${_stage}"
  DEPENDS ${_platform_deps} ${_sources}
  COMMENT "Packing socinv-${PROJECT_VERSION}.oxt"
  VERBATIM)
add_custom_target(oxt ALL DEPENDS "${SOCINV_OXT}")
