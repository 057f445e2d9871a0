import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorLines } from '../../src/cli/errorLines';
import { exitCodeForError } from '../../src/cli/exitCodes';
import { DependencyMissingError } from '../../src/errors';
import { requireOptional } from '../../src/requireOptional';
import packageJson from '../../package.json';

describe('requireOptional: the Pact core and CLI are optional peer dependencies', () => {
  // A real `require` from a directory with no node_modules anywhere above it that holds Pact.
  const empty = mkdtempSync(join(tmpdir(), 'hookproof-no-pact-'));
  const requireFromEmpty = createRequire(join(empty, 'index.js'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('declares both as optional peers, and as devDependencies for its own tests', () => {
    for (const name of ['@pact-foundation/pact', '@pact-foundation/pact-cli'] as const) {
      expect(packageJson.peerDependenciesMeta[name]).toEqual({ optional: true });
      expect(packageJson.devDependencies[name]).toBe(packageJson.peerDependencies[name]);
      expect(Object.keys(packageJson.dependencies)).not.toContain(name);
    }
  });

  it.each([
    ['@pact-foundation/pact', '@pact-foundation/pact/src/v4'],
    ['@pact-foundation/pact-cli', '@pact-foundation/pact-cli/package.json'],
  ] as const)('turns a missing %s into one line naming what to install, exit 2', (name, specifier) => {
    let thrown: unknown;
    try {
      requireOptional(name, specifier, 'the feature', requireFromEmpty);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DependencyMissingError);
    expect((thrown as DependencyMissingError).code).toBe('DEPENDENCY_MISSING');
    expect((thrown as DependencyMissingError).packageName).toBe(name);
    expect(exitCodeForError(thrown)).toBe(2);
    expect(errorLines(thrown, false)).toEqual([
      `hookproof: the feature cannot run without ${name}, which is not installed: npm install --save-dev ${name}@"${packageJson.peerDependencies[name]}"`,
    ]);
  });

  it('rethrows what an installed package fails with, even a module of its own that is missing', () => {
    const broken = Object.assign(new Error("Cannot find module 'https-proxy-agent'\nRequire stack:\n- /x/pact.js"), { code: 'MODULE_NOT_FOUND' });
    const load = (): never => {
      throw broken;
    };
    expect(() => requireOptional('@pact-foundation/pact', '@pact-foundation/pact', 'the feature', load)).toThrow(broken);
  });

  it('returns the module when it is installed', () => {
    const manifest = requireOptional('@pact-foundation/pact-cli', '@pact-foundation/pact-cli/package.json', 'the feature') as { name: string };
    expect(manifest.name).toBe('@pact-foundation/pact-cli');
  });
});
