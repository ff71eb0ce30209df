# What `cmake --install build [--prefix P]` puts where (GNUInstallDirs): the trustlint binary in
# bin/, its man page in share/man/man1/, bash/zsh/fish completions in share/, and the rule docs (the catalogue, rules.md generated from
# the built binary, the README, docs/semantics.md that messages cite) in share/doc/trustlint/;
# for programs built on the engine, the public headers in include/trustlint/, the static library
# in lib/ and a CMake package (find_package(trustlint) → trustlint::engine) in lib/cmake/trustlint/.
# Two components: `runtime` (the program and its documents: what the .deb holds, Package.cmake)
# and `development` (the library, headers and CMake package). `cmake --install` installs both.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME runtime)

install(TARGETS trustlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/trustlint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# rules.md and the shell completions are written by running the built binary. That happens at
# install time (and so for cpack), never as part of the build: a cross-compiled binary cannot run
# on the build machine (CMAKE_CROSSCOMPILING_EMULATOR, when set, runs it; without one they are
# left out of the install, with a message).
set(TRUSTLINT_RULES_DOC ${PROJECT_BINARY_DIR}/rules.md)
set(TRUSTLINT_COMPLETIONS ${PROJECT_BINARY_DIR}/completions)
set(_run_exe "$<TARGET_FILE:trustlint>")
if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
  list(JOIN CMAKE_CROSSCOMPILING_EMULATOR " " _emulator)
  set(_run_exe "${_emulator};$<TARGET_FILE:trustlint>")
endif()
if(CMAKE_CROSSCOMPILING AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
  install(CODE "message(STATUS \"cross-compiled without CMAKE_CROSSCOMPILING_EMULATOR: rules.md and the shell completions are not installed\")")
else()
  install(CODE "
    file(MAKE_DIRECTORY \"${TRUSTLINT_COMPLETIONS}\")
    foreach(script RulesDoc Completions)
      set(out \"${TRUSTLINT_RULES_DOC}\")
      if(script STREQUAL Completions)
        set(out \"${TRUSTLINT_COMPLETIONS}\")
      endif()
      execute_process(COMMAND \"${CMAKE_COMMAND}\" \"-DEXE=${_run_exe}\" \"-DOUT=\${out}\"
                              -P \"${PROJECT_SOURCE_DIR}/cmake/\${script}.cmake\" COMMAND_ERROR_IS_FATAL ANY)
    endforeach()")
  install(FILES ${TRUSTLINT_RULES_DOC} DESTINATION ${CMAKE_INSTALL_DOCDIR})
  install(FILES ${TRUSTLINT_COMPLETIONS}/trustlint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME trustlint)
  install(FILES ${TRUSTLINT_COMPLETIONS}/_trustlint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  install(FILES ${TRUSTLINT_COMPLETIONS}/trustlint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/rules/catalogue.yaml ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# the reference the program's messages cite (by docs/semantics.md and an anchor), at the same relative path
install(FILES ${PROJECT_SOURCE_DIR}/docs/semantics.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/rules DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)  # docs/rules/ID.md
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas DESTINATION ${CMAKE_INSTALL_DOCDIR})  # JSON Schemas

# The engine as a CMake package: trustlint::engine with its public headers (the HEADERS file
# set of engine/CMakeLists.txt); the libraries it links privately are found again by the
# package's config (cmake/trustlintConfig.cmake.in), since a static library needs them at link.
set(TRUSTLINT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/trustlint)
install(TARGETS trustlint_engine EXPORT trustlintTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(EXPORT trustlintTargets NAMESPACE trustlint:: DESTINATION ${TRUSTLINT_CMAKE_DIR} COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/trustlintConfig.cmake.in
  ${PROJECT_BINARY_DIR}/trustlintConfig.cmake INSTALL_DESTINATION ${TRUSTLINT_CMAKE_DIR})
# 0.x: a new minor version may change the API
write_basic_package_version_file(${PROJECT_BINARY_DIR}/trustlintConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/trustlintConfig.cmake ${PROJECT_BINARY_DIR}/trustlintConfigVersion.cmake
        DESTINATION ${TRUSTLINT_CMAKE_DIR} COMPONENT development)
