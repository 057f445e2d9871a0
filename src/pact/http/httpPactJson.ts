import { join } from 'node:path';
import type { HttpPact } from './HttpPact';

/** The pact file's text: two-space JSON with a final newline, keys in the order they were built. */
export function httpPactJson(pact: HttpPact): string {
  return `${JSON.stringify(pact, null, 2)}\n`;
}

/** Where a pact goes in `dir`, named as Pact names its files: `<consumer>-<provider>.json`. */
export function httpPactPath(pact: HttpPact, dir: string): string {
  return join(dir, `${pact.consumer.name}-${pact.provider.name}.json`);
}
