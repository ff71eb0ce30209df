// Type-checked by `tsc --noEmit -p tsconfig.json` (CTest bindings/node/types): every function of
// index.d.ts used as the README shows, so a wrong declaration fails the build of this file.
import * as trustlint from '..';
import type { AllowedSet, Decision, DiffReport, LintReport, RequestError, TestReport, TrustlintError } from '..';

const policy = 'fixtures/good/vercel-docs-preview-production.json';

const d: Decision = trustlint.can(policy, { team: 'acme', project: 'web', environment: 'preview', issuer: 'team' });
const allowed: boolean = d.allowed;
const decision: 'allow' | 'implicit_deny' | 'explicit_deny' = d.decision;
const line: number | undefined = d.deciding_statement?.location.line;

const many: Array<Decision | RequestError> = trustlint.canMany(policy, [
  { project: 'web', environment: 'preview' },
  { project: 'web', environment: 'production', claims: { 'aws:SourceIp': '203.0.113.9', 'aws:TagKeys': ['env'] } },
  '{"project":"api","environment":"preview"}',
]);
const decided = many.filter((r): r is Decision => 'allowed' in r).length;

const who: AllowedSet = trustlint.who({ Version: '2012-10-17', Statement: [] }, { anyAudience: true, limits: { states: 10000 } });
const teams: string[] = who.allowed.map((part) => part.example.team);

const report: LintReport = trustlint.lint(policy, { teams: ['acme'], config: undefined });
for (const f of report.findings) {
  const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
  const example = f.witness?.deployment?.team ?? '';
  console.log(where, f.rule, f.severity, f.message, example);
}

const changes: DiffReport = trustlint.diff('fixtures/diff/widened/old.json', policy, { anyAudience: false });
const widened: boolean = changes.widened || changes.new_access;
for (const role of changes.roles) {
  for (const part of role.gained) console.log(role.resource ?? '(policy)', part.example.team, part.new_allows);
}

const run: TestReport = trustlint.test(['fixtures/specs/passing.trustspec.yaml'], { limits: { states: 100000 } });
const failing = run.expectations.filter((e) => !e.passed).map((e) => `${e.location.line} ${e.text}`);
console.log(run.ok, run.passed, run.failed, failing, widened);

try {
  trustlint.who('{');
} catch (e) {
  const error = e as TrustlintError;
  console.log(error.code, error.diagnostics.map((x) => `${x.location.line}:${x.location.column} ${x.message}`));
}

console.log(allowed, decision, line, decided, teams, trustlint.version());
