import { classifyStatus } from '../contract/classifyStatus';
import { compactJson } from '../serialise';
import type { ReceivedDelivery } from './listen/ReceivedDelivery';
import type { EventHistory, EventState } from '../evidence/listenRecord';
import { gridx } from '../contract/gridx';
import { judgeGrowth, stalledWithin, type MeasuredWait, type OwnStall } from './backoffGrowth';

/** What the judge needs of a delivery; tests can build these by hand. */
export type RetryAttempt = Pick<ReceivedDelivery, 'index' | 'atMs' | 'answeredAtMs' | 'eventKey' | 'eventId' | 'type' | 'body' | 'answer'> &
  Partial<Pick<ReceivedDelivery, 'sha256' | 'size'>>;

/** Options of {@link judgeRetries}. */
export interface RetryJudgeOptions {
  /** Retries allowed after the first attempt. Default gridX's (`gridx.retry.retries`). */
  readonly maxRetries?: number;
  /** Each wait must be at least this multiple of the previous one. Default 1.25 (gridX doubles; the margin absorbs jitter and timer noise). */
  readonly minGrowth?: number;
  /** How long a retry of a transient answer is waited for before it counts as missing. Default 60 s. */
  readonly retryWindowMs?: number;
}

export type RetryViolationKind = 'retry-after-final' | 'sent-after-gone' | 'too-many-retries' | 'no-backoff' | 'body-changed' | 'id-changed' | 'retry-missing';

/** One way the sender broke SND-3, shown by one delivery. */
export interface RetryViolation {
  readonly kind: RetryViolationKind;
  readonly eventKey: string;
  /** Index of the delivery that shows it. */
  readonly delivery: number;
  readonly expected: string;
  readonly actual: string;
}

/**
 * An event whose backoff could not be judged: a stall of the listener's own process between
 * arrivals left a comparison of two waits undecided (and no wait was shown too short).
 */
export interface UnjudgedBackoff {
  readonly eventKey: string;
  /** Index of the retry that ends the later of the two waits compared. */
  readonly delivery: number;
  /** Index of the delivery that begins the earlier one: the stall lies between the two arrivals. */
  readonly after: number;
  /** The event's waits as measured (stalls included). */
  readonly waitsMs: readonly number[];
  /** Own stall, in ms, between the arrivals that bound the two waits compared. */
  readonly stalledMs: number;
}

/** SND-3's evidence and verdict material. */
export interface RetryJudgement {
  readonly events: readonly EventHistory[];
  readonly violations: readonly RetryViolation[];
  /** Events that got at least one transient answer. */
  readonly provoked: number;
  /** Events with at least two retries of transient answers, so that growth of the waits could be judged. */
  readonly backoffJudged: number;
  /** Events whose backoff an own stall left undecided (none of them shown too short). */
  readonly unjudged: readonly UnjudgedBackoff[];
}

/** The judge's defaults: gridX's five retries, waits growing by at least 1.25×, a 60 s retry window. */
export const RETRY_JUDGE_DEFAULTS = { maxRetries: gridx.retry.retries, minGrowth: 1.25, retryWindowMs: 60_000 } as const;

/**
 * Judges the sender's retries (SND-3) from the deliveries of one run that ended at `endedAtMs`.
 * Per event (grouped by id): after a success, a permanent error or a 410 nothing more may come;
 * after a transient answer a retry must come (within the retry window), at most `maxRetries`
 * times, each wait at least `minGrowth` times the previous, with identical bytes. Across events:
 * nothing is sent after a 410 was answered (the subscription is deleted), and a retry may not
 * arrive as a copy of a pending event under a new id. Each kind is reported once per event.
 * `ownStalls` are the listener's own stalls during the run: a wait they touch is judged only as
 * far as they leave it certain (see judgeGrowth), so hookproof's stall never fails a sender.
 */
export function judgeRetries(deliveries: readonly RetryAttempt[], endedAtMs: number, options: RetryJudgeOptions = {}, ownStalls: readonly OwnStall[] = []): RetryJudgement {
  const settings = { ...RETRY_JUDGE_DEFAULTS, ...options };
  const groups = groupByEvent(deliveries);
  const violations: RetryViolation[] = [];
  const unjudged: UnjudgedBackoff[] = [];
  const continued = findNewIdRetries(groups, violations);
  const events = [...groups.values()].map((attempts) => judgeEvent(attempts, endedAtMs, settings, continued, violations, { ownStalls, unjudged }));
  violations.push(...sentAfterGone(deliveries));
  violations.sort((a, b) => a.delivery - b.delivery);
  return {
    events,
    violations,
    provoked: events.filter((e) => e.attempts.some((a) => classifyStatus(a.answer) === 'transient')).length,
    backoffJudged: events.filter((e) => transientGaps(e.attempts).length >= 2).length,
    unjudged,
  };
}

