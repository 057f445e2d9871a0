import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha512Hex, signatureCaseArbitrary, verifySignature } from '../../src/signing';
import { SIGNATURE_LABELS, labelRequirement, type SignatureCase, type SignatureLabel } from '../../src/contract';
import { parseSignatureHeader } from '../../src/contract';
import { anyBody, EVENT_BODY, realisticSecrets } from './support/arbitraries';
import { thrownCode } from './support/thrownCode';

/** A body, the receiver's secrets, and one case generated for them. */
const scenario = (labels?: readonly SignatureLabel[], secrets = realisticSecrets) =>
  fc
    .tuple(anyBody, secrets)
    .chain(([body, receiverSecrets]) => signatureCaseArbitrary(body, receiverSecrets, labels).map((signatureCase) => ({ body, receiverSecrets, signatureCase })));

const CANONICAL = /^sha512=[0-9a-f]{128}(?:, sha512=[0-9a-f]{128})*$/;
const ACCEPTED: ReadonlySet<SignatureLabel> = new Set(['valid-single', 'rotation', 'uppercase-hex', 'no-space-separator']);

/** How many of the header's digests a receiver secret made, over the bytes actually sent. */
function matchingDigests(signatureCase: SignatureCase, receiverSecrets: readonly string[]): number {
  const parsed = parseSignatureHeader(signatureCase.header ?? '');
  const expected = new Set(receiverSecrets.map((secret) => hmacSha512Hex(signatureCase.body, secret)));
  return parsed.ok ? parsed.digests.filter((hex) => expected.has(hex)).length : 0;
}

function digestCount(header: string | undefined): number {
  const parsed = parseSignatureHeader(header ?? '');
  return parsed.ok ? parsed.digests.length : 0;
}

