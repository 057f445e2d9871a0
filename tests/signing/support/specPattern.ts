import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The X-Signature pattern read from the real spec file, so the tests follow the spec, not a copy. */
export function specSignaturePattern(): string {
  const spec: unknown = parse(readFileSync(join(__dirname, '..', '..', '..', 'spec', 'webhook-events.yaml'), 'utf8'));
  const pattern = at(spec, ['components', 'parameters', 'XSignature', 'schema', 'pattern']);
  if (typeof pattern !== 'string') throw new Error('spec has no components.parameters.XSignature.schema.pattern');
  return pattern;
}

function at(node: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), node);
}
