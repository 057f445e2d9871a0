import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * The bundled spec, parsed once at build time. Parsing its YAML (and loading the YAML parser) is
 * most of the start-up of a command such as `hookproof types`, so the build stores the parsed
 * document next to the compiled loader, keyed by the SHA-256 of the YAML bytes: a spec file with
 * any other content, or a run from the sources, simply parses as before. The build also records
 * the digest of the event schemas it compiled from that document (src/schemas/schemaSetDigest.ts),
 * so that an engine over the same schemas may compile each validator on first use.
 */
const CACHE_FILE = join(__dirname, 'parsed-spec-cache.json');

interface CacheEntry {
  readonly sha256: string;
  readonly document: Record<string, unknown>;
  /** schemaSetDigest of the catalogue the build compiled from this document, when it did. */
  readonly compiledSchemas?: string;
}

/** Each cache file read once: its entry, and its text for fresh copies of the document. */
const caches = new Map<string, { readonly entry: CacheEntry; readonly text: string } | null>();

function entryFor(sha256: string, file: string): { readonly entry: CacheEntry; readonly text: string } | undefined {
  let cache = caches.get(file);
  if (cache === undefined) {
    try {
      const text = readFileSync(file, 'utf8');
      cache = { entry: JSON.parse(text) as CacheEntry, text };
    } catch {
      cache = null;
    }
    caches.set(file, cache);
  }
  return cache !== null && cache.entry.sha256 === sha256 ? cache : undefined;
}

/** The parsed document of spec bytes with this SHA-256, when the build cached it (in `file`). */
export function cachedSpecDocument(sha256: string, file: string = CACHE_FILE): Record<string, unknown> | undefined {
  const cache = entryFor(sha256, file);
  // A fresh copy per load (callers may correct the document in place), parsed again rather than
  // cloned: structuredClone's objects belong to the outer realm under jest's sandbox (a different
  // Object.prototype), JSON.parse's to the caller's, as the YAML parser's do.
  return cache !== undefined ? (JSON.parse(cache.text) as CacheEntry).document : undefined;
}

/** Whether the build compiled, without error, event schemas with this digest from the spec with this SHA-256. */
export function buildCompiledSchemas(sha256: string, digest: string, file: string = CACHE_FILE): boolean {
  return entryFor(sha256, file)?.entry.compiledSchemas === digest;
}

/**
 * Writes the cache for one parsed spec (run by `npm run build` on the compiled module, for the
 * bundled spec), with the digest of the schemas compiled from it when given. Skipped when the
 * document does not survive JSON unchanged.
 */
export function writeSpecCache(sha256: string, document: Record<string, unknown>, file: string = CACHE_FILE, compiledSchemas?: string): boolean {
  const json = JSON.stringify({ sha256, document, ...(compiledSchemas !== undefined ? { compiledSchemas } : {}) });
  if (!isDeepStrictEqual((JSON.parse(json) as CacheEntry).document, document)) return false;
  writeFileSync(file, json);
  caches.delete(file);
  return true;
}
