import fc from 'fast-check';
import { createRateLimiter } from '../../src/fleet/rateLimiter';
import { createReferenceHandler } from '../../src/receiver';
import { SECRET } from '../checks/support/receivers';
import { certify } from '../checks/support/runCheck';
import { closeAfterAll, serve } from '../support/servers';

/** The most grants in any one-second window [t, t + 1000) of the limiter's clock. */
function busiestSecond(times: readonly number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
}

describe('--rate is a ceiling over any one-second window, not a mean', () => {
  // The limiter closes a burst in a microtask: that one stays real.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('grants every delivery, in order, never more than the rate in any second except one burst asked for at once', async () => {
    const requests = fc.array(fc.record({ after: fc.integer({ min: 0, max: 700 }), burst: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 }), requests, async (perSecond, plan) => {
        const limit = createRateLimiter(perSecond, () => Date.now());
        const grants: Array<{ at: number; id: number }> = [];
        let id = 0;
        const waiting: Array<Promise<void>> = [];
        let largestBurst = 0;
        for (const { after, burst } of plan) {
          await jest.advanceTimersByTimeAsync(after);
          largestBurst = Math.max(largestBurst, burst);
          // A burst: asked for in one synchronous stretch, as DLV-6 sends its batch.
          for (let i = 0; i < burst; i += 1) {
            const mine = (id += 1);
            // Each leaves as soon as it is granted, and says so.
            waiting.push(
              limit().then((departed) => {
                grants.push({ at: Date.now(), id: mine });
                departed(Date.now());
              }),
            );
          }
          // Bursts granted at once are recorded before the fake clock moves on.
          for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
        }
        await jest.advanceTimersByTimeAsync(60_000);
        await Promise.all(waiting);
        expect(grants.map((g) => g.id)).toEqual(Array.from({ length: id }, (_, i) => i + 1));
        const busiest = busiestSecond(grants.map((g) => g.at));
        expect(busiest).toBeLessThanOrEqual(Math.max(perSecond, largestBurst > perSecond ? largestBurst : 0));
        if (largestBurst <= perSecond) expect(busiest).toBeLessThanOrEqual(perSecond);
      }),
      { numRuns: 60 },
    );
  });

  it('does not delay a first call', async () => {
    const limit = createRateLimiter(1);
    let resolved = false;
    const first = limit().then((departed) => {
      resolved = true;
      departed(undefined);
    });
    await jest.advanceTimersByTimeAsync(0);
    await first;
    expect(resolved).toBe(true);
  });
});

describe('--rate against a real receiver', () => {
  const closing = closeAfterAll();

  it('the receiver never counts more than the rate in a second, and DLV-6 still has its deliveries in flight at once', async () => {
    const sound = createReferenceHandler({ secrets: [SECRET] });
    const arrivals: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const receiver = await closing(
      serve((req, res) => {
        arrivals.push(performance.now());
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        res.on('finish', () => (inFlight -= 1));
        // Slow enough that deliveries sent at once overlap here.
        setTimeout(() => sound(req, res), 50);
      }),
    );
    const perSecond = 3;
    const report = await certify(receiver.url, { checks: ['DLV-6'], runs: 2, concurrency: 3, types: ['ping'], beforeDelivery: createRateLimiter(perSecond) });
    expect(report.checks[0]).toMatchObject({ requirement: 'DLV-6', status: 'pass' });
    // Two batches of three: each batch in flight at once, and never more than 3 arrivals in a second.
    expect(mostInFlight).toBe(3);
    expect(arrivals).toHaveLength(6);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(perSecond);
  });
});
