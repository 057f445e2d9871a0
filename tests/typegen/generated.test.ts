import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/engine';
import { generateEventTypes, TYPEGEN_COMMAND } from '../../src/typegen';
import { GRIDX_EVENT_TYPES, GRIDX_EVENTS_SPEC } from '../../src/generated/gridxEvents';

const ROOT = join(__dirname, '..', '..');
const COMMITTED = join(ROOT, 'src', 'generated', 'gridxEvents.ts');

describe('src/generated/gridxEvents.ts', () => {
  it('is what typegen produces for spec/webhook-events.yaml (regenerate with the command in its header)', () => {
    const expected = generateEventTypes(createEngine().catalogue);
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== expected) throw new Error(`src/generated/gridxEvents.ts is stale: run \`${TYPEGEN_COMMAND}\``);
    expect(committed).toContain(TYPEGEN_COMMAND);
  });

  it('names the spec it was made from and lists every event type', () => {
    const engine = createEngine();
    expect(GRIDX_EVENTS_SPEC).toEqual({ file: 'webhook-events.yaml', sha256: engine.catalogue.spec.sha256 });
    expect([...GRIDX_EVENT_TYPES]).toEqual(engine.catalogue.types.map((t) => t.type));
  });
});
