import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { goneMessage } from '../../src/checks/goneMessage';
import type { CheckReport } from '../../src/evidence/certificationReport';
import { runCertification } from '../../src/runner/runCertification';
import { SecretMissingError, UnknownCheckError, UnknownEventTypeError } from '../../src/errors';
import { describeReceiverConformance, type JestGlobals, type ReceiverConformanceOptions } from '../../src/jest';
import { jsonStatus, receiverRejectingWith } from '../checks/signature/defects';
import { defectiveReceiver } from '../checks/support/receivers';
import { closeAfterAll, serve } from '../support/servers';
import { tokenBucket } from '../capacity/capacityReceivers';
import type { CertificationReport } from '../../src/evidence/certificationReport';

// The adapter with a recording stand-in for jest's API: what it declares, and what each declared
// test does when run, without nesting a jest run inside this one.
const SECRET = 'adapter-unit-secret-9c4f1e';

interface Declared {
  readonly name: string;
  readonly fn: () => Promise<void>;
  readonly timeout: number | undefined;
}

function recordingJest(): { globals: JestGlobals; describes: string[]; tests: Declared[]; afterAll: Array<() => Promise<void> | void> } {
  const describes: string[] = [];
  const tests: Declared[] = [];
  const afterAll: Array<() => Promise<void> | void> = [];
  return {
    describes,
    tests,
    afterAll,
    globals: {
      describe: (name, fn) => {
        describes.push(name);
        fn();
      },
      test: (name, fn, timeout) => tests.push({ name, fn, timeout }),
      beforeAll: () => undefined,
      afterAll: (fn) => afterAll.push(fn),
    },
  };
}

/** Runs declared tests in order, as jest would: a throw fails the test. */
async function runTests(tests: readonly Declared[]): Promise<Array<{ name: string; error: Error | undefined }>> {
  const outcomes: Array<{ name: string; error: Error | undefined }> = [];
  for (const t of tests) {
    try {
      await t.fn();
      outcomes.push({ name: t.name, error: undefined });
    } catch (error) {
      outcomes.push({ name: t.name, error: error as Error });
    }
  }
  return outcomes;
}

function options(overrides: Partial<ReceiverConformanceOptions> & { url: ReceiverConformanceOptions['url'] }, jest: JestGlobals, log: string[] = []): ReceiverConformanceOptions {
  return {
    secret: SECRET,
    allowHttp: true,
    runs: 5,
    seed: 99,
    retryBaseDelayMs: 5,
    timeoutMs: 1000,
    log: (line) => log.push(line),
    jest,
    ...overrides,
  } as ReceiverConformanceOptions;
}

const closing = closeAfterAll();

