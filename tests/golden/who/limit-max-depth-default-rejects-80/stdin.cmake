# A policy whose Id is nested in 80 arrays: deeper than the default --max-depth of 64. Raising
# the limit lets the reader through, and the grammar then reports the Id's type.
string(REPEAT "[" 80 open)
string(REPEAT "]" 80 close)
file(READ "${ROOT}/fixtures/good/vercel-docs-production.json" policy)
string(REPLACE "\"Version\"" "\"Id\": ${open}\"x\"${close},\n  \"Version\"" policy "${policy}")
file(WRITE "${STDIN_FILE}" "${policy}")
