#!/usr/bin/env bash
# Whole-process speed comparison with @cloud-copilot/iam-simulate (npm): both sides decide the
# same requests once, in one process each, and agree on the decisions.
#
#   bench/compare.sh        # env: N (20000 requests), RUNS (5 paired runs), SCRATCH (/tmp/trustlint-compare),
#                           #      TRUSTLINT (build/cli/trustlint), IAM_SIMULATE_VERSION (latest),
#                           #      RANDOM_POLICIES (300), SEED (1)
#
# 1. The same work: one policy (bench/compare/policy-global-aud-two-subs.json: the global issuer,
#    an aud pin and two StringLike subs) and N request lines (teams × projects × environments,
#    issuer global). `trustlint can POLICY --requests FILE` decides each line once, in one process
#    (full answers, the default, and again with --answers compact);
#    bench/compare/iam_simulate_driver.mjs decides each once, in one node process. RUNS paired runs
#    (trustlint, then iam-simulate, then again), whole processes (start-up, reading, parsing and
#    output included; outputs written to files): medians of wall and CPU (user + sys) time, and
#    their ratios; peak memory from one more run each under GNU time when /usr/bin/time exists.
# 2. Agreement: the JSON fixtures of fixtures/good and fixtures/risky that `can` answers and a
#    generated 40-statement policy × 96 deployments, decided once on each side, compared decision
#    by decision (bench/compare/diff_decisions.mjs), with the time each side took.
# 3. Agreement on random policies (bench/compare/random_policies.py; RANDOM_POLICIES, SEED), the
#    same requests, compared the same way.
# iam-simulate is installed into $SCRATCH/npm, never a dependency of the project.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/trustlint-compare}"
TRUSTLINT="${TRUSTLINT:-$ROOT/build/cli/trustlint}"
N="${N:-20000}"
RUNS="${RUNS:-5}"
VERSION="${IAM_SIMULATE_VERSION:-latest}"

command -v node >/dev/null && command -v npm >/dev/null || { echo "compare.sh: needs node and npm" >&2; exit 2; }
command -v python3 >/dev/null || { echo "compare.sh: needs python3 (for bench/compare/timed.py)" >&2; exit 2; }
if [ ! -x "$TRUSTLINT" ]; then
  cmake -S "$ROOT" -B "$ROOT/build" >/dev/null && cmake --build "$ROOT/build" -j2 --target trustlint
fi
mkdir -p "$SCRATCH/npm" "$SCRATCH/policies"
rm -rf "$SCRATCH/trustlint-out" "$SCRATCH/same-work" && mkdir -p "$SCRATCH/trustlint-out" "$SCRATCH/same-work"
echo "== installing @cloud-copilot/iam-simulate@$VERSION into $SCRATCH/npm"
npm install --prefix "$SCRATCH/npm" --no-audit --no-fund --loglevel=error "@cloud-copilot/iam-simulate@$VERSION" >/dev/null
SIM_VERSION="$(node -p "require('$SCRATCH/npm/node_modules/@cloud-copilot/iam-simulate/package.json').version")"
export NODE_MODULES_DIR="$SCRATCH/npm/node_modules"
DRIVER="$ROOT/bench/compare/iam_simulate_driver.mjs"

