# A real policy (fixtures/good/vercel-docs-production.json) followed by 17,000,000 spaces on its
# last line: 17 MB, over the default --max-bytes of 16,777,216; white space does not count
# towards IAM's length quota, so the policy itself stays valid.
file(READ "${ROOT}/fixtures/good/vercel-docs-production.json" policy)
string(REPEAT " " 1000000 million)
string(REPEAT "${million}" 17 padding)
file(WRITE "${STDIN_FILE}" "${policy}${padding}\n")
