import fc from 'fast-check';
import { redactSecrets, redactValue, REDACTED, secretStrength } from '../../src/reports';
import { leakedForms, leakForms, SECRET } from './support/secret';

describe('redactSecrets', () => {
  it('redacts the secret and every encoded form of it', () => {
    for (const [name, form] of Object.entries(leakForms())) {
      const out = redactSecrets(`before ${form} after`, [SECRET]);
      expect({ name, leaked: leakedForms(out) }).toEqual({ name, leaked: [] });
      // Only base64's last character can survive: it mixes the secret's last bits with what follows.
      expect(out).toMatch(new RegExp(`^before \\[redacted\\][A-Za-z0-9+/]? after$`));
    }
  });

  it('redacts a secret whose bytes sit at any offset inside base64 (bodies are stored base64)', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', '{"s":"']) {
      const base64 = Buffer.from(`${prefix}${SECRET} and more`).toString('base64');
      expect(leakedForms(redactSecrets(base64, [SECRET]))).toEqual([]);
      expect(redactSecrets(base64, [SECRET])).toContain(REDACTED);
    }
  });

  it('leaves text without secrets unchanged, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 8 }).filter((s) => new Set(s).size >= 4 && /[a-z0-9]/i.test(s)),
        (text, secret) => {
          fc.pre(!text.includes(secret) && !text.includes(REDACTED));
          const once = redactSecrets(`${text}${secret}${text}`, [secret]);
          expect(redactSecrets(once, [secret])).toBe(once);
          expect(once).not.toContain(secret);
        },
      ),
    );
    expect(redactSecrets('nothing to hide here', [SECRET])).toBe('nothing to hide here');
  });

  it('never leaves a distinctive secret in the text, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const out = redactSecrets(`${before}${SECRET}${after}`, [SECRET]);
        expect(out).not.toContain(SECRET);
      }),
    );
  });

  it('redacts the longer of two overlapping secrets whole', () => {
    const short = 'rotation-key-1';
    const long = 'rotation-key-1-extended';
    expect(redactSecrets(`a ${long} b ${short} c`, [short, long])).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  describe('short, repetitive and empty secrets', () => {
    it('classifies secrets by how safely they can be redacted', () => {
      expect(secretStrength(SECRET)).toBe('full');
      expect(secretStrength('abc')).toBe('token');
      // Eight characters or more are redacted in every form, repetitive or not (hookproof refuses
      // shorter secrets; redaction works on values, so a broad match cannot corrupt a report).
      expect(secretStrength('aaaaaaaaaaaa')).toBe('full');
      expect(secretStrength('!!--!!--')).toBe('full');
      expect(secretStrength('')).toBe('none');
      expect(secretStrength('        ')).toBe('none');
      expect(secretStrength('!!--!!')).toBe('none');
    });

    it('does not redact everything for an empty or punctuation-only secret', () => {
      const text = '{\n        "a": "b"\n}';
      expect(redactSecrets(text, [''])).toBe(text);
      expect(redactSecrets(text, ['        '])).toBe(text);
    });

    it('redacts a short secret only where it stands as a whole token', () => {
      expect(redactSecrets('token=abc&x=1', ['abc'])).toBe(`token=${REDACTED}&x=1`);
      expect(redactSecrets('"abc"', ['abc'])).toBe(`"${REDACTED}"`);
      // Inside words it is ordinary text: "abcdef", "xabc", "test-abc-1" keep their letters.
      expect(redactSecrets('abcdef xabc test_abc abc-1', ['abc'])).toBe('abcdef xabc test_abc abc-1');
    });

    it('redacts the hex and base64 forms of a repetitive secret too', () => {
      const secret = 'aaaaaaaa';
      const hex = Buffer.from(`x${secret}y`).toString('hex');
      const base64 = Buffer.from(`xy${secret}z`).toString('base64');
      expect(redactSecrets(hex, [secret])).toContain(REDACTED);
      expect(redactSecrets(base64, [secret])).toContain(REDACTED);
      expect(redactSecrets(hex, [secret])).not.toContain(Buffer.from(secret).toString('hex'));
    });
  });
});

describe('redactValue', () => {
  it('redacts every string value of a nested value and keeps its structure', () => {
    const value = { a: [`x ${SECRET}`, 3, true, null], b: { c: JSON.stringify(SECRET) } };
    const out = redactValue(value, [SECRET]);
    expect(out).toEqual({ a: [`x ${REDACTED}`, 3, true, null], b: { c: `"${REDACTED}"` } });
    expect(leakedForms(JSON.stringify(out))).toEqual([]);
  });

  it('never touches a key, even one the secret spells (a report key is structure, not a leak)', () => {
    const value = { signature: { header: 'signature' }, checks: ['signature'] };
    expect(redactValue(value, ['signature'])).toEqual({ signature: { header: REDACTED }, checks: [REDACTED] });
  });
});
