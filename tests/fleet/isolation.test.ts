import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFleet } from '../../src/fleet/runFleet';
import { createReferenceHandler } from '../../src/receiver';
import { certify } from '../checks/support/runCheck';
import { closeAfterAll, serve, type RunningReceiver } from '../support/servers';

// A modest fleet (the suite's time is shared); the 30 is a by-hand run, see the README.
const TARGETS = 8;
const CHECKS = ['SIG-1', 'SIG-3', 'DLV-1', 'DLV-6'];

describe('fleet: every target in a process of its own', () => {
  const closing = closeAfterAll();
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-fleet-isolated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--parallel 8 over sound receivers: every one passes, with the verdict certify gives it alone', async () => {
    const env: Record<string, string> = {};
    const receivers: RunningReceiver[] = [];
    for (let n = 0; n < TARGETS; n += 1) {
      const secret = `isolated-${n}-secret`;
      env[`SECRET_${n}`] = secret;
      receivers.push(await closing(serve(createReferenceHandler({ secrets: [secret] }))));
    }
    const targets = receivers.map((r, n) => ({ name: `partner-${n}`, url: r.url, secretEnv: [`SECRET_${n}`], allowHttp: true, types: ['ping'] }));
    // gridX's 5 s: the receivers share this test's process with eight starting processes on a loaded
    // machine, so a shorter timeout would judge this machine, not hookproof.
    const index = await runFleet({ targets, reportDir: dir, env, parallel: 8, checks: CHECKS, runs: 3, seed: 11, timeoutMs: 5000, retryBaseDelayMs: 5 });
    expect(index.targets.map((e) => `${e.name} ${e.verdict} ${e.failingRequirements.join(',')}${e.error ?? ''}`)).toEqual(targets.map((t) => `${t.name} pass `));
    expect(index.summary).toEqual({ pass: TARGETS, fail: 0, incomplete: 0, error: 0 });
    const alone = await certify(receivers[0]?.url ?? '', { secrets: ['isolated-0-secret'], checks: CHECKS, runs: 3, seed: 11, timeoutMs: 5000, types: ['ping'] });
    expect(alone.verdict).toBe(index.targets[0]?.verdict);
    // Eight processes started from the TypeScript sources on a shared machine: a generous bound.
  }, 300_000);
});
