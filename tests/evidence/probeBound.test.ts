import { probeBoundText } from '../../src/evidence/probeBound';

describe('probeBoundText: a bounded overload probe in words', () => {
  it('says nothing of a probe that finished its search', () => {
    expect(probeBoundText({ maxHeldRate: 40, brokeAt: { rate: 44, how: '3 of 22 not accepted' }, selfLimited: false })).toBeUndefined();
  });

  it('names the bound, the steps and the time, and calls the rate held a lower bound', () => {
    expect(
      probeBoundText({
        maxHeldRate: 20,
        brokeAt: { rate: 40, how: '8 of 20 not accepted' },
        selfLimited: false,
        bounded: { by: 'time budget', afterSteps: 9, afterMs: 54_300, budgetMs: 60_000 },
      }),
    ).toBe(
      'the overload probe was bounded: it stopped at its time budget of 1 min 0 s after 9 steps (54.3 s), before its search was done; the receiver holds at least 20 events/s and broke at 40/s: a lower bound, not its maximum',
    );
    expect(probeBoundText({ maxHeldRate: 0, brokeAt: { rate: 31, how: 'all refused' }, selfLimited: false, bounded: { by: 'step limit', afterSteps: 14, afterMs: 84_000 } })).toBe(
      'the overload probe was bounded: it stopped at its limit of 14 steps (1 min 24 s), before its search was done; no rate it tried was held (the lowest, 31/s, broke), so it found no maximum',
    );
  });
});
