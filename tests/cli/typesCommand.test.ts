import { runTypes } from '../../src/cli/commands/types';
import { memoryIO } from '../../src/cli/memoryIO';
import { SpecInvalidError } from '../../src/errors';
import { fixtureSpec, REAL_SPEC } from './paths';

interface Row {
  type: string;
  schemaName: string;
  deprecated: boolean;
  requiredFields: number;
  optionalFields: number;
}

describe('types', () => {
  it('lists each type with schema, field counts and deprecation', async () => {
    const io = memoryIO();
    expect(await runTypes({ spec: REAL_SPEC, json: false }, io)).toBe(0);
    const control = io.stdout.find((l) => l.startsWith('ev/control '));
    expect(control).toMatch(/^ev\/control +EVControlEvent +\d+ required +\d+ optional {2}deprecated$/);
    const ping = io.stdout.find((l) => l.startsWith('ping '));
    expect(ping).toMatch(/^ping +PingEvent +\d+ required +\d+ optional$/);
    expect(io.stdout.at(-1)).toMatch(/^\d+ event types \(\d+ deprecated\)$/);
  });

  it('prints JSON rows consistent with the spec', async () => {
    const io = memoryIO();
    await runTypes({ spec: REAL_SPEC, json: true }, io);
    const rows = JSON.parse(io.stdout.join('\n')) as Row[];
    const ping = rows.find((r) => r.type === 'ping');
    expect(ping).toMatchObject({ schemaName: 'PingEvent', deprecated: false });
    // id, accountID, source, specVersion, time, type, data are required; data/message etc. optional
    expect(ping?.requiredFields).toBeGreaterThanOrEqual(7);
    expect(
      rows
        .filter((r) => r.deprecated)
        .map((r) => r.type)
        .sort(),
    ).toEqual(['ev/control', 'ev/create', 'ev/delete', 'ev/update']);
  });

  it('follows the spec it is given', async () => {
    const io = memoryIO();
    await runTypes({ spec: fixtureSpec('future-spec.yaml'), json: true }, io);
    const types = (JSON.parse(io.stdout.join('\n')) as Row[]).map((r) => r.type);
    expect(types).toContain('battery/health');
    expect(types).not.toContain('inverter/status');
  });

  it('throws SpecInvalidError for a spec the catalogue cannot use', async () => {
    await expect(runTypes({ spec: fixtureSpec('broken-mapping.yaml'), json: false }, memoryIO())).rejects.toBeInstanceOf(SpecInvalidError);
  });
});
