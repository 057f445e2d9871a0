import fc from 'fast-check';
import { hmacSha512Hex, sign, verifySignature } from '../../src/signing';
import { anyBody, EVENT_BODY } from './support/arbitraries';
import { describeSignatureLaws } from './support/signatureLaws';

describeSignatureLaws('any bytes', anyBody);
describeSignatureLaws('a realistic event', fc.constant(new Uint8Array(EVENT_BODY)));

describe('verifySignature', () => {
  const body = EVENT_BODY;
  const digest = (secret: string): string => hmacSha512Hex(body, secret);

  it('says which digest matched which secret, 0-based', () => {
    const header = `sha512=${digest('gone')}, sha512=${digest('current')}, sha512=${digest('next')}`;
    expect(verifySignature(body, header, ['next', 'current'])).toEqual({ valid: true, matchedDigest: 1, matchedSecret: 1 });
  });

  it('finds the one matching digest at any position, whichever receiver secret made it', () => {
    // Distinct secrets split into the receiver's and the others, and where the matching one goes.
    const scenario = fc.uniqueArray(fc.string(), { minLength: 2, maxLength: 6 }).chain((secrets) =>
      fc.integer({ min: 1, max: secrets.length - 1 }).chain((held) =>
        fc.record({
          receiverSecrets: fc.constant(secrets.slice(0, held)),
          others: fc.constant(secrets.slice(held)),
          matchedSecret: fc.nat({ max: held - 1 }),
          matchedDigest: fc.nat({ max: secrets.length - held }),
        }),
      ),
    );
    fc.assert(
      fc.property(scenario, ({ receiverSecrets, others, matchedSecret, matchedDigest }) => {
        const digests = others.map(digest);
        digests.splice(matchedDigest, 0, digest(receiverSecrets[matchedSecret] ?? ''));
        const header = digests.map((hex) => `sha512=${hex}`).join(', ');
        expect(verifySignature(body, header, receiverSecrets)).toEqual({ valid: true, matchedDigest, matchedSecret });
      }),
    );
  });

  it('accepts the forms the spec pattern allows besides the canonical one', () => {
    expect(verifySignature(body, sign(body, ['a', 's'], { uppercase: true }), ['s']).valid).toBe(true);
    expect(verifySignature(body, sign(body, ['a', 's'], { separator: ',' }), ['s']).valid).toBe(true);
    expect(verifySignature(body, `sha512=${digest('a')},\tsha512=${digest('s')}`, ['s']).valid).toBe(true);
  });

  it('tells a missing header from a malformed one and from one that does not match', () => {
    expect(verifySignature(body, undefined, ['s'])).toEqual({ valid: false, reason: 'missing' });
    expect(verifySignature(body, '', ['s'])).toEqual({ valid: false, reason: 'malformed' });
    expect(verifySignature(body, ` sha512=${digest('s')}`, ['s'])).toEqual({ valid: false, reason: 'malformed' });
    expect(verifySignature(body, `sha512=${digest('s').slice(0, 64)}`, ['s'])).toEqual({ valid: false, reason: 'malformed' });
    expect(verifySignature(body, `sha512=${digest('other')}`, ['s'])).toEqual({ valid: false, reason: 'no-match' });
  });

  it('matches nothing when the receiver holds no secret', () => {
    expect(verifySignature(body, `sha512=${digest('s')}`, [])).toEqual({ valid: false, reason: 'no-match' });
  });

  it('verifies a string body as its UTF-8 bytes', () => {
    const text = '{"note":"café 😀"}';
    expect(verifySignature(text, sign(Buffer.from(text, 'utf8'), ['s']), ['s']).valid).toBe(true);
  });
});
