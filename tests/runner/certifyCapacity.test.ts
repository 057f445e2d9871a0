import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportFile } from '../../src/attest/readReportFile';
import { signReportFile } from '../../src/attest/signReport';
import { verifyReport } from '../../src/attest/verifyReport';
import { runRecheck } from '../../src/recheck/runRecheck';
import { writeReports } from '../../src/reports/writeReports';
import { renderReportHtml } from '../../src/reports';
import { runCertification, type CertifyOptions } from '../../src';
import type { CertificationReport, CheckReport } from '../../src/evidence/certificationReport';
import type { ProgressEvent } from '../../src/evidence/progressEvent';
import { judgeScope } from '../../src/evidence/scope';
import { REQUIREMENTS } from '../../src/contract/requirements';
import { defectiveReceiver, SECRET } from '../checks/support/receivers';
import { tokenBucket } from '../capacity/capacityReceivers';
import { defaultEngine } from '../support/engine';
import { closeAfterEach, type RunningReceiver } from '../support/servers';

// certify --rate as a library call: the reference receiver (sound for every conformance check)
// with a token bucket in front of it once the capacity phases start, so the conformance checks
// are judged as always and the bucket alone decides CAP-1..3. Rates are tens of events per second
// and phases a second or two: the receivers' limits, not the loaded machine, decide the verdicts.
const TYPES = ['ev/plugged', 'inverter/status', 'ping'];
const closing = closeAfterEach();

interface BucketedReceiver extends RunningReceiver {
  /** Requests that reached the bucket (sent once the capacity phases began). */
  capacityRequests(): number;
  /** An onProgress listener that arms the bucket when the last conformance check ends. */
  readonly onProgress: (event: ProgressEvent) => void;
}

/** The reference receiver; once armed, beyond `rate` events/s (`burst` of slack) `overload` answers. */
async function bucketedReceiver(rate: number, burst: number, overload: (res: ServerResponse) => void): Promise<BucketedReceiver> {
  let armed = false;
  let requests = 0;
  let conformanceChecks = Number.POSITIVE_INFINITY;
  let ended = 0;
  const take = tokenBucket(rate, burst);
  const receiver = await closing(
    defectiveReceiver((_req: IncomingMessage, _body: Buffer, res: ServerResponse) => {
      if (!armed) return false;
      requests += 1;
      if (take()) return false;
      overload(res);
      return true;
    }),
  );
  const onProgress = (event: ProgressEvent): void => {
    if (event.kind === 'start') conformanceChecks = event.checks - 3;
    if (event.kind === 'check-end' && !event.check.requirement.startsWith('CAP-')) ended += 1;
    // Synchronous: the bucket is armed before the first capacity event leaves.
    if (ended >= conformanceChecks) armed = true;
  };
  return { ...receiver, capacityRequests: () => requests, onProgress };
}

const busy = (res: ServerResponse): void => void res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":"pool exhausted"}');

function cap(report: CertificationReport, requirement: string): CheckReport {
  const found = report.checks.find((c) => c.requirement === requirement);
  if (found === undefined) throw new Error(`${requirement} is not in the report: ${report.checks.map((c) => c.requirement).join(', ')}`);
  return found;
}

function certify(receiver: BucketedReceiver | RunningReceiver, options: Partial<CertifyOptions>): Promise<CertificationReport> {
  return runCertification({ url: receiver.url, secrets: [SECRET], allowHttp: true, engine: defaultEngine(), seed: 5, retryBaseDelayMs: 5, ...options });
}

/** certify narrowed to EVT-1 on TYPES, 2 runs, then `capacity`: what the tests here vary is the capacity part. */
function certifyAtRate(receiver: BucketedReceiver | RunningReceiver, capacity: CertifyOptions['capacity']): Promise<CertificationReport> {
  return certify(receiver, {
    ...('onProgress' in receiver ? { onProgress: receiver.onProgress } : {}),
    checks: ['EVT-1'],
    types: TYPES,
    runs: 2,
    ...(capacity !== undefined ? { capacity } : {}),
  });
}

