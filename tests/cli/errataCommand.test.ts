import { join } from 'node:path';
import { runErrata } from '../../src/cli/commands/errata';
import { memoryIO } from '../../src/cli/memoryIO';
import { ERRATA } from '../../src/spec/errata';
import { fixtureSpec, REAL_SPEC, ROOT } from './paths';

const HISTORY_ONLY = new Set(['keyword-under-properties', 'required-never-described']);

describe('errata', () => {
  it('lists every erratum with its title, correction and count in the spec', async () => {
    const io = memoryIO();
    expect(await runErrata({ spec: REAL_SPEC, json: false }, io)).toBe(0);
    for (const erratum of ERRATA) {
      // Two errata correct defects only earlier files have (spec/history).
      const count = HISTORY_ONLY.has(erratum.id) ? 0 : 1;
      expect(io.stdout).toContain(`${erratum.id}  ${erratum.title}  (${count} in this spec)`);
      expect(io.stdout).toContain(`    ${erratum.correction}`);
    }
  });

  it('counts the history-only errata in the file that needs them', async () => {
    const io = memoryIO();
    await runErrata({ spec: join(ROOT, 'spec', 'history', '2025-10-09-webhook-events.yaml'), json: true }, io);
    const rows = JSON.parse(io.stdout.join('\n')) as Array<{ id: string; defectsInSpec: number }>;
    expect(rows.filter((r) => HISTORY_ONLY.has(r.id))).toEqual([
      expect.objectContaining({ id: 'keyword-under-properties', defectsInSpec: 2 }),
      expect.objectContaining({ id: 'required-never-described', defectsInSpec: 1 }),
    ]);
  });

  it('counts zero for a spec without those defects, as JSON', async () => {
    const io = memoryIO();
    await runErrata({ spec: fixtureSpec('unhandled-defects.yaml'), json: true }, io);
    const rows = JSON.parse(io.stdout.join('\n')) as Array<{ id: string; defectsInSpec: number }>;
    expect(rows.map((r) => r.id)).toEqual(ERRATA.map((e) => e.id));
    expect(rows.every((r) => r.defectsInSpec === 0)).toBe(true);
  });
});
