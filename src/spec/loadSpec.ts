import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SpecInvalidError, SpecUnreadableError } from '../errors';
import { DEFAULT_SPEC_PATH } from './defaultSpecPath';
import { cachedSpecDocument } from './parsedSpecCache';
import { isSchemaObject, type SpecDocument } from './types';

/**
 * Reads a spec file (YAML or JSON) and checks that it is an OpenAPI document with schemas.
 * Throws SpecUnreadableError / SpecInvalidError with a one-line message; never a parser stack.
 */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): SpecDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new SpecUnreadableError(path, cause);
  }
  return parseSpec(bytes, path);
}

/** Parses spec bytes already in memory (the path is only used in messages and reports). */
export function parseSpec(bytes: Buffer | string, path: string): SpecDocument {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const cached = cachedSpecDocument(sha256);
  if (cached !== undefined) return { path, sha256, document: cached };
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  // Loaded here, not on import: the bundled spec usually comes from the build's cache above.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: yaml costs start-up time and is seldom needed
  const { parseDocument } = require('yaml') as typeof import('yaml');
  // JSON is YAML, but a JSON file's syntax error is best told in JSON's terms.
  if (/\.json$/i.test(path)) assertJson(text, path);
  const parsed = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const firstError = parsed.errors[0];
  if (firstError !== undefined) {
    const line = firstError.linePos?.[0]?.line;
    const where = line !== undefined ? ` at line ${line}` : '';
    const reason = (firstError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecInvalidError(path, `not valid YAML${where}: ${reason}`);
  }
  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: 1000 });
  } catch (cause) {
    // The yaml package refuses aliases that expand exponentially (a "billion laughs" document).
    throw new SpecInvalidError(path, `YAML aliases expand too far (${cause instanceof Error ? cause.message : String(cause)}); refusing it`);
  }
  if (!isSchemaObject(document)) {
    throw new SpecInvalidError(path, 'not an OpenAPI document (expected a mapping at the top level)');
  }
  const components = document.components;
  if (!isSchemaObject(components) || !isSchemaObject(components.schemas)) {
    throw new SpecInvalidError(path, 'not an OpenAPI document (no components.schemas)');
  }
  return { path, sha256, document };
}

function assertJson(text: string, path: string): void {
  try {
    JSON.parse(text);
  } catch (cause) {
    throw new SpecInvalidError(path, `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
