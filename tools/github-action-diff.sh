#!/usr/bin/env bash
# The diff step of action.yml (mode: diff): for each policy or IaC file changed between the pull
# request's base and HEAD (below INPUT_PATHS), `trustlint diff` of the base version and the head
# version (a file added or deleted is compared with an empty side, so each of its roles is
# reported as added or removed); the gained/lost tables go to $GITHUB_STEP_SUMMARY. Outputs:
# exit-code (0; 1 when fail-on-new-access is true and a change grants new access; 2 when a file
# could not be compared) and new-access (true/false). Never fails itself: action.yml does.
# Reads TRUSTLINT, INPUT_PATHS, INPUT_BASE (a revision; default origin/$GITHUB_BASE_REF) and
# INPUT_FAIL_ON_NEW_ACCESS. Needs the base revision in the clone (actions/checkout fetch-depth: 0).
set -uo pipefail
exe=${TRUSTLINT:?TRUSTLINT is the trustlint binary}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
base=${INPUT_BASE:-}
if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then base="origin/$GITHUB_BASE_REF"; fi

finish() {  # finish CODE NEW_ACCESS
  {
    echo "exit-code=$1"
    echo "new-access=$2"
  } >>"${GITHUB_OUTPUT:-/dev/null}"
  exit 0
}

if [ -z "$base" ]; then
  echo "::error::trustlint diff: no base revision (set the base input, or run on a pull_request event)"
  finish 2 false
fi
if ! merge_base=$(git merge-base "$base" HEAD 2>&1); then
  echo "::error::trustlint diff: cannot find the merge base of $base and HEAD: $merge_base (check out with fetch-depth: 0)"
  finish 2 false
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The empty sides: a policy that lets no Vercel deployment in, and a template without roles.
printf '%s\n' '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/example.invalid"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}' >"$work/none.json"
printf '%s\n' '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}' >"$work/no-roles.json"
looks_relevant='"?(Statement|AWS::IAM::Role|aws_iam_role|aws_iam_policy_document|RoleDetailList)'
empty_side() {  # empty_side TEXT_FILE: the empty side of the same kind
  if grep -qE 'AWS::IAM::Role|aws_iam_role|RoleDetailList' "$1"; then echo "$work/no-roles.json"; else echo "$work/none.json"; fi
}

echo "## trustlint diff against ${base} ($(git rev-parse --short "$merge_base"))" >>"$summary"
code=0
new_access=false
compared=0
while IFS=$'\t' read -r status path rest; do
  old_path=$path
  case "$status" in R*) path=$rest ;; esac  # renamed: compare the old name's base with the new name
  case "$path" in *.json | *.yaml | *.yml | *.template) ;; *) continue ;; esac
  case "$status" in
    D*)
      git show "$merge_base:$path" >"$work/deleted" 2>/dev/null || continue
      grep -qE "$looks_relevant" "$work/deleted" || continue
      old="git:$merge_base:$path"
      new=$(empty_side "$work/deleted")
      ;;
    A*)
      grep -qE "$looks_relevant" "$path" || continue
      old=$(empty_side "$path")
      new=$path
      ;;
    *)
      grep -qE "$looks_relevant" "$path" || continue
      old="git:$merge_base:$old_path"
      new=$path
      ;;
  esac
  compared=$((compared + 1))
  echo "trustlint diff $old $new"
  rc=0
  "$exe" diff "$old" "$new" --format markdown >"$work/md" 2>"$work/err" || rc=$?
  cat "$work/err" >&2
  {
    echo
    echo "#### \`$path\` (${status:0:1})"
    echo
    sed '1{/^### /d}' "$work/md"
  } >>"$summary"
  if [ "$rc" = 1 ]; then
    new_access=true
    echo "::warning file=$path::this change lets in deployments the base kept out (see the job summary)"
  elif [ "$rc" != 0 ]; then
    echo "::error file=$path::trustlint diff could not compare $path (exit $rc)"
    code=2
  fi
done < <(git diff --name-status -M "$merge_base" HEAD -- "${paths[@]}")

if [ "$compared" = 0 ]; then echo "No trust policy or IaC file changed." >>"$summary"; fi
if [ "$code" = 0 ] && [ "$new_access" = true ] && [ "${INPUT_FAIL_ON_NEW_ACCESS:-false}" = "true" ]; then code=1; fi
finish "$code" "$new_access"
