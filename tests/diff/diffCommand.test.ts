import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runDiff } from '../../src/cli/commands/diff';
import { runCli } from '../../src/cli/runCli';
import { memoryIO } from '../../src/cli/memoryIO';
import type { SpecDiff } from '../../src/diff';
import { SpecUnreadableError } from '../../src/errors';
import { BIN } from '../cli/paths';
import { variantPath } from './support/specVariants';

const ROOT = join(__dirname, '..', '..');
const REAL = join(ROOT, 'spec', 'webhook-events.yaml');
const fixture = (name: string): string => join(ROOT, 'tests', 'fixtures', 'specs', name);

describe('hookproof diff (in process)', () => {
  it('prints the breaking change, who it breaks, a shrunk example and the verdict; exit 1', async () => {
    const io = memoryIO();
    const code = await runDiff({ oldSpec: REAL, newSpec: variantPath('enum-value-added'), json: false, empirical: true, runs: 100 }, io);
    expect(code).toBe(1);
    expect(io.stdout).toContain(
      '  breaks receivers  ev/charge-started, ev/charge-stopped  /data/state  enum-value-added: enum value "PAUSED" added (was "CHARGING", "STOPPED", "FAILED")',
    );
    expect(io.stdout).toContain('  receivers: valid under NEW but rejected by OLD (a receiver built for OLD may reject it), in 2 types:');
    expect(io.stdout).toContain('      /data/state: /data/state must be one of: "CHARGING", "STOPPED", "FAILED"');
    expect(io.stdout.filter((l) => l.startsWith('      example: {') && l.includes('"state":"PAUSED"'))).toHaveLength(2);
    expect(io.stdout.at(-1)).toBe('verdict: BREAKING for receivers (exit 1)');
    expect(io.stderr).toEqual([]);
  });

  it('groups a change shared by every type and exits 0 for additive changes', async () => {
    const io = memoryIO();
    expect(await runDiff({ oldSpec: REAL, newSpec: variantPath('additive'), json: false, empirical: true, runs: 50 }, io)).toBe(0);
    expect(io.stdout).toContain('  + gateway/update');
    expect(io.stdout).toContain('  + /subject  in all 23 types in both');
    expect(io.stdout).toContain('breaking changes: none found in the schemas');
    expect(io.stdout.at(-1)).toBe('verdict: no breaking change (exit 0)');
  });

  it('lists added and removed types for future-spec.yaml', async () => {
    const io = memoryIO();
    expect(await runDiff({ oldSpec: REAL, newSpec: fixture('future-spec.yaml'), json: false, empirical: false }, io)).toBe(1);
    expect(io.stdout.slice(2, 5)).toEqual(['event types: 1 added, 1 removed, 22 in both', '  + battery/health', '  - inverter/status']);
    expect(io.stdout).toContain('empirical check: not run (--no-empirical)');
    expect(io.stdout.at(-1)).toBe('verdict: BREAKING for senders (exit 1)');
  });

  it('prints the whole diff as one JSON document with --json', async () => {
    const io = memoryIO();
    expect(await runDiff({ oldSpec: REAL, newSpec: variantPath('field-required'), json: true, empirical: true, runs: 50, seed: 3 }, io)).toBe(1);
    const diff = JSON.parse(io.stdout.join('\n')) as SpecDiff;
    expect(diff.breaks).toEqual({ receiver: false, sender: true });
    expect(diff.empirical).toMatchObject({ ran: true, runs: 50, seed: 3 });
    expect(diff.changes.map((c) => c.kind)).toEqual(['field-became-required', 'field-became-required', 'field-became-required']);
  });

  it('throws a spec error for an unreadable spec', async () => {
    await expect(runDiff({ oldSpec: REAL, newSpec: 'no/such.yaml', json: false, empirical: false }, memoryIO())).rejects.toBeInstanceOf(SpecUnreadableError);
  });
});

describe('hookproof diff on the command line', () => {
  /** The CLI in process, as bin/hookproof.js runs it (argument parsing, errors, exit codes). */
  async function cli(args: string[]): Promise<{ status: number; stderr: string[] }> {
    const io = memoryIO();
    return { status: await runCli(args, io), stderr: io.stderr };
  }

  it('exits 2 with one line for bad input', async () => {
    expect(await cli(['diff', REAL, 'missing.yaml'])).toEqual({ status: 2, stderr: ['hookproof: cannot read spec missing.yaml: ENOENT: no such file or directory'] });
    expect(await cli(['diff', REAL])).toEqual({ status: 2, stderr: ["hookproof: missing required argument 'new'"] });
    expect(await cli(['diff', REAL, fixture('invalid-yaml.yaml')])).toMatchObject({
      status: 2,
      stderr: [expect.stringMatching(/^hookproof: invalid spec .*invalid-yaml\.yaml: not valid YAML at line \d+/)],
    });
    expect(await cli(['diff', REAL, variantPath('additive'), '--runs', 'many'])).toEqual({
      status: 2,
      stderr: ['hookproof: --runs must be a whole number from 1 to 100000, got "many"'],
    });
    expect(await cli(['diff', REAL, variantPath('additive'), '--runs', '0'])).toEqual({
      status: 2,
      stderr: ['hookproof: --runs must be a whole number from 1 to 100000, got "0"'],
    });
  });

  it('the binary exits 1 on a breaking change', () => {
    const run = (args: string[]): { status: number | null; stderr: string[] } => {
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOOKPROOF_DEBUG: '' } });
      return { status: result.status, stderr: result.stderr.split('\n').filter((l) => l !== '') };
    };
    expect(run(['diff', 'spec/webhook-events.yaml', variantPath('type-narrowed'), '--runs', '20'])).toEqual({ status: 1, stderr: [] });
  });
});
