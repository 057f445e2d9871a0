import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTypegen, typegenCommandLine } from '../../src/cli/commands/typegen';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { createEngine } from '../../src/engine';
import { UsageError } from '../../src/errors';
import { generateEventTypes } from '../../src/typegen';

const ROOT = join(__dirname, '..', '..');
const REAL = join(ROOT, 'spec', 'webhook-events.yaml');
const FUTURE = join(ROOT, 'tests', 'fixtures', 'specs', 'future-spec.yaml');

describe('hookproof typegen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-typegen-cmd-'));

  it('prints the module without --out', async () => {
    const io = memoryIO();
    expect(await runTypegen({ spec: REAL, out: undefined, check: false }, io)).toBe(0);
    expect(`${io.stdout.join('\n')}\n`).toBe(generateEventTypes(createEngine().catalogue, 'npx --no-install hookproof typegen > FILE.ts'));
  });

  it("names in the header the partner's own command, never hookproof's internal paths", async () => {
    const partner = join(dir, 'partner');
    expect(typegenCommandLine({ spec: REAL, out: join(partner, 'src', 'events.ts') }, partner)).toBe('npx --no-install hookproof typegen --out src/events.ts');
    expect(typegenCommandLine({ spec: join(partner, 'specs', 'new.yaml'), out: join(partner, 'my events.ts') }, partner)).toBe(
      "npx --no-install hookproof typegen --spec specs/new.yaml --out 'my events.ts'",
    );
    const out = join(dir, 'header.ts');
    expect(await runTypegen({ spec: FUTURE, out, check: false }, memoryIO())).toBe(0);
    const header = readFileSync(out, 'utf8').split('\n').slice(0, 2).join('\n');
    expect(header).toContain(`regenerate with \`${typegenCommandLine({ spec: FUTURE, out })}\``);
    expect(header).not.toContain('src/generated/gridxEvents.ts');
  });

  it('writes --out, and --check then says it is up to date (0), stale (1) or missing (1)', async () => {
    const out = join(dir, 'events.ts');
    const io = memoryIO();
    expect(await runTypegen({ spec: FUTURE, out, check: false }, io)).toBe(0);
    expect(io.stdout).toEqual([`wrote ${out}`]);
    expect(readFileSync(out, 'utf8')).toContain("'battery/health': BatteryHealthEvent;");

    const check = async (spec: string, file: string): Promise<[number, string[]]> => {
      const checkIO = memoryIO();
      return [await runTypegen({ spec, out: file, check: true }, checkIO), checkIO.stdout];
    };
    expect(await check(FUTURE, out)).toEqual([0, [`${out} is up to date`]]);
    expect(await check(REAL, out)).toEqual([1, [`${out} is stale: regenerate it with hookproof typegen --out ${out}`]]);
    expect(await check(REAL, join(dir, 'none.ts'))).toEqual([1, [`${join(dir, 'none.ts')} is missing: regenerate it with hookproof typegen --out ${join(dir, 'none.ts')}`]]);
    writeFileSync(out, `${readFileSync(out, 'utf8')}// edited\n`);
    expect((await check(FUTURE, out))[0]).toBe(1);
  });

  it('the committed file passes --check from the command line', async () => {
    const io = memoryIO();
    expect(await runCli(['typegen', '--out', join(ROOT, 'src', 'generated', 'gridxEvents.ts'), '--check'], io)).toBe(0);
  });

  it('refuses --check without --out, and reports an unwritable --out in one line (exit 2)', async () => {
    await expect(runTypegen({ spec: REAL, out: undefined, check: true }, memoryIO())).rejects.toBeInstanceOf(UsageError);
    const io = memoryIO();
    expect(await runCli(['typegen', '--out', join(dir, 'no', 'such', 'dir', 'x.ts')], io)).toBe(2);
    expect(io.stderr).toEqual([expect.stringMatching(/^hookproof: cannot write .*x\.ts: ENOENT: no such file or directory$/)]);
    // A file that cannot be written is an output error, not an unreadable input.
    await expect(runTypegen({ spec: REAL, out: join(dir, 'no', 'x.ts'), check: false }, memoryIO())).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
  });
});
