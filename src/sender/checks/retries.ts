import { classifyStatus } from '../../contract/classifyStatus';
import { outcome, type SenderCheck } from './SenderCheck';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { UnjudgedBackoff } from '../retryJudge';

/**
 * SND-3: the sender classifies answers as gridX's table says. Retries of transient answers come,
 * at most five, with growing waits and identical bytes and id; nothing else is retried, and
 * nothing is sent after a 410. Skipped, with the reason, when the run proved nothing either way:
 * no transient answer was given (use --respond 503,503,204), or none was retried before the end.
 * Inconclusive, never failed, when nothing was shown wrong but hookproof's own process stalled
 * between the arrivals of a retried event so much that the growth of its waits is undecided.
 */
export const retries: SenderCheck = {
  id: 'snd-retries',
  title: 'transient answers retried (at most 5 times, exponential backoff, same bytes and id); nothing else retried',
  requirement: 'SND-3',
  severity: 'required',
  run(run) {
    const { retries: judgement, deliveries } = run;
    const events = judgement.events.length;
    if (events === 0) return { status: 'skip', cases: 0, failures: [], note: 'no delivery received' };
    const byIndex = new Map(deliveries.map((d) => [d.index, d]));
    const failures = judgement.violations.map((v) => {
      const d = byIndex.get(v.delivery);
      return { label: `${v.kind}: ${d?.type ?? '(no type)'} ${d?.eventId ?? v.eventKey} (delivery ${v.delivery})`, expected: v.expected, actual: v.actual, delivery: v.delivery };
    });
    const pending = judgement.events.filter((e) => e.state === 'pending').length;
    const retried = judgement.events.filter((e) => e.attempts.length > 1 && classifyStatus(e.attempts[0]?.answer ?? 0) === 'transient').length;
    const pendingNote = pending > 0 ? `${pending} event(s) were still awaiting a retry when the run ended` : undefined;
    if (failures.length === 0 && judgement.provoked === 0) {
      return {
        status: 'skip',
        cases: events,
        failures: [],
        note: 'no transient answer was given, so no retry was provoked (use e.g. --respond 503,503,204); nothing was retried wrongly',
      };
    }
    if (failures.length === 0 && retried === 0) {
      return {
        status: 'skip',
        cases: events,
        failures: [],
        note: `transient answers were given but no retry arrived before the run ended (${pendingNote ?? 'none pending'}); listen longer (--for) or count the retries in --count`,
      };
    }
    if (failures.length === 0 && judgement.unjudged.length > 0) {
      return { status: 'inconclusive', cases: events, failures: [], note: [stallNote(judgement.unjudged, byIndex), pendingNote].filter((n) => n !== undefined).join('; ') };
    }
    const notes = [
      pendingNote,
      judgement.backoffJudged === 0 ? 'no event was retried twice, so the growth of the waits was not judged (script at least two transient answers, e.g. 503,503,204)' : undefined,
    ].filter((n): n is string => n !== undefined);
    return outcome(run, events, failures, notes.length > 0 ? notes.join('; ') : undefined);
  },
};

/** Why the backoff was not judged: the first event's stall, its waits, and how many more. */
function stallNote(unjudged: readonly UnjudgedBackoff[], byIndex: ReadonlyMap<number, ReceivedDelivery>): string {
  const [first] = unjudged;
  if (first === undefined) return '';
  const d = byIndex.get(first.delivery);
  const more = unjudged.length > 1 ? ` (and ${unjudged.length - 1} more event(s) alike)` : '';
  const waits = first.waitsMs.map((w) => `${Math.round(w)} ms`).join(', ');
  return (
    `inconclusive: hookproof's own process stalled ${Math.round(first.stalledMs)} ms between deliveries ${first.after} and ${first.delivery} ` +
    `(${d?.type ?? '(no type)'} ${d?.eventId ?? first.eventKey}), so its waits of ${waits} could not be judged for backoff${more}; ` +
    'a stall of the listener moves the arrivals it measures, and is never charged to the sender'
  );
}
