#!/usr/bin/env bash
# Whole-process speed comparison with @cloud-copilot/iam-simulate (npm), on the same requests and
# the same policies, and a check that both decide them the same way.
#
#   bench/compare.sh            # env: REPEAT (200), SCRATCH (/tmp/trustlint-compare),
#                               #      TRUSTLINT (build/cli/trustlint), IAM_SIMULATE_VERSION (latest)
#
# Policies: every JSON fixture under fixtures/good and fixtures/risky that `can` answers, and a
# generated 40-statement policy. Requests: 96 deployments (4 teams × 3 projects × 4 environments ×
# 2 issuer modes), each a `can --requests` JSON line. iam-simulate is installed into
# $SCRATCH/npm (never a dependency of the project) and driven by bench/compare/iam_simulate_driver.mjs
# in one node process; trustlint runs one `can --requests` process per policy. trustlint decides
# every request REPEAT times (so that its run lasts long enough to time); iam-simulate once. Both
# times are wall time of the whole processes (start-up, reading, parsing and output included).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/trustlint-compare}"
TRUSTLINT="${TRUSTLINT:-$ROOT/build/cli/trustlint}"
REPEAT="${REPEAT:-200}"
VERSION="${IAM_SIMULATE_VERSION:-latest}"

command -v node >/dev/null && command -v npm >/dev/null || { echo "compare.sh: needs node and npm" >&2; exit 2; }
if [ ! -x "$TRUSTLINT" ]; then
  cmake -S "$ROOT" -B "$ROOT/build" >/dev/null && cmake --build "$ROOT/build" -j2 --target trustlint
fi
mkdir -p "$SCRATCH/npm" "$SCRATCH/policies" && rm -rf "$SCRATCH/trustlint-out" && mkdir -p "$SCRATCH/trustlint-out"
echo "== installing @cloud-copilot/iam-simulate@$VERSION into $SCRATCH/npm"
npm install --prefix "$SCRATCH/npm" --no-audit --no-fund --loglevel=error "@cloud-copilot/iam-simulate@$VERSION" >/dev/null
SIM_VERSION="$(node -p "require('$SCRATCH/npm/node_modules/@cloud-copilot/iam-simulate/package.json').version")"

# Requests: every deployment, explicitly (no assumptions to fill in).
REQUESTS="$SCRATCH/requests.jsonl"
: >"$REQUESTS"
for issuer in team global; do
  for team in acme acme-evil globex other-team; do
    for project in web api docs; do
      for env in production preview development staging; do
        printf '{"team":"%s","project":"%s","environment":"%s","issuer":"%s"}\n' "$team" "$project" "$env" "$issuer" >>"$REQUESTS"
      done
    done
  done
done
M="$(wc -l <"$REQUESTS")"
REPEATED="$SCRATCH/requests-x$REPEAT.jsonl"
for _ in $(seq "$REPEAT"); do cat "$REQUESTS"; done >"$REPEATED"

# A generated policy: 40 statements, Allow and Deny, wildcards in every segment of sub.
GENERATED="$SCRATCH/policies/generated-40.json"
{
  printf '{"Version":"2012-10-17","Statement":['
  teams=(acme "acme-*" "glob?x" "*corp" "a*e")
  projects=("web-*" "*-api" api "*" "d?cs" web)
  envs=(production preview "prod*" "*" development)
  for i in $(seq 0 39); do
    effect=Allow; [ $((i % 4)) -eq 3 ] && effect=Deny
    [ "$i" -gt 0 ] && printf ','
    printf '{"Effect":"%s","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},' "$effect"
    printf '"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"oidc.vercel.com:sub":['
    for v in 0 1 2; do
      [ "$v" -gt 0 ] && printf ','
      printf '"owner:%s:project:%s:environment:%s"' "${teams[$(((i + v) % 5))]}" "${projects[$(((i * 3 + v) % 6))]}" "${envs[$(((i + 2 * v) % 5))]}"
    done
    printf '],"oidc.vercel.com:aud":"https://vercel.com/*"}}}'
  done
  printf ']}\n'
} >"$GENERATED"

# Policies: the JSON fixtures `can` answers (grammar errors that change the meaning are refused).
LIST="$SCRATCH/policies.txt"
: >"$LIST"
for f in "$ROOT"/fixtures/good/*.json "$ROOT"/fixtures/risky/*.json "$GENERATED"; do
  if "$TRUSTLINT" can "$f" --requests "$REQUESTS" >/dev/null 2>&1; then echo "$f" >>"$LIST"; fi
done
P="$(wc -l <"$LIST")"
echo "== $P policies × $M requests; trustlint decides each $REPEAT times, iam-simulate once"

run_trustlint() {
  local n=0 policy
  while read -r policy; do
    n=$((n + 1))
    "$TRUSTLINT" can "$policy" --requests "$REPEATED" >"$SCRATCH/trustlint-out/$n.jsonl" 2>"$SCRATCH/trustlint-out/$n.err"
  done <"$LIST"
}
run_iam_simulate() {
  NODE_MODULES_DIR="$SCRATCH/npm/node_modules" node "$ROOT/bench/compare/iam_simulate_driver.mjs" "$LIST" "$REQUESTS" \
    >"$SCRATCH/iam-simulate.txt" 2>"$SCRATCH/iam-simulate.err"
}
# Wall, user and system seconds of each whole run (bash's `time`).
TIMEFORMAT='%R %U %S'
{ time run_trustlint; } 2>"$SCRATCH/time-trustlint"
{ time run_iam_simulate; } 2>"$SCRATCH/time-iam-simulate"

read -r TL_WALL TL_USER TL_SYS <"$SCRATCH/time-trustlint"
read -r SIM_WALL SIM_USER SIM_SYS <"$SCRATCH/time-iam-simulate"
awk -v a="$((P * M * REPEAT))" -v aw="$TL_WALL" -v au="$TL_USER" -v as="$TL_SYS" \
    -v b="$((P * M))" -v bw="$SIM_WALL" -v bu="$SIM_USER" -v bs="$SIM_SYS" -v v="$SIM_VERSION" -v p="$P" 'BEGIN {
  ac = au + as; bc = bu + bs
  printf "%-24s %9d decisions, %7.3f s wall, %7.3f s CPU: %10.0f decisions/s (wall), %10.0f per CPU-second  [%d processes]\n", "trustlint:", a, aw, ac, a / aw, a / ac, p
  printf "%-24s %9d decisions, %7.3f s wall, %7.3f s CPU: %10.0f decisions/s (wall), %10.0f per CPU-second  [1 process]\n", "iam-simulate " v ":", b, bw, bc, b / bw, b / bc
  printf "ratio (trustlint / iam-simulate): %.0f× the decisions per second of wall time, %.0f× per CPU-second\n", (a / aw) / (b / bw), (a / ac) / (b / bc)
}'
sed 's/^/  (/; s/$/)/' "$SCRATCH/iam-simulate.err"
echo "== agreement (first pass of trustlint's output)"
node "$ROOT/bench/compare/diff_decisions.mjs" "$LIST" "$REQUESTS" "$SCRATCH/trustlint-out" "$SCRATCH/iam-simulate.txt" "${SAMPLE:-20}"
