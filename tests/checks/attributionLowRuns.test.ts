import fc from 'fast-check';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequirementId } from '../../src/contract';
import { defaultEngine } from '../support/engine';
import { closeAfterEach, type RunningReceiver } from '../support/servers';
import { TRANSPORT_TYPES } from '../support/transportTypes';
import { DEFECTS, type DefectName } from './events/support/defects';
import { defectiveReceiver } from './support/receivers';
import { certify } from './support/runCheck';

/**
 * Attribution at any --runs: a receiver with one defect of the events area has it reported under
 * its own requirement, and the other checks pass or are blocked, whatever the seed and however few
 * the runs, also when the receiver once leaves a request of another check's kind unanswered (a
 * pause, as a loaded machine makes one). Such a missing answer used to be that check's failure
 * as soon as the case's control was accepted: at 5 runs, evt-unknown-type warned against a strict
 * decoder and against a receiver that answers deprecated types 503, and evt-invalid-events against
 * one that crashes on unknown types. The missing answer is DLV-1's; the case is sent once more and
 * judged by the answer it gets (forAll, deliveryPlayer).
 */

const { catalogue, validators } = defaultEngine();
const CHECKS = ['evt-unknown-type', 'evt-invalid-events', 'evt-deprecated-types', 'evt-unknown-properties'];
// A deprecated type (EVT-5 judges only those) and a current one (the other checks judge only those).
const ALWAYS = ['ev/update', 'ev/plugged'];
// The receiver answers in milliseconds; the timeout leaves a loaded machine room, the pause exceeds it.
const TIMEOUT_MS = 2_500;
const PAUSE_MS = 4_000;

type Json = Record<string, unknown>;
const parse = (body: Buffer): Json | undefined => {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
};
const unknownType = (body: Buffer): boolean => {
  const type = parse(body)?.type;
  return typeof type === 'string' && !catalogue.has(type);
};
const invalidEvent = (body: Buffer): boolean => {
  const event = parse(body);
  return event === undefined || (typeof event.type === 'string' && catalogue.has(event.type) && !validators.validate(event).valid);
};

/** Each defect, its requirement, and the kind of request of another check that the receiver once leaves unanswered. */
const ROWS: ReadonlyArray<{ readonly defect: DefectName; readonly own: RequirementId; readonly pausesOn: (body: Buffer) => boolean }> = [
  { defect: 'rejectsUnknownFields', own: 'EVT-3', pausesOn: unknownType },
  { defect: 'unavailableForDeprecated', own: 'EVT-5', pausesOn: unknownType },
  { defect: 'crashesOnUnknownType', own: 'EVT-6', pausesOn: invalidEvent },
];

/** The defective receiver, which leaves the `nth` request that `pausesOn` picks unanswered for PAUSE_MS (then drops it). */
function pausingOnce(defect: DefectName, pausesOn: (body: Buffer) => boolean, nth: number): Promise<RunningReceiver> {
  let seen = 0;
  return defectiveReceiver((_req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    if (!pausesOn(body) || (seen += 1) !== nth) return DEFECTS[defect](_req, body, res);
    setTimeout(() => res.destroy(), PAUSE_MS).unref();
    return true;
  });
}

describe('attribution at small --runs: each defect under its own requirement, whatever the seed', () => {
  const closing = closeAfterEach();

  it('a receiver that never answers an unknown type still warns EVT-6: sent again, the case gets no answer either', async () => {
    const receiver = await closing(
      defectiveReceiver((_req, body, res) => {
        if (!unknownType(body)) return false;
        setTimeout(() => res.destroy(), PAUSE_MS).unref();
        return true;
      }),
    );
    const report = await certify(receiver.url, { checks: ['evt-unknown-type'], runs: 3, types: ['ev/plugged'], timeoutMs: TIMEOUT_MS });
    expect(report.checks[0]).toMatchObject({ status: 'warn', failures: [expect.objectContaining({ actual: expect.stringMatching(/^timeout/) })] });
  });

  it.each(ROWS)(
    '$defect: $own fails (or warns); the other event checks pass or are blocked',
    async ({ defect, own, pausesOn }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: 10_000 }),
          fc.integer({ min: 3, max: 8 }),
          fc.integer({ min: 1, max: 2 }),
          fc.subarray(TRANSPORT_TYPES.filter((t) => !ALWAYS.includes(t))),
          async (seed, runs, nth, others) => {
            const receiver = await closing(pausingOnce(defect, pausesOn, nth));
            const report = await certify(receiver.url, { checks: CHECKS, seed, runs, types: [...ALWAYS, ...others], timeoutMs: TIMEOUT_MS, concurrency: 1 });
            const mine = report.checks.find((c) => c.requirement === own);
            expect(mine?.status).toBe(mine?.severity === 'required' ? 'fail' : 'warn');
            // Inconclusive only says hookproof's own process stalled (a loaded machine): never a finding.
            for (const check of report.checks.filter((c) => c.requirement !== own)) expect(`${check.id}: ${check.status}`).toMatch(/: (pass|blocked|skip|inconclusive)$/);
          },
        ),
        { numRuns: 3 },
      );
    },
    120_000,
  );
});