# ---- 1. the same work, once on each side ------------------------------------------------------
POLICY="$ROOT/bench/compare/policy-global-aud-two-subs.json"
echo "$POLICY" >"$SCRATCH/same-work/policy.txt"
REQUESTS_N="$SCRATCH/same-work/requests.jsonl"
awk -v n="$N" 'BEGIN {
  split("acme acme-evil globex other-team", t, " "); split("web api docs shop web-2", p, " ")
  split("production preview development staging", e, " ")
  for (i = 0; i < n; i++) printf "{\"team\":\"%s\",\"project\":\"%s\",\"environment\":\"%s\",\"issuer\":\"global\"}\n",
    t[i % 4 + 1], p[int(i / 4) % 5 + 1], e[int(i / 20) % 4 + 1]
}' >"$REQUESTS_N"
echo "== 1. the same work: 1 policy × $N requests, each decided once per side; $RUNS paired runs"
TIMED="$ROOT/bench/compare/timed.py"  # appends "wall cpu" of one whole process
: >"$SCRATCH/same-work/t-trustlint"
: >"$SCRATCH/same-work/t-iam-simulate"
: >"$SCRATCH/same-work/t-trustlint-compact"
for _ in $(seq "$RUNS"); do
  python3 "$TIMED" "$SCRATCH/same-work/t-trustlint" "$SCRATCH/same-work/1.jsonl" "$SCRATCH/same-work/trustlint.err" \
    "$TRUSTLINT" can "$POLICY" --requests "$REQUESTS_N"
  python3 "$TIMED" "$SCRATCH/same-work/t-trustlint-compact" "$SCRATCH/same-work/compact.jsonl" "$SCRATCH/same-work/trustlint.err" \
    "$TRUSTLINT" can "$POLICY" --requests "$REQUESTS_N" --answers compact
  python3 "$TIMED" "$SCRATCH/same-work/t-iam-simulate" "$SCRATCH/same-work/iam-simulate.txt" "$SCRATCH/same-work/iam-simulate.err" \
    node "$DRIVER" "$SCRATCH/same-work/policy.txt" "$REQUESTS_N"
done
# Medians of wall and CPU (user + sys) time over the runs.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
medians() { echo "$(awk '{ print $1 }' "$1" | median) $(awk '{ print $2 }' "$1" | median)"; }
read -r TL_WALL TL_CPU <<<"$(medians "$SCRATCH/same-work/t-trustlint")"
read -r SIM_WALL SIM_CPU <<<"$(medians "$SCRATCH/same-work/t-iam-simulate")"
read -r TC_WALL TC_CPU <<<"$(medians "$SCRATCH/same-work/t-trustlint-compact")"
# Peak memory (maximum resident set) of one more run each, from GNU time (Debian package time).
TL_RSS=0 SIM_RSS=0
if [ -x /usr/bin/time ]; then
  TL_RSS="$(/usr/bin/time -f %M "$TRUSTLINT" can "$POLICY" --requests "$REQUESTS_N" 2>&1 >/dev/null | tail -1)"
  SIM_RSS="$(/usr/bin/time -f %M node "$DRIVER" "$SCRATCH/same-work/policy.txt" "$REQUESTS_N" 2>&1 >/dev/null | tail -1)"
fi
awk -v n="$N" -v tw="$TL_WALL" -v tc="$TL_CPU" -v tr="$TL_RSS" -v sw="$SIM_WALL" -v sc="$SIM_CPU" -v sr="$SIM_RSS" \
    -v cw="$TC_WALL" -v cc="$TC_CPU" -v v="$SIM_VERSION" -v runs="$RUNS" 'BEGIN {
  printf "%-32s %7d decisions: median %.4f s wall, %.4f s CPU; peak %.1f MiB\n", "trustlint:", n, tw, tc, tr / 1024
  printf "%-32s %7d decisions: median %.4f s wall, %.4f s CPU\n", "trustlint --answers compact:", n, cw, cc
  printf "%-32s %7d decisions: median %.4f s wall, %.4f s CPU; peak %.1f MiB\n", "iam-simulate " v ":", n, sw, sc, sr / 1024
  printf "ratio (iam-simulate / trustlint, medians of %d paired runs): %.0f× wall, %.0f× CPU; compact answers: %.0f× wall, %.0f× CPU\n", runs, sw / tw, sc / tc, sw / cw, sc / cc
}'
sed 's/^/  (/; s/$/)/' "$SCRATCH/same-work/iam-simulate.err"
node "$ROOT/bench/compare/diff_decisions.mjs" "$SCRATCH/same-work/policy.txt" "$REQUESTS_N" "$SCRATCH/same-work" \
  "$SCRATCH/same-work/iam-simulate.txt" "${SAMPLE:-20}"

