#!/usr/bin/env node
'use strict';
// The compiled CLI. `npm ci` (through `prepare`) and `npm pack` build dist/; from a clone, rebuild
// after changing src/ with `npm run build` (the tests run the sources: tests/support/hookproofFromSource.js).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// First, before anything that needs a newer Node (undici uses File, missing in Node 18): one line
// and exit 2 instead of an internal error. Written in syntax any Node still parses.
const engines = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).engines.node;
const needed = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines);
const running = process.versions.node.split('.').map(Number);
if (needed !== null) {
  const want = needed.slice(1).map(Number);
  const older = running[0] !== want[0] ? running[0] < want[0] : running[1] !== want[1] ? running[1] < want[1] : running[2] < want[2];
  if (older) {
    process.stderr.write('hookproof: needs Node.js ' + want.join('.') + ' or later (this is ' + process.versions.node + '): install a current Node.js LTS\n');
    process.exit(2);
  }
}

const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('hookproof: the compiled CLI (dist/) is missing: run `npm run build` in this clone first\n');
  process.exit(2);
}
require(main);
