import { createHash } from 'node:crypto';
import type { EventCatalogue } from './catalogue';

/**
 * A fingerprint of what compiling a catalogue's validators depends on: every type's schema, in
 * order, and the ajv that compiles them. Equal digests mean the same compilation, so a digest the
 * build saw compile (src/spec/parsedSpecCache.ts) proves these schemas compile without compiling
 * them again.
 */
export function schemaSetDigest(catalogue: EventCatalogue): string {
  const hash = createHash('sha256').update(`ajv ${ajvVersion()}\n`);
  for (const eventType of catalogue.types) hash.update(`${eventType.type}\n${JSON.stringify(eventType.schema)}\n`);
  return hash.digest('hex');
}

let version: string | undefined;

function ajvVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed ajv's own manifest, read once
  version ??= (require('ajv/package.json') as { version: string }).version;
  return version;
}
