#!/usr/bin/env bash
# The lint step of action.yml: annotations (--format github) in the log, the Markdown summary in
# $GITHUB_STEP_SUMMARY, SARIF in $RUNNER_TEMP when INPUT_SARIF is true; the exit code and the SARIF
# path go to $GITHUB_OUTPUT. Never fails itself: action.yml fails the job after the SARIF upload.
# Reads TRUSTLINT (the binary) and the INPUT_* variables action.yml sets from its inputs.
set -uo pipefail
exe=${TRUSTLINT:?TRUSTLINT is the trustlint binary}
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
args=()
for team in ${INPUT_TEAM:-}; do args+=(--team "$team"); done
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
while IFS= read -r pattern; do
  if [ -n "$pattern" ]; then args+=(--exclude "$pattern"); fi
done <<<"${INPUT_EXCLUDE:-}"

code=0
"$exe" lint "${paths[@]}" "${args[@]}" --fail-on "${INPUT_FAIL_ON:-error}" --format github || code=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  "$exe" lint "${paths[@]}" "${args[@]}" --fail-on never --format markdown >>"$GITHUB_STEP_SUMMARY" || true
fi
sarif=""
if [ "${INPUT_SARIF:-false}" = "true" ]; then
  sarif="${RUNNER_TEMP:-/tmp}/trustlint.sarif"
  "$exe" lint "${paths[@]}" "${args[@]}" --fail-on never --format sarif >"$sarif" || true
fi
{
  echo "exit-code=$code"
  echo "sarif-file=$sarif"
} >>"${GITHUB_OUTPUT:-/dev/null}"
exit 0
