# What `cmake --install build [--prefix P]` puts where (GNUInstallDirs): the trustlint binary in
# bin/, its man page in share/man/man1/, bash/zsh/fish completions in share/, and the rule docs (the catalogue, rules.md generated from
# the built binary, the README, docs/semantics.md that messages cite) in share/doc/trustlint/.
include(GNUInstallDirs)

install(TARGETS trustlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/trustlint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(TRUSTLINT_RULES_DOC ${PROJECT_BINARY_DIR}/rules.md)
add_custom_command(OUTPUT ${TRUSTLINT_RULES_DOC}
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:trustlint> -DOUT=${TRUSTLINT_RULES_DOC}
          -P ${PROJECT_SOURCE_DIR}/cmake/RulesDoc.cmake
  DEPENDS trustlint ${PROJECT_SOURCE_DIR}/cmake/RulesDoc.cmake ${PROJECT_SOURCE_DIR}/rules/catalogue.yaml
  COMMENT "Writing rules.md from trustlint rules")
add_custom_target(trustlint_rules_doc ALL DEPENDS ${TRUSTLINT_RULES_DOC})
install(FILES ${PROJECT_SOURCE_DIR}/rules/catalogue.yaml ${TRUSTLINT_RULES_DOC} ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# the reference the program's messages cite (by docs/semantics.md and an anchor), at the same relative path
install(FILES ${PROJECT_SOURCE_DIR}/docs/semantics.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/rules DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)  # docs/rules/ID.md
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas DESTINATION ${CMAKE_INSTALL_DOCDIR})  # JSON Schemas

# Shell completions written from the built binary's option table (cmake/Completions.cmake).
set(TRUSTLINT_COMPLETIONS ${PROJECT_BINARY_DIR}/completions)
add_custom_command(OUTPUT ${TRUSTLINT_COMPLETIONS}/trustlint.bash ${TRUSTLINT_COMPLETIONS}/_trustlint
                          ${TRUSTLINT_COMPLETIONS}/trustlint.fish
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TRUSTLINT_COMPLETIONS}
  COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:trustlint> -DOUT=${TRUSTLINT_COMPLETIONS}
          -P ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  DEPENDS trustlint ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  COMMENT "Writing shell completions from trustlint --help")
add_custom_target(trustlint_completions ALL DEPENDS ${TRUSTLINT_COMPLETIONS}/trustlint.bash)
install(FILES ${TRUSTLINT_COMPLETIONS}/trustlint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME trustlint)
install(FILES ${TRUSTLINT_COMPLETIONS}/_trustlint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${TRUSTLINT_COMPLETIONS}/trustlint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
