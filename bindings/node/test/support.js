// Shared by the Node binding's tests: the package under test (TRUSTLINT_NODE_PACKAGE, the CMake
// build tree's copy, else this source folder with its installed addon), the source root as the
// working directory, and the CLI to compare with. What the CLI prints names its flags; the addon
// names its options, so the CLI's text is compared in Node's terms: the engine's own table
// (the addon's optionVocabulary(), trustlint/vocabulary.h) with the whole-word replacement
// written again here, so any message difference other than option spelling still fails.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = process.env.TRUSTLINT_SOURCE_DIR || path.resolve(__dirname, '..', '..', '..');
process.chdir(root);
const packageDir = path.resolve(process.env.TRUSTLINT_NODE_PACKAGE || path.join(__dirname, '..'));
const trustlint = require(packageDir);
const addonFile = [
  process.env.TRUSTLINT_NODE_ADDON,
  path.join(packageDir, 'trustlint.node'),
  path.join(packageDir, 'prebuilds', `${process.platform}-${process.arch}`, 'trustlint.node'),
].filter(Boolean).find((f) => require('node:fs').existsSync(f));
const vocabulary = require(addonFile).optionVocabulary();
const exe = process.env.TRUSTLINT_EXE || path.join(root, 'build', 'cli', 'trustlint');

function cli(args, input) {
  const r = spawnSync(exe, args, { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson(...args) {
  const r = cli([...args, '--format', 'json']);
  if (r.code !== 0 && r.code !== 1) throw new Error(`${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return documentInNodeTerms(JSON.parse(r.stdout));
}

const wordChar = (c) => /[A-Za-z0-9_-]/.test(c);

/** The CLI's text with each whole flag named as Node's option ("--resource" -> "resource:"). */
function inNodeTerms(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let hit = null;
    if (i === 0 || !wordChar(text[i - 1])) {
      hit = vocabulary.find((w) => text.startsWith(w.cli, i) &&
        !(i + w.cli.length < text.length && wordChar(text[i + w.cli.length]) && wordChar(w.cli[w.cli.length - 1])));
    }
    if (hit) {
      out += hit.node;
      i += hit.cli.length;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** Every string of a JSON value (a CLI document) in Node's terms. */
function documentInNodeTerms(value) {
  if (typeof value === 'string') return inNodeTerms(value);
  if (Array.isArray(value)) return value.map(documentInNodeTerms);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, documentInNodeTerms(v)]));
  }
  return value;
}

module.exports = { root, trustlint, cli, cliJson, execFileSync, vocabulary, inNodeTerms, documentInNodeTerms };
