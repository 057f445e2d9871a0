import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Check } from '../../src/checks';
import type { CheckStatus } from '../../src/evidence/failure';
import { errorLines } from '../../src/cli/errorLines';
import { exitCodeForError } from '../../src/cli/exitCodes';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { HookproofError } from '../../src/errors';
import type { CheckReport } from '../../src/evidence/certificationReport';
import { judgeVerdict } from '../../src/evidence/verdict';
import { SECRET, soundReceiver } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { closedPort } from '../support/servers';

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'skip', 'blocked'];
const SEVERITIES = ['required', 'recommended', 'informational'] as const;

function report(status: CheckStatus, severity: CheckReport['severity'], i: number): CheckReport {
  return { id: `c${i}`, title: 't', requirement: 'DLV-1', severity, status, cases: status === 'skip' ? 0 : 1, durationMs: 0, failures: [] };
}

describe('the verdict: no evidence, no pass', () => {
  it('passes only when nothing failed, every required check was judged, and something was judged at all', () => {
    const checks = fc.array(fc.tuple(fc.constantFrom(...STATUSES), fc.constantFrom(...SEVERITIES)), { maxLength: 8 }).map((pairs) => pairs.map(([s, v], i) => report(s, v, i)));
    fc.assert(
      fc.property(checks, (reports) => {
        const { verdict, reason } = judgeVerdict(reports);
        const failed = reports.some((c) => c.status === 'fail');
        const unjudged = (c: CheckReport): boolean => c.status === 'skip' || c.status === 'blocked';
        const requiredUnjudged = reports.some((c) => c.severity === 'required' && unjudged(c));
        const expected = failed ? 'fail' : requiredUnjudged || reports.every(unjudged) ? 'incomplete' : 'pass';
        expect(verdict).toBe(expected);
        expect(reason === undefined).toBe(verdict === 'pass');
      }),
    );
  });

  it('says which required requirements have no judged case, and why', () => {
    const blocked: CheckReport = { ...report('blocked', 'required', 0), requirement: 'SIG-6', note: 'blocked by EVT-1: …', blockedBy: ['EVT-1'] };
    expect(judgeVerdict([report('pass', 'required', 1), blocked])).toEqual({
      verdict: 'incomplete',
      reason: 'no case of required requirement(s) SIG-6 could be judged (SIG-6: blocked by EVT-1: …)',
    });
  });

  describe('against a closed port', () => {
    it.each([['SIG-10'], ['GONE-1']])('--checks %s is incomplete, not a pass', async (check) => {
      const run = await certify(`http://127.0.0.1:${await closedPort()}/hooks`, { checks: [check], timeoutMs: 1000 });
      expect(run.checks[0]?.status).toBe('blocked');
      expect(run.verdict).toBe('incomplete');
      expect(run.verdictReason).toMatch(/^no case of any selected check could be judged/);
    });

    it('with only deprecated types selected, the run is incomplete (every required check judged nothing)', async () => {
      const run = await certify(`http://127.0.0.1:${await closedPort()}/hooks`, { types: ['ev/control'], timeoutMs: 1000 });
      expect(run.checks.find((c) => c.requirement === 'EVT-5')).toMatchObject({ status: 'blocked', blockedBy: ['DLV-1'] });
      expect(run.summary.fail).toBe(0);
      expect(run.verdict).toBe('incomplete');
      expect(run.verdictReason).toMatch(/^no case of required requirement\(s\) SIG-1, /);
    });

    it('the CLI exits 1 and prints INCOMPLETE with the reason', async () => {
      const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
      const dir = mkdtempSync(join(tmpdir(), 'hookproof-verdict-'));
      const code = await runCli(
        ['certify', '--url', `http://127.0.0.1:${await closedPort()}/hooks`, '--allow-http', '--checks', 'GONE-1', '--timeout-ms', '1000', '--report-dir', dir],
        io,
      );
      expect(code).toBe(1);
      const out = io.stdout.join('\n');
      expect(out).toContain('INCOMPLETE');
      expect(out).toMatch(/Incomplete: no case of any selected check could be judged \(GONE-1: blocked by DLV-1: /);
      expect(out).not.toContain('PASS');
    });
  });

  it('a sound receiver still passes', async () => {
    const sound = await soundReceiver();
    try {
      const run = await certify(sound.url, { checks: ['SIG-1', 'GONE-1'], runs: 3 });
      expect(run).toMatchObject({ verdict: 'pass', summary: { pass: 2, blocked: 0 } });
      expect(run.verdictReason).toBeUndefined();
    } finally {
      await sound.close();
    }
  });
});

describe('an internal error in a check', () => {
  const throwing: Check = {
    id: 'throws',
    title: 'a check with a bug',
    requirement: 'DLV-1',
    severity: 'required',
    run: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
  };

  it('is an error of hookproof (exit 2, one line), not a skipped check', async () => {
    const sound = await soundReceiver();
    try {
      const error: unknown = await certify(sound.url, { customChecks: [throwing] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HookproofError);
      expect((error as HookproofError).code).toBe('INTERNAL');
      expect(exitCodeForError(error)).toBe(2);
      const lines = errorLines(error, false);
      expect(lines).toEqual([
        expect.stringMatching(
          /^hookproof: hookproof internal error in check throws: Cannot read properties of undefined \(reading 'x'\) \(a bug in hookproof, not in the receiver/,
        ),
      ]);
    } finally {
      await sound.close();
    }
  });
});
