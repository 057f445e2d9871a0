import { createRateLimiter } from '../../src/fleet/rateLimiter';

describe('the fleet-wide rate limit', () => {
  it('grants the k-th delivery no earlier than k slots after the first, whoever asks (a lower bound only)', async () => {
    const perSecond = 40;
    const limit = createRateLimiter(perSecond);
    const times: number[] = [];
    const start = Date.now();
    // Three "targets" asking at once, as a fleet does.
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let i = 0; i < 20; i += 1) {
          await limit();
          times.push(Date.now());
        }
      }),
    );
    times.sort((a, b) => a - b);
    expect(times).toHaveLength(60);
    // Slots are 25 ms apart from the first call: 60 grants take at least 59 slots, so at most 40
    // start in any second on average. (2 ms slack: Node timers may fire a millisecond early.)
    times.forEach((time, k) => expect(time - start).toBeGreaterThanOrEqual(k * (1000 / perSecond) - 2));
  });

  it('does not delay a first call', async () => {
    const limit = createRateLimiter(1);
    let resolved = false;
    const first = limit().then(() => (resolved = true));
    await Promise.resolve();
    await first;
    expect(resolved).toBe(true);
  });
});
