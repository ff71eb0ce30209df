#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run the way users run them:
# 1. `pre-commit run --all-files` in scratch repositories whose .pre-commit-config.yaml is the
#    README's example (extracted from README.md, its repo and rev pointed at a local clone of the
#    hooks), with its `args: [--team, acme]`: a risky policy staged with a safe one fails and names
#    the finding; the safe one alone passes; only unrelated files pass (--allow-empty).
# 2. `pre-commit try-repo` on a good policy, a bad one and a package.json; a Terraform module of
#    which only variables.tf is staged.
# Both hooks (trustlint, trustlint-system) each time. Offline: pre-commit clones a local hook
# repository, and both hooks are language script/system (the binary under test is on PATH).
# usage: run.sh SOURCE_DIR TRUSTLINT_EXE      exit 77 (CTest: skipped) without pre-commit or git,
#        unless TRUSTLINT_REQUIRE_PRECOMMIT=1 (.ci/run), then exit 1
set -euo pipefail
src=$1
exe=$2
for tool in pre-commit git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed (Debian package $tool)"
    if [ "${TRUSTLINT_REQUIRE_PRECOMMIT:-0}" = "1" ]; then exit 1; fi
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$HOME"
# the hook scripts find trustlint on PATH, as after `cmake --install`
mkdir -p "$work/bin"
ln -s "$exe" "$work/bin/trustlint"
export PATH="$work/bin:$PATH"

# The hook repository: this repository's hook definitions and entry script, committed.
hooks="$work/hooks"
mkdir -p "$hooks/tools"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
cp "$src/tools/pre-commit-trustlint" "$hooks/tools/"
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" commit -q -m hooks

# The user's repository.
project="$work/project"
mkdir -p "$project/infra"
cp "$src/fixtures/good/vercel-docs-production.json" "$project/infra/good.json"
cp "$src/fixtures/risky/owner-prefix-wildcard.json" "$project/infra/bad.json"
echo '{"name": "web", "private": true}' > "$project/package.json"
git -C "$project" init -q
git -C "$project" add -A

failures=0
contains() {
  if ! grep -qF -- "$1" "$work/out"; then
    echo "FAIL: output lacks: $1"
    cat "$work/out"
    failures=$((failures + 1))
  fi
}
lacks() {
  if grep -qF -- "$1" "$work/out"; then
    echo "FAIL: output has: $1"
    cat "$work/out"
    failures=$((failures + 1))
  fi
}

rev=$(git -C "$hooks" rev-parse HEAD)

# ---- 1. pre-commit run with the README's configuration ----------------------------------------
# The README's example: the ```yaml block of its "## pre-commit" section.
readme_config=$(awk '/^## pre-commit/ {in_section = 1; next}
                     in_section && /^## / {exit}
                     in_section && /^```yaml/ {in_block = 1; next}
                     in_block && /^```/ {exit}
                     in_block {print}' "$src/README.md")
if ! grep -q -- "args: \[--team, acme\]" <<<"$readme_config"; then
  echo "FAIL: README's pre-commit example has no 'args: [--team, acme]':"
  echo "$readme_config"
  exit 1
fi
# run_config HOOK CODE FILES...: a fresh repository holding FILES (fixture paths), configured with
# the README's example for HOOK; `pre-commit run --all-files` must exit CODE. Output in $work/out.
run_config() {
  local hook=$1 want=$2
  shift 2
  local repo="$work/run-$hook-$RANDOM"
  mkdir -p "$repo/infra"
  local f
  for f in "$@"; do
    case "$f" in
      package.json) echo '{"name": "web", "private": true}' >"$repo/package.json" ;;
      *) cp "$src/fixtures/$f" "$repo/infra/$(basename "$f")" ;;
    esac
  done
  sed -e "s|repo: https://github.com/OWNER/trustlint|repo: $hooks|" -e "s|rev: v0.1.0|rev: $rev|" \
    -e "s|- id: trustlint |- id: $hook |" <<<"$readme_config" >"$repo/.pre-commit-config.yaml"
  git -C "$repo" init -q
  git -C "$repo" add -A
  local got=0
  (cd "$repo" && pre-commit run --all-files) >"$work/out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: pre-commit run --all-files ($hook; $*) exited $got, expected $want"
    cat "$repo/.pre-commit-config.yaml" "$work/out"
    failures=$((failures + 1))
  fi
}
for hook in trustlint trustlint-system; do
  run_config "$hook" 1 risky/owner-prefix-wildcard.json good/vercel-docs-production.json package.json
  contains "Failed"
  contains "infra/owner-prefix-wildcard.json:12:34: error: another team's deployments can assume the role"
  contains "[TL101]"
  contains "2 files, 2 roles checked: 1 error"
  run_config "$hook" 0 good/vercel-docs-production.json package.json
  contains "Passed"
  # no policy at all among the staged files: the hooks pass --allow-empty
  run_config "$hook" 0 package.json
  contains "Passed"
