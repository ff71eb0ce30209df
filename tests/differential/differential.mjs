// Differential test driver: puts the same trust policies and requests through trustlint
// (tests/differential/decide.cpp, built as trustlint_decide) and through iam-simulate, compares
// the decisions (allow / implicit deny / explicit deny), and sorts every disagreement into a
// class named by the first statement and condition where the two evaluators part ways.
// Usage (run.sh passes these):
//   node differential.mjs --decide BUILD/tests/differential/trustlint_decide --root REPO
//        --sim-dir /tmp/iamsim [--seed 20261129] [--policies 3000] [--requests 8] [--out DIR]
// Writes DIR/report.json (every class with examples) and DIR/summary.md; exit 0 when every
// disagreement falls in a class listed in known-classes.json, 1 otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { randomInputs } from './generate.mjs';
import { classify } from './classify.mjs';
import { loadSimulator } from './sim.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { seed: 20261129, policies: 3000, requests: 8, out: 'differential-out' };
  for (let i = 2; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase());
    args[name] = argv[i + 1];
  }
  for (const n of ['seed', 'policies', 'requests']) args[n] = Number(args[n]);
  if (!args.decide || !args.root || !args.simDir) {
    console.error('usage: node differential.mjs --decide EXE --root REPO --sim-dir DIR [--seed N] [--policies N] [--requests N] [--out DIR]');
    process.exit(2);
  }
  return args;
}

function runDecide(exe, argv, input) {
  const r = spawnSync(exe, argv, { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`${exe} ${argv.join(' ')} exited with ${r.status}`);
  }
  return r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

async function main() {
  const args = parseArgs(process.argv);
  const sim = await loadSimulator(args.simDir);
  const exported = runDecide(args.decide, ['export', args.root]);
  const inputs = [...exported, ...randomInputs(args.seed, args.policies, args.requests)];
  const results = runDecide(args.decide, ['decide'], inputs.map((i) => JSON.stringify(i)).join('\n') + '\n');
  if (results.length !== inputs.length) throw new Error('trustlint_decide answered a different number of lines');

  const stats = {
    policies: { total: inputs.length, compared: 0, refused: 0, compile_error: 0, sim_failed: 0 },
    requests: { compared: 0, agree: 0, disagree: 0, unverified_agree: 0, fast_path_differs: 0, by_origin: {} },
    case_wants: { checked: 0, trustlint_wrong: 0, sim_wrong: 0 },
    who: { checked: 0, differs_from_can: 0, differs_from_iam_simulate: 0 },
    refused_codes: {},
  };
  const classes = new Map();
  const caseDisagreements = [];
  const fastExamples = [];
  const whoExamples = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const result = results[i];
    if (result.status !== 'ok') {
      stats.policies[result.status === 'refused' ? 'refused' : 'compile_error']++;
      for (const c of result.codes) stats.refused_codes[c] = (stats.refused_codes[c] || 0) + 1;
      continue;
    }
    let policyObject;
    try {
      policyObject = JSON.parse(input.policy_json);
    } catch {
      stats.policies.sim_failed++;
      continue;
    }
    stats.policies.compared++;
    const origin = input.origin;
    const byOrigin = (stats.requests.by_origin[origin] ||= { compared: 0, agree: 0 });
    input.requests.forEach((request, j) => {
      const ours = result.decisions[j];
      let theirs;
      try {
        theirs = sim.decide(policyObject, request);
      } catch (e) {
        theirs = { outcome: 'error', raw: String(e.message || e), statements: [] };
      }
      stats.requests.compared++;
      byOrigin.compared++;
      if (!ours.fast_agrees) {
        stats.requests.fast_path_differs++;
        if (fastExamples.length < 5) fastExamples.push({ id: input.id, request_index: j, request });
      }
      const unverified = ours.notes.length > 0;
      if (ours.who !== undefined) {
        stats.who.checked++;
        if (ours.who !== (ours.outcome === 'allow')) {
          stats.who.differs_from_can++;
          if (whoExamples.length < 5) whoExamples.push({ id: input.id, request_index: j, request, who: ours.who, can: ours.outcome });
        }
        if (ours.who !== (theirs.outcome === 'allow')) stats.who.differs_from_iam_simulate++;
      }
      if (request.want) {
        stats.case_wants.checked++;
        if (ours.outcome !== request.want) stats.case_wants.trustlint_wrong++;
        if (theirs.outcome !== request.want) stats.case_wants.sim_wrong++;
      }
      if (ours.outcome === theirs.outcome) {
        stats.requests.agree++;
        byOrigin.agree++;
        if (unverified) stats.requests.unverified_agree++;
        return;
      }
      stats.requests.disagree++;
      const c = classify(policyObject, request, ours, theirs);
      const example = {
        id: input.id,
        request_index: j,
        policy: policyObject,
        request,
        trustlint: ours.outcome,
        trustlint_notes: ours.notes,
        iam_simulate: theirs.outcome,
        want: request.want,
        detail: c.detail,
      };
      if (request.want) caseDisagreements.push(example);
      if (!classes.has(c.name)) classes.set(c.name, { name: c.name, count: 0, by_origin: {}, unverified: 0, examples: [] });
      const entry = classes.get(c.name);
      entry.count++;
      entry.by_origin[origin] = (entry.by_origin[origin] || 0) + 1;
      if (unverified) entry.unverified++;
      if (entry.examples.length < 3 || (origin !== 'random' && entry.examples.every((e) => e.id.startsWith('random/')))) {
        entry.examples.push(example);
        if (entry.examples.length > 4) entry.examples.shift();
      }
    });
  }

  const known = JSON.parse(fs.readFileSync(path.join(here, 'known-classes.json'), 'utf8'));
  const sorted = [...classes.values()].sort((a, b) => b.count - a.count);
  for (const c of sorted) c.verdict = known[c.name] || null;
  const unknown = sorted.filter((c) => !c.verdict);
  fs.mkdirSync(args.out, { recursive: true });
  const report = { iam_simulate: sim.version, seed: args.seed, stats, classes: sorted, case_disagreements: caseDisagreements, fast_path_examples: fastExamples, who_examples: whoExamples };
  fs.writeFileSync(path.join(args.out, 'report.json'), JSON.stringify(report, null, 1));
  fs.writeFileSync(path.join(args.out, 'summary.md'), summary(report));
  process.stdout.write(summary(report));
  if (stats.requests.fast_path_differs) {
    console.error(`\ntrustlint's untraced evaluation (can --requests) differs from the traced one on ${stats.requests.fast_path_differs} request(s); see fast_path_examples in report.json`);
    process.exit(1);
  }
  if (stats.who.differs_from_can) {
    console.error(`\ntrustlint's who and can disagree on ${stats.who.differs_from_can} deployment(s); see who_examples in report.json`);
    process.exit(1);
  }
  if (unknown.length) {
    console.error(`\n${unknown.length} disagreement class(es) without a verdict in known-classes.json:`);
    for (const c of unknown) console.error(`  ${c.name} (${c.count})`);
    process.exit(1);
  }
}

