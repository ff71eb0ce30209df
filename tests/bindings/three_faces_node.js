// The Node face of three_faces.py: reads a job list (JSON) and prints every answer of the
// trustlint package for it, refusals as {error: [the message of each diagnostic]}.
// Usage: node three_faces_node.js PACKAGE_DIR JOBS.json
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const trustlint = require(path.resolve(process.argv[2]));
const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

function face(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    if (!Array.isArray(e.diagnostics)) throw e;
    return { error: e.diagnostics.map((d) => d.message) };
  }
}

const out = jobs.map((job) => {
  if (job.verb === 'can') {
    return {
      many: face(() => trustlint.canMany(job.policy, job.requests)),
      single: job.requests.map((r) => face(() => trustlint.can(job.policy, r))),
    };
  }
  if (job.verb === 'diff') {
    // the document plus the `widened` convenience (the CLI's exit 1), compared as one
    return face(() => {
      const r = trustlint.diff(job.old, job.new, job.options);
      return { ...r, widened: r.widened };
    });
  }
  if (job.verb === 'test') {
    return face(() => {
      const r = trustlint.test(job.paths, job.options);
      return { ...r, ok: r.ok };
    });
  }
  if (job.verb === 'lint') return face(() => trustlint.lint(job.policy, job.options));
  return face(() => trustlint.who(job.policy, job.options));
});
process.stdout.write(JSON.stringify(out));
