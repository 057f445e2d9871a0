import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../src/spec/loadSpec';
import { buildCompiledSchemas, cachedSpecDocument, writeSpecCache } from '../../src/spec/parsedSpecCache';

describe('the build-time cache of the parsed bundled spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-spec-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back exactly what the YAML parser gave, for those bytes only, as a fresh copy each time', () => {
    const spec = loadSpec();
    const file = join(dir, 'cache.json');
    expect(writeSpecCache(spec.sha256, spec.document, file)).toBe(true);
    const first = cachedSpecDocument(spec.sha256, file);
    expect(first).toEqual(spec.document);
    expect(cachedSpecDocument('0'.repeat(64), file)).toBeUndefined();
    (first as Record<string, unknown>).info = 'changed by a caller';
    expect(cachedSpecDocument(spec.sha256, file)).toEqual(spec.document);
  });

  it("vouches for the digest of the schemas the build compiled from those bytes, and nothing else", () => {
    const spec = loadSpec();
    const file = join(dir, 'compiled.json');
    expect(writeSpecCache(spec.sha256, spec.document, file, 'd'.repeat(64))).toBe(true);
    expect(buildCompiledSchemas(spec.sha256, 'd'.repeat(64), file)).toBe(true);
    expect(buildCompiledSchemas(spec.sha256, 'e'.repeat(64), file)).toBe(false);
    expect(buildCompiledSchemas('0'.repeat(64), 'd'.repeat(64), file)).toBe(false);
    const unvouched = join(dir, 'parsed-only.json');
    expect(writeSpecCache(spec.sha256, spec.document, unvouched)).toBe(true);
    expect(buildCompiledSchemas(spec.sha256, 'd'.repeat(64), unvouched)).toBe(false);
    expect(buildCompiledSchemas(spec.sha256, 'd'.repeat(64), join(dir, 'absent.json'))).toBe(false);
  });

  it('refuses a document that JSON would change, and is absent when there is no cache file', () => {
    const file = join(dir, 'refused.json');
    expect(writeSpecCache('a'.repeat(64), { when: new Date(0) }, file)).toBe(false);
    expect(cachedSpecDocument('a'.repeat(64), file)).toBeUndefined();
  });
});