describe('certify with a declared rate (the capacity option)', () => {
  // A full-scope run (every check, every type, 100 cases each) takes about 40 s on the CI machine:
  // the scope rule itself is proven below; here the conformance part is narrowed, and the scope
  // counts CAP-1..3 as run.
  it('at 0.8 R of a receiver holding R events/s: CAP-1..3 pass after the conformance checks, verdict pass, CAP-1..3 in scope', async () => {
    const receiver = await bucketedReceiver(50, 20, busy);
    const report = await certify(receiver, {
      onProgress: receiver.onProgress,
      checks: ['SIG-1', 'EVT-1', 'DLV-4'],
      types: TYPES,
      runs: 2,
      capacity: { rate: 40, durationMs: 1000, outageMs: 500, retryBaseMs: 5, findMax: { maxRate: 80, stepMs: 1000, cooldownMs: 200 } },
    });
    expect([cap(report, 'CAP-1').status, cap(report, 'CAP-2').status, cap(report, 'CAP-3').status]).toEqual(['pass', 'pass', 'pass']);
    expect(cap(report, 'CAP-1').note).toMatch(/^held 40 events\/s for 1 s: 40 of 40 accepted within 5 s/);
    // CAP-3 was probed above the declared rate, up to the ceiling, and the overload was refused fast.
    expect(report.capacity?.findMax?.brokeAt?.rate).toBeGreaterThan(40);
    expect(cap(report, 'CAP-3').note).toMatch(/refused \d+ deliver(y|ies) quickly with a transient status, Retry-After on \d+/);
    expect(report.verdict).toBe('pass');
    expect(report.scope?.narrowed).toEqual(['checks', 'types', 'runs']);
    expect(report.scope?.details[0]).toMatch(/^checks: 24 of 30 requirements not run/);
    expect(report.scope?.details.join(' ')).not.toMatch(/CAP-/);
    expect(report.requirements.map((r) => r.id).slice(-3)).toEqual(['CAP-1', 'CAP-2', 'CAP-3']);
    expect(report.capacity?.phases[0]).toMatchObject({ name: 'declared rate', rate: 40, sent: 40 });
    expect(report.capacity?.recovery?.accepted).toBe(
      (report.capacity?.recovery?.backlog ?? 0) + (report.capacity?.recovery?.duplicates ?? 0) + (report.capacity?.recovery?.live ?? 0),
    );
    // Capacity traffic came only after the conformance checks: the bucket saw every capacity event and nothing else.
    const sentByCapacity = (report.capacity?.phases ?? []).reduce((sum, p) => sum + p.sent, 0);
    expect(receiver.capacityRequests()).toBeGreaterThanOrEqual(sentByCapacity);
  }, 60_000);

  it('at 1.5 R: CAP-1 fails the verdict, and each failure carries the receiver’s own answer and a replayable request', async () => {
    const receiver = await bucketedReceiver(50, 20, busy);
    const report = await certifyAtRate(receiver, { rate: 75, durationMs: 2000, outageMs: false, findMax: false });
    const cap1 = cap(report, 'CAP-1');
    expect(cap1.status).toBe('fail');
    expect(report.verdict).toBe('fail');
    expect(report.verdictReason).toMatch(/CAP-1/);
    expect(cap1.note).toMatch(/^did not hold 75 events\/s for 2 s: \d+ of 150 not accepted within 5 s: \d+ transient \(503 ×\d+\)/);
    const first = cap1.failures[0];
    expect(first?.answer).toMatchObject({ status: 503, outcome: 'transient', headers: { 'retry-after': '1' }, body: '{"error":"pool exhausted"}' });
    expect(first?.actual).toMatch(/^503 transient after \d+ ms/);
    // The recorded request is the event sent, rebuilt byte for byte: its id is the failure's, signed with the secret.
    const body = Buffer.from(first?.request.bodyBase64 ?? '', 'base64');
    expect(first?.label).toContain((JSON.parse(body.toString('utf8')) as { id: string }).id);
    expect(first?.reproduce.replay).toContain(`replay`);
    expect(first?.reproduce.curl).toContain('openssl dgst -sha512 -hmac "$HOOKPROOF_SECRET"');
    expect(first?.request.signature.fingerprint).toBeDefined();
    // CAP-2 and CAP-3 were turned off: skipped, and not counted as run in the scope (26 conformance requirements and these two).
    expect([cap(report, 'CAP-2').status, cap(report, 'CAP-3').status]).toEqual(['skip', 'skip']);
    expect(report.scope?.details[0]).toMatch(/^checks: 28 of 30 requirements not run/);
    // The findings model groups the 503s like any other answer.
    expect(report.findings?.some((f) => f.explains.includes('CAP-1'))).toBe(true);
  }, 60_000);

  it('after a failed CAP-1 the overload probe stops at its time budget, and the report calls the rate it held a lower bound', async () => {
    // Declared at 4 R: CAP-1 fails, and the probe bisects down from the declared rate. Unbounded it
    // would run until the bracket is 10 % tight (five steps or more); a budget of 2 s with steps of
    // 500 ms and 100 ms between them leaves room for three at most.
    const receiver = await bucketedReceiver(20, 4, busy);
    const report = await certifyAtRate(receiver, { rate: 80, durationMs: 1000, outageMs: false, findMax: { maxRate: 160, stepMs: 500, cooldownMs: 100, budgetMs: 2000 } });
    expect(cap(report, 'CAP-1').status).toBe('fail');
    const findMax = report.capacity?.findMax;
    const steps = (report.capacity?.phases ?? []).filter((p) => p.name.startsWith('find-max'));
    expect(report.capacity?.settings.findMax).toEqual({ startRate: 80, maxRate: 160, stepMs: 500, cooldownMs: 100, budgetMs: 2000 });
    expect(findMax?.bounded).toMatchObject({ by: 'time budget', afterSteps: steps.length, budgetMs: 2000 });
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(steps.length).toBeLessThanOrEqual(3);
    expect(steps[0]?.rate).toBe(80);
    // The search was not done: the bracket is wider than its 10 %.
    const held = findMax?.maxHeldRate ?? 0;
    expect(held === 0 || (findMax?.brokeAt?.rate ?? 0) / held > 1.1).toBe(true);
    const cap3 = cap(report, 'CAP-3');
    expect(cap3.note).toMatch(/; the overload probe was bounded: it stopped at its time budget of 2\.0 s after \d steps? \(\d+\.\d s\), before its search was done; /);
    expect(cap3.note).toMatch(
      held > 0
        ? new RegExp(`the receiver holds at least ${held} events/s and broke at [\\d.]+/s: a lower bound, not its maximum$`)
        : /no rate it tried was held .*so it found no maximum$/,
    );
    expect(renderReportHtml(report)).toContain('<strong>Bounded:</strong> the overload probe was bounded');
  }, 60_000);

  it('a receiver answering 400 under overload: CAP-3 warns "events lost" (a recommended requirement: the verdict still passes)', async () => {
    const receiver = await bucketedReceiver(30, 5, (res) => void res.writeHead(400, { 'content-type': 'text/plain' }).end('too busy'));
    const report = await certifyAtRate(receiver, { rate: 20, durationMs: 1000, outageMs: false, findMax: { maxRate: 60, stepMs: 500, cooldownMs: 50 } });
    expect(cap(report, 'CAP-1').status).toBe('pass');
    const cap3 = cap(report, 'CAP-3');
    expect(cap3.status).toBe('warn');
    expect(cap3.note).toMatch(/^\d+ events? lost under overload/);
    expect(cap3.failures[0]?.answer).toMatchObject({ status: 400, outcome: 'permanent', body: 'too busy' });
    expect(report.verdict).toBe('pass');
  }, 60_000);

  it("a receiver dropping an outage's backlog (507 when its queue is full): CAP-2 warns, the verdict still passes", async () => {
    const receiver = await bucketedReceiver(50, 20, (res) => void res.writeHead(507, { 'content-type': 'application/json' }).end('{"error":"queue full"}'));
    const report = await certifyAtRate(receiver, { rate: 20, durationMs: 1000, outageMs: 2000, retryBaseMs: 5, findMax: false });
    expect(cap(report, 'CAP-1').status).toBe('pass');
    const cap2 = cap(report, 'CAP-2');
    expect(cap2.status).toBe('warn');
    expect(cap2.note).toMatch(/^did not absorb a backlog of 40 \(\+4 duplicates\) with 20 live events: \d+ deliver(y|ies) refused permanently/);
    expect(cap2.failures[0]?.answer).toMatchObject({ status: 507, outcome: 'permanent' });
    expect(report.verdict).toBe('pass');
  }, 60_000);

  it('a receiver refusing every valid event: CAP-1..3 blocked by EVT-1, and no capacity traffic is sent', async () => {
    let hitsAtLastCheck = -1;
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown tenant');
        return true;
      }),
    );
    const report = await certify(receiver, {
      checks: ['EVT-1'],
      types: TYPES,
      runs: 2,
      capacity: { rate: 40, durationMs: 1000 },
      onProgress: (event) => {
        if (event.kind === 'check-end' && event.check.requirement === 'EVT-1') hitsAtLastCheck = receiver.hits();
      },
    });
    expect(cap(report, 'EVT-1').status).toBe('fail');
    for (const id of ['CAP-1', 'CAP-2', 'CAP-3']) {
      expect(cap(report, id)).toMatchObject({ status: 'blocked', blockedBy: ['EVT-1'], cases: 0 });
      expect(cap(report, id).note).toMatch(/^blocked by EVT-1: correctly signed valid events are not accepted .*no capacity traffic was sent$/);
    }
    expect(hitsAtLastCheck).toBeGreaterThan(0);
    expect(receiver.hits()).toBe(hitsAtLastCheck);
    expect(report.capacity?.phases).toEqual([]);
    expect(report.requirements.find((r) => r.id === 'CAP-1')?.status).toBe('blocked');
  }, 60_000);

  it('a CAP requirement named without a declared rate, or a bad rate, is a one-line usage error before anything is sent', async () => {
    const receiver = await closing(defectiveReceiver(() => false));
    await expect(certify(receiver, { checks: ['CAP-1'] })).rejects.toThrow('CAP-1 is judged only with a declared rate: add --rate N/s (the capacity option)');
    await expect(certify(receiver, { capacity: { rate: 0 } })).rejects.toThrow(/^--rate must be a rate from above 0 to 20000 events\/s, got 0$/);
    await expect(certify(receiver, { capacity: { rate: 10, findMax: { maxRate: 5 } } })).rejects.toThrow(/--max-rate must be from the declared rate/);
    expect(receiver.hits()).toBe(0);
  });
});

