import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDigest } from '../../src/attest/reportDigest';
import { verifyReport } from '../../src/attest/verifyReport';
import { CHECKS, type Check } from '../../src/checks';
import { REQUIREMENTS, type RequirementId } from '../../src/contract';
import { errorLines } from '../../src/cli/errorLines';
import { EXIT, exitCodeForError } from '../../src/cli/exitCodes';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { ChecksInvalidError } from '../../src/errors';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { gridx } from '../../src/contract/gridx';
import { FULL_RUNS, judgeScope } from '../../src/evidence/scope';
import { SECRET, soundReceiver } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { closeAfterAll } from '../support/servers';

const TESTABLE = REQUIREMENTS.filter((r) => r.remotelyTestable).map((r) => r.id);

describe('the scope of a verdict', () => {
  it('is full exactly when every testable requirement, every type, the default runs and gridX’s deadline were used; partial names each narrowing', () => {
    const facts = fc.record({
      requirements: fc.subarray(TESTABLE),
      types: fc.record({ selected: fc.integer({ min: 1, max: 25 }), all: fc.constant(25) }),
      runs: fc.integer({ min: 1, max: 2 * FULL_RUNS }),
      timeoutMs: fc.constantFrom(1000, gridx.deadlineMs, 8000),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const scope = judgeScope(f);
        const expected = [
          ...(f.requirements.length < TESTABLE.length ? ['checks'] : []),
          ...(f.types.selected < f.types.all ? ['types'] : []),
          ...(f.runs < FULL_RUNS ? ['runs'] : []),
          ...(f.timeoutMs !== gridx.deadlineMs ? ['timeout'] : []),
        ];
        expect(scope.narrowed).toEqual(expected);
        expect(scope.details.map((d) => d.split(':')[0])).toEqual(expected);
        expect(scope.level).toBe(expected.length === 0 ? 'full' : 'partial');
      }),
    );
  });

  describe('a run narrowed to --checks SIG-1 --runs 1 --types ping against a sound receiver', () => {
    const closing = closeAfterAll();
    let dir: string;
    let stdout: string;
    let code: number;

    beforeAll(async () => {
      const sound = await closing(soundReceiver());
      dir = mkdtempSync(join(tmpdir(), 'hookproof-scope-'));
      const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
      code = await runCli(['certify', '--url', sound.url, '--allow-http', '--checks', 'SIG-1', '--runs', '1', '--types', 'ping', '--report-dir', dir], io);
      stdout = io.stdout.join('\n');
    });

    it('passes, labelled PARTIAL with what was narrowed, in the console', () => {
      expect(code).toBe(EXIT.pass);
      expect(stdout).toMatch(/ PASS {2}PARTIAL {2}http:/);
      expect(stdout).toMatch(/^PARTIAL \(checks: \d+ of \d+ requirements not run \(.*\); types: 1 of \d+ event types; runs: 1 case\(s\) per property .*\): not a certificate$/m);
    });

    it('report.json records scope partial with checks, types and runs narrowed', () => {
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
      expect(report.verdict).toBe('pass');
      expect(report.scope?.level).toBe('partial');
      expect(report.scope?.narrowed).toEqual(['checks', 'types', 'runs']);
      expect(report.scope?.details[2]).toBe('runs: 1 case(s) per property (a full run draws 100)');
    });

    it('the HTML banner and title say PARTIAL and never call it a certificate; the JUnit suite name says PARTIAL', () => {
      const page = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(page).toContain('✔ PASS · PARTIAL');
      expect(page).toContain('Partial pass: not a certificate');
      expect(page).toMatch(/<title>hookproof partial run: PASS \(PARTIAL\)/);
      expect(page).not.toMatch(/<title>hookproof certificate|receiver certification ·|<strong>Conformant</);
      expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<testsuite name="hookproof (PARTIAL)"');
    });

    it('report verify says VALID, PARTIAL, not a certificate', async () => {
      const io = memoryIO();
      expect(await runCli(['report', 'verify', join(dir, 'report.json')], io)).toBe(EXIT.pass);
      const out = io.stdout.join('\n');
      expect(out).toMatch(/^scope {6}PARTIAL \(checks: /m);
      expect(out).toContain(`VALID (PARTIAL run, not a certificate): ${join(dir, 'report.json')}`);
    });

    it('report verify finds a scope re-labelled full (digest recomputed) contradicted by the report’s own checks and runs', () => {
      const path = join(dir, 'report.json');
      const { digest: _old, ...report } = JSON.parse(readFileSync(path, 'utf8')) as CertificationReport;
      const relabelled = { ...report, scope: { level: 'full' as const, narrowed: [], details: [] } };
      const result = verifyReport({ ...relabelled, digest: reportDigest(relabelled) }, path);
      expect(result.digest).toBe('valid');
      expect(result.problems).toEqual([expect.stringMatching(/^scope "full" hides what the run narrowed: checks: .*; runs: 1 case/)]);
    });
  });

  describe('a custom catalogue (library `catalogue:` option)', () => {
    const closing = closeAfterAll();
    const base = CHECKS.find((c) => c.requirement === 'SIG-1') as Check;
    const invalid: ReadonlyArray<readonly [string, unknown, RegExp]> = [
      [
        'an invented requirement',
        [{ ...base, id: 'my-check', requirement: 'XYZ-9' as RequirementId }],
        /^invalid list of checks: check "my-check" cites unknown requirement XYZ-9; known: TLS-1, /,
      ],
      [
        'a severity other than the requirement’s',
        [{ ...base, id: 'my-check', severity: 'recommended' }],
        /^invalid list of checks: check "my-check" is recommended but SIG-1 is required$/,
      ],
      [
        'an unknown severity',
        [{ ...base, id: 'my-check', severity: 'fatal' }],
        /^invalid list of checks: check "my-check" has unknown severity fatal; known: required, recommended, informational$/,
      ],
      ['a duplicate id', [base, base], /^invalid list of checks: duplicate check id "sig-valid-single"$/],
      ['an id that is not kebab-case', [{ ...base, id: 'My Check' }], /^invalid list of checks: check id "My Check" is not kebab-case$/],
      ['no run function', [{ id: 'my-check', title: 't', requirement: 'SIG-1', severity: 'required' }], /^invalid list of checks: check "my-check" has no run function$/],
      ['not an array', { checks: [base] }, /^invalid list of checks: customChecks must be an array of checks$/],
      ['an empty array', [], /^invalid list of checks: customChecks holds no check$/],
    ];

    it.each(invalid)('%s: refused before anything is sent, with a one-line typed error (exit 2)', async (_name, catalogue, message) => {
      const receiver = await closing(soundReceiver());
      const error = await certify(receiver.url, { customChecks: catalogue as readonly Check[] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ChecksInvalidError);
      expect(errorLines(error, false)).toEqual([expect.stringMatching(/^hookproof: /)]);
      expect((error as Error).message).toMatch(message);
      expect(exitCodeForError(error)).toBe(EXIT.error);
      expect(receiver.hits()).toBe(0);
    });

    it('a valid catalogue of one check runs, and its pass is partial (checks narrowed)', async () => {
      const receiver = await closing(soundReceiver());
      const report = await certify(receiver.url, { customChecks: [{ ...base, id: 'my-sig-1' }], runs: 2 });
      expect(report.verdict).toBe('pass');
      expect(report.checks.map((c) => c.id)).toEqual(['my-sig-1']);
      expect(report.scope?.level).toBe('partial');
      expect(report.scope?.narrowed).toEqual(['checks', 'runs']);
    });
  });
});
