# Fails when a checked-in generated file differs from what socinv-gen writes now.
execute_process(COMMAND ${GEN} ${KIND} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "socinv-gen ${KIND} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${EXPECTED} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "${EXPECTED} is out of date: run `cmake --build build --target regen` and commit it")
endif()
