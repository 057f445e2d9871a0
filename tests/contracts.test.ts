import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anyEventArbitrary } from '../src/arbitraries';
import { signatureVectorsJson } from '../src/signing/signatureVectorsJson';
import { verifySignature, type SignatureVector } from '../src/signing';
import { defaultEngine } from './support/engine';

const committed = readFileSync(join(__dirname, '..', 'contracts', 'signature-vectors.json'), 'utf8');

describe('contracts/signature-vectors.json', () => {
  it('is what `npm run vectors` generates today (never stale)', () => {
    expect(committed).toBe(signatureVectorsJson(anyEventArbitrary(defaultEngine().catalogue)));
  });

  it('holds one vector per label, each verdict agreeing with the verifier', () => {
    const { vectors } = JSON.parse(committed) as { vectors: SignatureVector[] };
    expect(new Set(vectors.map((v) => v.label)).size).toBe(19);
    for (const v of vectors) {
      const valid = verifySignature(Buffer.from(v.body, 'utf8'), v.header ?? undefined, v.secrets).valid;
      expect([v.label, valid]).toEqual([v.label, v.expected === 'accept']);
    }
  });
});
