import type { EventCatalogue } from '../../schemas/catalogue';
import { buildHttpPact, DEFAULT_PATH } from './buildHttpPact';
import type { HttpPact } from './HttpPact';
import { httpPactJson } from './httpPactJson';

/** The reference receiver's name as a Pact provider. */
export const REFERENCE_PROVIDER = 'hookproof-reference-receiver';

/** Where the committed reference contract lives, relative to the repository root. */
export const REFERENCE_CONTRACT_FILE = 'contracts/gridx-webhooks-hookproof-reference-receiver.json';

/**
 * The contract between gridX and hookproof's reference receiver, mounted at /hooks/gridx: every
 * current event type plus the authenticity interactions, with the default consumer and seed. It is
 * exactly what `hookproof pact generate --provider hookproof-reference-receiver --out contracts`
 * writes.
 */
export function referenceContract(catalogue: EventCatalogue): HttpPact {
  return buildHttpPact(catalogue, { provider: REFERENCE_PROVIDER, path: DEFAULT_PATH });
}

/** The committed file's exact text. */
export function referenceContractJson(catalogue: EventCatalogue): string {
  return httpPactJson(referenceContract(catalogue));
}
