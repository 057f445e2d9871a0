// One second, plus a margin for what lies between a departure here and an arrival there (the
// network, the receiver's own scheduling): the receiver must count at most the rate in any second.
const WINDOW_MS = 1000 + 100;

/**
 * Reports when a granted delivery actually left (`performance.now()` time), or `undefined` if it
 * never did: the window counts departures, which may come well after the grant (a new connection,
 * a TLS handshake), so that deliveries granted a second apart cannot reach the receiver together.
 */
export type Departed = (leftAt: number | undefined) => void;

/** Awaited before each delivery; resolves to the callback the delivery reports its departure to. */
export type RateLimiter = () => Promise<Departed>;

/**
 * A rate limit that is a ceiling, not a mean: over ANY one-second window, at most `perSecond`
 * deliveries leave. It is a sliding window over when deliveries really left (a granted delivery
 * holds its place until it reports), so neither a stalled process waking up late nor a slow
 * connection set-up lets a burst through.
 *
 * Deliveries asked for in the same turn of the event loop are granted together, as one burst
 * (DLV-6's batch of concurrent deliveries must really be in flight at once): the burst waits until
 * the window has room for all of it. A burst larger than `perSecond` waits for an empty window and
 * then goes whole, the one case where the ceiling gives way, so that a low rate never turns the
 * concurrency check into one delivery at a time.
 *
 * One limiter is shared by every target of a fleet run (or of one shard of it: each `--shard`
 * process has its own).
 */
export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  // When each delivery in the window left; Infinity while it has not reported yet.
  const window: Array<{ at: number }> = [];
  const bursts: Array<Array<(departed: Departed) => void>> = [];
  let open: Array<(departed: Departed) => void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const pump = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (let burst = bursts[0]; burst !== undefined; burst = bursts[0]) {
      const at = now();
      for (let i = window.length - 1; i >= 0; i -= 1) if ((window[i]?.at ?? Infinity) <= at - WINDOW_MS) window.splice(i, 1);
      const need = Math.min(burst.length, perSecond);
      // Departures that must leave the window before this burst fits.
      const excess = window.length - (perSecond - need);
      if (excess > 0) {
        const times = window.map((entry) => entry.at).sort((a, b) => a - b);
        const last = times[excess - 1] ?? Infinity;
        // Not reported yet: wait for it to report (pump runs again then).
        if (last !== Infinity) timer = setTimeout(pump, Math.max(1, Math.ceil(last + WINDOW_MS - at)));
        return;
      }
      bursts.shift();
      for (const release of burst) {
        const entry = { at: Infinity };
        window.push(entry);
        release((leftAt) => {
          entry.at = leftAt ?? now();
          pump();
        });
      }
    }
  };

  return () =>
    new Promise<Departed>((resolve) => {
      if (open === undefined) {
        const burst: Array<(departed: Departed) => void> = [];
        open = burst;
        bursts.push(burst);
        // The burst closes when the current synchronous stretch ends.
        queueMicrotask(() => {
          open = undefined;
          pump();
        });
      }
      open.push(resolve);
    });
}
