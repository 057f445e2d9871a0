import fc from 'fast-check';
import { buildSignatureVectors, serialiseSignatureVectors, verifySignature, type SignatureVector } from '../../src/signing';
import { SIGNATURE_LABELS, labelRequirement } from '../../src/contract';
import { EVENT_BODY } from './support/arbitraries';
import { specSignaturePattern } from './support/specPattern';
import { thrownCode } from './support/thrownCode';

const BODIES = [EVENT_BODY.toString('utf8'), '{ "type" : "ping",\n  "data": {} }', ''];

describe('buildSignatureVectors', () => {
  const vectors = buildSignatureVectors({ bodies: BODIES, seed: 7, perLabel: 2 });

  it('covers every label perLabel times, in label order, each citing its requirement', () => {
    expect(vectors.map((vector) => vector.label)).toEqual(SIGNATURE_LABELS.flatMap((label) => [label, label]));
    for (const vector of vectors) expect(vector.requirement).toBe(labelRequirement(vector.label));
  });

  it('expects what our verifier answers for every vector', () => {
    for (const vector of vectors) {
      const verification = verifySignature(vector.body, vector.header ?? undefined, vector.secrets);
      expect({ label: vector.label, valid: verification.valid }).toEqual({ label: vector.label, valid: vector.expected === 'accept' });
    }
  });

  it('uses the bodies in turn, storing the changed body for body-changed', () => {
    // The body-changed branch below must run: the vectors hold such cases.
    expect(vectors.some((vector) => vector.label === 'body-changed')).toBe(true);
    vectors.forEach((vector, index) => {
      const source = BODIES[index % BODIES.length] ?? '';
      if (vector.label !== 'body-changed') {
        expect(vector.body).toBe(source);
        return;
      }
      if (source === '') {
        expect(vector.body).toHaveLength(1);
        return;
      }
      expect(vector.body).toHaveLength(source.length);
      expect(vector.body).not.toBe(source);
    });
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const again = buildSignatureVectors({ bodies: BODIES, seed: 7, perLabel: 2 });
    expect(serialiseSignatureVectors(again)).toBe(serialiseSignatureVectors(vectors));
    expect(serialiseSignatureVectors(buildSignatureVectors({ bodies: BODIES, seed: 8, perLabel: 2 }))).not.toBe(serialiseSignatureVectors(vectors));
  });

  it("does not depend on fast-check's global configuration", () => {
    const saved = fc.readConfigureGlobal();
    try {
      // A replay path reaches the global configuration through a spread, as in tests/setup/fastCheck.ts.
      const replay = { path: '0:1' };
      fc.configureGlobal({ ...saved, seed: 1, numRuns: 3, baseSize: 'xlarge', ...replay });
      expect(serialiseSignatureVectors(buildSignatureVectors({ bodies: BODIES, seed: 7, perLabel: 2 }))).toBe(serialiseSignatureVectors(vectors));
    } finally {
      fc.configureGlobal(saved);
    }
  });

  it('makes up plain test secrets, never the same twice within a vector', () => {
    for (const vector of vectors) {
      expect(vector.secrets.length).toBeGreaterThanOrEqual(1);
      expect(new Set(vector.secrets).size).toBe(vector.secrets.length);
      for (const secret of vector.secrets) expect(secret).toMatch(/^test-secret-[A-Za-z0-9]{16}$/);
    }
  });

  it('refuses bodies it cannot turn into vectors, and nonsense counts', () => {
    expect(thrownCode(() => buildSignatureVectors({ bodies: [], seed: 1 }))).toBe('USAGE');
    expect(() => buildSignatureVectors({ bodies: ['é'], seed: 1 })).toThrow(/no ASCII character/);
    expect(thrownCode(() => buildSignatureVectors({ bodies: ['{}'], seed: 1.5 }))).toBe('USAGE');
    expect(thrownCode(() => buildSignatureVectors({ bodies: ['{}'], seed: 1, perLabel: 0 }))).toBe('USAGE');
  });
});

describe('serialiseSignatureVectors', () => {
  const vectors = buildSignatureVectors({ bodies: ['{"type":"ping"}'], seed: 1 });
  const text = serialiseSignatureVectors(vectors);
  const document = JSON.parse(text) as { description: unknown; algorithm: unknown; headerGrammar: unknown; vectors: SignatureVector[] };

  it('writes one pretty JSON document: description, algorithm, header grammar, vectors', () => {
    expect(Object.keys(document)).toEqual(['description', 'algorithm', 'headerGrammar', 'vectors']);
    expect(document.algorithm).toBe('HMAC-SHA-512');
    expect(document.headerGrammar).toBe(specSignaturePattern());
    expect(document.description).toEqual(expect.stringContaining('HMAC-SHA-512'));
    expect(text).toMatch(/^\{\n {2}"description": /);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps every vector, with its fields in a fixed order and a null for a missing header', () => {
    expect(document.vectors).toEqual(vectors);
    for (const vector of document.vectors) expect(Object.keys(vector)).toEqual(['label', 'requirement', 'secrets', 'body', 'header', 'expected']);
    expect(document.vectors.find((vector) => vector.label === 'missing-header')?.header).toBeNull();
  });

  it('writes the same text whatever order the caller built each vector in', () => {
    const shuffled = vectors.map(({ expected, header, body, secrets, requirement, label }) => ({ expected, header, body, secrets, requirement, label }));
    expect(serialiseSignatureVectors(shuffled)).toBe(text);
  });
});
