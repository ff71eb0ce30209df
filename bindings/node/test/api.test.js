// The Node face of trustlint: plain objects shaped as the CLI's JSON documents.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { trustlint, cli, cliJson } = require('./support');

const DOCS = 'fixtures/good/vercel-docs-preview-production.json';
const RISKY = 'fixtures/risky/owner-prefix-wildcard.json';
const TEMPLATE = 'fixtures/iac/cloudformation-one-vercel-role.yaml';
const plain = (x) => JSON.parse(JSON.stringify(x));

test('can: the CLI document, allowed a boolean', () => {
  const d = trustlint.can(DOCS, { team: 'acme', project: 'web', environment: 'preview' });
  assert.equal(d.allowed, true);
  assert.equal(d.decision, 'allow');
  assert.equal(d.deciding_statement.location.line, 4);
  assert.deepEqual(plain(d), cliJson('can', DOCS, '--team', 'acme', '--project', 'web', '--env', 'preview'));
});

test('can: assumptions, the trace, and every policy form', () => {
  const d = trustlint.can(DOCS, { project: 'web', environment: 'development' });
  assert.equal(d.decision, 'implicit_deny');
  assert.ok(d.assumptions.some((a) => a.includes('team acme')));
  assert.deepEqual(plain(d), cliJson('can', DOCS, '--project', 'web', '--env', 'development'));
  const text = fs.readFileSync(DOCS, 'utf8');
  for (const policy of [text, Buffer.from(text), JSON.parse(text), pathToFileURL(DOCS)]) {
    assert.equal(trustlint.can(policy, { project: 'web', environment: 'development' }).decision, 'implicit_deny');
  }
});

test('can: an IaC input picks its Vercel role', () => {
  const d = trustlint.can(TEMPLATE, { project: 'web', environment: 'development' });
  assert.ok(d.assumptions.some((a) => a.includes('role WebDeployRole')));
  assert.deepEqual(plain(d), cliJson('can', TEMPLATE, '--project', 'web', '--env', 'development'));
});

test('errors are Error objects with a diagnostics array', () => {
  assert.throws(() => trustlint.can(DOCS, { team: '', project: 'web', environment: 'preview' }), (e) => {
    assert.ok(e instanceof Error);
    assert.ok(e.diagnostics.some((d) => d.code === 'TL090'));
    return true;
  });
  assert.throws(() => trustlint.who('fixtures/no-such-file.json'), (e) => {
    assert.equal(e.code, 'TL001');
    assert.equal(e.diagnostics[0].location.file, 'fixtures/no-such-file.json');
    return true;
  });
  assert.throws(() => trustlint.who(42), TypeError);
  assert.throws(() => trustlint.who(DOCS, { limits: { bogus: 1 } }), TypeError);
});

test('canMany: the same lines as can --requests, bad lines in their place', () => {
  const requests = ['production', 'preview', 'development'].map((environment) => ({ team: 'acme', project: 'web', environment }));
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const r = cli(['can', DOCS, '--requests', '-'], input);
  assert.equal(r.code, 0);
  const want = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const got = trustlint.canMany(DOCS, requests);
  assert.deepEqual(plain(got), want);
  function* gen() { yield* requests; yield '{"project":'; }
  const mixed = trustlint.canMany(DOCS, gen());
  assert.equal(mixed.length, 4);
  assert.equal(mixed[3].line, 4);
  assert.match(mixed[3].error, /not valid JSON/);
});

test('who: the CLI document, any audience, resources, the prover limit', () => {
  assert.deepEqual(plain(trustlint.who(DOCS)), cliJson('who', DOCS));
  assert.deepEqual(plain(trustlint.who('fixtures/risky/aud-only-global.json', { anyAudience: true })),
                   cliJson('who', 'fixtures/risky/aud-only-global.json', '--any-audience'));
  assert.deepEqual(plain(trustlint.who('fixtures/iac/terraform-plan.json', { resource: 'aws_iam_role.vercel_preview' })),
                   cliJson('who', 'fixtures/iac/terraform-plan.json', '--resource', 'aws_iam_role.vercel_preview'));
  assert.throws(() => trustlint.who(RISKY, { limits: { states: 3 } }), (e) => e.diagnostics.some((d) => d.code === 'TL095'));
});

test('lint: findings with rule, location and example', () => {
  const report = trustlint.lint(RISKY, { teams: ['acme'] });
  const f = report.findings.find((x) => x.rule === 'TL101');
  assert.equal(f.severity, 'error');
  assert.deepEqual([f.location.line, f.location.column], [12, 34]);
  assert.equal(f.witness.deployment.team, 'acme-evil');
  assert.equal(report.exit_code, 1);
  assert.deepEqual(plain(report), cliJson('lint', RISKY, '--team', 'acme'));
});

test('version', () => {
  assert.match(trustlint.version(), /^\d+\.\d+\.\d+/);
});
