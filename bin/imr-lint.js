#!/usr/bin/env node
// Lints IMR letters from the command line; see `imr-lint --help`.
require('./requireBuilt')('imr-lint', 'imr-lint.js');
