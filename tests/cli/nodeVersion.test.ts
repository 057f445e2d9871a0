import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// bin/hookproof.js refuses a Node older than package.json's engines in one line (exit 2), before
// loading anything that would fail with an internal error (undici's `File` on Node 18). The older
// Node is simulated: a preload replaces process.versions.node before the bin runs.
const BIN = join(__dirname, '..', '..', 'bin', 'hookproof.js');

describe('the Node.js version check of bin/hookproof.js', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookproof-node-version-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAs = (version: string): { status: number | null; stderr: string } => {
    const preload = join(dir, `node-${version}.js`);
    writeFileSync(preload, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } });\n`);
    const result = spawnSync(process.execPath, ['-r', preload, BIN, '--version'], { encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr };
  };

  it.each(['18.19.0', '20.18.0', '19.99.99'])('refuses Node %s in one line, exit 2', (version) => {
    expect(runAs(version)).toEqual({ status: 2, stderr: `hookproof: needs Node.js 20.18.1 or later (this is ${version}): install a current Node.js LTS\n` });
  });

  it('lets 20.18.1 and later through', () => {
    for (const version of ['20.18.1', '20.19.0', '22.0.0']) expect(runAs(version).stderr).not.toContain('needs Node.js');
  });
});
