// trustlint for Node.js: the engine itself through its Node-API addon (trustlint.node), not the
// CLI in a child process. The addon does the work and returns plain objects shaped exactly as
// `trustlint VERB --format json` prints them (schemas/*.schema.json); this file only turns the
// arguments into the strings the addon takes and finds the addon. Types: index.d.ts.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function loadAddon() {
  const candidates = [
    process.env.TRUSTLINT_NODE_ADDON,                                        // an explicit build
    path.join(__dirname, 'trustlint.node'),                                  // the CMake build tree
    path.join(__dirname, 'prebuilds', `${process.platform}-${process.arch}`, 'trustlint.node'),  // installed
  ].filter(Boolean);
  for (const file of candidates) {
    if (fs.existsSync(file)) return require(file);
  }
  throw new Error(`trustlint: no compiled addon found (looked for ${candidates.join(', ')}); ` +
                  'run `npm install` in bindings/node, or build the CMake target trustlint_node');
}

const addon = loadAddon();
const LIMITS = new Set(['bytes', 'depth', 'nodes', 'stringLength', 'statements', 'values', 'states', 'errors', 'quota']);

/** A policy argument → [text, name, isPath]. */
function policyArg(policy) {
  if (policy instanceof URL) return [require('node:url').fileURLToPath(policy), '', true];
  if (typeof policy === 'string') {
    // Text when it looks like a document (starts with '{' or holds a line break), else a path.
    if (/^\s*\{/.test(policy) || policy.includes('\n')) return [policy, '<string>', false];
    return [policy, policy, true];
  }
  if (Buffer.isBuffer(policy)) return [policy.toString('utf8'), '<buffer>', false];
  if (policy !== null && typeof policy === 'object') return [JSON.stringify(policy, null, 2), '<object>', false];
  throw new TypeError('trustlint: policy must be a JSON/YAML string, a path, a file URL, a Buffer or an object');
}

// The options each function takes: any other key is refused, never ignored (a misspelt or
// misplaced option that did nothing would answer a question nobody asked, and pass).
const OPTIONS = {
  canMany: ['resource', 'limits'],
  who: ['resource', 'limits', 'anyAudience'],
  lint: ['teams', 'config', 'limits'],
  diff: ['resource', 'limits', 'anyAudience'],
  test: ['limits'],
};

function checkOptions(fn, options) {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') throw new TypeError(`trustlint: ${fn}'s options must be an object`);
  for (const key of Object.keys(options)) {
    if (options[key] !== undefined && !OPTIONS[fn].includes(key)) {  // {key: undefined} is no option
      throw new TypeError(`trustlint: ${fn} has no option ${key}; its options: ${OPTIONS[fn].join(', ')}`);
    }
  }
}

function commonArgs(options) {
  const limits = options && options.limits ? options.limits : {};
  for (const key of Object.keys(limits)) {
    if (!LIMITS.has(key)) throw new TypeError(`trustlint: unknown limit ${key}; known: ${[...LIMITS].join(', ')}`);
  }
  return [(options && options.resource) || '', JSON.stringify(limits)];
}

/** One deployment as a `can --requests` line (the engine reads and checks it). */
function requestLine(request) {
  if (typeof request === 'string') return request;
  if (request === null || typeof request !== 'object') throw new TypeError('trustlint: a request must be an object');
  const line = {};
  for (const key of ['team', 'project', 'environment', 'issuer', 'aud', 'claims']) {
    if (request[key] !== undefined) line[key] = request[key];
  }
  for (const key of Object.keys(request)) {
    if (!(key in line) && key !== 'resource' && key !== 'limits') line[key] = request[key];  // the engine refuses it
  }
  return JSON.stringify(line);
}

function can(policy, request) {
  const [text, name, isPath] = policyArg(policy);
  return addon.can(text, name, isPath, ...commonArgs(request), requestLine(request));
}

function canMany(policy, requests, options) {
  checkOptions('canMany', options);
  const [text, name, isPath] = policyArg(policy);
  const lines = Array.from(requests, requestLine);
  return addon.canMany(text, name, isPath, ...commonArgs(options), lines);
}

function who(policy, options) {
  checkOptions('who', options);
  const [text, name, isPath] = policyArg(policy);
  return addon.who(text, name, isPath, ...commonArgs(options), Boolean(options && options.anyAudience));
}

/** The paths lint walks: an array of paths, or one path (string or file URL) of a directory; null for one policy. */
function lintPaths(policy) {
  const asPath = (p) => {
    if (p instanceof URL) return require('node:url').fileURLToPath(p);
    if (typeof p !== 'string') throw new TypeError('trustlint: lint paths must be strings or file URLs');
    return p;
  };
  if (Array.isArray(policy)) return policy.map(asPath);
  if (policy instanceof URL || (typeof policy === 'string' && !/^\s*\{/.test(policy) && !policy.includes('\n'))) {
    const p = asPath(policy);
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    return stat && stat.isDirectory() ? [p] : null;
  }
  return null;
}

function lint(policy, options) {
  checkOptions('lint', options);
  const teams = options && options.teams ? Array.from(options.teams) : [];
  const config = options && options.config ? String(options.config) : '';
  const paths = lintPaths(policy);
  let report;
  if (paths) {
    report = addon.lintPaths(paths, commonArgs(options)[1], teams, config);
  } else {
    const [text, name, isPath] = policyArg(policy);
    report = addon.lint(text, name, isPath, ...commonArgs(options), teams, config);
  }
  Object.defineProperty(report, 'findings', {
    enumerable: false,  // a convenience: JSON.stringify(report) stays the CLI's document
    get() { return this.files.flatMap((f) => f.findings); },
  });
  return report;
}

function diff(oldPolicy, newPolicy, options) {
  checkOptions('diff', options);
  const [oldText, oldName, oldIsPath] = policyArg(oldPolicy);
  const [newText, newName, newIsPath] = policyArg(newPolicy);
  const report = addon.diff(oldText, oldName, oldIsPath, newText, newName, newIsPath, ...commonArgs(options),
                            Boolean(options && options.anyAudience));
  Object.defineProperties(report, {  // conveniences: JSON.stringify(report) stays the CLI's document
    widened: { enumerable: false, get() { return this.new_access; } },
    changed: { enumerable: false, get() { return this.roles.some((r) => r.status !== 'compared' || !r.same); } },
  });
  return report;
}

function test(specs, options) {
  checkOptions('test', options);
  const list = typeof specs === 'string' || specs instanceof URL ? [specs] : Array.from(specs);
  const paths = list.map((s) => {
    if (s instanceof URL) return require('node:url').fileURLToPath(s);
    if (typeof s !== 'string') throw new TypeError('trustlint: specs must be paths (strings or file URLs)');
    return s;
  });
  const [, limits] = commonArgs(options);
  const report = addon.test(paths, limits);
  Object.defineProperties(report, {
    ok: { enumerable: false, get() { return this.exit_code === 0; } },
    expectations: { enumerable: false, get() { return this.specs.flatMap((s) => s.expectations); } },
  });
  return report;
}

module.exports = { can, canMany, who, lint, diff, test, version: addon.version };
