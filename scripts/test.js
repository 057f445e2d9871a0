#!/usr/bin/env node
'use strict';
// `npm test`: the static checks (tsc, eslint, prettier: scripts/static-checks.js) and jest at the
// same time. jest keeps about 1.3 of the CI machine's 2 cores busy (its suites wait on loopback
// servers and timeouts), so the static checks, run at a lower priority, take the idle time instead
// of a minute of their own before jest. jest's output streams as it runs; the static checks' output
// is printed whole once both have ended, and the exit code is 1 if either failed. Arguments are
// passed to jest (`npm test -- tests/cli`).
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');

function run(args, options) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, ...options });
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

async function main() {
  const staticChecks = run([join(__dirname, 'static-checks.js'), '--nice'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const jest = run([join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  const [checks, tests] = await Promise.all([staticChecks, jest]);
  process.stdout.write(`\n${checks.output}`);
  process.stdout.write(checks.code === 0 ? 'static checks (tsc, eslint, prettier) passed\n' : `static checks failed (exit ${checks.signal ?? checks.code})\n`);
  if (tests.code !== 0) process.stdout.write(`jest failed (exit ${tests.signal ?? tests.code})\n`);
  process.exitCode = checks.code === 0 && tests.code === 0 ? 0 : 1;
}

void main();
