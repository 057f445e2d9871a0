import { freshIds } from '../../../src/checks/delivery/freshIds';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('freshIds', () => {
  it('gives version-4 uuids that never repeat, the same sequence for the same seed and name', () => {
    const take = (next: () => string): string[] => Array.from({ length: 500 }, next);
    const ids = take(freshIds(7, 'dlv-duplicate-accepted'));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(take(freshIds(7, 'dlv-duplicate-accepted'))).toEqual(ids);
    expect(take(freshIds(8, 'dlv-duplicate-accepted'))[0]).not.toBe(ids[0]);
    expect(take(freshIds(7, 'dlv-out-of-order'))[0]).not.toBe(ids[0]);
  });
});
