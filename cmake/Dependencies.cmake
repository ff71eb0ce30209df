# The five dependencies, found once from Debian's packages.
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)          # 0.7.0 exports the bare target name `yaml-cpp`
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)   # libre2-dev has no CMake config
find_package(CLI11 REQUIRED)
if(TRUSTLINT_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
message(STATUS "trustlint: nlohmann_json ${nlohmann_json_VERSION}, yaml-cpp ${yaml-cpp_VERSION}, re2 ${RE2_VERSION}, CLI11 ${CLI11_VERSION}")
