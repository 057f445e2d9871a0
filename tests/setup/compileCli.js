'use strict';
// jest's globalSetup: compiles src/ once per run with esbuild (what tsx does per process, on every
// spawn) into .test-cli/, which mirrors src/ as dist/ does. Tests that spawn the CLI then start it
// in about half the CPU (tests/support/hookproofFromSource.js), which matters on the 2-core CI
// machine: many tests spawn it. The stamp written last says which sources it was built from.
const { readdirSync, rmSync, writeFileSync, mkdirSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { buildSync } = require('esbuild');
const { COMPILED, SRC, STAMP, sourceStamp } = require('../support/sourceStamp');

function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? typescriptFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

module.exports = function compileCli() {
  const stamp = sourceStamp();
  // A fresh directory renamed into place: a nested jest run (tests/jest) or a second run never sees
  // a half-written copy.
  const building = `${COMPILED}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  buildSync({
    entryPoints: typescriptFiles(SRC),
    outdir: building,
    outbase: SRC,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  // As the build does (scripts/cache-bundled-spec.js): the bundled spec parsed once, not per spawn,
  // and the digest of its event schemas, compiled here without error, so that engines over them
  // compile each validator on first use. The test files read the same cache: jest maps the
  // sources' parsedSpecCache to this copy (jest.config.ts).
  const { engineFromSpec } = require(join(building, 'engine.js'));
  const { schemaSetDigest } = require(join(building, 'schemas', 'schemaSetDigest.js'));
  const { createValidators } = require(join(building, 'schemas', 'validators.js'));
  const { loadSpec } = require(join(building, 'spec', 'loadSpec.js'));
  const { writeSpecCache } = require(join(building, 'spec', 'parsedSpecCache.js'));
  const spec = loadSpec();
  const { catalogue } = engineFromSpec(spec);
  createValidators(catalogue);
  writeSpecCache(spec.sha256, spec.document, undefined, schemaSetDigest(catalogue));
  writeFileSync(join(building, 'source-stamp.txt'), stamp);
  rmSync(COMPILED, { recursive: true, force: true });
  try {
    renameSync(building, COMPILED);
  } catch {
    // Another run renamed its copy first: it was built from the same sources or is stale, and the
    // stamp tells hookproofFromSource.js which.
    rmSync(building, { recursive: true, force: true });
  }
  return STAMP;
};
