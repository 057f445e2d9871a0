import { spawnSync } from 'node:child_process';
import { ERRATA } from '../../src/spec/errata';
import { pingEvent } from './events';
import { BIN, fixtureSpec, ROOT } from './paths';

// The real binary, as `npx --no-install hookproof` runs it: through bin/hookproof.js and tsx, in a child process.
// Each run costs about a second, so only what the in-process tests cannot show is checked here.
function hookproof(args: string[], input = ''): { status: number | null; stdout: string[]; stderr: string[] } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, HOOKPROOF_DEBUG: '' } });
  const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
  return { status: result.status, stdout: lines(result.stdout), stderr: lines(result.stderr) };
}

describe('hookproof binary', () => {
  it('lint-spec on the real spec lists the handled errata and exits 0', () => {
    const run = hookproof(['lint-spec']);
    expect(run.stderr).toEqual([]);
    expect(run.status).toBe(0);
    // keyword-under-properties and required-never-described correct only earlier files (spec/history).
    const history = new Set(['keyword-under-properties', 'required-never-described']);
    expect(run.stdout.filter((l) => l.startsWith('handled  ')).map((l) => l.split('  ')[1])).toEqual(ERRATA.map((e) => e.id).filter((id) => !history.has(id)));
  });

  it('lint-spec on a spec with unhandled defects exits 1', () => {
    const run = hookproof(['lint-spec', '--spec', fixtureSpec('unhandled-defects.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout.some((l) => l.startsWith('UNHANDLED  unresolved-ref  '))).toBe(true);
  });

  it('a missing spec file exits 2 with exactly one stderr line and no stack', () => {
    const run = hookproof(['lint-spec', '--spec', 'no/such/spec.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toEqual(['hookproof: cannot read spec no/such/spec.yaml: ENOENT: no such file or directory']);
    expect(run.stdout).toEqual([]);
  });

  it('an unknown option exits 2 with one stderr line', () => {
    const run = hookproof(['types', '--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toEqual(["hookproof: unknown option '--frobnicate'"]);
  });

  it('validate reads NDJSON from stdin', () => {
    const run = hookproof(['validate', '-'], `${JSON.stringify(pingEvent())}\n${JSON.stringify(pingEvent({ type: 'system/action' }))}\n`);
    expect(run.stdout[0]).toBe('ok  1  ping');
    expect(run.stdout).toContain('invalid  2  system/action  /data/id: /data must have required property "id"');
    expect(run.stdout.at(-1)).toBe('1 valid, 1 invalid');
    expect(run.status).toBe(1);
    expect(run.stderr.some((l) => /^\s+at /.test(l))).toBe(false);
  });
});
