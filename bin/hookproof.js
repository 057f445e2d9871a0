#!/usr/bin/env node
'use strict';
// The compiled CLI. `npm ci` (through `prepare`) and `npm pack` build dist/; from a clone, rebuild
// after changing src/ with `npm run build` (the tests run the sources: tests/support/hookproofFromSource.js).
require('../dist/cli/main.js');
