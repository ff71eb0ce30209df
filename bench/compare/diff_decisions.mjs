// Compares the decisions of trustlint and iam-simulate on the same requests, for bench/compare.sh.
//   node diff_decisions.mjs POLICY_LIST REQUESTS TRUSTLINT_DIR IAM_SIMULATE_DECISIONS [SAMPLE]
// TRUSTLINT_DIR/N.jsonl is `trustlint can POLICY_N --requests` output (N from 1, the requests file
// decided once). Prints the number of agreements and
// disagreements, a table of disagreements by (trustlint, iam-simulate) decision, and up to SAMPLE
// (default 20) of them with the policy and the deployment.
import fs from 'node:fs'
import path from 'node:path'

const [policyList, requestsFile, trustlintDir, simFile, sampleArg] = process.argv.slice(2)
const sample = Number(sampleArg ?? 20)
const lines = (f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.length > 0)
const policies = lines(policyList)
const requests = lines(requestsFile).map((l) => JSON.parse(l))
const simulated = lines(simFile)
if (simulated.length !== policies.length * requests.length) {
  throw new Error(`iam-simulate gave ${simulated.length} decisions, expected ${policies.length * requests.length}`)
}

let agree = 0
const disagreements = []
const byPair = new Map()
policies.forEach((policy, p) => {
  const ours = lines(path.join(trustlintDir, `${p + 1}.jsonl`))
  requests.forEach((r, i) => {
    const line = JSON.parse(ours[i])
    const mine = line.decision ?? `error: ${line.error}`
    const theirs = simulated[p * requests.length + i]
    if (mine === theirs) {
      agree++
      return
    }
    const pair = `trustlint ${mine} / iam-simulate ${theirs}`
    byPair.set(pair, (byPair.get(pair) ?? 0) + 1)
    disagreements.push({ policy, deployment: `${r.team}/${r.project}/${r.environment} (issuer ${r.issuer})`, pair })
  })
})

console.log(`decisions compared: ${agree + disagreements.length}; agree: ${agree}; disagree: ${disagreements.length}`)
for (const [pair, n] of [...byPair].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${pair}`)
const perPolicy = new Map()
for (const d of disagreements) perPolicy.set(d.policy, (perPolicy.get(d.policy) ?? 0) + 1)
if (perPolicy.size > 0) console.log('disagreements by policy:')
for (const [policy, n] of perPolicy) console.log(`  ${n}\t${policy}`)
// A sample spread over the policies: the first disagreement of each policy, then the rest.
const firsts = [...perPolicy.keys()].map((p) => disagreements.find((d) => d.policy === p))
const shown = [...new Set([...firsts, ...disagreements])].slice(0, sample)
if (shown.length > 0) console.log(`sample (${shown.length} of ${disagreements.length}):`)
for (const d of shown) console.log(`  ${d.policy}: ${d.deployment}: ${d.pair}`)
