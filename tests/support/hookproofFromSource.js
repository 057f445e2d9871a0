#!/usr/bin/env node
'use strict';
// The CLI run from the TypeScript sources through tsx (a devDependency): what the tests spawn, so
// that they test src/ as it is now and never a stale dist/. bin/hookproof.js runs the compiled build.
require('tsx/cjs');
require('../../src/cli/main.ts');
