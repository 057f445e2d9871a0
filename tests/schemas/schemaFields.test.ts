import { join } from 'node:path';
import fc from 'fast-check';
import { eventArbitrary } from '../../src/arbitraries';
import { createEngine } from '../../src/engine';
import { pointerSegments } from '../../src/jsonPointer';
import { schemaFields, fieldPaths } from '../../src/schemas/schemaFields';
import { isSchemaObject, type SchemaObject } from '../../src/spec/types';
import { defaultEngine } from '../support/engine';

// The project's spec has no arrays; the future-spec fixture has arrays of objects, so `items` is walked for real.
// The third column says which has arrays, so a law about array items cannot pass by never applying.
const engines: ReadonlyArray<[string, () => ReturnType<typeof createEngine>, { hasArrays: boolean }]> = [
  ['the spec', defaultEngine, { hasArrays: false }],
  ['a future spec', () => createEngine({ specPath: join(__dirname, '..', 'fixtures', 'specs', 'future-spec.yaml') }), { hasArrays: true }],
];

/** The schema a pointer names, walking `properties` and (for index segments) `items`; undefined when it names none. */
function schemaAt(root: SchemaObject, pointer: string): SchemaObject | undefined {
  let node: SchemaObject = root;
  for (const segment of pointerSegments(pointer)) {
    const properties: unknown = node.properties;
    if (isSchemaObject(properties) && Object.hasOwn(properties, segment) && isSchemaObject(properties[segment])) node = properties[segment];
    else if (/^\d+$/.test(segment) && isSchemaObject(node.items)) node = node.items;
    else return undefined;
  }
  return node;
}

/** Whether a pointer names a value present in `event`. */
function resolves(event: unknown, pointer: string): boolean {
  let node: unknown = event;
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

describe.each(engines)('schemaFields over %s', (_name, engine, { hasArrays }) => {
  it('yields only pointers that name that very schema, each once, parents before children', () => {
    for (const eventType of engine().catalogue.types) {
      const fields = schemaFields(eventType.schema, { arrays: true });
      expect(fields.length).toBeGreaterThan(0);
      expect(new Set(fields.map((f) => f.pointer)).size).toBe(fields.length);
      fields.forEach((field, i) => {
        expect(schemaAt(eventType.schema, field.pointer)).toBe(field.schema);
        const parent = field.pointer.slice(0, field.pointer.lastIndexOf('/'));
        if (parent !== '') expect(fields.findIndex((f) => f.pointer === parent)).toBeLessThan(i);
      });
    }
  });

  it('without arrays, yields exactly the fields outside arrays, required/optional split by presence', () => {
    for (const eventType of engine().catalogue.types) {
      const all = schemaFields(eventType.schema, { arrays: true });
      expect(schemaFields(eventType.schema)).toEqual(all.filter((f) => !f.inArray));
      const paths = fieldPaths(eventType.schema);
      expect([...paths.required, ...paths.optional].sort()).toEqual(
        all
          .filter((f) => !f.inArray)
          .map((f) => f.pointer)
          .sort(),
      );
      expect(paths.required.every((p) => all.find((f) => f.pointer === p)?.alwaysPresent === true)).toBe(true);
    }
  });

  it('every always-present field is in every generated event, every field outside arrays in every complete one', () => {
    for (const eventType of engine().catalogue.types) {
      const fields = schemaFields(eventType.schema, { arrays: true });
      const always = fields.filter((f) => f.alwaysPresent).map((f) => f.pointer);
      const outsideArrays = fields.filter((f) => !f.inArray).map((f) => f.pointer);
      fc.assert(
        fc.property(eventArbitrary(eventType, { presence: 'minimal' }), eventArbitrary(eventType, { presence: 'full' }), (minimal, full) => {
          expect(always.filter((p) => !resolves(minimal, p))).toEqual([]);
          expect(outsideArrays.filter((p) => !resolves(full, p))).toEqual([]);
        }),
        { numRuns: 20 },
      );
    }
  });

  it('an array item field is in a complete event whenever its array has a first item', () => {
    let judged = 0;
    for (const eventType of engine().catalogue.types) {
      const inArrays = schemaFields(eventType.schema, { arrays: true }).filter((f) => f.inArray && f.requiredInParent);
      fc.assert(
        fc.property(eventArbitrary(eventType, { presence: 'full' }), (full) => {
          for (const field of inArrays) {
            const parent = field.pointer.slice(0, field.pointer.lastIndexOf('/'));
            if (!resolves(full, parent)) continue;
            expect(resolves(full, field.pointer)).toBe(true);
            judged += 1;
          }
        }),
        { numRuns: 20 },
      );
    }
    // Where the spec has arrays, some generated array really had a first item: the law was applied.
    expect(judged > 0).toBe(hasArrays);
  });
});

it('the future spec really has array item fields, some of them filled in generated events (so the array tests judge something)', () => {
  const future = engines[1]?.[1];
  if (future === undefined) throw new Error('the future spec engine is missing from the list');
  const found = future().catalogue.types.flatMap((t) =>
    schemaFields(t.schema, { arrays: true })
      .filter((f) => f.inArray)
      .map((f) => ({ type: t, pointer: f.pointer })),
  );
  expect(found.length).toBeGreaterThan(0);
  const filled = found.some(({ type, pointer }) => fc.sample(eventArbitrary(type, { presence: 'full' }), 20).some((event) => resolves(event, pointer)));
  expect(filled).toBe(true);
});
