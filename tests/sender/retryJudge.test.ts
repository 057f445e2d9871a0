import type { Failure } from '../../src/evidence/failure';
import { signatureRecipe } from '../../src/evidence/signatureRecipe';
import { judgeRetries, SENDER_CHECKS, type RetryAttempt, type RetryViolationKind, type BadDelivery } from '../../src/sender';

const retries = (() => {
  const found = SENDER_CHECKS.find((c) => c.requirement === 'SND-3');
  if (found === undefined) throw new Error('no SND-3 check');
  return found;
})();

/** A failure as the check reports it, without the delivery's bytes (these attempts are not whole deliveries). */
function asFailure(wrong: BadDelivery, i: number): Failure {
  const request = { bodyBase64: '', headers: {}, signature: signatureRecipe(Buffer.alloc(0), undefined, []) };
  return { case: `snd-retries#${i + 1}`, label: wrong.label, expected: wrong.expected, actual: wrong.actual, reproduce: { curl: '', replay: '' }, request };
}

const BODY = Buffer.from('{"id":"e1","type":"ping","data":{"message":"hi"}}');

/**
 * Attempts of one event: `waits[i]` ms after the previous answer (answers take 2 ms), answered
 * with `answers[i]`.
 */
function event(answers: readonly number[], waits: readonly number[], options: { key?: string; body?: Buffer; startMs?: number; firstIndex?: number } = {}): RetryAttempt[] {
  let at = options.startMs ?? 0;
  return answers.map((answer, i) => {
    if (i > 0) at += 2 + (waits[i - 1] ?? 0);
    return {
      index: (options.firstIndex ?? 1) + i,
      atMs: at,
      answeredAtMs: at + 2,
      eventKey: options.key ?? 'e1',
      eventId: options.key ?? 'e1',
      type: 'ping',
      body: options.body ?? BODY,
      answer,
    };
  });
}

function kinds(attempts: readonly RetryAttempt[], endedAtMs = 1000, windowMs = 60_000): RetryViolationKind[] {
  return judgeRetries(attempts, endedAtMs, { retryWindowMs: windowMs }).violations.map((v) => v.kind);
}

