import type { DeliveryResult } from '../../src/delivery';
import { ReserialisationEvidence } from '../../src/findings/ReserialisationEvidence';
import fc from 'fast-check';
import { RESERIALISERS, reserialisationChanges } from '../../src/findings/reserialisers';
import { RAW_BODY_HINT } from '../../src/findings/reserialisedBody';
import { receiverVerifyingWith, verifiesReserialisedJson } from '../checks/signature/defects';
import { certify } from '../checks/support/runCheck';
import { closeAfterEach } from '../support/servers';

const answer = (status: number): DeliveryResult =>
  ({ status, outcome: status < 300 ? 'success' : 'permanent', headers: {}, body: Buffer.alloc(0), bodyTruncated: false, durationMs: 1 }) as unknown as DeliveryResult;

const plain = Buffer.from('{"id":"a","n":1,"s":"x"}');
const bigInteger = Buffer.from('{"id":"a","n":9223372036854774784}');
const unsorted = Buffer.from('{"s":"x","id":"a"}');
const nonAscii = Buffer.from('{"id":"a","s":"é"}');

describe('ReserialisationEvidence', () => {
  it('names the re-serialisation whose changed bodies are exactly the refused ones', () => {
    const byStringify = new ReserialisationEvidence();
    byStringify.record(plain, answer(202));
    byStringify.record(bigInteger, answer(401));
    expect(byStringify.pattern()).toBe('JSON.stringify(JSON.parse(body))');

    const bySortedKeys = new ReserialisationEvidence();
    bySortedKeys.record(plain, answer(202));
    bySortedKeys.record(unsorted, answer(401));
    expect(bySortedKeys.pattern()).toBe('the parsed body written with sorted keys');

    const byEscaping = new ReserialisationEvidence();
    byEscaping.record(plain, answer(204));
    byEscaping.record(nonAscii, answer(401));
    expect(byEscaping.pattern()).toBe('the parsed body written with non-ASCII characters escaped');
  });

  it('names none on partial evidence: nothing accepted, nothing refused, a refused body it keeps, an accepted body it changes', () => {
    const cases: ReadonlyArray<ReadonlyArray<readonly [Buffer, number]>> = [
      [[bigInteger, 401]],
      [[plain, 202]],
      [
        [plain, 202],
        [bigInteger, 401],
        [plain, 401],
      ],
      [
        [plain, 202],
        [bigInteger, 401],
        [bigInteger, 202],
      ],
    ];
    for (const deliveries of cases) {
      const evidence = new ReserialisationEvidence();
      for (const [body, status] of deliveries) evidence.record(body, answer(status));
      expect(evidence.pattern()).toBeUndefined();
    }
  });

  it('leaves out answers that say nothing about the signature (413, transient, no answer)', () => {
    const evidence = new ReserialisationEvidence();
    evidence.record(plain, answer(202));
    evidence.record(bigInteger, answer(401));
    evidence.record(plain, answer(413));
    evidence.record(plain, { ...answer(503), outcome: 'transient' });
    evidence.record(plain, { outcome: 'timeout', headers: {}, body: Buffer.alloc(0), durationMs: 1 } as unknown as DeliveryResult);
    expect(evidence.pattern()).toBe('JSON.stringify(JSON.parse(body))');
  });

  it('says a body changes exactly when writing it gives other bytes (the shortcut never disagrees with the writer)', () => {
    const bodies = fc.oneof(
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...[plain, bigInteger, unsorted, nonAscii].map(String), '{"s":"\\u00e9"}', 'null'),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        expect(reserialisationChanges(body)).toEqual(RESERIALISERS.map(({ write }) => write(body) !== body));
      }),
    );
  });

  it('every re-serialisation keeps a body already in its own form', () => {
    for (const { write } of RESERIALISERS) expect(write(plain.toString())).toBe(plain.toString());
  });
});

describe('a receiver that verifies HMAC over JSON.stringify(JSON.parse(body))', () => {
  const closing = closeAfterEach();

  it('fails SIG-8 and nothing it does right; its first finding is SIG-8, with the hint', async () => {
    const receiver = await closing(receiverVerifyingWith(verifiesReserialisedJson));
    const report = await certify(receiver.url, { runs: 10 });
    const notPassing = report.requirements.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id);
    expect(notPassing.filter((id) => id !== 'TLS-1')).toEqual(['SIG-8']);
    const sig8 = report.checks.find((c) => c.requirement === 'SIG-8');
    expect(sig8?.status).toBe('fail');
    expect(sig8?.note).toContain(RAW_BODY_HINT);
    const [first] = report.findings ?? [];
    expect(first?.explains).toEqual(['SIG-8']);
    expect(first?.title).toContain(RAW_BODY_HINT);
    expect(first?.title).toContain('JSON.stringify(JSON.parse(body))');
    // EVT-4's int64 extremes do not survive JSON.parse: that refusal moved to SIG-8, and EVT-4 is blocked by it.
    expect(sig8?.failures.map((f) => f.case)).toContain('evt-boundary-values#1');
    expect(report.checks.find((c) => c.requirement === 'EVT-4')).toMatchObject({ status: 'blocked', blockedBy: ['SIG-8'], failures: [] });
    expect(first?.blocks).toContain('EVT-4');
    // Every other check that was not judged is blocked by SIG-8, never by SIG-1, EVT-3 or DLV-5.
    for (const check of report.checks.filter((c) => c.status === 'blocked')) expect(check.blockedBy).toEqual(['SIG-8']);
  });
});
