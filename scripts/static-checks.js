#!/usr/bin/env node
'use strict';
// `npm test`'s static checks: tsc, eslint and prettier, at the same time. Each is one process on
// one core, and eslint (type-aware) builds the TypeScript program again: one after the other they
// kept one of the CI machine's two cores idle for over a minute. Each tool's output is printed whole
// when it ends (never interleaved); the exit code is 1 if any of them failed, after all three have
// ended, so that one run shows every problem. With --nice (scripts/test.js, which runs them beside
// jest) they run at a lower priority, so that they take jest's idle time, not its cores.
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');
const { setPriority } = require('node:os');
const { join } = require('node:path');

// Set before the tools start, so that they inherit it.
if (process.argv.includes('--nice')) setPriority(10);

const bin = (name) => join(__dirname, '..', 'node_modules', '.bin', name);
const CHECKS = [
  ['tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['eslint', ['.']],
  ['prettier', ['--check', '.']],
];

function run([name, args]) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(bin(name), args, { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ name, args, code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, args, code: code ?? 1, signal, output: Buffer.concat(chunks).toString('utf8') }));
  }).then((result) => {
    process.stdout.write(`> ${result.name} ${result.args.join(' ')}\n${result.output}`);
    if (result.code !== 0) process.stdout.write(`${result.name} failed (exit ${result.signal ?? result.code})\n`);
    return result.code === 0;
  });
}

void Promise.all(CHECKS.map(run)).then((passed) => {
  process.exitCode = passed.every(Boolean) ? 0 : 1;
});
