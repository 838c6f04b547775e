#!/usr/bin/env node
// Lints IMR letters from the command line; see `imr-lint --help`.
const { existsSync } = require('fs');
const { join } = require('path');

const bundle = join(__dirname, '..', 'dist', 'imr-lint.js');
if (!existsSync(bundle)) {
  process.stderr.write('imr-lint: dist/imr-lint.js is missing: run `npm run build` first.\n');
  process.exitCode = 2;
} else {
  require(bundle);
}
