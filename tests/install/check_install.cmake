# `cmake --install` into a scratch prefix: the binary runs, the man page and the rule docs are
# where man(1) and users look, and the man page renders without groff warnings when groff is
# installed. usage: cmake -DBUILD=<build dir> -DPREFIX=<scratch dir> -P check_install.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
foreach(f bin/trustlint share/man/man1/trustlint.1 share/doc/trustlint/catalogue.yaml
          share/doc/trustlint/rules.md share/doc/trustlint/README.md
          share/doc/trustlint/docs/semantics.md share/doc/trustlint/docs/rules/TL101.md
          include/trustlint/trustlint.h lib/cmake/trustlint/trustlintConfig.cmake
          lib/cmake/trustlint/trustlintConfigVersion.cmake lib/cmake/trustlint/trustlintTargets.cmake)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

execute_process(COMMAND ${PREFIX}/bin/trustlint --version OUTPUT_VARIABLE version RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^trustlint [0-9]")
  message(FATAL_ERROR "installed trustlint --version: ${rc} ${version}")
endif()

# rules.md holds every entry of the catalogue the binary lists
execute_process(COMMAND ${PREFIX}/bin/trustlint rules OUTPUT_VARIABLE listing)
file(READ ${PREFIX}/share/doc/trustlint/rules.md rules_md)
string(REGEX MATCHALL "\nTL[0-9]+ " ids "${listing}")
list(LENGTH ids count)
if(count LESS 50)
  message(FATAL_ERROR "trustlint rules lists only ${count} entries")
endif()
foreach(id IN LISTS ids)
  string(STRIP "${id}" id)
  string(FIND "${rules_md}" "\n## ${id}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "rules.md lacks ${id}")
  endif()
endforeach()

# the man page: every verb and the exit codes are there; groff renders it without warnings
file(READ ${PREFIX}/share/man/man1/trustlint.1 page)
foreach(needle ".B trustlint can" ".B trustlint who" ".B trustlint lint" ".B trustlint rules" ".SH EXIT STATUS"
               ".SH FILES" ".SH EXAMPLES" "resource" "exclude")
  string(FIND "${page}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "man page lacks \"${needle}\"")
  endif()
endforeach()
find_program(GROFF groff)
if(GROFF)
  execute_process(COMMAND ${GROFF} -man -Tutf8 -ww -z ${PREFIX}/share/man/man1/trustlint.1
                  RESULT_VARIABLE rc ERROR_VARIABLE warnings)
  if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
    message(FATAL_ERROR "groff: ${rc} ${warnings}")
  endif()
  execute_process(COMMAND ${GROFF} -man -Tutf8 -P-cbou ${PREFIX}/share/man/man1/trustlint.1 OUTPUT_VARIABLE rendered)
  if(NOT rendered MATCHES "EXIT STATUS" OR NOT rendered MATCHES "trustlint lint")
    message(FATAL_ERROR "the rendered man page lacks its sections")
  endif()
else()
  message(STATUS "groff not installed: rendering not checked")
endif()