describe('describeReceiverConformance', () => {
  it('declares one test per selected check, in catalogue order, named by requirement and id', () => {
    const jest = recordingJest();
    const suite = describeReceiverConformance(
      options({ url: 'http://127.0.0.1:9/', checks: ['evt-valid-events', 'SIG-3'], testTimeoutMs: 30_000, title: 'my receiver' }, jest.globals),
    );
    expect(jest.describes).toEqual(['my receiver']);
    expect(jest.tests.map((t) => t.name)).toEqual([
      'SIG-3 sig-wrong-secret: A digest made with another secret is rejected with 401',
      'EVT-1 evt-valid-events: A valid event of every subscribed type is accepted',
    ]);
    expect(jest.tests.map((t) => t.timeout)).toEqual([30_000, 30_000]);
    expect(suite.checks.map((c) => c.id)).toEqual(['sig-wrong-secret', 'evt-valid-events']);
    // One afterAll: it states an incomplete verdict (and, with reportDir, writes the report).
    expect(jest.afterAll).toHaveLength(1);
  });

  it('throws configuration mistakes when the file is collected', () => {
    const jest = recordingJest().globals;
    expect(() => describeReceiverConformance(options({ url: 'http://127.0.0.1:9/', checks: ['SIG-99'] }, jest))).toThrow(UnknownCheckError);
    expect(() => describeReceiverConformance(options({ url: 'http://127.0.0.1:9/', types: ['ev/teleported'] }, jest))).toThrow(UnknownEventTypeError);
    expect(() => describeReceiverConformance({ url: 'http://127.0.0.1:9/', secrets: [], jest })).toThrow(SecretMissingError);
  });

  it('fails a failing check with label, expected, actual, a curl reproduction and the re-run command; never the secret', async () => {
    // Accepts everything: the signature is never checked.
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(202, { 'content-length': '0' }).end();
        return true;
      }),
    );
    const jest = recordingJest();
    const log: string[] = [];
    describeReceiverConformance(options({ url: Promise.resolve(receiver.url), checks: ['sig-wrong-secret', 'sig-401-empty-body', 'sig-valid-single'] }, jest.globals, log));
    const [validSingle, wrongSecret, emptyBody] = await runTests(jest.tests);

    const message = wrongSecret?.error?.message ?? '';
    expect(message).toMatch(/^SIG-3 sig-wrong-secret FAIL \(required, \d+ cases, 1 failing case, seed 99\)/);
    expect(message).toContain('label:    wrong-secret: 1 digest, made with a secret the receiver does not hold');
    expect(message).toContain('expected: 401');
    expect(message).toMatch(/actual: {3}202/);
    expect(message).toContain(`curl -sS -i -X POST '${receiver.url}'`);
    expect(message).toContain(
      `re-run this check with the same cases: npx --no-install hookproof certify --url '${receiver.url}' --secret-env HOOKPROOF_SECRET --checks sig-wrong-secret --seed 99 --runs 5 --timeout-ms 1000 --allow-http`,
    );
    expect(message).not.toContain(SECRET);
    expect(wrongSecret?.error?.stack).toBe(`ConformanceFailure: ${message}`);

    expect(validSingle?.error).toBeUndefined();
    // A blocked recommended check passes; the reason is logged (this receiver never answers 401,
    // so SIG-10 is blocked by the forged requirements).
    expect(emptyBody?.error).toBeUndefined();
    expect(log).toEqual([
      expect.stringMatching(/^SIG-10 sig-401-empty-body BLOCKED \(recommended, 5 cases, seed 99\): blocked by SIG-\d(, SIG-\d)*: none of the 5 forged requests was answered 401/),
    ]);
  });

  it('passes a failing recommended check as a warning and logs its failures', async () => {
    const receiver = await closing(receiverRejectingWith(jsonStatus(401, { error: 'bad signature' })));
    const jest = recordingJest();
    const log: string[] = [];
    const suite = describeReceiverConformance(options({ url: receiver.url, checks: ['SIG-10'] }, jest.globals, log));
    const [outcome] = await runTests(jest.tests);
    expect(outcome?.error).toBeUndefined();
    expect(suite.results().map((r) => r.status)).toEqual(['warn']);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^SIG-10 sig-401-empty-body WARN \(recommended, \d+ cases, 1 failing case, seed 99\)/);
    expect(log[0]).toContain('expected: a 401 with an empty body');
    expect(log[0]).toContain('{"error":"bad signature"}');
  });

  it('skips the remaining checks (logged, passing) once the receiver answered 410 Gone', async () => {
    const receiver = await closing(serve((_req, res) => res.writeHead(410, { 'content-length': '0' }).end()));
    const jest = recordingJest();
    const log: string[] = [];
    const suite = describeReceiverConformance(options({ url: () => receiver.url, checks: ['sig-valid-single', 'evt-valid-events'] }, jest.globals, log));
    const [first, second] = await runTests(jest.tests);
    // The 410 is GONE-1's finding: SIG-1 is blocked by it, and a blocked required check still fails its test.
    expect(first?.error?.message).toMatch(/^SIG-1 sig-valid-single BLOCKED \(required, 1 case, seed 99\): not judged, blocked by GONE-1: .*410 gone/);
    expect(second?.error).toBeUndefined();
    expect(suite.results().map((r) => r.status)).toEqual(['blocked', 'skip']);
    expect(log).toEqual([expect.stringMatching(/^EVT-1 evt-valid-events SKIP \(required, 0 cases, seed 99\): not run: the receiver answered 410 Gone to /)]);
    // Incomplete is a verdict of its own: the suite says it, and states it once all tests ran.
    expect(suite.verdict()).toMatchObject({ verdict: 'incomplete', reason: expect.stringContaining('410 Gone') });
    for (const after of jest.afterAll) await after();
    expect(log[1]).toMatch(/^hookproof verdict INCOMPLETE \(not certified\): the receiver answered 410 Gone/);
  });

  it('gives GONE-1 the status the runner gives it once the receiver answered 410 (one rule, not two)', async () => {
    const receiver = await closing(serve((_req, res) => res.writeHead(410, { 'content-length': '0' }).end()));
    const checks = ['sig-valid-single', 'gone-valid-event'];
    const jest = recordingJest();
    const log: string[] = [];
    const suite = describeReceiverConformance(options({ url: receiver.url, checks, concurrency: 1 }, jest.globals, log));
    await runTests(jest.tests);
    const run = await runCertification({ url: receiver.url, secrets: [SECRET], allowHttp: true, runs: 5, seed: 99, timeoutMs: 1000, concurrency: 1, checks });
    const gone = (reports: readonly CheckReport[]): CheckReport | undefined => reports.find((r) => r.requirement === 'GONE-1');
    expect(run.gone).toBeDefined();
    expect(gone(suite.results())).toMatchObject({ status: 'warn', note: goneMessage(run.gone?.caseLabel ?? '') });
    expect(gone(suite.results())).toMatchObject({ status: gone(run.checks)?.status, note: gone(run.checks)?.note });
  });

  it('fails every test with the reason when the URL cannot be resolved', async () => {
    const jest = recordingJest();
    describeReceiverConformance(options({ url: Promise.reject(new Error('staging is down')), checks: ['SIG-1', 'SIG-2'] }, jest.globals));
    const outcomes = await runTests(jest.tests);
    expect(outcomes.map((o) => o.error?.message)).toEqual(['staging is down', 'staging is down']);
  });

  it('refuses an http:// URL unless allowHttp, like certify', async () => {
    const jest = recordingJest();
    describeReceiverConformance(options({ url: 'http://127.0.0.1:9/', allowHttp: false, checks: ['SIG-1'] }, jest.globals));
    const [outcome] = await runTests(jest.tests);
    expect(outcome?.error?.message).toBe(
      'refusing plain http target http://127.0.0.1:9/: gridX delivers over https only (TLS-1); set the option allowHttp: true for a local or staging run',
    );
  });

  it('names its own options, not CLI flags, when no secret is given', () => {
    const jest = recordingJest().globals;
    // What `secret: process.env.UNSET_VARIABLE!` gives at run time.
    const missing = (): unknown => describeReceiverConformance({ url: 'http://127.0.0.1:9/', secret: undefined as unknown as string, jest });
    expect(missing).toThrow(SecretMissingError);
    expect(missing).toThrow(
      'no secret given: set the option secret (e.g. secret: process.env.GRIDX_WEBHOOK_SECRET, and check that variable is set), or secrets: [current, next] during a rotation',
    );
    expect(missing).not.toThrow(/--secret|HOOKPROOF_SECRET/);
  });

  it('prints a re-run command that certify runs as given, reproducing the same failures', async () => {
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(202, { 'content-length': '0' }).end();
        return true;
      }),
    );
    const jest = recordingJest();
    const second = `${SECRET}-next`;
    describeReceiverConformance(
      options(
        { url: receiver.url, secrets: [SECRET, second], secret: undefined, checks: ['sig-wrong-secret'], types: ['ev/plugged', 'ev/unplugged'], concurrency: 2 },
        jest.globals,
      ),
    );
    const [outcome] = await runTests(jest.tests);
    const message = outcome?.error?.message ?? '';
    const command = /re-run this check with the same cases: npx --no-install hookproof (.*)$/m.exec(message)?.[1] ?? '';
    expect(command).toBe(
      `certify --url '${receiver.url}' --secret-env HOOKPROOF_SECRET --secret-env HOOKPROOF_SECRET_2 --checks sig-wrong-secret --seed 99 --runs 5 --types ev/plugged,ev/unplugged --timeout-ms 1000 --concurrency 2 --allow-http`,
    );
    // The words split as a shell would (only single quotes are used), then run by the CLI itself.
    const argv = (command.match(/'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^'(.*)'$/, '$1'));
    const dir = await mkdtemp(join(tmpdir(), 'hookproof-rerun-'));
    try {
      const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET, HOOKPROOF_SECRET_2: second } };
      const code = await runCli([...argv, '--report-dir', dir], io);
      expect(code).toBe(1);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { checks: CheckReport[]; seed: number };
      const rerun = report.checks.find((c) => c.id === 'sig-wrong-secret');
      expect(rerun?.status).toBe('fail');
      expect(message).toContain(`(required, ${rerun?.cases} cases, 1 failing case, seed 99)`);
      for (const failure of rerun?.failures ?? []) expect(message).toContain(failure.label);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('describeReceiverConformance with a declared rate (the capacity option)', () => {
  it("adds CAP-1..3 after the checks, runs the capacity phases once, and fails CAP-1 with the receiver's answer and a rerun command at the rate", async () => {
    // The reference receiver; once the checks' tests are done, a bucket of 50 events/s (20 of slack) in front.
    let armed = false;
    let capacityRequests = 0;
    const take = tokenBucket(50, 20);
    const receiver = await closing(
      defectiveReceiver(
        (_req, _body, res) => {
          if (!armed) return false;
          capacityRequests += 1;
          if (take()) return false;
          res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":"pool exhausted"}');
          return true;
        },
        [SECRET],
      ),
    );
    const dir = await mkdtemp(join(tmpdir(), 'hookproof-adapter-capacity-'));
    try {
      const jest = recordingJest();
      const log: string[] = [];
      describeReceiverConformance(
        options(
          { url: receiver.url, checks: ['EVT-1'], types: ['ping'], runs: 2, reportDir: dir, capacity: { rate: 100, durationMs: 1000, outageMs: false, findMax: false } },
          jest.globals,
          log,
        ),
      );
      expect(jest.tests.map((t) => t.name.split(':')[0])).toEqual([
        'EVT-1 evt-valid-events',
        'CAP-1 cap-sustained-rate',
        'CAP-2 cap-recovery-burst',
        'CAP-3 cap-overload-etiquette',
      ]);
      const [checkTest, ...capacityTests] = jest.tests;
      const first = await runTests(checkTest !== undefined ? [checkTest] : []);
      expect(first[0]?.error).toBeUndefined();
      armed = true;
      const outcomes = await runTests(capacityTests);
      const cap1 = outcomes[0]?.error?.message ?? '';
      expect(cap1).toMatch(/^CAP-1 cap-sustained-rate FAIL \(required, 100 cases, \d+ failing cases?, seed 99\)/);
      expect(cap1).toContain('did not hold 100 events/s for 1 s');
      expect(cap1).toContain('{"error":"pool exhausted"}');
      expect(cap1).toMatch(/--checks cap-sustained-rate --seed 99 .*--allow-http --rate 100 --duration 1000ms/);
      // CAP-2 and CAP-3 turned off: their tests pass and say why; the phases ran once for all three.
      expect(outcomes.slice(1).map((o) => o.error)).toEqual([undefined, undefined]);
      expect(log.join('\n')).toMatch(/CAP-2 cap-recovery-burst SKIP .*not exercised/);
      expect(capacityRequests).toBe(100);
      for (const fn of jest.afterAll) await fn();
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as CertificationReport;
      expect(report.checks.map((c) => [c.requirement, c.status])).toEqual([
        ['EVT-1', 'pass'],
        ['CAP-1', 'fail'],
        ['CAP-2', 'skip'],
        ['CAP-3', 'skip'],
      ]);
      expect(report.verdict).toBe('fail');
      expect(report.capacity?.phases[0]).toMatchObject({ rate: 100, sent: 100 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('blocks CAP-1..3 when a check before them found valid events refused, sending no capacity traffic', async () => {
    const receiver = await closing(
      defectiveReceiver(
        (_req, _body, res) => {
          jsonStatus(400, { error: 'unknown tenant' })(res);
          return true;
        },
        [SECRET],
      ),
    );
    const jest = recordingJest();
    const log: string[] = [];
    describeReceiverConformance(options({ url: receiver.url, checks: ['EVT-1'], types: ['ping'], runs: 2, capacity: { rate: 40, durationMs: 1000 } }, jest.globals, log));
    const [checkTest, ...capacityTests] = jest.tests;
    await runTests(checkTest !== undefined ? [checkTest] : []);
    const hits = receiver.hits();
    const outcomes = await runTests(capacityTests);
    // A required requirement not judged must not go green; the recommended ones are logged.
    expect(outcomes[0]?.error?.message).toMatch(/^CAP-1 cap-sustained-rate BLOCKED .*not judged, blocked by EVT-1: correctly signed valid events are not accepted/);
    expect(outcomes.slice(1).map((o) => o.error)).toEqual([undefined, undefined]);
    expect(log.join('\n')).toMatch(/CAP-3 cap-overload-etiquette BLOCKED/);
    expect(receiver.hits()).toBe(hits);
  });

  it('refuses a CAP requirement named without a declared rate, at collection time', () => {
    expect(() => describeReceiverConformance(options({ url: 'http://127.0.0.1:9/', checks: ['CAP-1'] }, recordingJest().globals))).toThrow(
      'CAP-1: judged only with a declared rate: set the option capacity: { rate }',
    );
  });
});
