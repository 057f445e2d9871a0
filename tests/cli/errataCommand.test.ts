import { runErrata } from '../../src/cli/commands/errata';
import { memoryIO } from '../../src/cli/memoryIO';
import { ERRATA } from '../../src/spec/errata';
import { fixtureSpec, REAL_SPEC } from './paths';

describe('errata', () => {
  it('lists every erratum with its title, correction and count in the spec', async () => {
    const io = memoryIO();
    expect(await runErrata({ spec: REAL_SPEC, json: false }, io)).toBe(0);
    for (const erratum of ERRATA) {
      expect(io.stdout).toContain(`${erratum.id}  ${erratum.title}  (1 in this spec)`);
      expect(io.stdout).toContain(`    ${erratum.correction}`);
    }
  });

  it('counts zero for a spec without those defects, as JSON', async () => {
    const io = memoryIO();
    await runErrata({ spec: fixtureSpec('unhandled-defects.yaml'), json: true }, io);
    const rows = JSON.parse(io.stdout.join('\n')) as Array<{ id: string; defectsInSpec: number }>;
    expect(rows.map((r) => r.id)).toEqual(ERRATA.map((e) => e.id));
    expect(rows.every((r) => r.defectsInSpec === 0)).toBe(true);
  });
});