done

# ---- 2. pre-commit try-repo --------------------------------------------------------------------
# expect CODE HOOK ARGS...: pre-commit's exit code, and its output kept in $work/out
expect() {
  local want=$1
  shift
  local got=0
  (cd "$project" && pre-commit try-repo "$hooks" "$@") >"$work/out" 2>&1 || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: pre-commit try-repo $* exited $got, expected $want"
    cat "$work/out"
    failures=$((failures + 1))
  fi
}
for hook in trustlint trustlint-system; do
  # the good policy and package.json (skipped, not reported as a broken policy) pass
  expect 0 "$hook" --files infra/good.json package.json
  contains "Passed"
  lacks "package.json"
  # every file: the bad policy fails, located, with its rule id
  expect 1 "$hook" --all-files
  contains "Failed"
  contains "infra/bad.json:12:34: error: another team's deployments can assume the role"
  contains "[TL101]"
  lacks "package.json"
done

# Terraform source: a module whose risky role is in main.tf; a commit that stages only its
# variables.tf (pre-commit passes only that file) lints the module's role, located in main.tf.
mkdir -p "$project/infra/tf"
cp "$src/fixtures/terraform/vercel-module-risky/main.tf" "$src/fixtures/terraform/vercel-module-risky/variables.tf" "$project/infra/tf/"
git -C "$project" add -A
for hook in trustlint trustlint-system; do
  expect 1 "$hook" --files infra/tf/variables.tf
  contains "Failed"
  contains "infra/tf/main.tf:13:64: error: every deployment of team acme can assume the role"
  contains "[TL306]"
  contains "1 file, 1 role checked: 1 error"
  expect 1 "$hook" --files infra/tf/main.tf infra/tf/variables.tf
  contains "1 file, 1 role checked: 1 error"
done
git -C "$project" rm -rq --cached infra/tf
rm -rf "$project/infra/tf"

# Terraform JSON: cdktf's cdk.tf.json, staged alone, is read (the files pattern takes *.json).
mkdir -p "$project/infra/cdktf"
cp "$src/fixtures/terraform-json/cdktf-stack/cdk.tf.json" "$project/infra/cdktf/"
git -C "$project" add -A
for hook in trustlint trustlint-system; do
  expect 1 "$hook" --files infra/cdktf/cdk.tf.json
  contains "infra/cdktf/cdk.tf.json:37:28: error: every deployment of team acme can assume the role"
  contains "[TL306]"
done
git -C "$project" rm -rq --cached infra/cdktf
rm -rf "$project/infra/cdktf"

# trustlint-test: the specs below the repository, whichever files are staged.
cat >"$project/infra/good.trustspec.yaml" <<'SPEC'
policy: good.json
expect:
  - deny: {environment: preview}
SPEC
expect 0 trustlint-test --files infra/good.json
contains "Passed"
cat >"$project/infra/bad.trustspec.yaml" <<'SPEC'
policy: bad.json
expect:
  - deny: {team: acme-evil}
SPEC
expect 1 trustlint-test --all-files
contains "FAIL infra/bad.trustspec.yaml:3:5 deny {team: acme-evil}"
contains "1 passed, 1 failed"
rm "$project/infra/good.trustspec.yaml" "$project/infra/bad.trustspec.yaml"

# Without trustlint on PATH, the script hook uses the build in its own clone (here a link to the
# binary under test committed as build-pre-commit/cli/trustlint, so nothing is compiled).
export PATH="${PATH#"$work/bin:"}"
if command -v trustlint >/dev/null 2>&1; then
  echo "note: a trustlint is installed on PATH; the build-in-clone case is not checked"
else
  mkdir -p "$hooks/build-pre-commit/cli"
  ln -s "$exe" "$hooks/build-pre-commit/cli/trustlint"
  git -C "$hooks" add -A
  git -C "$hooks" commit -q -m "a build"
  expect 1 trustlint --all-files
  contains "infra/bad.json:12:34: error: another team's deployments can assume the role"
  lacks "building it once"
  # trustlint-system never builds: without trustlint on PATH it fails
  expect 1 trustlint-system --files infra/good.json
  contains "Executable \`trustlint\` not found"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "pre-commit run (README's configuration) and try-repo: both hooks pass the good policy and fail the bad one"