describe('the scope of a run with a declared rate', () => {
  const conformance = REQUIREMENTS.filter((r) => r.remotelyTestable && r.judgedWhen === undefined).map((r) => r.id);
  const facts = { types: { selected: 1, all: 1 }, runs: 100, timeoutMs: 5000 };

  it('is full with every check and CAP-1..3; without a rate CAP-1..3 are not part of it; capacity alone is partial', () => {
    expect(judgeScope({ ...facts, requirements: [...conformance, 'CAP-1', 'CAP-2', 'CAP-3'], rateDeclared: true }).level).toBe('full');
    expect(judgeScope({ ...facts, requirements: conformance }).level).toBe('full');
    const noCap2 = judgeScope({ ...facts, requirements: [...conformance, 'CAP-1', 'CAP-3'], rateDeclared: true });
    expect(noCap2.details).toEqual([`checks: 1 of ${conformance.length + 3} requirements not run (CAP-2)`]);
    expect(judgeScope({ ...facts, requirements: ['CAP-1', 'CAP-2', 'CAP-3'], rateDeclared: true }).level).toBe('partial');
  });
});

describe('a report with a capacity section, after it is written', () => {
  it('report verify finds it sound (digest, verdict, scope, a signed attestation), and recheck reruns it at the declared rate', async () => {
    const receiver = await closing(defectiveReceiver(() => false));
    const capacity = { rate: 20, durationMs: 1000, outageMs: false, findMax: false } as const;
    const report = await certifyAtRate(receiver, capacity);
    expect(cap(report, 'CAP-1').status).toBe('pass');
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-capacity-report-'));
    const files = await writeReports(report, dir, [SECRET]);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await signReportFile(files.json, privateKey);
    const written = readReportFile(files.json);
    expect(written.capacity?.settings).toEqual({ rate: 20, durationMs: 1000, retryBaseMs: 1000, maxInFlight: 256 });
    expect(verifyReport(written, files.json, publicKey)).toMatchObject({ digest: 'valid', verdict: 'consistent', signature: 'valid', problems: [] });

    const before = receiver.hits();
    const again = await runRecheck({ original: written, originalPath: files.json, secrets: [SECRET], url: receiver.url, allowHttp: true, allowPrivate: true, scope: 'same' });
    expect(again.recheck?.verdict).toBe('confirmed');
    expect(again.capacity?.phases[0]).toMatchObject({ rate: 20, sent: 20 });
    expect(receiver.hits() - before).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
