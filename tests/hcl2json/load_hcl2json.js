// HashiCorp's HCL parser (@cdktf/hcl2json) for the cross-checks, or the skip they share: exit 77
// (CTest's skip) when tests/hcl2json's node_modules is not installed, 1 under CI, where it must be.
'use strict';
try {
  module.exports = require('@cdktf/hcl2json');
} catch (e) {
  console.log('SKIPPED: @cdktf/hcl2json is not installed (run `npm ci` in tests/hcl2json)');
  process.exit(process.env.CI ? 1 : 77);
}
