import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { envelopeVerifies, keyIdOf, preAuthEncoding, signEnvelope } from '../../src/attest/dsse';

describe('DSSE envelopes signed with Ed25519', () => {
  const gridx = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const type = 'application/vnd.in-toto+json';

  it("encodes DSSE v1's pre-authentication exactly as the protocol's example", () => {
    // From the DSSE protocol document: PAE("http://example.com/HelloWorld", "hello world").
    expect(preAuthEncoding('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    // Lengths are bytes, not characters.
    expect(preAuthEncoding('t', Buffer.from('é', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 2 é');
  });

  it('verifies with the signing key only; any changed payload byte or payload type fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), (bytes, at) => {
        const payload = Buffer.from(bytes);
        const envelope = signEnvelope(type, payload, gridx.privateKey);
        expect(envelopeVerifies(envelope, gridx.publicKey)).toBe(true);
        expect(envelopeVerifies(envelope, other.publicKey)).toBe(false);
        const changed = Buffer.from(payload);
        const index = at % changed.length;
        changed[index] = (changed[index] ?? 0) ^ 0x01;
        expect(envelopeVerifies({ ...envelope, payload: changed.toString('base64') }, gridx.publicKey)).toBe(false);
        expect(envelopeVerifies({ ...envelope, payloadType: 'application/json' }, gridx.publicKey)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('names the key by the SHA-256 of its public half, and never carries the key', () => {
    const envelope = signEnvelope(type, Buffer.from('{}'), gridx.privateKey);
    expect(envelope.signatures).toEqual([{ keyid: keyIdOf(createPublicKey(gridx.privateKey)), sig: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) }]);
    expect(keyIdOf(gridx.privateKey)).toBe(keyIdOf(gridx.publicKey));
    const pem = gridx.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const body = pem
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('-----'))
      .join('');
    expect(JSON.stringify(envelope)).not.toContain(body.slice(-40));
  });

  it('treats a garbage signature as invalid, not as an error', () => {
    const envelope = signEnvelope(type, Buffer.from('{}'), gridx.privateKey);
    expect(envelopeVerifies({ ...envelope, signatures: [{ keyid: 'x', sig: '!!!' }] }, gridx.publicKey)).toBe(false);
    expect(envelopeVerifies({ ...envelope, signatures: [] }, gridx.publicKey)).toBe(false);
  });
});
