#!/usr/bin/env node
'use strict';
// Build step (after tsc): the ESM face of the CommonJS build, so that an ES-module consumer's types
// resolve fast-check (and every other dependency) the way its own `import` does.
//
// Why: TypeScript reads dist/**/*.d.ts as CommonJS declarations (the package is not
// "type": "module"), so `import type { Arbitrary } from 'fast-check'` in them resolves through
// fast-check's `require` condition (lib/cjs/…), while an ES-module consumer's own
// `import fc from 'fast-check'` resolves through its `import` condition (lib/…). fast-check's
// classes have private members, so the two `Arbitrary` declarations are not assignable to each
// other even when one copy of fast-check is installed. Here:
// - every dist/**/*.d.ts gets a sibling .d.mts (ESM declarations) whose relative specifiers name
//   their file (`./x.mjs`, `./x/index.mjs`), as ESM resolution requires;
// - every entry point gets an .mjs wrapper that re-exports the CommonJS module, so that there is
//   one instance of hookproof at run time whichever way it is loaded (no dual-package hazard:
//   `instanceof HookproofError` holds across require and import).
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const DIST = join(__dirname, '..', 'dist');
/**
 * Entry points (without extension, relative to dist/) that get an .mjs wrapper: every subpath of
 * package.json `exports` (`./dist/pact/index.js` → `pact/index`), so a new entry is declared once.
 */
const ENTRIES = Object.values(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).exports)
  .map((target) => (typeof target === 'object' ? target.require.default : undefined))
  .filter((path) => typeof path === 'string')
  .map((path) => path.replace(/^\.\/dist\//, '').replace(/\.js$/, ''));

function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./x` → `./x.mjs` or `./x/index.mjs`, whichever declaration exists next to `from`. */
function esmSpecifier(from, specifier) {
  const base = join(dirname(from), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.mjs`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier}/index.mjs`;
  throw new Error(`esm-types: ${relative(DIST, from)} imports ${specifier}, which has no declaration`);
}

// Relative module specifiers in import/export declarations and import() types; comments are not
// touched (the pattern needs `from` or `import(` right before the quote).
const RELATIVE = /(\bfrom\s*|\bimport\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

for (const file of declarationFiles(DIST)) {
  const text = readFileSync(file, 'utf8');
  const esm = text.replace(RELATIVE, (_match, before, quote, specifier) => `${before}${quote}${esmSpecifier(file, specifier)}${quote}`);
  writeFileSync(file.replace(/\.d\.ts$/, '.d.mts'), esm);
}

for (const entry of ENTRIES) {
  const cjs = join(DIST, `${entry}.js`);
  if (!existsSync(cjs)) throw new Error(`esm-types: entry ${entry}.js missing`);
  const name = entry.split('/').pop();
  writeFileSync(join(DIST, `${entry}.mjs`), `// The ES-module entry: the CommonJS build, re-exported (one instance of hookproof either way).\nexport * from './${name}.js';\n`);
}
