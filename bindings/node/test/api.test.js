// The Node face of trustlint: plain objects shaped as the CLI's JSON documents.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { trustlint, cli, cliJson, inNodeTerms, documentInNodeTerms } = require('./support');

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

test('an option a function does not take is refused, never ignored', () => {
  // lint lints every role (as the CLI does): a resource would silently do nothing.
  assert.throws(() => trustlint.lint(DOCS, { resource: 'VercelDeployRole' }),
                { name: 'TypeError', message: /lint has no option resource; its options: teams, config, limits/ });
  assert.throws(() => trustlint.who(DOCS, { anyAudiance: true }), { name: 'TypeError', message: /who has no option anyAudiance/ });
  assert.throws(() => trustlint.diff(DOCS, RISKY, { team: 'acme' }), TypeError);
  assert.throws(() => trustlint.canMany(DOCS, [], { anyAudience: true }), TypeError);
  assert.throws(() => trustlint.test([], { resource: 'x' }), TypeError);
  assert.throws(() => trustlint.who(DOCS, 'acme'), TypeError);
  // the options they do take still work
  assert.equal(trustlint.who(DOCS, { anyAudience: true, limits: {} }).audience, 'any');
  assert.ok(trustlint.lint(DOCS, { teams: ['acme'], limits: {} }).files.length >= 1);
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

test('can: a list is one multi-valued key, as a repeated --claim', () => {
  const tags = 'fixtures/good/forallvalues-tag-keys.json';
  const prod = { team: 'acme', project: 'web', environment: 'production' };
  const d = trustlint.can(tags, { ...prod, claims: { 'aws:TagKeys': ['team', 'env'] } });
  assert.equal(d.decision, 'allow');
  assert.deepEqual(d.request.context['aws:TagKeys'], ['team', 'env']);
  assert.deepEqual(plain(d), cliJson('can', tags, '--team', 'acme', '--project', 'web', '--env', 'production',
    '--claim', 'aws:TagKeys=team', '--claim', 'aws:TagKeys=env'));
  assert.equal(trustlint.can(tags, { ...prod, claims: { 'aws:TagKeys': ['team', 'owner'] } }).decision, 'implicit_deny');
  assert.throws(() => trustlint.can(tags, { ...prod, claims: { 'aws:TagKeys': ['team'], 'AWS:TAGKEYS': 'x' } }),
    (e) => e.message.includes('case-insensitive'));
});

test('lint: a team Vercel never issues is the CLI error', () => {
  for (const team of ['', 'Acme', 'acmé']) {
    assert.throws(() => trustlint.lint(DOCS, { teams: ['acme', team] }), (e) => {
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['TL090']);
      assert.ok(e.diagnostics[0].message.startsWith('teams: '), e.diagnostics[0].message);  // lint's option
      const r = cli(['lint', DOCS, '--team', 'acme', '--team', team]);
      assert.equal(r.code, 2);
      assert.ok(r.stderr.includes('error: --team: '), r.stderr);
      assert.ok(inNodeTerms(r.stderr).includes(e.diagnostics[0].message), r.stderr);
      return true;
    });
  }
});

test('lint: a directory or a list of paths is the CLI run', () => {
  assert.deepEqual(plain(trustlint.lint('fixtures/expect')), cliJson('lint', 'fixtures/expect'));
  const both = trustlint.lint([RISKY, 'fixtures/good'], { teams: ['acme'] });
  assert.deepEqual(plain(both), cliJson('lint', RISKY, 'fixtures/good', '--team', 'acme'));
  assert.ok(both.findings.some((f) => f.rule === 'TL101'));
  const empty = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'trustlint-empty-'));
  assert.throws(() => trustlint.lint([empty]), (e) => e.code === 'TL087');
  assert.throws(() => trustlint.lint([RISKY, 42]), TypeError);
});