describe('signatureCaseArbitrary', () => {
  it('lists every label once, each citing its requirement', () => {
    expect(new Set(SIGNATURE_LABELS).size).toBe(19);
    expect(SIGNATURE_LABELS.map((label) => [label, labelRequirement(label)])).toEqual([
      ['valid-single', 'SIG-1'],
      ['rotation', 'SIG-6'],
      ['uppercase-hex', 'SIG-9'],
      ['no-space-separator', 'SIG-9'],
      ['missing-header', 'SIG-2'],
      ['empty-value', 'SIG-5'],
      ['wrong-secret', 'SIG-3'],
      ['body-changed', 'SIG-4'],
      ['no-prefix', 'SIG-5'],
      ['sha256-prefix', 'SIG-5'],
      ['sha1-prefix', 'SIG-5'],
      ['non-hex', 'SIG-5'],
      ['too-short', 'SIG-5'],
      ['too-long', 'SIG-5'],
      ['truncated-64', 'SIG-5'],
      ['garbage-around', 'SIG-5'],
      ['none-matching', 'SIG-7'],
      ['near-miss', 'SIG-12'],
      ['near-miss-rotation', 'SIG-12'],
    ]);
  });

  it('makes SIG-12 near misses: canonical digests, none matching, exactly one a receiver digest with one hex digit changed (first, middle or last)', () => {
    const positions = new Set<string>();
    fc.assert(
      fc.property(scenario(['near-miss', 'near-miss-rotation']), ({ receiverSecrets, signatureCase }) => {
        expect(signatureCase.header).toMatch(CANONICAL);
        const parsed = parseSignatureHeader(signatureCase.header ?? '');
        const own = receiverSecrets.map((secret) => hmacSha512Hex(signatureCase.body, secret));
        const off = parsed.ok
          ? parsed.digests.flatMap((hex) => own.map((mine) => Array.from({ length: 128 }, (_, i) => i).filter((i) => hex[i] !== mine[i])).filter((d) => d.length <= 1))
          : [];
        expect(off.map((d) => d.length)).toEqual([1]);
        const at = off[0]?.[0] ?? -1;
        positions.add(at === 0 ? 'first' : at === 127 ? 'last' : 'middle');
        expect(digestCount(signatureCase.header)).toBe(signatureCase.label === 'near-miss' ? 1 : digestCount(signatureCase.header));
        if (signatureCase.label === 'near-miss-rotation') expect(digestCount(signatureCase.header)).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
    expect([...positions].sort()).toEqual(['first', 'last', 'middle']);
  });

  it('expects acceptance exactly when our verifier (the spec grammar) accepts, for the right reason', () => {
    fc.assert(
      fc.property(scenario(), ({ receiverSecrets, signatureCase }) => {
        const { label, requirement, expected, header, body } = signatureCase;
        expect(requirement).toBe(labelRequirement(label));
        expect(expected).toBe(ACCEPTED.has(label) ? 'accept' : 'reject');
        const verification = verifySignature(body, header, receiverSecrets);
        expect(verification.valid).toBe(expected === 'accept');
        if (!verification.valid) {
          const reason = label === 'missing-header' ? 'missing' : requirement === 'SIG-5' ? 'malformed' : 'no-match';
          expect(verification.reason).toBe(reason);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('puts exactly one receiver digest in accepted cases and none in forged ones', () => {
    fc.assert(
      fc.property(
        scenario(['valid-single', 'rotation', 'uppercase-hex', 'no-space-separator', 'wrong-secret', 'body-changed', 'none-matching']),
        ({ receiverSecrets, signatureCase }) => {
          expect(matchingDigests(signatureCase, receiverSecrets)).toBe(signatureCase.expected === 'accept' ? 1 : 0);
        },
      ),
    );
  });

  it('never signs a forgery with a receiver secret, even when the receiver holds short, common secrets', () => {
    const tinySecrets = fc.uniqueArray(fc.string({ maxLength: 1 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(scenario(['rotation', 'wrong-secret', 'none-matching'], tinySecrets), ({ receiverSecrets, signatureCase }) => {
        expect(matchingDigests(signatureCase, receiverSecrets)).toBe(signatureCase.label === 'rotation' ? 1 : 0);
      }),
    );
  });

  it('writes SIG-1 to SIG-7 headers in the canonical form, and SIG-9 headers in the other one', () => {
    const labelsSeen = new Set<string>();
    fc.assert(
      fc.property(scenario(), ({ signatureCase: { label, requirement, header } }) => {
        labelsSeen.add(label);
        const wellFormed = parseSignatureHeader(header ?? '').ok;
        if (requirement !== 'SIG-9' && wellFormed) expect(header).toMatch(CANONICAL);
        // Malformed headers too: every digest-like run of hex is lower-case (junk around it may not be).
        const hexRuns = header?.match(/[0-9a-fA-F]{40,}/g) ?? [];
        if (requirement !== 'SIG-9') for (const run of hexRuns) expect(run).toBe(run.toLowerCase());
        if (label === 'uppercase-hex') expect(header).toMatch(/^sha512=[0-9A-F]{128}(?:, sha512=[0-9A-F]{128})*$/);
        if (label === 'no-space-separator') expect(header).toMatch(/^sha512=[0-9a-f]{128}(?:,sha512=[0-9a-f]{128})+$/);
      }),
    );
    // The label-specific forms above were really checked, not skipped because no case had the label.
    expect([...labelsSeen]).toEqual(expect.arrayContaining(['uppercase-hex', 'no-space-separator']));
  });

  it('holds 1 to 5 digests, as many as each label promises', () => {
    const range: Partial<Record<SignatureLabel, [number, number]>> = {
      'valid-single': [1, 1],
      'wrong-secret': [1, 1],
      'body-changed': [1, 1],
      rotation: [2, 5],
      'none-matching': [2, 5],
      'uppercase-hex': [1, 5],
      'no-space-separator': [2, 5],
    };
    fc.assert(
      fc.property(scenario(Object.keys(range) as SignatureLabel[]), ({ signatureCase: { label, header } }) => {
        const [min, max] = range[label] ?? [0, 0];
        expect(digestCount(header)).toBeGreaterThanOrEqual(min);
        expect(digestCount(header)).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('builds each malformed header around a real digest, broken in the way its label says', () => {
    fc.assert(
      fc.property(
        scenario(['no-prefix', 'sha256-prefix', 'sha1-prefix', 'non-hex', 'too-short', 'too-long', 'truncated-64', 'garbage-around']),
        ({ receiverSecrets, signatureCase }) => {
          const { label, header = '', body } = signatureCase;
          const digests = receiverSecrets.map((secret) => hmacSha512Hex(body, secret));
          const other = (algorithm: string) => receiverSecrets.map((secret) => createHmac(algorithm, secret).update(body).digest('hex'));
          const hex = header.replace(/^sha512=/, '');
          switch (label) {
            case 'no-prefix':
              expect(digests).toContain(header);
              return;
            case 'sha256-prefix':
              expect(other('sha256').map((d) => `sha256=${d}`)).toContain(header);
              return;
            case 'sha1-prefix':
              expect(other('sha1').map((d) => `sha1=${d}`)).toContain(header);
              return;
            case 'non-hex': {
              const at = hex.search(/[g-z]/);
              expect(hex).toHaveLength(128);
              expect(hex.slice(at + 1)).toMatch(/^[0-9a-f]*$/);
              expect(digests.some((d) => d.slice(0, at) === hex.slice(0, at) && d.slice(at + 1) === hex.slice(at + 1))).toBe(true);
              return;
            }
            case 'too-short':
              expect(hex.length).toBeGreaterThanOrEqual(1);
              expect(hex.length).toBeLessThanOrEqual(127);
              expect(digests.some((d) => d.startsWith(hex))).toBe(true);
              return;
            case 'too-long':
              expect(hex).toMatch(/^[0-9a-f]{129,256}$/);
              expect(digests).toContain(hex.slice(0, 128));
              return;
            case 'truncated-64':
              expect(digests.map((d) => d.slice(0, 64))).toContain(hex);
              return;
            case 'garbage-around': {
              const valid = digests.map((d) => `sha512=${d}`).find((candidate) => header.includes(candidate)) ?? '';
              expect(valid).not.toBe('');
              // Junk of hex digits would lengthen the digest: a too-long case under another name.
              expect(header.replace(valid, '')).not.toMatch(/[0-9a-fA-F]/);
              // Non-whitespace at both ends: HTTP would strip whitespace and leave a valid header.
              expect(header).toMatch(/^\S.*\S$/);
              return;
            }
            default:
              throw new Error(`unexpected label ${label}`);
          }
        },
      ),
    );
  });

  it('produces headers that travel unchanged over HTTP', () => {
    fc.assert(
      fc.property(scenario(), ({ signatureCase: { header } }) => {
        if (header !== undefined && header !== '') expect(header).toMatch(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/);
      }),
    );
  });

  it('sends the body unchanged, except for body-changed, where exactly one byte differs', () => {
    let changedBodies = 0;
    fc.assert(
      fc.property(scenario(), ({ body, signatureCase }) => {
        const sent = signatureCase.body;
        if (signatureCase.label !== 'body-changed') {
          expect(sent.equals(Buffer.from(body))).toBe(true);
          return;
        }
        if (body.length === 0) {
          expect(sent).toHaveLength(1);
          return;
        }
        expect(sent).toHaveLength(body.length);
        expect(sent.filter((byte, i) => byte !== body[i])).toHaveLength(1);
        changedBodies += 1;
      }),
    );
    // The one-byte-differs branch ran, not only the unchanged-body one.
    expect(changedBodies).toBeGreaterThan(0);
  });

  it('keeps a JSON body valid JSON when it changes a byte inside a string', () => {
    fc.assert(
      fc.property(scenario(['body-changed']), ({ signatureCase: { body, detail } }) => {
        if (/in a JSON (string value|object key)/.test(detail)) expect(() => JSON.parse(body.toString('utf8')) as unknown).not.toThrow();
      }),
    );
    const onEvent = fc.sample(signatureCaseArbitrary(EVENT_BODY, ['s'], ['body-changed']), 50);
    for (const { body, detail } of onEvent) {
      expect(detail).toMatch(/in a JSON string value/);
      expect(JSON.parse(body.toString('utf8'))).toEqual(expect.objectContaining({ type: expect.any(String) }));
    }
  });

  it('describes every case without revealing a receiver secret', () => {
    fc.assert(
      fc.property(scenario(), ({ receiverSecrets, signatureCase: { detail } }) => {
        expect(detail.length).toBeGreaterThan(0);
        for (const secret of receiverSecrets) expect(detail).not.toContain(secret);
      }),
    );
  });

  it('draws only the labels asked for', () => {
    fc.assert(
      fc.property(scenario(['rotation', 'too-long']), ({ signatureCase: { label } }) => {
        expect(['rotation', 'too-long']).toContain(label);
      }),
    );
  });

  it('gives every case its own body buffer', () => {
    const [first, second] = fc.sample(signatureCaseArbitrary(EVENT_BODY, ['s'], ['valid-single']), 2);
    expect(first?.body).not.toBe(second?.body);
  });

  it('refuses to run without a secret, without a label, or with an unknown label', () => {
    const body = new Uint8Array(EVENT_BODY);
    expect(thrownCode(() => signatureCaseArbitrary(body, []))).toBe('USAGE');
    expect(thrownCode(() => signatureCaseArbitrary(body, ['s'], []))).toBe('USAGE');
    expect(() => signatureCaseArbitrary(body, ['s'], ['nope' as SignatureLabel])).toThrow(/unknown signature case label\(s\) nope/);
  });
});
