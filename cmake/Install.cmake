# What `cmake --install build [--prefix P]` puts where (GNUInstallDirs): the trustlint binary in
# bin/, its man page in share/man/man1/, and the rule docs (the catalogue, rules.md generated from
# the built binary, the README) in share/doc/trustlint/.
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
