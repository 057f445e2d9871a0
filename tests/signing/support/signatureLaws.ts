import fc from 'fast-check';
import { sign, verifySignature } from '../../../src/signing';
import { anySecrets } from './arbitraries';

/**
 * The laws every signed body obeys, as jest tests over `bodies`. Shared so that each event type's
 * suite can apply them to its own generated bodies instead of re-writing them.
 */
export function describeSignatureLaws(name: string, bodies: fc.Arbitrary<Uint8Array>): void {
  describe(`signature laws: ${name}`, () => {
    it('verifies what it signed, in every header form the spec allows', () => {
      fc.assert(
        fc.property(bodies, anySecrets, fc.boolean(), fc.constantFrom<', ' | ','>(', ', ','), (body, secrets, uppercase, separator) => {
          // The first digest is made with the first secret, and that pair is the one reported.
          expect(verifySignature(body, sign(body, secrets, { uppercase, separator }), secrets)).toEqual({ valid: true, matchedDigest: 0, matchedSecret: 0 });
        }),
      );
    });

    it('rejects the signature once any one byte of the body changed', () => {
      const changed = bodies
        .filter((body) => body.length > 0)
        .chain((body) => fc.record({ body: fc.constant(body), at: fc.nat({ max: body.length - 1 }), delta: fc.integer({ min: 1, max: 255 }) }));
      fc.assert(
        fc.property(changed, anySecrets, ({ body, at, delta }, secrets) => {
          const header = sign(body, secrets);
          const tampered = Uint8Array.from(body);
          tampered[at] = ((tampered[at] ?? 0) + delta) % 256;
          expect(verifySignature(tampered, header, secrets)).toEqual({ valid: false, reason: 'no-match' });
        }),
      );
    });

    it('rejects the signature once any one hex digit changed', () => {
      fc.assert(
        fc.property(bodies, fc.string({ minLength: 1 }), fc.nat({ max: 127 }), fc.integer({ min: 1, max: 15 }), (body, secret, at, delta) => {
          const header = sign(body, [secret]);
          const offset = 'sha512='.length + at;
          const digit = (parseInt(header.charAt(offset), 16) + delta) % 16;
          const forged = `${header.slice(0, offset)}${digit.toString(16)}${header.slice(offset + 1)}`;
          expect(verifySignature(body, forged, [secret])).toEqual({ valid: false, reason: 'no-match' });
        }),
      );
    });
  });
}
