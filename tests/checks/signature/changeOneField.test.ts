import fc from 'fast-check';
import { anyEventArbitrary, type GeneratedEvent } from '../../../src/arbitraries';
import { changeOneField } from '../../../src/checks/signature/changeOneField';
import { serialiseEvent } from '../../../src/serialise';
import { defaultEngine } from '../../support/engine';

const { catalogue, validators } = defaultEngine();

function leaves(value: unknown, pointer = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, `${pointer}/${k}`)) out.set(p, leaf);
  } else out.set(pointer, value);
  return out;
}

const changed = anyEventArbitrary(catalogue).chain((event) => changeOneField(event).map((change) => ({ event, change })));

describe('changeOneField', () => {
  it('changes exactly one field value, never the id, and keeps the key order', () => {
    fc.assert(
      fc.property(changed, ({ event, change }) => {
        const before = leaves(event);
        const after = leaves(change.event);
        expect([...after.keys()]).toEqual([...before.keys()]);
        const differing = [...before.keys()].filter((p) => !Object.is(before.get(p), after.get(p)));
        expect(differing).toHaveLength(1);
        expect(differing[0]).not.toBe('/id');
        expect(change.detail.startsWith(`${differing[0] ?? ''} changed from `)).toBe(true);
        expect(serialiseEvent(change.event).equals(serialiseEvent(event))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('mostly keeps the event valid (small changes within the kind of value)', () => {
    const samples = fc.sample(changed, { numRuns: 300 });
    const valid = samples.filter(({ change }) => validators.validateBytes(serialiseEvent(change.event)).valid).length;
    expect(valid / samples.length).toBeGreaterThan(0.5);
  });

  it('shrinks toward the first field after the id, and leaves the input alone', () => {
    const event: GeneratedEvent = { id: 'e1', accountID: 'acc-9', data: { on: true, power: -5, big: 2 ** 63, list: ['Zz'] } };
    const copy = structuredClone(event);
    const all = fc.sample(changeOneField(event), { numRuns: 200 }).map((c) => c.detail);
    expect(new Set(all)).toEqual(
      new Set([
        '/accountID changed from "acc-9" to "bcc-9"',
        '/data/on changed from true to false',
        '/data/power changed from -5 to -4',
        '/data/big changed from 9223372036854775808 to 4611686018427387904',
        '/data/list/0 changed from "Zz" to "Gz"',
      ]),
    );
    expect(event).toEqual(copy);
    expect(() => changeOneField({ id: 'only-an-id' })).toThrow('no field value to change');
  });
});
