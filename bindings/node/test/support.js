// Shared by the Node binding's tests: the package under test (TRUSTLINT_NODE_PACKAGE, the CMake
// build tree's copy, else this source folder with its installed addon), the source root as the
// working directory, and the CLI to compare with.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = process.env.TRUSTLINT_SOURCE_DIR || path.resolve(__dirname, '..', '..', '..');
process.chdir(root);
const trustlint = require(path.resolve(process.env.TRUSTLINT_NODE_PACKAGE || path.join(__dirname, '..')));
const exe = process.env.TRUSTLINT_EXE || path.join(root, 'build', 'cli', 'trustlint');

function cli(args, input) {
  const r = spawnSync(exe, args, { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson(...args) {
  const r = cli([...args, '--format', 'json']);
  if (r.code !== 0 && r.code !== 1) throw new Error(`${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

module.exports = { root, trustlint, cli, cliJson, execFileSync };
