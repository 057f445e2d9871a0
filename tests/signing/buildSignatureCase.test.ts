import fc from 'fast-check';
import { labelExpectation, labelRequirement, parseSignatureHeader } from '../../src/contract';
import { UsageError } from '../../src/errors';
import { buildSignatureCase, hmacSha512Hex, verifySignature, type SignatureCaseChoice } from '../../src/signing';
import { changeOneByte } from '../../src/signing/changeOneByte';

const receiverSecrets = ['receiver-secret-current', 'receiver-secret-older'];
const body = Buffer.from('{"id":"evt_1","type":"ping","data":{"message":"hello"}}');
const forging = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => !receiverSecrets.includes(s));
const secretIndex = fc.nat({ max: receiverSecrets.length - 1 });

/** Every choice buildSignatureCase takes, drawn over its whole documented range. */
const choice: fc.Arbitrary<SignatureCaseChoice> = fc.oneof(
  secretIndex.map((i) => ({ label: 'valid-single' as const, secretIndex: i })),
  fc.constant({ label: 'missing-header' as const }),
  forging.map((secret) => ({ label: 'wrong-secret' as const, secret })),
  fc.record({ secretIndex, changed: changeOneByte(body) }).map((c) => ({ label: 'body-changed' as const, ...c })),
  fc
    .record({ secretIndex, at: fc.nat({ max: 127 }), shift: fc.oneof(fc.integer({ min: 1, max: 15 }), fc.constant('lowest-other' as const)) })
    .map((c) => ({ label: 'near-miss' as const, ...c })),
  fc
    .record({ secretIndex, otherSecrets: fc.uniqueArray(forging, { minLength: 1, maxLength: 4 }), position: fc.nat() })
    .map(({ otherSecrets, position, ...rest }) => ({ label: 'rotation' as const, ...rest, otherSecrets, position: position % (otherSecrets.length + 1) })),
);

describe('buildSignatureCase (the one builder, with fixed choices)', () => {
  it("makes a case whose verdict is its label's, citing its label's requirement", () => {
    fc.assert(
      fc.property(choice, (c) => {
        const made = buildSignatureCase(body, receiverSecrets, c);
        expect([made.label, made.requirement, made.expected]).toEqual([c.label, labelRequirement(c.label), labelExpectation(c.label)]);
        expect(verifySignature(made.body, made.header, receiverSecrets).valid).toBe(made.expected === 'accept');
        if (made.header !== undefined) expect(parseSignatureHeader(made.header).ok).toBe(true);
      }),
    );
  });

  it('puts the matching digest of a rotation exactly where the choice says', () => {
    fc.assert(
      fc.property(
        choice.filter((c) => c.label === 'rotation'),
        (c) => {
          const parsed = parseSignatureHeader(buildSignatureCase(body, receiverSecrets, c).header ?? '');
          const mine = hmacSha512Hex(body, receiverSecrets[c.secretIndex] ?? '');
          expect(parsed.ok && parsed.digests.indexOf(mine)).toBe(c.position);
        },
      ),
    );
  });

  it('changes exactly the chosen hex digit of a near miss', () => {
    const mine = hmacSha512Hex(body, receiverSecrets[0] ?? '');
    const header = buildSignatureCase(body, receiverSecrets, { label: 'near-miss', secretIndex: 0, at: 127, shift: 'lowest-other' }).header ?? '';
    expect(header.slice(0, -1)).toBe(`sha512=${mine.slice(0, -1)}`);
    expect(header.at(-1)).toBe(mine.at(-1) === '0' ? '1' : '0');
  });

  it('refuses choices the contract rules out, with a UsageError', () => {
    const bad: SignatureCaseChoice[] = [
      { label: 'wrong-secret', secret: 'receiver-secret-older' },
      { label: 'valid-single', secretIndex: 2 },
      { label: 'rotation', secretIndex: 0, otherSecrets: ['a', 'b', 'c', 'd', 'e'], position: 0 },
      { label: 'rotation', secretIndex: 0, otherSecrets: ['a'], position: 2 },
      { label: 'rotation', secretIndex: 0, otherSecrets: ['receiver-secret-current'], position: 0 },
      { label: 'near-miss', secretIndex: 0, at: 128, shift: 1 },
      { label: 'near-miss', secretIndex: 0, at: 0, shift: 16 },
    ];
    for (const c of bad) expect(() => buildSignatureCase(body, receiverSecrets, c)).toThrow(UsageError);
  });
});
