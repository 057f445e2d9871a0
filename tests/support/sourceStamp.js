'use strict';
// A fingerprint of src/ (every file's path, size and modification time): the compiled copy of the
// CLI that the tests spawn (tests/setup/compileCli.js) is used only while it matches, so that a test
// never runs a stale copy.
const { readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { createHash } = require('node:crypto');

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
/** Where the compiled copy lives: beside src/ and dist/, so that paths relative to a module resolve the same. */
const COMPILED = join(ROOT, '.test-cli');
const STAMP = join(COMPILED, 'source-stamp.txt');

function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        hash.update(`${relative(SRC, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(SRC);
  return hash.digest('hex');
}

module.exports = { ROOT, SRC, COMPILED, STAMP, sourceStamp };
