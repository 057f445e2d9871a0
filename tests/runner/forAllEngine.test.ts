import fc from 'fast-check';
import type { Failure } from '../../src/evidence/failure';
import type { OutgoingCase, PropertySpec } from '../../src/checks/checkContext';
import type { DeliveryResult } from '../../src/delivery';
import { forAll, SHRINK_BUDGET, type PropertyHost } from '../../src/runner/forAll';

// The engine over a host that answers from a table: what is under test is the engine's own
// bookkeeping (seeding, tallies, shrink budget, stopping), the same for both kinds of case. Real
// receivers play every check through it in tests/checks.
const answer = (status: number, extra: Partial<DeliveryResult> = {}): DeliveryResult => ({
  outcome: status >= 200 && status < 300 ? 'success' : status === 413 || status === 400 ? 'permanent' : 'transient',
  status,
  headers: {},
  body: Buffer.alloc(0),
  bodyTruncated: false,
  durationMs: 1,
  ...extra,
});

function host(respond: (outgoing: OutgoingCase) => DeliveryResult, stop: () => string | undefined = () => undefined) {
  const sent: string[] = [];
  const h: PropertyHost = {
    check: { id: 'test-check', requirement: 'DLV-4' },
    seed: 42,
    runs: 20,
    maxEventBytes: 64 * 1024,
    send: (outgoing) => {
      sent.push(outgoing.label);
      return Promise.resolve(respond(outgoing));
    },
    stopReason: stop,
    failure: (outgoing, result, expected): Failure => ({ case: 'test-check#1', label: outgoing.label, expected, actual: String(result.status) }) as unknown as Failure,
  };
  return { h, sent };
}

const delivery = (label: string): OutgoingCase => ({ label, variant: 'valid', body: Buffer.from(label), signature: undefined });

// Forty numbers: a failure takes hundreds of shrink steps, far more than the budget.
const values = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 40, maxLength: 40 });

const single: PropertySpec<number[]> = {
  name: 'single',
  arbitrary: values,
  toCase: (n) => delivery(`n=${n.join(',')}`),
  judge: (_n, result) => ({ ok: result.outcome === 'success', expected: 'a success' }),
};

const scenario: PropertySpec<number[]> = {
  name: 'scenario',
  arbitrary: values,
  async play(n, io) {
    await io.send(delivery(`first ${n.join(',')}`));
    const outgoing = delivery(`again ${n.join(',')}`);
    const result = await io.send(outgoing);
    return result.outcome === 'success' ? undefined : { outgoing, result, expected: 'a success again' };
  },
};

describe('forAll, the one property engine', () => {
  it.each([single, scenario])('draws the same cases for the same seed ($name)', async (spec) => {
    const a = host(() => answer(202));
    const b = host(() => answer(202));
    const outcome = await forAll(a.h, spec);
    await forAll(b.h, spec);
    expect(a.sent).toEqual(b.sent);
    expect(outcome).toEqual({ cases: a.sent.length, judged: 20, failures: [] });
  });

  it.each([single, scenario])('spends at most the shrink budget on one failure, and says so ($name)', async (spec) => {
    const { h, sent } = host(() => answer(500));
    const outcome = await forAll(h, spec);
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.cases).toBe(sent.length);
    // The first failing case, then at most the budget (a scenario's last case may finish past it).
    expect(outcome.cases).toBeLessThanOrEqual(2 + SHRINK_BUDGET + 1);
    expect(outcome.stoppedEarly).toMatch(/^shrinking stopped after 30 deliveries/);
  });

  it.each([single, scenario])('counts a valid delivery refused as too large as blocked by EVT-4, never failed ($name)', async (spec) => {
    const { h } = host(() => answer(413));
    const outcome = await forAll(h, spec);
    expect(outcome.failures).toEqual([]);
    expect(outcome.judged).toBe(0);
    expect(outcome.blocked).toMatchObject({ count: 20, by: ['EVT-4'] });
  });

  it.each([single, scenario])('counts a wrong answer late while hookproof stalled as inconclusive ($name)', async (spec) => {
    const { h } = host(() => answer(500, { inconclusive: 'hookproof stalled' }));
    const outcome = await forAll(h, spec);
    expect(outcome.failures).toEqual([]);
    expect(outcome.inconclusive).toMatchObject({ count: 20, reason: 'hookproof stalled' });
  });

  it.each([single, scenario])('sends nothing once the run says stop, and says why ($name)', async (spec) => {
    const { h, sent } = host(
      () => answer(202),
      () => 'the receiver is gone',
    );
    const outcome = await forAll(h, spec);
    expect(sent).toEqual([]);
    expect(outcome).toMatchObject({ cases: 0, judged: 0, failures: [], stoppedEarly: 'the receiver is gone' });
  });
});