# ---- 2. agreement on the fixtures ------------------------------------------------------------
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
echo "== 2. agreement: $P policies × $M requests, each decided once per side"
run_trustlint() {
  local n=0 policy
  while read -r policy; do
    n=$((n + 1))
    "$TRUSTLINT" can "$policy" --requests "$REQUESTS" >"$SCRATCH/trustlint-out/$n.jsonl" 2>"$SCRATCH/trustlint-out/$n.err"
  done <"$LIST"
}
run_iam_simulate() {
  node "$DRIVER" "$LIST" "$REQUESTS" >"$SCRATCH/iam-simulate.txt" 2>"$SCRATCH/iam-simulate.err"
}
TIMEFORMAT='%R %U %S'
{ time run_trustlint; } 2>"$SCRATCH/time-trustlint"
{ time run_iam_simulate; } 2>"$SCRATCH/time-iam-simulate"
read -r TL_WALL TL_USER TL_SYS <"$SCRATCH/time-trustlint"
read -r SIM_WALL SIM_USER SIM_SYS <"$SCRATCH/time-iam-simulate"
awk -v d="$((P * M))" -v p="$P" -v tw="$TL_WALL" -v tc="$(echo "$TL_USER $TL_SYS" | awk '{ print $1 + $2 }')" \
    -v sw="$SIM_WALL" -v sc="$(echo "$SIM_USER $SIM_SYS" | awk '{ print $1 + $2 }')" 'BEGIN {
  printf "trustlint (%d processes): %.3f s wall, %.3f s CPU; iam-simulate (1 process): %.3f s wall, %.3f s CPU, for %d decisions each\n", p, tw, tc, sw, sc, d
}'
sed 's/^/  (/; s/$/)/' "$SCRATCH/iam-simulate.err"
node "$ROOT/bench/compare/diff_decisions.mjs" "$LIST" "$REQUESTS" "$SCRATCH/trustlint-out" "$SCRATCH/iam-simulate.txt" "${SAMPLE:-20}"

# ---- 3. agreement on random policies ----------------------------------------------------------
# bench/compare/random_policies.py: RANDOM_POLICIES (default 300) policies from SEED (default 1),
# on the points where AWS's documentation and iam-simulate agree; the same requests as step 2.
COUNT="${RANDOM_POLICIES:-300}"
rm -rf "$SCRATCH/random" && mkdir -p "$SCRATCH/random/out"
python3 "$ROOT/bench/compare/random_policies.py" "$COUNT" "${SEED:-1}" "$SCRATCH/random/policies"
RANDOM_LIST="$SCRATCH/random/policies.txt"
: >"$RANDOM_LIST"
n=0
for f in "$SCRATCH"/random/policies/*.json; do
  if "$TRUSTLINT" can "$f" --requests "$REQUESTS" >"$SCRATCH/random/out/next.jsonl" 2>/dev/null; then
    n=$((n + 1))
    mv "$SCRATCH/random/out/next.jsonl" "$SCRATCH/random/out/$n.jsonl"
    echo "$f" >>"$RANDOM_LIST"
  else
    echo "compare.sh: trustlint can refused the random policy $f" >&2
  fi
done
echo "== 3. agreement: $n random policies (seed ${SEED:-1}) × $M requests"
node "$DRIVER" "$RANDOM_LIST" "$REQUESTS" >"$SCRATCH/random/iam-simulate.txt" 2>"$SCRATCH/random/iam-simulate.err"
node "$ROOT/bench/compare/diff_decisions.mjs" "$RANDOM_LIST" "$REQUESTS" "$SCRATCH/random/out" "$SCRATCH/random/iam-simulate.txt" "${SAMPLE:-20}"
