// `npm install` / `npm pack` of the trustlint package, offline. The addon is native code built
// by CMake from this repository against the machine's own Node-API headers:
// 1. prebuilds/<platform>-<arch>/trustlint.node already there (an installed tarball made by
//    `npm pack`, which runs this with --require-build first): nothing to do;
// 2. TRUSTLINT_NODE_ADDON names a built addon (e.g. build/bindings/node/trustlint.node): copied;
// 3. inside a checkout (../../CMakeLists.txt exists): cmake builds the target trustlint_node in
//    TRUSTLINT_CMAKE_BUILD_DIR (an existing build directory keeps its settings) or in a fresh
//    bindings/node/build-cmake (Release, tests off), and copies the result.
// Otherwise it fails with what to do. No network is used.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const here = path.resolve(__dirname, '..');
const target = path.join(here, 'prebuilds', `${process.platform}-${process.arch}`, 'trustlint.node');
const root = path.resolve(here, '..', '..');
const requireBuild = process.argv.includes('--require-build');

function install(from) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(from, target);
  console.log(`trustlint: addon ${path.relative(here, target)} from ${from}`);
}

if (process.env.TRUSTLINT_NODE_ADDON) {
  install(path.resolve(process.env.TRUSTLINT_NODE_ADDON));
} else if (fs.existsSync(target) && !requireBuild) {
  console.log(`trustlint: using ${path.relative(here, target)}`);
} else if (fs.existsSync(path.join(root, 'CMakeLists.txt')) && fs.existsSync(path.join(root, 'engine'))) {
  const build = path.resolve(process.env.TRUSTLINT_CMAKE_BUILD_DIR || path.join(here, 'build-cmake'));
  const run = (args) => execFileSync('cmake', args, { stdio: 'inherit' });
  // An existing build directory keeps its settings (only the addon's target is built there).
  const fresh = !fs.existsSync(path.join(build, 'CMakeCache.txt'));
  run(['-S', root, '-B', build, '-DTRUSTLINT_BUILD_NODE=ON',
       ...(fresh ? ['-DCMAKE_BUILD_TYPE=Release', '-DTRUSTLINT_BUILD_TESTS=OFF', '-DTRUSTLINT_BUILD_PYTHON=OFF',
                    `-DTRUSTLINT_NODE_EXE=${process.execPath}`] : [])]);
  run(['--build', build, '--target', 'trustlint_node', '-j', process.env.TRUSTLINT_JOBS || '2']);
  install(path.join(build, 'bindings', 'node', 'trustlint.node'));
} else if (!fs.existsSync(target)) {
  console.error('trustlint: no prebuilt addon for ' + `${process.platform}-${process.arch}` +
                ' and no trustlint checkout to build one from; install from a checkout (npm install ./bindings/node)');
  process.exit(1);
}
