import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SPEC_PATH, loadSpec, parseSpec } from '../../src/spec';
import { HookproofError } from '../../src/errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof HookproofError ? `${error.code}: ${error.message}` : `not a HookproofError: ${String(error)}`;
  }
  return undefined;
}

describe('loadSpec', () => {
  const shared = join(__dirname, '..', '..', '..', 'shared', 'spec', 'webhook-events.yaml');

  (existsSync(shared) ? it : it.skip)('keeps spec/ a byte-for-byte copy of the shared spec', () => {
    expect(readFileSync(DEFAULT_SPEC_PATH).equals(readFileSync(shared))).toBe(true);
  });

  it('reads the default spec and fingerprints it', () => {
    const spec = loadSpec();
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(spec.document.components as object)).toContain('schemas');
  });

  it('reports a missing file as SPEC_UNREADABLE in one line', () => {
    const message = codeOf(() => loadSpec('/nonexistent/spec.yaml'));
    expect(message).toMatch(/^SPEC_UNREADABLE: cannot read spec \/nonexistent\/spec\.yaml: ENOENT/);
    expect(message).not.toContain('\n');
  });

  it('reports invalid YAML with its line', () => {
    expect(codeOf(() => parseSpec('components:\n  schemas: [\n', 'bad.yaml'))).toMatch(/^SPEC_INVALID: invalid spec bad\.yaml: not valid YAML at line \d+/);
  });

  it.each([
    ['- a\n- b\n', /expected a mapping/],
    ['openapi: 3.0.0\ninfo: {}\n', /no components\.schemas/],
    ['just text', /expected a mapping/],
  ])('refuses a document that is not OpenAPI: %j', (text, reason) => {
    expect(codeOf(() => parseSpec(text, 'x.yaml'))).toMatch(reason);
  });
});