describe('judgeRetries (SND-3)', () => {
  it('accepts transient answers retried with doubling waits, then nothing after the success', () => {
    const judgement = judgeRetries(event([503, 503, 204], [20, 40]), 1000);
    expect(judgement.violations).toEqual([]);
    expect(judgement.provoked).toBe(1);
    expect(judgement.backoffJudged).toBe(1);
    expect(judgement.events[0]).toMatchObject({ state: 'final', gapsMs: [20, 40] });
  });

  it('accepts five retries with gridX-like backoff, and then no more (exhausted)', () => {
    const judgement = judgeRetries(event([503, 503, 503, 503, 503, 503], [1000, 2000, 4000, 8000, 16000]), 100_000);
    expect(judgement.violations).toEqual([]);
    expect(judgement.events[0]?.state).toBe('exhausted');
  });

  it('tolerates jitter while the waits still grow by 1.25× or more', () => {
    expect(kinds(event([503, 503, 503, 204], [100, 130, 170]))).toEqual([]);
  });

  it('catches retries without backoff (equal waits), naming them', () => {
    const judgement = judgeRetries(event([503, 503, 503, 204], [25, 25, 26]), 1000);
    expect(judgement.violations).toHaveLength(1);
    expect(judgement.violations[0]).toMatchObject({ kind: 'no-backoff', delivery: 3, actual: 'waits of 25 ms, 25 ms, 26 ms' });
  });

  it('catches shrinking waits', () => {
    expect(kinds(event([503, 503, 503, 204], [100, 50, 200]))).toEqual(['no-backoff']);
  });

  it('catches more than five retries', () => {
    expect(kinds(event([503, 503, 503, 503, 503, 503, 503], [10, 20, 40, 80, 160, 320]))).toEqual(['too-many-retries']);
  });

  it.each([
    [204, 'success'],
    [200, 'success'],
    [400, 'permanent'],
    [401, 'permanent'],
    [301, 'permanent'],
    [410, 'gone'],
  ])('catches a retry after a %d (%s), once per event', (status, kind) => {
    const judgement = judgeRetries(event([status, status, status], [10, 20]), 1000);
    expect(judgement.violations.map((v) => v.kind)).toEqual(['retry-after-final']);
    expect(judgement.violations[0]?.expected).toContain(`${status} (${kind}`);
  });

  it('catches a retry whose bytes differ from the first attempt', () => {
    const changed = event([503, 204], [20], { body: Buffer.from('{"id":"e1","type":"ping","data":{"message":"hi!"}}') });
    const attempts = [event([503], [])[0] as RetryAttempt, { ...(changed[1] as RetryAttempt) }];
    const judgement = judgeRetries(attempts, 1000);
    expect(judgement.violations.map((v) => v.kind)).toEqual(['body-changed']);
    expect(judgement.violations[0]?.actual).toBe('attempt 2 differs from attempt 1 from byte 46 (50 bytes instead of 49)');
  });

  it('catches a retry sent under a new id, and does not also call the first event abandoned', () => {
    const first = event([503], [], { key: 'e1' });
    const renamed = event([204], [], { key: 'e2', body: Buffer.from('{"id":"e2","type":"ping","data":{"message":"hi"}}'), startMs: 30, firstIndex: 2 });
    const judgement = judgeRetries([...first, ...renamed], 100_000, { retryWindowMs: 1000 });
    expect(judgement.violations.map((v) => v.kind)).toEqual(['id-changed']);
    expect(judgement.violations[0]).toMatchObject({ delivery: 2, expected: 'a retry keeps the event id e1', actual: 'the same event was sent again with a new id e2' });
  });

  it('calls a missing retry a violation only after the retry window', () => {
    expect(kinds(event([503], []), 500, 1000)).toEqual([]);
    expect(judgeRetries(event([503], []), 500, { retryWindowMs: 1000 }).events[0]?.state).toBe('pending');
    expect(kinds(event([503], []), 5000, 1000)).toEqual(['retry-missing']);
  });

  it('catches another event sent after a 410 was answered, but not one already in flight', () => {
    const gone = event([410], [], { key: 'e1' });
    const inFlight = event([204], [], { key: 'e2', body: Buffer.from('{"id":"e2"}'), startMs: 1, firstIndex: 2 });
    const after = event([204], [], { key: 'e3', body: Buffer.from('{"id":"e3"}'), startMs: 50, firstIndex: 3 });
    expect(kinds([...gone, ...inFlight])).toEqual([]);
    expect(kinds([...gone, ...inFlight, ...after])).toEqual(['sent-after-gone']);
  });

  it('leaves the backoff of an event undecided, not failed, when an own stall between its arrivals could explain the waits', () => {
    // 500 ms then 1000 ms meant; the listener stalled 800 ms in the first wait, which measured 1000 ms.
    const attempts = event([503, 503, 204], [1000, 1000]);
    const stall = { fromMs: 150, toMs: 950 };
    expect(judgeRetries(attempts, 5000).violations.map((v) => v.kind)).toEqual(['no-backoff']);
    const judgement = judgeRetries(attempts, 5000, {}, [stall]);
    expect(judgement.violations).toEqual([]);
    expect(judgement.unjudged).toEqual([{ eventKey: 'e1', delivery: 3, after: 1, waitsMs: [1000, 1000], stalledMs: 800 }]);
    // A stall outside the event's arrivals (before the first, after the last) touches none of its waits.
    expect(
      judgeRetries(attempts, 5000, {}, [
        { fromMs: -900, toMs: -100 },
        { fromMs: 2100, toMs: 2900 },
      ]).violations.map((v) => v.kind),
    ).toEqual(['no-backoff']);
  });

  it('judges events independently and reports violations in delivery order', () => {
    const good = event([503, 503, 204], [20, 40], { key: 'a', body: Buffer.from('{"id":"a"}') });
    const flat = event([503, 503, 503, 204], [20, 20, 20], { key: 'b', body: Buffer.from('{"id":"b"}'), startMs: 1, firstIndex: 10 });
    const judgement = judgeRetries([...flat, ...good], 1000);
    expect(judgement.events).toHaveLength(2);
    expect(judgement.violations.map((v) => [v.eventKey, v.kind])).toEqual([['b', 'no-backoff']]);
  });
});

describe('the SND-3 check', () => {
  const judge = (attempts: readonly RetryAttempt[], endedAtMs: number) =>
    retries.run({ deliveries: [], expect: undefined, retries: judgeRetries(attempts, endedAtMs), failures: (wrong) => wrong.map(asFailure) });

  it('passes doubling retries, and says when the growth could not be judged', () => {
    expect(judge(event([503, 503, 204], [20, 40]), 1000)).toEqual({ status: 'pass', cases: 1, failures: [] });
    expect(judge(event([503, 204], [20]), 1000)).toMatchObject({ status: 'pass', note: expect.stringContaining('no event was retried twice') });
  });

  it('skips, saying why, when no retry was provoked or none arrived before the end', () => {
    expect(judge(event([204], []), 1000)).toMatchObject({ status: 'skip', note: expect.stringContaining('no transient answer was given') });
    expect(judge(event([503], []), 1000)).toMatchObject({ status: 'skip', note: expect.stringContaining('1 event(s) were still awaiting a retry') });
  });

  it('is inconclusive, naming the stall, when an own stall left the growth undecided and nothing failed', () => {
    const stalled = retries.run({
      deliveries: [],
      expect: undefined,
      retries: judgeRetries(event([503, 503, 204], [1000, 1000]), 5000, {}, [{ fromMs: 150, toMs: 950 }]),
      failures: (wrong) => wrong.map(asFailure),
    });
    expect(stalled).toMatchObject({ status: 'inconclusive', failures: [] });
    expect(stalled.note).toMatch(
      /^inconclusive: hookproof's own process stalled 800 ms between deliveries 1 and 3 \(\(no type\) e1\), so its waits of 1000 ms, 1000 ms could not be judged/,
    );
  });

  it('fails on a violation even when nothing was provoked', () => {
    expect(judge(event([204, 204], [10]), 1000)).toMatchObject({ status: 'fail', failures: [{ label: expect.stringMatching(/^retry-after-final: .* \(delivery 2\)$/) }] });
  });
});
