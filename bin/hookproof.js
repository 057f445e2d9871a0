#!/usr/bin/env node
'use strict';
// The compiled CLI. `npm ci` (through `prepare`) and `npm pack` build dist/; from a clone, rebuild
// after changing src/ with `npm run build` (the tests run the sources: tests/support/hookproofFromSource.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('hookproof: the compiled CLI (dist/) is missing: run `npm run build` in this clone first\n');
  process.exit(2);
}
require(main);
