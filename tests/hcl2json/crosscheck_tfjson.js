// Terraform JSON cross-check: HashiCorp's parser (@cdktf/hcl2json, Go compiled to WebAssembly)
// writes the .tf.json twin of each Terraform fixture (a .tf file, or a module directory); trustlint
// lints the original and the twin, and the two reports must be the same apart from locations
// (file, line, column). Usage: node crosscheck_tfjson.js TRUSTLINT SCRATCH FIXTURE...
// Exit 0 = all equal, 1 = a difference (printed), 77 = skipped (node_modules not installed).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { parse } = require('./load_hcl2json');

// The report without what differs between a file and its twin: where things are.
function normalized(report, dir) {
  const text = JSON.stringify(report, (key, value) => {
    if (key === 'location' || key === 'file' || key === 'offset' || key === 'end_offset') return undefined;
    return value;
  });
  const esc = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return JSON.parse(text.replace(new RegExp(esc + '/[^" ,)]*?(\\.tf\\.json|\\.tf)(:\\d+)*', 'g'), 'FILE'));
}

// hcl2json groups blocks by type, so the twin's roles and findings come in another order.
function sorted(report) {
  const key = (x) => JSON.stringify(x);
  for (const f of report.files || []) {
    if (f.findings) f.findings.sort((a, b) => key(a).localeCompare(key(b)));
    if (f.assumptions) f.assumptions.sort();
  }
  if (report.files) report.files.sort((a, b) => key(a).localeCompare(key(b)));
  return report;
}

function lint(trustlint, dir) {
  const r = spawnSync(trustlint, ['lint', '--format', 'json', dir], { encoding: 'utf8' });
  try {
    return { code: r.status, report: sorted(normalized(JSON.parse(r.stdout), dir)) };
  } catch (e) {
    return { code: r.status, report: { unparsable: r.stdout, stderr: r.stderr.replace(new RegExp(dir, 'g'), 'DIR') } };
  }
}

(async () => {
  const [trustlint, scratch, ...fixtures] = process.argv.slice(2);
  let failed = 0;
  for (const fixture of fixtures) {
    const name = path.basename(fixture).replace(/\.tf$/, '');
    const original = path.join(scratch, name, 'tf');
    const twin = path.join(scratch, name, 'tfjson');
    for (const d of [original, twin]) {
      fs.rmSync(d, { recursive: true, force: true });
      fs.mkdirSync(d, { recursive: true });
    }
    const files = fs.statSync(fixture).isDirectory() ? fs.readdirSync(fixture).map((f) => path.join(fixture, f)) : [fixture];
    for (const file of files) {
      if (!fs.statSync(file).isFile()) continue;
      const base = path.basename(file);
      fs.copyFileSync(file, path.join(original, base));
      if (!base.endsWith('.tf')) {
        fs.copyFileSync(file, path.join(twin, base));
        continue;
      }
      const json = await parse(base, fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(path.join(twin, base + '.json'), JSON.stringify(json, null, 2) + '\n');
    }
    const a = lint(trustlint, original), b = lint(trustlint, twin);
    const same = a.code === b.code && JSON.stringify(a.report) === JSON.stringify(b.report);
    if (!same) {
      failed++;
      console.log(`${fixture}: .tf exit ${a.code}, .tf.json exit ${b.code}`);
      console.log(`  .tf:      ${JSON.stringify(a.report)}`);
      console.log(`  .tf.json: ${JSON.stringify(b.report)}`);
    } else {
      const findings = (a.report.files || []).reduce((n, f) => n + (f.findings || []).length, 0);
      console.log(`${fixture}: same report (${(a.report.files || []).length} roles, ${findings} findings, exit ${a.code})`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
