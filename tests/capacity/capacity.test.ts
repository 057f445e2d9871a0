import { runCapacity, type CapacityOptions, type CapacityReport } from '../../src/capacity';
import { createEventFeed } from '../../src/capacity/eventFeed';
import { burstOfOwnMaking, judgeOverload } from '../../src/capacity/judgeCapacity';
import { createLatencyHistogram, recordLatencyMs, summariseLatency } from '../../src/capacity/latencyHistogram';
import { runLoadPhase, type LoadPhaseResult } from '../../src/capacity/loadPhase';
import { judgeRecovery, runRecoveryBurst } from '../../src/capacity/recoveryBurst';
import { mergeCapacityReports } from '../../src/capacity/mergeCapacityReports';
import { createDeliveryClient } from '../../src/delivery';
import { defaultEngine } from '../support/engine';
import { closeAfterEach, closedPort } from '../support/servers';
import { boundedQueueReceiver, queueReceiver, refusingFirstReceiver, refusingFront, SECRET, tokenBucketReceiver, type CapacityReceiver } from './capacityReceivers';
import type { CapacityTarget } from '../../src/capacity/capacityTarget';

// Rates stay low (tens of events per second) so the verdicts hold on a loaded 2-core machine: the
// receivers' limits, not the machine, decide them. Three types keep the event pool quick to build.
const TYPES = ['ev/plugged', 'inverter/status', 'ping'];
const closing = closeAfterEach();

function capacity(receiver: Pick<CapacityReceiver, 'url'>, options: Partial<CapacityOptions>): Promise<CapacityReport> {
  return runCapacity({ url: receiver.url, secrets: [SECRET], allowHttp: true, engine: defaultEngine(), types: TYPES, seed: 7, ...options });
}

/** What runLoadPhase and runRecoveryBurst need to send to `receiver`, with a client closed after `run`. */
async function withTarget<T>(receiver: Pick<CapacityReceiver, 'url'>, seed: number, run: (target: CapacityTarget) => Promise<T>): Promise<T> {
  const client = createDeliveryClient();
  try {
    return await run({
      url: receiver.url,
      secrets: [SECRET],
      signatureHeader: 'X-Signature',
      client,
      feed: createEventFeed(defaultEngine(), { types: TYPES, seed }),
      maxInFlight: 32,
    });
  } finally {
    await client.close();
  }
}

function requirement(report: CapacityReport, id: string) {
  const found = report.requirements.find((r) => r.requirement === id);
  if (found === undefined) throw new Error(`${id} was not judged: ${JSON.stringify(report.requirements)}`);
  return found;
}

