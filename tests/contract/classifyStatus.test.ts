import fc from 'fast-check';
import { classifyStatus, gridx, type WebhookContract } from '../../src/contract';

// receiver-contract.md's table, written out independently of the contract under test.
function byTheTable(status: number): string {
  if ([200, 201, 202, 204].includes(status)) return 'success';
  if ([408, 429, 500, 502, 503, 504].includes(status)) return 'transient';
  return status === 410 ? 'gone' : 'permanent';
}

describe('classifyStatus (gridX)', () => {
  it('classifies every status from 100 to 599 as receiver-contract.md says', () => {
    const statuses = Array.from({ length: 500 }, (_, i) => 100 + i);
    expect(statuses.map((s) => [s, classifyStatus(s)])).toEqual(statuses.map((s) => [s, byTheTable(s)]));
  });

  it('has closed, disjoint classes: each listed status in exactly its class, the rest permanent', () => {
    const { success, transient, gone } = gridx.statuses;
    const listed = [...success, ...transient, ...gone];
    expect(new Set(listed).size).toBe(listed.length);
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        const expected = success.includes(status) ? 'success' : transient.includes(status) ? 'transient' : gone.includes(status) ? 'gone' : 'permanent';
        expect(classifyStatus(status)).toBe(expected);
      }),
    );
  });
});

describe('classifyStatus for another provider', () => {
  // Not a second provider hookproof ships: a test-local instance showing the shape carries the rule.
  const other: WebhookContract = { ...gridx, provider: 'other', statuses: { success: [200], transient: [503], gone: [404, 410] } };

  it("reads the provider's own classes, not gridX's", () => {
    expect([200, 202, 503, 500, 404, 410, 204].map((s) => classifyStatus(s, other))).toEqual(['success', 'permanent', 'transient', 'permanent', 'gone', 'gone', 'permanent']);
    expect([202, 500, 404].map((s) => classifyStatus(s))).toEqual(['success', 'transient', 'permanent']);
  });
});
