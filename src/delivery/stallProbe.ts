/** A span of hookproof's own event-loop stall, in `performance.now()` milliseconds. */
export interface Stall {
  readonly from: number;
  readonly to: number;
}

// The probe ticks this often; a tick later than this plus STALL_MIN_MS is a stall. Short enough to
// see a stall that delays one delivery, long enough to cost nothing measurable.
const TICK_MS = 20;
/** A gap shorter than this is ordinary timer jitter, not a stall. */
export const STALL_MIN_MS = 50;
// Stalls older than this cannot concern a delivery still being judged (the longest timeout is far shorter in practice).
const KEEP_MS = 10 * 60_000;

/**
 * Hookproof's own event-loop stalls, measured by timer drift: an interval that should tick every
 * 20 ms and, when the process was blocked (a long synchronous stretch, garbage collection, a
 * machine too loaded to schedule it), ticks late by as much. Runs only while someone holds it
 * (deliveries in flight) and never keeps the process alive.
 */
export class StallProbe {
  #timer: NodeJS.Timeout | undefined;
  #holders = 0;
  #last = 0;
  #stalls: Stall[] = [];
  readonly #keepMs: number;

  /**
   * `keepMs`: how long a stall is remembered (default ten minutes). A holder that judges intervals
   * long after they happened (a listen run judges its retries at the end) keeps them all
   * (`Infinity`); one span per stall of at least 70 ms, so the list stays small.
   */
  constructor(options: { readonly keepMs?: number } = {}) {
    this.#keepMs = options.keepMs ?? KEEP_MS;
  }

  /** Starts measuring (if not already) until the matching `release()`. */
  hold(): void {
    this.#holders += 1;
    if (this.#timer !== undefined) return;
    this.#last = performance.now();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
  }

  release(): void {
    this.#holders = Math.max(0, this.#holders - 1);
    if (this.#holders > 0 || this.#timer === undefined) return;
    this.#tick();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Milliseconds of own stall overlapping [from, to], including a stall still in progress: after a
   * blocked stretch the delivery may be judged before the probe's next tick has run.
   */
  stalledMs(from: number, to: number): number {
    let total = 0;
    for (const span of this.#stalls) total += overlapMs(span.from, span.to, from, to);
    if (this.#timer !== undefined) {
      const now = performance.now();
      if (now - this.#last > TICK_MS + STALL_MIN_MS) total += overlapMs(this.#last + TICK_MS, now, from, to);
    }
    return total;
  }

  /** Every stall remembered, oldest first, including one still in progress. */
  spans(): readonly Stall[] {
    const spans = [...this.#stalls];
    if (this.#timer !== undefined) {
      const now = performance.now();
      if (now - this.#last > TICK_MS + STALL_MIN_MS) spans.push({ from: this.#last + TICK_MS, to: now });
    }
    return spans;
  }

  #tick(): void {
    const now = performance.now();
    if (now - this.#last > TICK_MS + STALL_MIN_MS) this.#stalls.push({ from: this.#last + TICK_MS, to: now });
    this.#last = now;
    while ((this.#stalls[0]?.to ?? now) < now - this.#keepMs) this.#stalls.shift();
  }
}

function overlapMs(spanFrom: number, spanTo: number, from: number, to: number): number {
  return Math.max(0, Math.min(to, spanTo) - Math.max(from, spanFrom));
}

/** The process's one probe: a stall concerns every delivery in flight, whoever sent it. */
export const ownStalls = new StallProbe();