describe('CAP-1: the declared rate, sustained', () => {
  it('passes at 0.8 R and fails at 1.5 R against a receiver that holds R events/s, with distinct signed events', async () => {
    // Half a second of slack: a loaded machine delays and bunches sends; the limit still decides.
    const receiver = await closing(tokenBucketReceiver(40, 20));
    const held = await capacity(receiver, { rate: 32, durationMs: 2500 });
    expect(requirement(held, 'CAP-1').status).toBe('pass');
    expect(held.phases[0]?.sent).toBe(80);
    expect(held.verdict).toBe('pass');
    expect(held.scope.level).toBe('partial');

    const broken = await capacity(receiver, { rate: 60, durationMs: 2500, seed: 8 });
    const cap1 = requirement(broken, 'CAP-1');
    expect(cap1.status).toBe('fail');
    expect(cap1.summary).toMatch(/not accepted within 5 s: \d+ transient \(503 ×\d+\)/);
    expect(cap1.failures[0]?.status).toBe(503);
    // Every event arrived signed correctly, each id once: distinct events, not one body replayed
    // (and each run's one preflight event before its load).
    expect(receiver.seen.badSignatures).toBe(0);
    expect(receiver.seen.ids.size).toBe(1 + 80 + 1 + 150);
    expect([...receiver.seen.ids.values()].every((n) => n === 1)).toBe(true);
  });

  // With 4 in flight at most, the late events leave 4 at a time after the stall, each as an answer
  // frees a place: still hookproof's own burst, since they fell due before the bound was full.
  it.each([[256], [4]])(
    "never fails a receiver for hookproof's own stall: the late events it then sends together are a burst the receiver need not hold (%i in flight at most)",
    async (maxInFlight) => {
      // A bucket with little slack at 0.8 of its rate: on schedule it accepts everything; after hookproof
      // (and this process) stalls for 800 ms, the ~25 events due meanwhile leave together and most are refused.
      const receiver = await closing(tokenBucketReceiver(40, 5));
      const stall = setTimeout(() => {
        const until = Date.now() + 800;
        while (Date.now() < until); // hookproof's own stall: nothing in this process runs
      }, 1000);
      const report = await capacity(receiver, { rate: 32, durationMs: 2500, maxInFlight });
      clearTimeout(stall);
      const cap1 = requirement(report, 'CAP-1');
      expect(report.phases[0]?.classes.transient).toBeGreaterThan(0);
      expect(cap1.status).toBe('inconclusive');
      expect(cap1.summary).toMatch(/hookproof itself fell behind its schedule from \d+\.\d s and sent \d+ events late together/);
      expect(report.verdict).not.toBe('fail');
    },
  );

  it("tells its own burst from a receiver that fails: refusals before hookproof fell behind, or more than it sent late, are the receiver's", () => {
    const phase = (over: Partial<LoadPhaseResult>): LoadPhaseResult =>
      ({ sent: 100, classes: { success: 90 }, lateSuccesses: 0, ownLateSends: 20, ownLateFromMs: 1000, firstFailureAtMs: 1200, ...over }) as LoadPhaseResult;
    expect(burstOfOwnMaking(phase({}))).toBe(true);
    expect(burstOfOwnMaking(phase({ firstFailureAtMs: 900 }))).toBe(false);
    expect(burstOfOwnMaking(phase({ classes: { success: 70 } as LoadPhaseResult['classes'] }))).toBe(false);
    expect(burstOfOwnMaking(phase({ ownLateSends: 0, firstFailureAtMs: 1200, ownLateFromMs: undefined as unknown as number }))).toBe(false);
  });

  it('measures latency from the scheduled time: a receiver paused for 2 s shows it in p99 (no coordinated omission)', async () => {
    const receiver = await closing(queueReceiver(1));
    setTimeout(() => receiver.pause(2000), 400);
    const report = await capacity(receiver, { rate: 40, durationMs: 3000 });
    const phase = report.phases[0];
    // Events due during the pause waited for it; a closed-loop tool would have sent fewer and seen none of it.
    expect(phase?.latency.p99Ms).toBeGreaterThanOrEqual(1200);
    expect(phase?.latency.maxMs).toBeGreaterThanOrEqual(1500);
    expect(phase?.sent).toBe(120);
    expect(requirement(report, 'CAP-1').status).toBe('pass');
  });

  it('blames the receiver, not itself, for the events that waited for the in-flight bound: a receiver holding every connection fails CAP-1', async () => {
    const receiver = await closing(queueReceiver(1));
    // Paused once the preflight event (answered at once) is in, so the phase meets the pause.
    const afterPreflight = setInterval(() => {
      if (receiver.seen.ids.size === 0) return;
      clearInterval(afterPreflight);
      receiver.pause(5500);
    }, 1);
    const report = await capacity(receiver, { rate: 20, durationMs: 1000, maxInFlight: 2 });
    clearInterval(afterPreflight);
    const phase = report.phases[0];
    // Every event after the first two left when an answer (or a timeout) freed a place, seconds
    // after it was due: late on the receiver's account, so neither hookproof's own delay nor its burst.
    expect(receiver.seen.maxInFlight).toBeLessThanOrEqual(2);
    expect({ selfLateSends: phase?.selfLateSends, cap1: requirement(report, 'CAP-1').status }).toEqual({ selfLateSends: 0, cap1: 'fail' });
  });

  it('fails a receiver whose latency grows with its queue, with the percentiles to show it, and never sends more than the schedule', async () => {
    const receiver = await closing(queueReceiver(100));
    const report = await capacity(receiver, { rate: 30, durationMs: 3000, maxInFlight: 64 });
    const cap1 = requirement(report, 'CAP-1');
    expect(cap1.status).toBe('fail');
    expect(cap1.summary).toMatch(/timeout/);
    expect(report.phases[0]?.latency.p99Ms).toBeGreaterThanOrEqual(5000);
    // Slow answers never made hookproof send more: exactly the schedule (after the one preflight event), no retry storm.
    expect(receiver.seen.ids.size).toBe(1 + 90);
    expect(receiver.seen.maxInFlight).toBeLessThanOrEqual(64);
  });

  it('stops at once on abort and still reports what it saw, as inconclusive', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 100));
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 600);
    const report = await capacity(receiver, { rate: 20, durationMs: 60_000, signal: abort.signal });
    expect(report.phases[0]?.interrupted).toBe(true);
    expect(report.phases[0]?.sent).toBeLessThan(200);
    // Every event it sent was accepted: achieved is the rate over the part it ran, not over the planned minute.
    expect(report.phases[0]?.classes.success).toBe(report.phases[0]?.sent);
    expect(report.phases[0]?.achievedRate).toBe(20);
    expect(requirement(report, 'CAP-1').status).toBe('inconclusive');
    expect(report.verdict).toBe('inconclusive');
  });
});

