#!/usr/bin/env node
'use strict';
// The CLI the tests spawn, from src/ as it is now, never a stale dist/: the copy compiled for this
// jest run (tests/setup/compileCli.js) while its stamp matches src/, else the sources themselves
// through tsx (a devDependency). bin/hookproof.js runs the compiled build.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { COMPILED, STAMP, sourceStamp } = require('./sourceStamp');

let compiled = false;
try {
  compiled = readFileSync(STAMP, 'utf8') === sourceStamp();
} catch {
  compiled = false;
}
if (compiled) {
  require(join(COMPILED, 'cli', 'main.js'));
} else {
  require('tsx/cjs');
  require('../../src/cli/main.ts');
}
