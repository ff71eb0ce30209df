// The README's "Hostile inputs" table through the Node addon: an Error with located diagnostics
// (the row's code and position) or a normal answer, never a crash of the process. The rows are
// those of bindings/python/tests/test_hostile.py and tests/unit/policy/hostile_load_test.cpp.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, trustlint } = require('./support');

const J = fs.readFileSync(path.join(root, 'fixtures/good/vercel-docs-production.json'));
const Y = fs.readFileSync(path.join(root, 'fixtures/good/team-web-production-preview.yaml'));
const B = (s) => Buffer.from(s, 'latin1');
const BIG = Buffer.alloc(10 << 20, 'a');
const before = (text, what, insert) => { const i = text.indexOf(what); return Buffer.concat([text.subarray(0, i), insert, text.subarray(i)]); };
const eol = (text, e) => B(text.toString('latin1').replaceAll('\n', e));
const repeat = (s, n) => B(s.repeat(n));
function laughs() {
  let s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) s += `${names[i]}: &${names[i]} [` + Array(9).fill('*' + names[i - 1]).join(',') + ']\n';
  return B(s);
}

const ROWS = [
  ['JSON [ x 100,000', () => repeat('[', 100000), 'p.json', 'TL007', 1, 65],
  ['JSON {"a": x 100,000', () => repeat('{"a":', 100000), 'p.json', 'TL007', 1, 321],
  ['YAML [ x 100,000', () => repeat('[', 100000), 'p.yaml', 'TL007', 1, 65],
  ['YAML "- " x 100,000', () => B('- '.repeat(100000) + 'x\n'), 'p.yaml', 'TL007', 1, 129],
  ['YAML billion laughs', laughs, 'p.yaml', 'TL008', 7, 8],
  ['JSON 10 MB Sid', () => Buffer.concat([B('{"Version":"2012-10-17","Statement":[{"Sid":"'), BIG, B('"}]}')]), 'p.json', 'TL009', 1, 45],
  ['JSON byte C0 AF', () => before(J, B('acme'), B('\xC0\xAF')), 'p.json', 'TL003', 7, 79],
  ['JSON byte FF', () => before(J, B('acme'), B('\xFF')), 'p.json', 'TL003', 7, 79],
  ['YAML surrogate ED A0 80', () => before(Y, B('acme'), B('\xED\xA0\x80')), 'p.yaml', 'TL003', 2, 32],
  ['JSON NUL inside a string', () => before(J, B('acme'), B('\0')), 'p.json', 'TL004', 7, 79],
  ['JSON NUL between tokens', () => before(J, B('"Statement"'), B('\0')), 'p.json', 'TL004', 3, 3],
  ['YAML NUL', () => before(Y, B('acme'), B('\0')), 'p.yaml', 'TL005', 2, 32],
  ['JSON UTF-8 BOM', () => Buffer.concat([B('\xEF\xBB\xBF'), J]), 'p.json', '', 0, 0],
  ['JSON UTF-16LE BOM', () => Buffer.concat([B('\xFF\xFE'), J]), 'p.json', 'TL003', 1, 1],
  ['JSON CRLF, error located as with LF', () => eol(before(J, B('Allow'), B('X')), '\r\n'), 'p.json', 'TL035', 5, 17],
  ['YAML duplicate key', () => Buffer.concat([B("Version: '2012-10-17'\n"), Y]), 'p.yaml', 'TL006', 4, 1],
  ['JSON 1,000,000-digit number', () => repeat('9', 1000000), 'p.json', 'TL020', 1, 1],
];

const UNLOCATED = new Set(['TL015', 'TL016', 'TL069']);

test('every row of the table: a located Error or an answer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlint-hostile-'));
  try {
    for (const [name, make, file, code, line, column] of ROWS) {
      const p = path.join(dir, file);
      fs.writeFileSync(p, make());
      let error = null;
      try {
        trustlint.who(p);
      } catch (e) {
        error = e;
      }
      if (!code) {
        assert.equal(error, null, `${name}: ${error && error.message}`);
        continue;
      }
      assert.ok(error instanceof Error, `${name}: answered an input the table refuses`);
      const first = error.diagnostics.find((d) => d.severity === 'error');
      assert.deepEqual([first.code, first.location.line, first.location.column], [code, line, column], name);
      // diff refuses it too, on either side, with the same first error
      for (const [oldP, newP] of [[J, p], [p, J]]) {
        assert.throws(() => trustlint.diff(oldP, newP), (e) => {
          const f = e.diagnostics.find((d) => d.severity === 'error');
          assert.deepEqual([f.code, f.location.line, f.location.column], [code, line, column], `${name} (diff)`);
          return true;
        });
      }
      for (const d of error.diagnostics) {
        if (!UNLOCATED.has(d.code)) assert.equal(d.location.file, p, name);
        assert.ok(d.message.length < 400, name);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('limits raise the same Error', () => {
  assert.throws(() => trustlint.who(J.toString(), { limits: { bytes: 50 } }), (e) => e.diagnostics[0].code === 'TL002');
  assert.throws(() => trustlint.can(J.toString(), { team: 'acme', project: 'web', environment: 'production', limits: { nodes: 10 } }),
                (e) => e.diagnostics[0].code === 'TL008');
});
