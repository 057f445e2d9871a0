import fc from 'fast-check';
import { assembleHeader, headerFingerprint, resignHeader, signatureRecipe } from '../../src/evidence/signatureRecipe';
import { signatureCaseArbitrary } from '../../src/signing';
import { SIGNATURE_LABELS } from '../../src/contract';
import { anyBody, realisticSecrets } from '../signing/support/arbitraries';

const scenario = fc
  .tuple(anyBody, realisticSecrets)
  .chain(([body, secrets]) => signatureCaseArbitrary(body, secrets, SIGNATURE_LABELS).map((signatureCase) => ({ secrets, signatureCase })));

describe('signatureRecipe', () => {
  it('keeps every signature case without any 32 hex digits of a digest made with a receiver secret, and rebuilds the header sent from the secrets', () => {
    fc.assert(
      fc.property(scenario, ({ secrets, signatureCase }) => {
        const { body, header, signedBody } = signatureCase;
        const recipe = signatureRecipe(body, header, secrets, signedBody);
        const stored = JSON.stringify(recipe).toLowerCase();
        const recomputed = secrets.flatMap((secret) => [
          ...[body, ...(signedBody !== undefined ? [signedBody] : [])].map(
            (b) => resignHeader({ parts: [{ digest: { secretIndex: 0, algorithm: 'sha512', over: 'sent-body', upperCase: false } }] }, b, [secret]) ?? '',
          ),
          resignHeader({ parts: [{ digest: { secretIndex: 0, algorithm: 'sha256', over: 'sent-body', upperCase: false } }] }, body, [secret]) ?? '',
        ]);
        for (const digest of recomputed) {
          for (let start = 0; start + 32 <= digest.length; start += 8) expect(stored.includes(digest.slice(start, start + 32))).toBe(false);
        }
        // With the secrets, the recipe gives back exactly the header that was sent; its fingerprint says so.
        expect(resignHeader(recipe, body, secrets)).toBe(header);
        if (header !== undefined) expect(recipe.fingerprint).toBe(headerFingerprint(header));
        // With another secret, the header changes exactly when it holds a derived digest.
        const elsewhere = resignHeader(recipe, body, ['another-secret']);
        expect(elsewhere === header).toBe(assembleHeader(recipe, () => 'x') === header);
      }),
      { numRuns: 100 },
    );
  });
});
