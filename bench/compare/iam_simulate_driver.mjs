// Decides trustlint `can --requests` lines with @cloud-copilot/iam-simulate, for bench/compare.sh.
//   node iam_simulate_driver.mjs POLICY_LIST REQUESTS > decisions
// POLICY_LIST: one JSON policy file per line. REQUESTS: JSON lines {"team","project",
// "environment","issuer"} (all four given). Prints one decision per (policy, request), policies in
// order, requests in order within each: allow | implicit_deny | explicit_deny | error. Prints the
// count and the time spent deciding on stderr.
//
// Each request is the web-identity call STS evaluates (docs/semantics.md#web-identity): principal = the IAM OIDC
// provider of the deployment's issuer (oidc.vercel.com or oidc.vercel.com/TEAM, account
// 123456789012 like every fixture), action sts:AssumeRoleWithWebIdentity, resource = the role,
// the trust policy as the role's resource policy, context = PROVIDER:sub and PROVIDER:aud as
// Vercel issues them. runUnsafeSimulation is used because runSimulation drops context keys whose
// provider contains '/' (oidc.vercel.com/acme:sub) as unknown; the policy is validated once
// (validateTrustPolicy) and handed over as a ValidatedPolicy.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// The packages live in the scratch folder compare.sh installed them into (NODE_MODULES_DIR).
const modules = process.env.NODE_MODULES_DIR
if (!modules) throw new Error('NODE_MODULES_DIR is not set')
const require = createRequire(path.join(modules, 'x.js'))
const simulate = await import(require.resolve('@cloud-copilot/iam-simulate'))
const iamPolicy = await import(require.resolve('@cloud-copilot/iam-policy'))

const [policyList, requestsFile] = process.argv.slice(2)
const policyPaths = fs.readFileSync(policyList, 'utf8').split('\n').filter((l) => l.length > 0)
const requests = fs
  .readFileSync(requestsFile, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)
  .map((l) => JSON.parse(l))

const ACCOUNT = '123456789012'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/vercel-deploy`
const DECISION = { Allowed: 'allow', ImplicitlyDenied: 'implicit_deny', ExplicitlyDenied: 'explicit_deny' }

const simulationFor = (policy, r) => {
  const provider = r.issuer === 'global' ? 'oidc.vercel.com' : `oidc.vercel.com/${r.team}`
  return {
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy,
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${provider}`,
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: { resource: ROLE, accountId: ACCOUNT },
      contextVariables: {
        [`${provider}:sub`]: `owner:${r.team}:project:${r.project}:environment:${r.environment}`,
        [`${provider}:aud`]: `https://vercel.com/${r.team}`
      }
    }
  }
}

const out = []
let decisions = 0
const start = process.hrtime.bigint()
for (const file of policyPaths) {
  const document = JSON.parse(fs.readFileSync(file, 'utf8'))
  const policy = iamPolicy.createValidatedPolicy(document, iamPolicy.validateTrustPolicy, { name: path.basename(file) })
  for (const r of requests) {
    let decision
    try {
      decision = DECISION[simulate.runUnsafeSimulation(simulationFor(policy, r), {})] ?? 'error'
    } catch (e) {
      decision = 'error'
    }
    out.push(decision)
    decisions++
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
process.stdout.write(out.join('\n') + '\n')
process.stderr.write(`iam-simulate: ${decisions} decisions in ${seconds.toFixed(3)} s inside node\n`)
