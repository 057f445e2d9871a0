import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory for pact files, removed by `cleanup`. */
export function tempPactDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-pacts-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A pact file as plain JSON, for assertions and hand edits. */
export interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  metadata: { pactSpecification: { version: string } };
  interactions: Array<{
    type: string;
    description: string;
    providerStates?: Array<{ name: string }>;
    comments?: { text?: string[] };
    contents: { content: Record<string, unknown>; contentType: string; encoded: boolean | string };
    matchingRules?: { body?: Record<string, { combine: string; matchers: Array<Record<string, unknown>> }> };
  }>;
}

export function readPact(path: string): PactJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PactJson;
}
