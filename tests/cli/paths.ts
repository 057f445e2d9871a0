import { join } from 'node:path';

/** Paths the CLI tests share. */
export const ROOT = join(__dirname, '..', '..');
/** The CLI from the sources (through tsx), as bin/hookproof.js runs the compiled build. */
export const BIN = join(ROOT, 'tests', 'support', 'hookproofFromSource.js');
export const REAL_SPEC = join(ROOT, 'spec', 'webhook-events.yaml');

/** A spec fixture under tests/fixtures/specs. */
export function fixtureSpec(name: string): string {
  return join(ROOT, 'tests', 'fixtures', 'specs', name);
}