describe('--find-max and CAP-3', () => {
  it('finds the rate a token-bucket receiver holds within 15%, and its 503 + Retry-After passes CAP-3', async () => {
    const receiver = await closing(tokenBucketReceiver(40, 8));
    const report = await capacity(receiver, { findMax: { startRate: 30, maxRate: 400, stepMs: 2000, cooldownMs: 400 } });
    expect(report.findMax?.maxHeldRate).toBeGreaterThanOrEqual(34);
    expect(report.findMax?.maxHeldRate).toBeLessThanOrEqual(46);
    expect(report.findMax?.brokeAt?.how).toMatch(/503/);
    const cap3 = requirement(report, 'CAP-3');
    expect(cap3.status).toBe('pass');
    expect(cap3.summary).toMatch(/Retry-After on \d+/);
  });

  it('skips CAP-3, not passes it, when no rate up to --max-rate overloaded the receiver, and names the highest rate tried', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 100));
    const report = await capacity(receiver, { findMax: { startRate: 10, maxRate: 20, stepMs: 500, cooldownMs: 0 } });
    expect(report.findMax?.maxHeldRate).toBe(20);
    expect(requirement(report, 'CAP-3')).toMatchObject({ status: 'skipped', summary: 'not exercised: no rate tried up to 20/s overloaded the receiver (raise --max-rate)' });
  });

  it('fails CAP-3 for a receiver that answers 400 under overload: the events are lost', async () => {
    const receiver = await closing(tokenBucketReceiver(30, 6, (res) => res.writeHead(400).end('{"error":"too busy"}')));
    const phase = await withTarget(receiver, 1, (target) => runLoadPhase({ ...target, rate: 60, durationMs: 2000 }));
    const cap3 = judgeOverload([phase], phase.rate);
    expect(cap3.status).toBe('fail');
    expect(cap3.summary).toMatch(/events? lost under overload/);
    expect(cap3.failures[0]?.status).toBe(400);
  });
});

describe('CAP-2: the recovery burst', () => {
  it('passes when the backlog is absorbed under gridX retries, Retry-After honoured, duplicates accepted', async () => {
    const receiver = await closing(tokenBucketReceiver(40, 10));
    const report = await capacity(receiver, { rate: 20, durationMs: 1000, outageMs: 2000, retryBaseMs: 50 });
    const cap2 = requirement(report, 'CAP-2');
    expect(cap2.status).toBe('pass');
    expect(report.recovery?.backlog).toBe(40);
    expect(report.recovery?.duplicates).toBe(4);
    expect(report.recovery?.duplicatesAccepted).toBe(4);
    expect(report.recovery?.retryAfterHonoured).toBeGreaterThan(0);
    expect((report.recovery?.accepted ?? 0) - (report.recovery?.acceptedByAttempt[0] ?? 0)).toBeGreaterThan(0);
  });

  it('keeps the live events on schedule while backlog deliveries wait for their retries: a wait holds no place in flight', async () => {
    // The 9 backlog events are refused with Retry-After: 3, with 2 places in flight: the 9 live
    // events (due over the first second) must all arrive before any retry does. Were a place held
    // during a retry's wait, the live traffic would stop behind the backlog for those 3 s.
    const receiver = await closing(refusingFirstReceiver(9, 3));
    const burst = await withTarget(receiver, 3, (target) => runRecoveryBurst({ ...target, maxInFlight: 2, rate: 9, outageMs: 1000, liveMs: 1000, retries: 5, retryBaseMs: 50 }));
    expect({ backlog: burst.backlog, duplicates: burst.duplicates, live: burst.live, accepted: burst.accepted }).toEqual({ backlog: 9, duplicates: 0, live: 9, accepted: 18 });
    expect(burst.acceptedByAttempt.slice(0, 2)).toEqual([9, 9]);
    const firstRetry = receiver.arrivals.findIndex((id, i) => receiver.arrivals.indexOf(id) < i);
    expect(firstRetry).toBe(18);
    expect(judgeRecovery(burst).status).toBe('pass');
  });

  it('fails when a bounded queue refuses the burst with a permanent status', async () => {
    const receiver = await closing(boundedQueueReceiver(5, 200));
    const report = await capacity(receiver, { rate: 10, durationMs: 500, outageMs: 3000, retryBaseMs: 20 });
    const cap2 = requirement(report, 'CAP-2');
    expect(cap2.status).toBe('fail');
    expect(cap2.summary).toMatch(/refused permanently/);
    expect(report.recovery?.lostPermanently).toBeGreaterThan(0);
  });
});