function pct(a, b) {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(2)}%`;
}

function summary(report) {
  const { stats } = report;
  const lines = [];
  lines.push(`# trustlint vs iam-simulate ${report.iam_simulate} (seed ${report.seed})`, '');
  lines.push(`policies: ${stats.policies.total} (compared ${stats.policies.compared}, refused by trustlint ${stats.policies.refused}, ` +
    `compile errors ${stats.policies.compile_error}, not JSON ${stats.policies.sim_failed})`);
  lines.push(`requests compared: ${stats.requests.compared}; agree ${stats.requests.agree} (${pct(stats.requests.agree, stats.requests.compared)}), ` +
    `disagree ${stats.requests.disagree}; agreements resting on a (u) reading: ${stats.requests.unverified_agree}`);
  for (const [origin, o] of Object.entries(stats.requests.by_origin))
    lines.push(`  ${origin}: ${o.compared} requests, agree ${pct(o.agree, o.compared)}`);
  lines.push(`trustlint traced vs untraced evaluation: ${stats.requests.fast_path_differs} difference(s)`);
  lines.push(`who (allowed set) on ${stats.who.checked} plain Vercel deployments: differs from can ${stats.who.differs_from_can}, ` +
    `from iam-simulate ${stats.who.differs_from_iam_simulate}`);
  lines.push(`decision-case expectations: ${stats.case_wants.checked}; trustlint differs from want: ${stats.case_wants.trustlint_wrong}; ` +
    `iam-simulate differs from want: ${stats.case_wants.sim_wrong}`);
  lines.push('', '| class | requests | (u) | verdict |', '|---|---|---|---|');
  for (const c of report.classes) lines.push(`| ${c.name} | ${c.count} | ${c.unverified} | ${c.verdict ? c.verdict.verdict : '**unclassified**'} |`);
  return lines.join('\n') + '\n';
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
