import { HookproofError } from '../../src/errors';
import { hmacSha512Hex, sign } from '../../src/signing';
import { thrownCode } from './support/thrownCode';

describe('sign', () => {
  const body = '{"type":"ping"}';

  it("writes gridX's canonical form: one lower-case digest per secret, in order, joined by ', '", () => {
    const [a, b] = [hmacSha512Hex(body, 'old'), hmacSha512Hex(body, 'new')];
    expect(sign(body, ['old'])).toBe(`sha512=${a}`);
    expect(sign(body, ['old', 'new'])).toBe(`sha512=${a}, sha512=${b}`);
  });

  it('writes the other forms the spec allows on request', () => {
    const [a, b] = [hmacSha512Hex(body, 'old'), hmacSha512Hex(body, 'new')];
    expect(sign(body, ['old', 'new'], { uppercase: true, separator: ',' })).toBe(`sha512=${a.toUpperCase()},sha512=${b.toUpperCase()}`);
  });

  it('signs with more than the five secrets gridX uses, for tests that go beyond it', () => {
    expect(sign(body, ['1', '2', '3', '4', '5', '6']).split(', ')).toHaveLength(6);
  });

  it('refuses to sign without a secret, as a usage error', () => {
    expect(() => sign(body, [])).toThrow(HookproofError);
    expect(thrownCode(() => sign(body, []))).toBe('USAGE');
  });
});