describe('shards', () => {
  it('n shards of one run, merged, count what one unsharded run counts, with no id sent twice', async () => {
    const whole = await capacity(await closing(tokenBucketReceiver(1000, 200)), { rate: 30, durationMs: 2000 });
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const startAt = new Date(Date.now() + 300);
    const shards = await Promise.all([0, 1, 2].map((index) => capacity(receiver, { rate: 30, durationMs: 2000, shard: { index, count: 3 }, startAt })));
    const merged = mergeCapacityReports(shards);
    const [mergedPhase, wholePhase] = [merged.phases[0], whole.phases[0]];
    expect(mergedPhase?.scheduled).toBe(wholePhase?.scheduled);
    expect(mergedPhase?.sent).toBe(wholePhase?.sent);
    expect(mergedPhase?.classes).toEqual(wholePhase?.classes);
    expect(mergedPhase?.latency.count).toBe(60);
    expect(merged.verdict).toBe('pass');
    expect(merged.mergedShards).toBe(3);
    expect(receiver.seen.ids.size).toBe(3 + 60);
    expect(() => mergeCapacityReports([shards[0], shards[0]].filter((s) => s !== undefined))).toThrow(/shards/);
  });

  it('never passes a merged run in which a shard did not run: its part of the schedule was never sent', async () => {
    // The first event in (one shard's preflight) is refused with a permanent 400.
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const gate = await closing(refusingFront(receiver, 1, (res) => res.writeHead(400).end()));
    const startAt = new Date(Date.now() + 300);
    const shards = await Promise.all([0, 1].map((index) => capacity(gate, { rate: 30, durationMs: 1000, shard: { index, count: 2 }, startAt })));
    expect(shards.map((s) => s.requirements[0]?.status).sort()).toEqual(['pass', 'skipped']);
    const merged = mergeCapacityReports(shards);
    expect(requirement(merged, 'CAP-1')).toMatchObject({
      status: 'inconclusive',
      summary: expect.stringMatching(/^shard [12] of 2 did not run it: not exercised: before any load, .*\(answered 400\)/),
    });
    expect(merged.verdict).toBe('inconclusive');
  });
});

describe('before any load: one valid event must be accepted', () => {
  it('an unreachable receiver: CAP-1..3 not exercised (not failed), no load sent, the reason given', async () => {
    const report = await capacity({ url: `http://127.0.0.1:${await closedPort()}/hooks` }, { rate: 50, durationMs: 60_000, outageMs: 60_000, findMax: {} });
    expect(report.phases).toEqual([]);
    expect(report.requirements.map((r) => [r.requirement, r.status])).toEqual([
      ['CAP-1', 'skipped'],
      ['CAP-3', 'skipped'],
      ['CAP-2', 'skipped'],
    ]);
    expect(report.requirements[0]?.summary).toMatch(/^not exercised: before any load, the receiver did not accept one valid, signed event \(no answer: .*ECONNREFUSED/);
    expect(report.verdict).toBe('inconclusive');
  });

  it('a receiver holding another secret: its 401 is named, and it sees the one event only', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const report = await capacity(receiver, { secrets: ['another-secret-0123456789'], rate: 50, durationMs: 60_000 });
    expect(report.requirements).toEqual([expect.objectContaining({ requirement: 'CAP-1', status: 'skipped', summary: expect.stringContaining('(answered 401)') })]);
    expect(receiver.seen.badSignatures).toBe(1);
  });

  it('a receiver answering 503 at first is retried, as gridX would, and then load-tested', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const gate = await closing(refusingFront(receiver, 1, (res) => res.writeHead(503, { 'retry-after': '1' }).end()));
    const report = await capacity(gate, { rate: 20, durationMs: 500 });
    expect(requirement(report, 'CAP-1').status).toBe('pass');
    expect(report.phases[0]?.sent).toBe(10);
  });
});

describe('latency histogram', () => {
  it('states percentiles in milliseconds from microsecond records', () => {
    const histogram = createLatencyHistogram();
    for (let i = 1; i <= 100; i += 1) recordLatencyMs(histogram, i);
    const summary = summariseLatency(histogram);
    expect(summary.count).toBe(100);
    expect(summary.p50Ms).toBeCloseTo(50, 0);
    expect(summary.p99Ms).toBeCloseTo(99, 0);
    expect(summary.maxMs).toBeCloseTo(100, 0);
  });
});
