import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * The bundled spec, parsed once at build time. Parsing its YAML (and loading the YAML parser) is
 * most of the start-up of a command such as `hookproof types`, so the build stores the parsed
 * document next to the compiled loader, keyed by the SHA-256 of the YAML bytes: a spec file with
 * any other content, or a run from the sources, simply parses as before.
 */
const CACHE_FILE = join(__dirname, 'parsed-spec-cache.json');

interface CacheEntry {
  readonly sha256: string;
  readonly document: Record<string, unknown>;
}

const caches = new Map<string, CacheEntry | null>();

/** The parsed document of spec bytes with this SHA-256, when the build cached it (in `file`). */
export function cachedSpecDocument(sha256: string, file: string = CACHE_FILE): Record<string, unknown> | undefined {
  let cache = caches.get(file);
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    } catch {
      cache = null;
    }
    caches.set(file, cache);
  }
  // A fresh copy per load: callers may correct the document in place.
  return cache !== null && cache.sha256 === sha256 ? structuredClone<Record<string, unknown>>(cache.document) : undefined;
}

/**
 * Writes the cache for one parsed spec (run by `npm run build` on the compiled module, for the
 * bundled spec). Skipped when the document does not survive JSON unchanged.
 */
export function writeSpecCache(sha256: string, document: Record<string, unknown>, file: string = CACHE_FILE): boolean {
  const json = JSON.stringify({ sha256, document });
  if (!isDeepStrictEqual((JSON.parse(json) as CacheEntry).document, document)) return false;
  writeFileSync(file, json);
  caches.delete(file);
  return true;
}
