/**
 * A global rate limit: each call resolves at the next free slot, slots `1000 / perSecond` ms
 * apart, in call order, whichever run asked. Shared by all targets of a fleet, so the fleet
 * never sends more than `perSecond` deliveries a second in total (a shared egress, a shared
 * receiver host, or gridX's own limits stay respected).
 */
export function createRateLimiter(perSecond: number): () => Promise<void> {
  const spacingMs = 1000 / perSecond;
  let nextSlot = 0;
  return () => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + spacingMs;
    const wait = slot - now;
    return wait <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  };
}
