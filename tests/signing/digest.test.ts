import fc from 'fast-check';
import { hmacSha512Hex } from '../../src/signing';

describe('hmacSha512Hex', () => {
  it('matches RFC 4231 test case 2', () => {
    expect(hmacSha512Hex('what do ya want for nothing?', 'Jefe')).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
  });

  it('gives 128 lower-case hex digits, treating a string body as its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, secret) => {
        const hex = hmacSha512Hex(text, secret);
        expect(hex).toMatch(/^[0-9a-f]{128}$/);
        expect(hmacSha512Hex(new Uint8Array(Buffer.from(text, 'utf8')), secret)).toBe(hex);
      }),
    );
  });
});