function groupByEvent(deliveries: readonly RetryAttempt[]): Map<string, RetryAttempt[]> {
  const groups = new Map<string, RetryAttempt[]>();
  for (const d of [...deliveries].sort((a, b) => a.atMs - b.atMs || a.index - b.index)) {
    groups.set(d.eventKey, [...(groups.get(d.eventKey) ?? []), d]);
  }
  return groups;
}

function judgeEvent(
  attempts: readonly RetryAttempt[],
  endedAtMs: number,
  settings: Required<RetryJudgeOptions>,
  continued: ReadonlySet<string>,
  violations: RetryViolation[],
  stalls: { readonly ownStalls: readonly OwnStall[]; readonly unjudged: UnjudgedBackoff[] },
): EventHistory {
  const first = attempts[0] as RetryAttempt;
  const last = attempts[attempts.length - 1] as RetryAttempt;
  const found = new Set<RetryViolationKind>();
  const add = (kind: RetryViolationKind, at: RetryAttempt, expected: string, actual: string): void => {
    if (found.has(kind)) return;
    found.add(kind);
    violations.push({ kind, eventKey: first.eventKey, delivery: at.index, expected, actual });
  };
  const gapsMs = attempts.slice(1).map((a, i) => a.atMs - (attempts[i] as RetryAttempt).answeredAtMs);

  attempts.forEach((attempt, i) => {
    if (i === 0) return;
    const previous = attempts[i - 1] as RetryAttempt;
    const kind = classifyStatus(previous.answer);
    if (kind !== 'transient') {
      add(
        'retry-after-final',
        attempt,
        `no further attempt after a ${previous.answer} (${kind}: gridX never retries it)`,
        `attempt ${i + 1} arrived ${ms(attempt.atMs - previous.answeredAtMs)} after that answer`,
      );
    }
    if (i > settings.maxRetries) {
      add('too-many-retries', attempt, `at most ${settings.maxRetries} retries (${settings.maxRetries + 1} attempts)`, `${attempts.length} attempts`);
    }
    if (!sameBytes(first, attempt)) {
      add('body-changed', attempt, 'every retry sends the identical bytes of the first attempt', `attempt ${i + 1} ${describeDifference(first, attempt)}`);
    }
  });

  const waits = transientGaps(attempts);
  // Wait i ends with attempt i + 1; a stall between the arrival before it and that one touches it.
  const measured = waits.map((gap, i): MeasuredWait => ({
    ms: gap,
    stalledMs: stalledWithin(stalls.ownStalls, (attempts[i] as RetryAttempt).atMs, (attempts[i + 1] as RetryAttempt).atMs),
  }));
  const growth = judgeGrowth(measured, settings.minGrowth);
  if (growth.kind === 'no-backoff') {
    add(
      'no-backoff',
      attempts[growth.at + 1] as RetryAttempt,
      `each wait at least ${settings.minGrowth}× the previous (exponential backoff)`,
      `waits of ${waits.map(ms).join(', ')}`,
    );
  } else if (growth.kind === 'unjudged') {
    const retry = attempts[growth.at + 1] as RetryAttempt;
    stalls.unjudged.push({ eventKey: first.eventKey, delivery: retry.index, after: (attempts[growth.at - 1] as RetryAttempt).index, waitsMs: waits, stalledMs: growth.stalledMs });
  }

  let state: EventState = 'final';
  if (classifyStatus(last.answer) === 'transient') {
    if (attempts.length - 1 >= settings.maxRetries) state = 'exhausted';
    else if (endedAtMs - last.answeredAtMs < settings.retryWindowMs || continued.has(first.eventKey)) state = 'pending';
    else {
      state = 'abandoned';
      add(
        'retry-missing',
        last,
        `a retry of the transient ${last.answer} (up to ${settings.maxRetries} retries with backoff)`,
        `no retry within ${ms(settings.retryWindowMs)} after attempt ${attempts.length}`,
      );
    }
  }
  return {
    eventKey: first.eventKey,
    eventId: first.eventId,
    type: first.type,
    attempts: attempts.map((a) => ({ delivery: a.index, atMs: a.atMs, answeredAtMs: a.answeredAtMs, answer: a.answer })),
    gapsMs,
    state,
  };
}

