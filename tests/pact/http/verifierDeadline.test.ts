import { fork } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { MAX_TIMER_MS } from '../../../src/optionRanges';
import { PROXY_SLACK_MS, VERIFIER_START_MS, verifierDeadlineMs } from '../../../src/pact/http/verifierDeadline';
import type { VerifierEntry } from '../../../src/pact/http/verifierEntry';
import { testPact, writeTempPact } from './support/pacts';

// `pact verify` runs the Pact core in a process of its own (verifyInChild) under one deadline,
// shared with runPactJsVerifier (childDeadline.ts). Here the child's program, named in one place
// (verifierEntry), is a stand-in whose core never answers and which ignores SIGTERM: the CLI must
// say so in one line, exit 1 and leave no process behind. The deadline is generous (the stand-in
// only has to start and print a line within it); nothing here measures time.

const mockStandIn = { use: false };
jest.mock('../../../src/pact/http/verifierEntry', () => {
  const real = jest.requireActual<{ verifierEntry: () => VerifierEntry }>('../../../src/pact/http/verifierEntry');
  return {
    verifierEntry: (): VerifierEntry => (mockStandIn.use ? { file: join(__dirname, 'support', 'hangingVerifier.cjs'), execArgv: [] } : real.verifierEntry()),
  };
});

jest.setTimeout(60_000);

const SECRET = 'deadline-Secret-41';

/** What signal 0 (a test of existence) to `pid` says: `alive`, or the error's code (`ESRCH`: no such process). */
function signalZero(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe('pact verify: the Pact core has one overall deadline', () => {
  afterEach(() => (mockStandIn.use = false));

  it('ends a Pact core that never answers at --deadline: one line, exit 1, the process gone', async () => {
    mockStandIn.use = true;
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET } };
    const pactFile = writeTempPact(testPact({ types: ['ping'] }));
    const code = await runCli(['pact', 'verify', '--url', 'http://127.0.0.1:9/hooks', '--secret-env', 'MY_SECRET', '--pact', pactFile, '--deadline', '8s'], io);

    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      'hookproof: the Pact verifier gave no result within 8 s and was ended (if the receiver or this machine is that slow, give it more time with --deadline)',
    ]);
    // The stand-in's own report came through the CLI's output: it was reached, got the job, and
    // had to be killed after ignoring SIGTERM.
    const pid = Number(/^stand-in verifier pid (\d+)$/.exec(io.stdout[0] ?? '')?.[1]);
    expect(io.stdout).toEqual([`stand-in verifier pid ${pid}`, 'stand-in: job received, never answering', 'stand-in: SIGTERM ignored']);
    // The child has exited and been reaped by the time the command returns: no such process.
    expect(signalZero(pid)).toBe('ESRCH');
  });

  it("the real verifier's process leaves when its parent goes (it is never an orphan)", async () => {
    const { verifierEntry } = jest.requireActual<{ verifierEntry: () => VerifierEntry }>('../../../src/pact/http/verifierEntry');
    const entry = verifierEntry();
    const child = fork(entry.file, [], { execArgv: [...entry.execArgv], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.once('message', () => resolve()));
    child.disconnect();
    expect(await exited).toBe(1);
  });

  it('by default leaves room for every interaction at its longest after the start-up, within a real timer', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.integer({ min: 1, max: MAX_TIMER_MS }), (interactions, timeoutMs) => {
        const deadline = verifierDeadlineMs(interactions, timeoutMs);
        // Each interaction's request may take the proxy's whole wait; the start-up comes first.
        const longestRun = VERIFIER_START_MS + interactions * (timeoutMs + PROXY_SLACK_MS);
        expect(deadline >= longestRun || deadline === MAX_TIMER_MS).toBe(true);
        expect(deadline).toBeLessThanOrEqual(MAX_TIMER_MS);
        expect(verifierDeadlineMs(interactions + 1, timeoutMs)).toBeGreaterThanOrEqual(deadline);
        expect(verifierDeadlineMs(interactions, Math.min(MAX_TIMER_MS, timeoutMs + 1))).toBeGreaterThanOrEqual(deadline);
      }),
    );
  });
});
