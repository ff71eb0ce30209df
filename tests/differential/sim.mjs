// iam-simulate's side of the differential test: evaluates one role trust policy (as a resource
// policy) for one sts:AssumeRoleWithWebIdentity request, below the public runSimulation entry
// point, which drops generic OIDC context keys such as oidc.vercel.com:sub as unknown
// (docs/semantics.md#simulator-differences). Uses the same analysis runSimulation runs for the resource policy, in
// Strict mode. Returns the decision and a per-statement, per-condition explanation.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ACCOUNT, simPrincipal } from './generate.mjs';

export async function loadSimulator(simDir) {
  const base = path.join(simDir, 'node_modules', '@cloud-copilot');
  const mod = (p) => import(pathToFileURL(path.join(base, p)).href);
  const core = await mod('iam-simulate/dist/esm/core_engine/CoreSimulatorEngine.js');
  const { AwsRequestImpl } = await mod('iam-simulate/dist/esm/request/request.js');
  const { RequestContextImpl } = await mod('iam-simulate/dist/esm/requestContext.js');
  const { DiscoveryContextKeyConstraints } = await mod('iam-simulate/dist/esm/context_keys/discoveryContextKeyConstraints.js');
  const { loadPolicy } = await mod('iam-policy/dist/esm/index.js');
  const version = JSON.parse(fs.readFileSync(path.join(base, 'iam-simulate', 'package.json'), 'utf8')).version;
  const parameters = { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) };

  function decide(policyObject, request) {
    const policy = loadPolicy(policyObject, { name: 'trust-policy' });
    const awsRequest = new AwsRequestImpl(
      simPrincipal(request.provider),
      { resource: `arn:aws:iam::${ACCOUNT}:role/vercel-deploy`, accountId: ACCOUNT },
      request.action,
      new RequestContextImpl(request.context || {}),
    );
    const analysis = core.analyzeResourcePolicy(policy, awsRequest, false, parameters);
    const outcome = {
      Allowed: 'allow',
      ExplicitlyDenied: 'explicit_deny',
      ImplicitlyDenied: 'implicit_deny',
      AllowedForAccount: 'implicit_deny', // an account principal: no identity policy behind a web-identity caller
      DeniedForAccount: 'explicit_deny',
    }[analysis.result];
    const statements = [...analysis.allowStatements, ...analysis.denyStatements, ...analysis.unmatchedStatements]
      .map((s) => ({
        index: s.statement.index() - 1, // iam-policy counts from 1
        principal: s.principalMatch,
        action: s.actionMatch,
        resource: s.resourceMatch,
        conditions: (s.explain.conditions || []).map((c) => ({ op: c.operator, key: c.conditionKeyValue, result: c.matches })),
      }))
      .sort((a, b) => a.index - b.index);
    return { outcome: outcome || `unknown:${analysis.result}`, raw: analysis.result, statements };
  }
  return { decide, version };
}
