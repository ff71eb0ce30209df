# The five dependencies, found once from Debian's packages.
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)          # 0.7.0 exports the bare target name `yaml-cpp`
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)   # libre2-dev has no CMake config
find_package(CLI11 REQUIRED)
if(TRUSTLINT_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
# The `trustlint` program links RE2 and yaml-cpp from their static archives (Debian's -dev
# packages ship them) and libstdc++/libgcc statically: no dynamic loader work for them at each
# start (issue 18: a one-file `lint` is mostly start-up). glibc stays shared. Off under the
# sanitizers, or when an archive is missing; the library, tests and bindings link as before.
option(TRUSTLINT_STATIC_CLI "Link the trustlint program with static libstdc++, RE2 and yaml-cpp (faster start)" ON)
set(TRUSTLINT_STATIC_CLI_LIBS "")
if(TRUSTLINT_STATIC_CLI AND NOT TRUSTLINT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  find_library(TRUSTLINT_RE2_ARCHIVE NAMES libre2.a)
  find_library(TRUSTLINT_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
  if(TRUSTLINT_RE2_ARCHIVE AND TRUSTLINT_YAML_CPP_ARCHIVE)
    set(TRUSTLINT_STATIC_CLI_LIBS ${TRUSTLINT_YAML_CPP_ARCHIVE} ${TRUSTLINT_RE2_ARCHIVE})
  endif()
endif()
message(STATUS "trustlint: nlohmann_json ${nlohmann_json_VERSION}, yaml-cpp ${yaml-cpp_VERSION}, re2 ${RE2_VERSION}, CLI11 ${CLI11_VERSION}")
