/**
 * Small specs written by the tests themselves, around one event type `probe/event` whose `data`
 * is the schema under test. The envelope is the minimum the engine needs.
 */
export function specWithData(dataRef: string, schemas: Record<string, string>): string {
  const extra = Object.entries(schemas)
    .map(([name, body]) => `    ${name}:\n${body.replace(/^/gm, '      ')}`)
    .join('\n');
  return `openapi: 3.0.3
components:
  schemas:
    Root:
      oneOf:
        - $ref: '#/components/schemas/ProbeEvent'
      discriminator:
        propertyName: type
        mapping:
          probe/event: '#/components/schemas/ProbeEvent'
    ProbeEvent:
      type: object
      required: [id, type, data]
      properties:
        id:
          type: string
          format: uuid
        type:
          type: string
        data:
          $ref: '#/components/schemas/${dataRef}'
${extra}
`;
}

/** A tree: `Node.children[] → Node`, `Node.next → Node` (optional), and a mutual pair A ↔ B. */
export function recursiveSpec(): string {
  return specWithData('Node', {
    Node: `type: object
required: [name]
properties:
  name:
    type: string
    maxLength: 20
  weight:
    type: integer
    minimum: 0
  next:
    $ref: '#/components/schemas/Node'
  children:
    type: array
    items:
      $ref: '#/components/schemas/Node'
  pair:
    $ref: '#/components/schemas/A'`,
    A: `type: object
properties:
  b:
    $ref: '#/components/schemas/B'`,
    B: `type: object
properties:
  a:
    $ref: '#/components/schemas/A'
  label:
    type: boolean`,
  });
}

/**
 * The reference "diamond": level i has two properties that both reference level i+1, so the
 * inlined schema of level 0 has 2^levels leaves while the file grows by one schema per level.
 */
export function diamondSpec(levels: number): string {
  const schemas: Record<string, string> = {};
  for (let i = 0; i < levels; i += 1) {
    // About 1.4 KB per level, so 20 levels make a file of about 29 KB: small on disk, 2^20 leaves inlined.
    const prose = `Level ${i} of ${levels}: both of its properties are level ${i + 1}. `.repeat(22);
    schemas[`Level${i}`] = `type: object
description: >-
  ${prose.trim()}
properties:
  left:
    $ref: '#/components/schemas/Level${i + 1}'
  right:
    $ref: '#/components/schemas/Level${i + 1}'`;
  }
  schemas[`Level${levels}`] = `type: string\ndescription: The leaf.`;
  return specWithData('Level0', schemas);
}

/**
 * A probe event whose `data` has a nested `settings` object; `closed` puts
 * `additionalProperties: false` on `data` and on `settings` (and, with `root`, on the event).
 */
export function objectsSpec(closed: boolean, root = false): string {
  const close = closed ? '\nadditionalProperties: false' : '';
  const text = specWithData('Data', {
    Data: `type: object
required: [level]
properties:
  level:
    type: integer
    minimum: 0
    maximum: 100
  settings:
    type: object${close.replace(/\n/g, '\n    ')}
    properties:
      mode:
        type: string
        enum: [ECO, FAST]${close}`,
  });
  return root ? text.replace('    ProbeEvent:\n      type: object\n', '    ProbeEvent:\n      type: object\n      additionalProperties: false\n') : text;
}
