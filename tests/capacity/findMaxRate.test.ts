import fc from 'fast-check';
import { findMaxRate, MAX_PROBE_STEPS, type FindMaxResult } from '../../src/capacity/findMaxRate';
import type { LoadPhaseResult } from '../../src/capacity/loadPhase';

/**
 * A step's result as the search reads it (phaseHeld, describeShortfall): every event accepted in
 * time up to the receiver's `capacity`, a 503 for each beyond. Latency and timeline are not read.
 */
function stepAt(rate: number, capacity: number): LoadPhaseResult {
  const sent = 10;
  const refused = rate <= capacity ? 0 : sent;
  const phase = {
    rate,
    durationMs: 1000,
    scheduled: sent,
    sent,
    classes: { success: sent - refused, transient: refused, gone: 0, permanent: 0, timeout: 0, error: 0 },
    statuses: refused > 0 ? { '200': sent - refused, '503': refused } : { '200': sent },
    lateSuccesses: 0,
    retryAfterAnswers: 0,
    timeline: [],
    failures: [],
    selfStallMaxMs: 0,
    selfLateSends: 0,
    interrupted: false,
  };
  return phase as unknown as LoadPhaseResult;
}

interface Probe {
  readonly result: FindMaxResult;
  /** When each step started, on the probe's clock. */
  readonly startedAt: readonly number[];
}

/** The search against a receiver holding `capacity`/s, on a clock where each step lasts `stepMs` plus its drain. */
async function probe(capacity: number, startRate: number, maxRate: number, stepMs: number, drainsMs: readonly number[], budgetMs?: number): Promise<Probe> {
  let clock = 0;
  const startedAt: number[] = [];
  const result = await findMaxRate({
    startRate,
    maxRate,
    stepMs,
    // A cooldown of 0: the search really sleeps it, and the clock here is its own.
    cooldownMs: 0,
    ...(budgetMs !== undefined ? { budgetMs } : {}),
    now: () => clock,
    runStep: (rate) => {
      startedAt.push(clock);
      clock += stepMs + (drainsMs[startedAt.length - 1] ?? 0);
      return Promise.resolve(stepAt(rate, capacity));
    },
  });
  return { result, startedAt };
}

const search = fc.record({
  capacity: fc.integer({ min: 0, max: 20_000 }),
  startRate: fc.integer({ min: 1, max: 2_000 }),
  ceiling: fc.integer({ min: 1, max: 20_000 }),
  stepMs: fc.integer({ min: 100, max: 10_000 }),
  drainsMs: fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: MAX_PROBE_STEPS }),
  budgetSteps: fc.double({ min: 1, max: 16, noNaN: true }),
});

describe('findMaxRate: the overload probe within its budget', () => {
  it('starts no step after the first that would end after the budget, says when a bound cut the search, and then holds a lower bound of what the whole search finds', async () => {
    await fc.assert(
      fc.asyncProperty(search, async ({ capacity, startRate, ceiling, stepMs, drainsMs, budgetSteps }) => {
        const maxRate = Math.max(startRate, ceiling);
        const budgetMs = Math.round(budgetSteps * stepMs);
        const whole = await probe(capacity, startRate, maxRate, stepMs, drainsMs);
        const bounded = await probe(capacity, startRate, maxRate, stepMs, drainsMs, budgetMs);

        for (const start of bounded.startedAt.slice(1)) expect(start + stepMs).toBeLessThanOrEqual(budgetMs);
        expect(bounded.result.steps.length).toBeLessThanOrEqual(MAX_PROBE_STEPS);
        // The same receiver, the same decisions: the bounded search is a prefix of the whole one.
        expect(bounded.result.steps.map((s) => s.rate)).toEqual(whole.result.steps.slice(0, bounded.result.steps.length).map((s) => s.rate));
        if (bounded.result.bounded?.by === 'time budget') {
          expect(bounded.result.bounded).toMatchObject({ afterSteps: bounded.result.steps.length, budgetMs });
          expect(whole.result.steps.length).toBeGreaterThan(bounded.result.steps.length);
          expect(bounded.result.maxHeldRate).toBeLessThanOrEqual(whole.result.maxHeldRate);
        } else {
          expect(bounded.result.maxHeldRate).toBe(whole.result.maxHeldRate);
          expect(bounded.result.bounded).toEqual(whole.result.bounded);
        }
        // What it holds is held: never above the receiver's capacity.
        expect(bounded.result.maxHeldRate).toBeLessThanOrEqual(capacity);
      }),
      { numRuns: 60 },
    );
  });

  it('bounds the bisection after a failed declared rate: unbounded it takes up to 14 steps, within a budget of six steps it stops after six and says so', async () => {
    // A receiver that holds nothing, declared at 1000/s: bisecting down to 1/s.
    const whole = await probe(0, 1000, 4000, 5000, []);
    expect(whole.result.steps.length).toBeGreaterThan(6);
    const bounded = await probe(0, 1000, 4000, 5000, [], 30_000);
    expect(bounded.result.steps.map((s) => s.rate)).toEqual([1000, 500, 250, 125, 62, 31]);
    expect(bounded.result).toMatchObject({ maxHeldRate: 0, bounded: { by: 'time budget', afterSteps: 6, afterMs: 30_000, budgetMs: 30_000 } });
  });
});
