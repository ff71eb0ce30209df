# Writes bash, zsh and fish completions for trustlint from the built binary's own option table
# (`trustlint VERB --help`), so they cannot drift from the CLI. Installed by Install.cmake.
# usage: cmake -DEXE=path/to/trustlint -DOUT=<dir> -P Completions.cmake
set(verbs can who lint rules)
set(bash_cases "")
set(bash_values "")
set(zsh_cases "")
set(fish "# fish completions for trustlint, generated from `trustlint VERB --help` (cmake/Completions.cmake)\ncomplete -c trustlint -f -n __fish_use_subcommand -l help -d 'Print help'\ncomplete -c trustlint -f -n __fish_use_subcommand -l version -d 'Print the version'\n")
foreach(verb IN LISTS verbs)
  execute_process(COMMAND ${EXE} ${verb} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${EXE} ${verb} --help failed (${rc})")
  endif()
  string(REPLACE ";" "," help "${help}")  # CMake lists split on ';'
  string(REGEX MATCH "^[^\n]*" summary "${help}")
  string(REGEX REPLACE " \\(exit.*" "" summary "${summary}")
  string(REPLACE "'" "" summary "${summary}")
  string(APPEND fish "complete -c trustlint -f -n __fish_use_subcommand -a ${verb} -d '${summary}'\n")
  # option lines: "  --name TYPE:{a,b}   description" (the description may be on the next line)
  string(REGEX MATCHALL "\n  (-h,)?--[a-z][a-z-]*[^\n]*(\n                              [^\n]*)?" lines "${help}")
  set(opts "")
  set(zsh_specs "")
  foreach(line IN LISTS lines)
    string(REGEX MATCH "--[a-z][a-z-]*" name "${line}")
    string(REGEX REPLACE "^\n  (-h,)?--[a-z][a-z-]*( [A-Z]+(:[^ ]*)?( \\.\\.\\.)?)? *" "" desc "${line}")
    string(REGEX REPLACE "\n *" " " desc "${desc}")
    foreach(c "'" "[" "]" ":" "`" "\"" "$" "\\")  # characters with a meaning to a shell or _arguments
      string(REPLACE "${c}" "" desc "${desc}")
    endforeach()
    string(STRIP "${desc}" desc)
    set(choices "")
    if(line MATCHES ":\\{([a-z,]+)\\}")
      string(REPLACE "," " " choices "${CMAKE_MATCH_1}")
    endif()
    set(takes_value OFF)
    if(line MATCHES "^\n  (-h,)?--[a-z][a-z-]* [A-Z]")
      set(takes_value ON)
    endif()
    list(APPEND opts ${name})
    string(SUBSTRING "${name}" 2 -1 long)
    if(choices)
      string(APPEND bash_values "    \"${verb} ${name}\") COMPREPLY=($(compgen -W \"${choices}\" -- \"$cur\")); return ;;\n")
      string(APPEND zsh_specs " \\\n        '${name}[${desc}]:value:(${choices})'")
      string(APPEND fish "complete -c trustlint -n '__fish_seen_subcommand_from ${verb}' -l ${long} -x -a '${choices}' -d '${desc}'\n")
    elseif(takes_value)
      string(APPEND zsh_specs " \\\n        '${name}[${desc}]:value:_files'")
      string(APPEND fish "complete -c trustlint -n '__fish_seen_subcommand_from ${verb}' -l ${long} -r -d '${desc}'\n")
    else()
      string(APPEND zsh_specs " \\\n        '${name}[${desc}]'")
      string(APPEND fish "complete -c trustlint -n '__fish_seen_subcommand_from ${verb}' -l ${long} -d '${desc}'\n")
    endif()
  endforeach()
  string(REPLACE ";" " " opts "${opts}")
  string(APPEND bash_cases "    ${verb}) opts=\"${opts}\" ;;\n")
  string(APPEND zsh_cases "    ${verb})\n      _arguments -s${zsh_specs} \\\n        '*:file:_files' ;;\n")
endforeach()
string(REPLACE ";" " " verb_words "${verbs}")

file(WRITE ${OUT}/trustlint.bash "# bash completion for trustlint, generated from `trustlint VERB --help` (cmake/Completions.cmake)
_trustlint() {
  local cur=\"\${COMP_WORDS[COMP_CWORD]}\" prev=\"\${COMP_WORDS[COMP_CWORD-1]}\" verb=\"\${COMP_WORDS[1]}\" opts=\"\"
  if [ \"$COMP_CWORD\" -eq 1 ]; then
    COMPREPLY=($(compgen -W \"${verb_words} --help --version\" -- \"$cur\"))
    return
  fi
  case \"$verb $prev\" in
${bash_values}  esac
  case \"$verb\" in
${bash_cases}  esac
  if [[ \"$cur\" == -* ]]; then
    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))
  else
    COMPREPLY=($(compgen -f -- \"$cur\"))
  fi
}
complete -o filenames -F _trustlint trustlint
")
file(WRITE ${OUT}/_trustlint "#compdef trustlint
# zsh completion for trustlint, generated from `trustlint VERB --help` (cmake/Completions.cmake)
_trustlint() {
  local -a verbs
  verbs=(${verb_words})
  if (( CURRENT == 2 )); then
    _describe 'verb' verbs
    return
  fi
  local verb=$words[2]
  shift words
  (( CURRENT-- ))
  case $verb in
${zsh_cases}  esac
}
_trustlint \"$@\"
")
file(WRITE ${OUT}/trustlint.fish "${fish}")
