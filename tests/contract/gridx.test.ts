import fc from 'fast-check';
import { CONTRACT_REQUIREMENTS, REQUIREMENTS, SENDER_REQUIREMENTS, gridx, listStatuses, retryDelayMs, requirement } from '../../src/contract';
import { InternalError } from '../../src/errors';

describe('gridx, the one instance of WebhookContract', () => {
  it("states gridX's rules (receiver-contract.md)", () => {
    expect(gridx).toEqual({
      provider: 'gridX',
      signature: { header: 'X-Signature', algorithm: 'sha512', label: 'sha512', hexDigits: 128, digests: { min: 1, max: 5 }, timestampToleranceMs: undefined },
      deadlineMs: 5000,
      retry: { retries: 5, baseDelayMs: 1000, factor: 2 },
      statuses: { success: [200, 201, 202, 204], transient: [408, 429, 500, 502, 503, 504], gone: [410] },
    });
  });

  it('cannot be changed at run time, at any depth', () => {
    expect(Object.isFrozen(gridx) && Object.isFrozen(gridx.signature) && Object.isFrozen(gridx.signature.digests) && Object.isFrozen(gridx.statuses.success)).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it("gives gridX's waits: 1 s, then doubling, over the five retries", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(gridx.retry, n))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('grows by the factor from each retry to the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 }), (baseDelayMs, factor, n) => {
        const policy = { retries: 8, baseDelayMs, factor };
        expect(retryDelayMs(policy, 1)).toBe(baseDelayMs);
        expect(retryDelayMs(policy, n + 1)).toBe(retryDelayMs(policy, n) * factor);
      }),
    );
  });
});

describe('the requirements of both sides', () => {
  it('tags every requirement with its side, ids unique across both', () => {
    expect(new Set(REQUIREMENTS.map((r) => r.side))).toEqual(new Set(['receiver']));
    expect(SENDER_REQUIREMENTS.map((r) => [r.id, r.side])).toEqual([
      ['SND-1', 'sender'],
      ['SND-2', 'sender'],
      ['SND-3', 'sender'],
    ]);
    const ids = CONTRACT_REQUIREMENTS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(REQUIREMENTS.length + 3);
  });

  it('words the numbers from gridx, as receiver-contract.md states them', () => {
    expect(requirement('DLV-1').summary).toBe('every delivery is answered within 5 seconds');
    expect(requirement('SIG-6').summary).toBe('2 to 5 digests with one matching, at any position, are accepted');
    expect(requirement('SIG-7').summary).toBe('2 to 5 digests with none matching are rejected with 401');
  });

  it('refuses an unknown receiver requirement', () => {
    expect(() => requirement('SIG-99' as never)).toThrow(InternalError);
  });
});

describe('listStatuses', () => {
  it("writes the contract's classes as messages word them", () => {
    expect(listStatuses(gridx.statuses.success, 'or')).toBe('200, 201, 202 or 204');
    expect(listStatuses(gridx.statuses.transient)).toBe('408, 429, 500, 502, 503, 504');
    expect(listStatuses(gridx.statuses.gone, 'and')).toBe('410');
    expect(listStatuses([], 'and')).toBe('');
  });
});
