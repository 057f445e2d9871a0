import fc from 'fast-check';
import { compactJson } from '../serialise';
import { buildSignatureVectors, serialiseSignatureVectors } from './vectors';

/** The seed of the committed vectors: changing it rewrites contracts/signature-vectors.json. */
export const VECTORS_SEED = 20261125;

/**
 * The language-neutral signature vectors partners use in their own unit tests, over real events of
 * the spec (with unicode and escaping-sensitive characters), as the exact text committed in
 * `contracts/signature-vectors.json`. `events` draws events of the spec (`anyEventArbitrary` over
 * the engine's event types): the caller supplies them, so signing needs no spec of its own.
 */
export function signatureVectorsJson(events: fc.Arbitrary<unknown>): string {
  const bodies = fc
    .sample(events, { seed: VECTORS_SEED, numRuns: 6 })
    .map((event) => compactJson(event))
    // A vector body should be readable in a test file: keep the long-string cases out.
    .filter((text) => text.length < 2000);
  return serialiseSignatureVectors(buildSignatureVectors({ bodies: [...bodies, '{"id":"0","type":"ping","data":{"message":"<é/😀>"}}'], seed: VECTORS_SEED }));
}
