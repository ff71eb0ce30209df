# Build policy as targets: language level, warnings, sanitizers. Our targets link these PRIVATE.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

add_library(trustlint_settings INTERFACE)
target_compile_definitions(trustlint_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
# Fuzzing: coverage instrumentation for everything we build, and the sanitizers that turn a
# silent memory error into a crash libFuzzer can report. The fuzz targets add -fsanitize=fuzzer.
if(TRUSTLINT_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TRUSTLINT_BUILD_FUZZ needs clang (libFuzzer), e.g. -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NOT TRUSTLINT_SANITIZE)
    set(TRUSTLINT_SANITIZE "address;undefined")
  endif()
  target_compile_options(trustlint_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(TRUSTLINT_SANITIZE)
  string(REPLACE ";" "," _san "${TRUSTLINT_SANITIZE}")
  target_compile_options(trustlint_settings INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(trustlint_settings INTERFACE -fsanitize=${_san})
endif()

add_library(trustlint_warnings INTERFACE)
target_compile_options(trustlint_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${TRUSTLINT_WERROR}>:-Werror>
  # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
# Sanitizer builds with GCC 12 at -O1 (.ci/run): std::regex internals in libstdc++'s headers trip
# -Wmaybe-uninitialized, a false positive of the instrumented code (every target that uses it).
if(TRUSTLINT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(trustlint_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
