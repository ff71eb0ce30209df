# Cross-compiling support (engine/CMakeLists.txt): configures two scratch builds of the source.
# 1. -DTRUSTLINT_GEN_TABLES_EXECUTABLE=<this build's generator>: no trustlint_gen_tables target
#    is made, and the table generation runs the given program.
# 2. CMAKE_SYSTEM_NAME set (CMAKE_CROSSCOMPILING) and no generator given: configure fails, and
#    says how to give one.
# Usage: cmake -DSOURCE=... -DWORK=... -DGEN=<built trustlint_gen_tables> -DGENERATOR=... -DCXX=... -P gen_tables.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/given -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} -DTRUSTLINT_BUILD_TESTS=OFF
          -DTRUSTLINT_GEN_TABLES_EXECUTABLE=${GEN}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure with TRUSTLINT_GEN_TABLES_EXECUTABLE failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/given --target help
  RESULT_VARIABLE rc OUTPUT_VARIABLE targets ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "listing the targets failed:\n${err}")
endif()
if(NOT targets MATCHES "trustlint_engine")
  message(FATAL_ERROR "the target list has no trustlint_engine (is this the target list?):\n${targets}")
endif()
if(targets MATCHES "trustlint_gen_tables")
  message(FATAL_ERROR "a trustlint_gen_tables target is built although one was given:\n${targets}")
endif()
# The generation rule runs the given program (build.make for Makefiles, build.ninja for Ninja).
file(GLOB_RECURSE rules ${WORK}/given/build.ninja ${WORK}/given/engine/*/build.make)
set(found FALSE)
foreach(f IN LISTS rules)
  file(READ ${f} text)
  string(FIND "${text}" "${GEN}" at)
  if(NOT at EQUAL -1)
    set(found TRUE)
  endif()
endforeach()
if(NOT found)
  message(FATAL_ERROR "no build rule runs ${GEN} (looked in: ${rules})")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/cross -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} -DTRUSTLINT_BUILD_TESTS=OFF
          -DCMAKE_SYSTEM_NAME=Linux
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a cross-compiling configure without TRUSTLINT_GEN_TABLES_EXECUTABLE succeeded:\n${out}")
endif()
if(NOT err MATCHES "TRUSTLINT_GEN_TABLES_EXECUTABLE")
  message(FATAL_ERROR "the cross-compiling configure failed without naming TRUSTLINT_GEN_TABLES_EXECUTABLE:\n${err}")
endif()
file(REMOVE_RECURSE ${WORK})
message(STATUS "gen_tables: a given generator is used and none is built; cross-compiling without one is a clear error")
