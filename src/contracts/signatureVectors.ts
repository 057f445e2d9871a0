import fc from 'fast-check';
import { anyEventArbitrary } from '../arbitraries';
import type { Engine } from '../engine';
import { compactJson } from '../serialise';
import { buildSignatureVectors, serialiseSignatureVectors } from '../signing';

/** The seed of the committed vectors: changing it rewrites contracts/signature-vectors.json. */
export const VECTORS_SEED = 20261125;

/**
 * The language-neutral signature vectors partners use in their own unit tests, over real events of
 * the spec (with unicode and escaping-sensitive characters), as the exact text committed in
 * `contracts/signature-vectors.json`.
 */
export function signatureVectorsJson(engine: Engine): string {
  const bodies = fc
    .sample(anyEventArbitrary(engine.catalogue), { seed: VECTORS_SEED, numRuns: 6 })
    .map((event) => compactJson(event))
    // A vector body should be readable in a test file: keep the long-string cases out.
    .filter((text) => text.length < 2000);
  return serialiseSignatureVectors(buildSignatureVectors({ bodies: [...bodies, '{"id":"0","type":"ping","data":{"message":"<é/😀>"}}'], seed: VECTORS_SEED }));
}
