import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHttpPact, httpPactJson, type HttpInteraction, type HttpPact, type HttpPactOptions } from '../../../../src/pact/http';
import { bodyBytes } from '../../../../src/pact/http/exactBody';
import { defaultEngine } from '../../../support/engine';

// The Pact core otherwise sends usage metrics over the network; tests talk to 127.0.0.1 only.
process.env.PACT_DO_NOT_TRACK = 'true';

/** The contract for a receiver named "test-receiver", over the project's spec. */
export function testPact(options: Partial<HttpPactOptions> = {}): HttpPact {
  return buildHttpPact(defaultEngine().catalogue, { provider: 'test-receiver', ...options });
}

/** Writes `pact` to a fresh temporary directory and returns the file's path. */
export function writeTempPact(pact: HttpPact): string {
  const file = join(tempDir(), 'pact.json');
  writeFileSync(file, httpPactJson(pact));
  return file;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hookproof-pact-http-'));
}

/** The requirement ID a description starts with ("SIG-2 a request …" → "SIG-2"). */
export function requirementOf(description: string): string {
  return description.split(' ')[0] ?? '';
}

/** The exact bytes an interaction's request carries (hookproof writes them as `encoded: "json"`). */
export function bytesOf(interaction: HttpInteraction): Buffer {
  const bytes = bodyBytes(interaction.request.body);
  if (bytes === undefined) throw new Error(`${interaction.description} has no body`);
  return bytes;
}

/** The event an interaction's request carries, parsed. */
export function eventOf(interaction: HttpInteraction): Record<string, unknown> {
  return JSON.parse(bytesOf(interaction).toString('utf8')) as Record<string, unknown>;
}
