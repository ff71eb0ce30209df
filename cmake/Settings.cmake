# Build policy as targets: language level, warnings, sanitizers. Our targets link these PRIVATE.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

add_library(trustlint_settings INTERFACE)
target_compile_definitions(trustlint_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
if(TRUSTLINT_SANITIZE)
  string(REPLACE ";" "," _san "${TRUSTLINT_SANITIZE}")
  target_compile_options(trustlint_settings INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(trustlint_settings INTERFACE -fsanitize=${_san})
endif()

add_library(trustlint_warnings INTERFACE)
target_compile_options(trustlint_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${TRUSTLINT_WERROR}>:-Werror>
  # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