/**
 * The sender's waits before retries that followed a transient answer (up to the first that did
 * not), measured from the listener's answer, so the receiver's own latency does not blur them.
 */
function transientGaps(attempts: ReadonlyArray<{ readonly atMs: number; readonly answeredAtMs: number; readonly answer: number }>): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < attempts.length; i += 1) {
    const previous = attempts[i - 1];
    const current = attempts[i];
    if (previous === undefined || current === undefined || classifyStatus(previous.answer) !== 'transient') break;
    gaps.push(current.atMs - previous.answeredAtMs);
  }
  return gaps;
}

/**
 * A sender that re-sends a pending event under a new id defeats deduplication: finds events whose
 * first body equals, but for `id`, a body of an earlier event that was answered transiently and
 * not yet settled. Returns the keys of the earlier events, whose retries did come (renamed).
 */
function findNewIdRetries(groups: ReadonlyMap<string, readonly RetryAttempt[]>, violations: RetryViolation[]): Set<string> {
  const continued = new Set<string>();
  const pending: Array<{ key: string; id: string | undefined; shape: string; last: RetryAttempt }> = [];
  const firsts = [...groups.values()].map((attempts) => attempts[0] as RetryAttempt).sort((a, b) => a.atMs - b.atMs);
  for (const first of firsts) {
    const shape = shapeWithoutId(first.body);
    const attempts = groups.get(first.eventKey) ?? [];
    if (shape === undefined) continue;
    const earlier = pending.find((p) => p.shape === shape && p.last.atMs < first.atMs && !continued.has(p.key));
    if (earlier !== undefined) {
      continued.add(earlier.key);
      violations.push({
        kind: 'id-changed',
        eventKey: first.eventKey,
        delivery: first.index,
        expected: `a retry keeps the event id ${earlier.id ?? '(none)'}`,
        actual: `the same event was sent again with a new id ${first.eventId ?? '(none)'}`,
      });
    }
    const last = attempts[attempts.length - 1] as RetryAttempt;
    if (classifyStatus(last.answer) === 'transient') pending.push({ key: first.eventKey, id: first.eventId, shape, last });
  }
  return continued;
}

/** The first delivery of another event that arrived after a 410 had been answered. */
function sentAfterGone(deliveries: readonly RetryAttempt[]): RetryViolation[] {
  const gone = deliveries.filter((d) => d.answer === 410).sort((a, b) => a.answeredAtMs - b.answeredAtMs)[0];
  if (gone === undefined) return [];
  const after = deliveries.filter((d) => d.eventKey !== gone.eventKey && d.atMs > gone.answeredAtMs).sort((a, b) => a.atMs - b.atMs)[0];
  if (after === undefined) return [];
  return [
    {
      kind: 'sent-after-gone',
      eventKey: after.eventKey,
      delivery: after.index,
      expected: `nothing more after the 410 Gone answered to delivery ${gone.index} (gridX deletes the subscription)`,
      actual: `delivery ${after.index} arrived ${ms(after.atMs - gone.answeredAtMs)} later`,
    },
  ];
}

function shapeWithoutId(body: Buffer): string | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const { id: _id, ...rest } = value as Record<string, unknown>;
    return compactJson(rest);
  } catch {
    return undefined;
  }
}

function describeDifference(firstAttempt: RetryAttempt, otherAttempt: RetryAttempt): string {
  const first = firstAttempt.body;
  const other = otherAttempt.body;
  const length = Math.min(first.length, other.length);
  let at = 0;
  while (at < length && first[at] === other[at]) at += 1;
  const firstSize = firstAttempt.size ?? first.length;
  const otherSize = otherAttempt.size ?? other.length;
  const sizes = firstSize === otherSize ? `${firstSize} bytes each` : `${otherSize} bytes instead of ${firstSize}`;
  // Only prefixes are kept: equal prefixes mean the difference lies beyond them.
  const where = at === length && first.length !== firstSize ? `after byte ${at}` : `from byte ${at}`;
  return `differs from attempt 1 ${where} (${sizes})`;
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** Equal bodies: by SHA-256 when both have one (a listener keeps only a prefix), else by bytes. */
function sameBytes(a: RetryAttempt, b: RetryAttempt): boolean {
  if (a.sha256 !== undefined && b.sha256 !== undefined) return a.sha256 === b.sha256;
  return a.body.equals(b.body);
}