test('diff: the CLI document, widened and changed', () => {
  const [oldP, newP] = ['fixtures/diff/widened/old.json', 'fixtures/diff/widened/new.json'];
  const r = trustlint.diff(oldP, newP);
  assert.equal(r.widened, true);
  assert.equal(r.changed, true);
  assert.deepEqual(plain(r), cliJson('diff', oldP, newP));
  assert.equal('widened' in plain(r), false);
  assert.deepEqual(plain(trustlint.diff(oldP, newP, { anyAudience: true })), cliJson('diff', oldP, newP, '--any-audience'));
  const same = trustlint.diff(oldP, oldP);
  assert.deepEqual([same.widened, same.changed], [false, false]);
  const narrowed = trustlint.diff('fixtures/diff/narrowed/old.json', 'fixtures/diff/narrowed/new.json');
  assert.deepEqual([narrowed.widened, narrowed.changed], [false, true]);
  assert.throws(() => trustlint.diff('fixtures/bad/action-and-notaction.json', newP),
    (e) => e.diagnostics.some((d) => d.code === 'TL016'));
  assert.throws(() => trustlint.diff(oldP, newP, { limits: { states: 1 } }), (e) => e.diagnostics.some((d) => d.code === 'TL095'));
});

test('test: counts, expectations, and what the CLI exits 2 for throws', () => {
  const spec = 'fixtures/specs/failing.trustspec.yaml';
  const r = trustlint.test(spec);
  assert.equal(r.ok, false);
  assert.equal(r.exit_code, 1);
  assert.ok(r.failed > 0 && r.passed > 0);
  assert.equal(r.expectations.find((e) => !e.passed).counterexample.team, 'acme-evil');
  assert.deepEqual(plain(r), documentInNodeTerms(JSON.parse(cli(['test', spec, '--format', 'json']).stdout)));
  assert.equal(trustlint.test(['fixtures/specs/passing.trustspec.yaml']).ok, true);
  for (const bad of ['fixtures/specs/no-such.trustspec.yaml', 'fixtures/specs/invalid', 'fixtures/diff']) {
    assert.throws(() => trustlint.test(bad), (e) => {
      const c = cli(['test', bad]);
      assert.equal(c.code, 2);
      assert.ok(e.diagnostics.length > 0 && e.diagnostics.every((d) => inNodeTerms(c.stderr).includes(d.message)), c.stderr);
      return true;
    });
  }
  assert.throws(() => trustlint.test([42]), TypeError);
});

test('messages name Node options, not CLI flags; the CLI keeps its flags', () => {
  const several = 'fixtures/iac/cloudformation-vercel-roles.yaml';  // three roles trust Vercel
  const c = cli(['can', several, '--project', 'web', '--env', 'production']);
  assert.equal(c.code, 2);
  assert.ok(c.stderr.includes('choose one with --resource: VercelDeployRole'), c.stderr);
  for (const call of [() => trustlint.can(several, { project: 'web', environment: 'production' }),
    () => trustlint.canMany(several, [{ project: 'web', environment: 'production' }]),
    () => trustlint.who(several)]) {
    assert.throws(call, (e) => {
      const m = e.diagnostics[0].message;
      assert.ok(m.includes('choose one with {resource: NAME}: VercelDeployRole'), m);
      assert.ok(!m.includes('--'), m);
      assert.ok(e.message.includes('resource:') && !e.message.includes('--resource'), e.message);
      assert.ok(inNodeTerms(c.stderr).includes(m), c.stderr);
      return true;
    });
  }
  const d = trustlint.can(TEMPLATE, { project: 'web', environment: 'production' });
  assert.ok(d.assumptions.some((a) => a.endsWith('(give resource: to choose another)')), d.assumptions.join('\n'));
  assert.ok(cli(['can', TEMPLATE, '--project', 'web', '--env', 'production', '--format', 'json']).stdout
    .includes('(give --resource to choose another)'));
  assert.throws(() => trustlint.can('fixtures/good/two-teams.json', { project: 'w', environment: 'p' }),
    (e) => e.diagnostics[0].message === 'team: is required: the policy names 2 teams (acme, globex)');
  const w = trustlint.who('fixtures/risky/aud-only-global.json', { anyAudience: true });
  assert.ok(w.notes.some((n) => n.startsWith('anyAudience: true assumes')), w.notes.join('\n'));
  assert.throws(() => trustlint.who(TEMPLATE, { limits: { bytes: 10 } }),
    (e) => e.diagnostics[0].notes[0].includes('raise the limit (limits: {bytes: N})'));
  const notes = trustlint.lint('fixtures/risky/owner-any.json').findings.flatMap((f) => f.notes);
  assert.ok(notes.includes('say which teams the role is for with teams: or `teams:` in .trustlint.yaml'), notes.join('\n'));
});

test('version', () => {
  assert.match(trustlint.version(), /^\d+\.\d+\.\d+/);
});
