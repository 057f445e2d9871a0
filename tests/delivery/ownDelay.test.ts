import fc from 'fast-check';
import type { DeliveryResult } from '../../src/delivery';
import { ownDelayExplains } from '../../src/delivery/ownDelay';
import { StallProbe } from '../../src/delivery/stallProbe';

const result = (outcome: DeliveryResult['outcome'], durationMs: number, stalledMs?: number, sentAfterMs?: number): DeliveryResult => ({
  outcome,
  headers: {},
  body: Buffer.alloc(0),
  bodyTruncated: false,
  durationMs,
  ...(stalledMs !== undefined ? { ownDelay: { stalledMs, ...(sentAfterMs !== undefined ? { sentAfterMs } : {}) } } : {}),
});

describe('ownDelayExplains: a late result is re-sent only when hookproof’s own stall could explain it', () => {
  it('never for an answer in time, never without a stall, and never when the receiver had the request for the whole deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 20_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
        (timeoutMs, durationMs, stalledMs, leftAfter) => {
          const sentAfterMs = leftAfter === undefined ? undefined : Math.min(leftAfter, durationMs);
          const deadline = Math.min(timeoutMs, 5000);
          const explains = ownDelayExplains(result('success', durationMs, stalledMs, sentAfterMs), timeoutMs);
          if (durationMs <= deadline || stalledMs < 50) expect(explains).toBe(false);
          else expect(explains).toBe(durationMs - (sentAfterMs ?? durationMs) < deadline || durationMs - stalledMs <= deadline);
          expect(ownDelayExplains(result('success', durationMs), timeoutMs)).toBe(false);
        },
      ),
    );
  });

  it('a timeout whose request left late (or never) because of the stall is explained; one the receiver sat on is not', () => {
    expect(ownDelayExplains(result('timeout', 1530, 1480, 1500), 1000)).toBe(true);
    expect(ownDelayExplains(result('timeout', 1530, 1480), 1000)).toBe(true);
    expect(ownDelayExplains(result('timeout', 1530, 1480, 2), 1000)).toBe(false);
    expect(ownDelayExplains(result('timeout', 8000, 1500, 1500), 8000)).toBe(false);
    expect(ownDelayExplains(result('timeout', 1010, 20, 900), 1000)).toBe(false);
  });
});

describe('StallProbe', () => {
  it('sees a blocked event loop while held, and nothing outside the span asked about', () => {
    const probe = new StallProbe();
    probe.hold();
    const from = performance.now();
    const end = Date.now() + 300;
    while (Date.now() < end) {
      // hookproof's own loop, blocked
    }
    const to = performance.now();
    expect(probe.stalledMs(from, to)).toBeGreaterThanOrEqual(200);
    expect(probe.stalledMs(to + 100, to + 1000)).toBe(0);
    probe.release();
  });

  it('lists its stalls as spans (one still in progress included), which stalledMs adds up', () => {
    const probe = new StallProbe({ keepMs: Number.POSITIVE_INFINITY });
    probe.hold();
    const from = performance.now();
    const end = Date.now() + 300;
    while (Date.now() < end) {
      // blocked: the probe's tick has not run yet, so the stall is still in progress
    }
    const spans = probe.spans();
    const to = performance.now();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect((span?.to ?? 0) - (span?.from ?? 0)).toBeGreaterThanOrEqual(200);
    expect(span?.from).toBeGreaterThanOrEqual(from);
    expect(probe.stalledMs(from, to)).toBeCloseTo((span?.to ?? 0) - (span?.from ?? 0), -1);
    probe.release();
  });
});
