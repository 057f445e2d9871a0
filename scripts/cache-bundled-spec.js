#!/usr/bin/env node
'use strict';
// Build step (after tsc): parse the bundled spec once and store the document in dist/, so that
// commands start without loading the YAML parser; with it the digest of its event schemas, which
// compiled here without error, so that an engine over them compiles each validator on first use
// (see src/spec/parsedSpecCache.ts).
const { engineFromSpec } = require('../dist/engine.js');
const { schemaSetDigest } = require('../dist/schemas/schemaSetDigest.js');
const { createValidators } = require('../dist/schemas/validators.js');
const { loadSpec } = require('../dist/spec/loadSpec.js');
const { writeSpecCache } = require('../dist/spec/parsedSpecCache.js');

const spec = loadSpec();
const { catalogue } = engineFromSpec(spec);
// Every validator, compiled here and now (this throws if one does not compile): what the digest vouches for.
createValidators(catalogue);
if (!writeSpecCache(spec.sha256, spec.document, undefined, schemaSetDigest(catalogue))) {
  console.error('cache-bundled-spec: the bundled spec does not survive JSON unchanged; not cached');
}
