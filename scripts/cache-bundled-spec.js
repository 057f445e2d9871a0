#!/usr/bin/env node
'use strict';
// Build step (after tsc): parse the bundled spec once and store the document in dist/, so that
// commands start without loading the YAML parser (see src/spec/parsedSpecCache.ts).
const { loadSpec } = require('../dist/spec/loadSpec.js');
const { writeSpecCache } = require('../dist/spec/parsedSpecCache.js');

const spec = loadSpec();
if (!writeSpecCache(spec.sha256, spec.document)) {
  console.error('cache-bundled-spec: the bundled spec does not survive JSON unchanged; not cached');
}
