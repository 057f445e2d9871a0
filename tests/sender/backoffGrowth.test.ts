import fc from 'fast-check';
import { judgeGrowth, stalledWithin, type MeasuredWait, type OwnStall } from '../../src/sender/backoffGrowth';

const MIN_GROWTH = 1.25;

/** The rule judged blind to stalls: the first wait shorter than MIN_GROWTH times the one before. */
function firstTooShort(waits: readonly number[]): number | undefined {
  const at = waits.findIndex((w, i) => i > 0 && w < (waits[i - 1] as number) * MIN_GROWTH);
  return at > 0 ? at : undefined;
}

/**
 * A sender's real waits, the stall of hookproof's own process around each, and where the stall
 * moved what was measured: by any whole number of ms up to the stall, either way.
 */
const stalledRun = fc
  .array(
    fc.record({
      real: fc.integer({ min: 0, max: 20_000 }),
      stalledMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
      shift: fc.double({ min: -1, max: 1, noNaN: true }),
    }),
    {
      minLength: 2,
      maxLength: 7,
    },
  )
  .map((waits) => ({
    real: waits.map((w) => w.real),
    measured: waits.map((w): MeasuredWait => ({ ms: w.real + Math.round(w.shift * w.stalledMs), stalledMs: w.stalledMs })),
  }));

/** Real waits that grow by at least MIN_GROWTH: a correct sender. */
const growingRun = fc
  .tuple(
    fc.integer({ min: 0, max: 2_000 }),
    fc.array(
      fc.record({
        growth: fc.double({ min: MIN_GROWTH, max: 3, noNaN: true }),
        stalledMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
        shift: fc.double({ min: -1, max: 1, noNaN: true }),
      }),
      {
        minLength: 2,
        maxLength: 6,
      },
    ),
  )
  .map(([first, steps]) => {
    const real: number[] = [];
    // Whole milliseconds, as the bounds are compared exactly.
    for (const step of steps) real.push(real.length === 0 ? first : Math.ceil((real[real.length - 1] as number) * step.growth));
    return steps.map((step, i): MeasuredWait => ({ ms: (real[i] as number) + Math.round(step.shift * step.stalledMs), stalledMs: step.stalledMs }));
  });

describe('judgeGrowth: backoff judged knowing hookproof’s own stalls', () => {
  it('without stalls is the blind rule: the first wait shorter than 1.25× the one before, never undecided', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 8 }), (waits) => {
        const verdict = judgeGrowth(
          waits.map((ms) => ({ ms, stalledMs: 0 })),
          MIN_GROWTH,
        );
        const at = firstTooShort(waits);
        expect(verdict).toEqual(at === undefined ? { kind: 'grows' } : { kind: 'no-backoff', at });
      }),
    );
  });

  it('never fails a sender whose real waits grow, however its own stalls moved what was measured', () => {
    fc.assert(
      fc.property(growingRun, (measured) => {
        expect(judgeGrowth(measured, MIN_GROWTH).kind).not.toBe('no-backoff');
      }),
    );
  });

  it('decides only what holds for the real waits: no-backoff at a comparison the real waits fail, grows only when they all pass', () => {
    fc.assert(
      fc.property(stalledRun, ({ real, measured }) => {
        const verdict = judgeGrowth(measured, MIN_GROWTH);
        if (verdict.kind === 'no-backoff') expect(real[verdict.at] as number).toBeLessThan((real[verdict.at - 1] as number) * MIN_GROWTH);
        if (verdict.kind === 'grows') expect(firstTooShort(real)).toBeUndefined();
        if (verdict.kind === 'unjudged') expect(verdict.stalledMs).toBeGreaterThan(0);
      }),
    );
  });

  it('still fails on two waits no stall touched, wherever else the stalls were', () => {
    fc.assert(
      fc.property(stalledRun, fc.nat(), fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.79, noNaN: true }), ({ measured }, position, longer, ratio) => {
        // Two unstalled waits, the second shorter than 1.25× the first, put somewhere in the run.
        const at = 1 + (position % measured.length);
        const waits = [...measured.slice(0, at - 1), { ms: longer, stalledMs: 0 }, { ms: longer * ratio * MIN_GROWTH, stalledMs: 0 }, ...measured.slice(at - 1)];
        const verdict = judgeGrowth(waits, MIN_GROWTH);
        expect(verdict.kind).toBe('no-backoff');
        expect(verdict.kind === 'no-backoff' && verdict.at <= at).toBe(true);
      }),
    );
  });

  it('leaves gridX’s doubling undecided only when a stall is as large as the margin', () => {
    // 1 s then 2 s: measured 1.8 s then 2 s after a stall of 800 ms in the first wait is undecided
    // (judged blind, 2 s < 1.25 × 1.8 s failed it); a 100 ms stall leaves it decided.
    expect(
      judgeGrowth(
        [
          { ms: 1800, stalledMs: 800 },
          { ms: 2000, stalledMs: 0 },
        ],
        MIN_GROWTH,
      ),
    ).toEqual({ kind: 'unjudged', at: 1, stalledMs: 800 });
    expect(
      judgeGrowth(
        [
          { ms: 1100, stalledMs: 100 },
          { ms: 2000, stalledMs: 0 },
        ],
        MIN_GROWTH,
      ),
    ).toEqual({ kind: 'grows' });
  });
});

describe('stalledWithin', () => {
  const stalls = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2_000 })), { maxLength: 6 })
    .map((spans) => spans.map(([from, length]): OwnStall => ({ fromMs: from, toMs: from + length })));

  it('adds up over adjacent intervals and counts nothing outside the stalls', () => {
    fc.assert(
      fc.property(stalls, fc.integer({ min: -1000, max: 13_000 }), fc.nat(5_000), fc.nat(5_000), (spans, from, first, second) => {
        const whole = stalledWithin(spans, from, from + first + second);
        expect(whole).toBeCloseTo(stalledWithin(spans, from, from + first) + stalledWithin(spans, from + first, from + first + second), 6);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(spans.reduce((sum, s) => sum + (s.toMs - s.fromMs), 0));
        const before = Math.min(0, ...spans.map((s) => s.fromMs));
        expect(stalledWithin(spans, before - first - 1, before)).toBe(0);
      }),
    );
  });

  it('counts a stall once whole when the interval holds it, and only its overlap otherwise', () => {
    const stall = [{ fromMs: 100, toMs: 900 }];
    expect(stalledWithin(stall, 0, 1000)).toBe(800);
    expect(stalledWithin(stall, 500, 2000)).toBe(400);
    expect(stalledWithin(stall, 900, 2000)).toBe(0);
  });
});
