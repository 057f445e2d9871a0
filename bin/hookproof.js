#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly through tsx, so `npx hookproof` works right after
// `npm install` in a fresh clone with no build step.
require('tsx/cjs');
require('../src/cli/main.ts');
