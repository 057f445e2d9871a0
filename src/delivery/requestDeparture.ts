import { subscribe } from 'node:diagnostics_channel';

/** Filled in when the request's head is written to the connection. */
export interface Departure {
  leftAt?: number;
}

let claiming: Departure | undefined;
const departures = new WeakMap<object, Departure>();
let subscribed = false;

function requestOf(message: unknown): object | undefined {
  const request = typeof message === 'object' && message !== null && 'request' in message ? message.request : undefined;
  return typeof request === 'object' && request !== null ? request : undefined;
}

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  // undici creates its request object synchronously inside `dispatch`, so the request created
  // while a departure is being claimed is ours; other undici users in the process are ignored.
  subscribe('undici:request:create', (message) => {
    const request = requestOf(message);
    if (claiming !== undefined && request !== undefined) departures.set(request, claiming);
  });
  subscribe('undici:client:sendHeaders', (message) => {
    const request = requestOf(message);
    const departure = request === undefined ? undefined : departures.get(request);
    if (departure !== undefined) departure.leftAt ??= performance.now();
  });
}

/**
 * Runs `dispatch` (one undici request, created synchronously) and returns what it returned with a
 * {@link Departure} that records when the request actually left: when undici wrote its head to the
 * connection, after any wait for a connection, a TLS handshake or hookproof's own stalls.
 */
export function trackDeparture<T>(dispatch: () => T): { value: T; departure: Departure } {
  subscribeOnce();
  const departure: Departure = {};
  claiming = departure;
  try {
    return { value: dispatch(), departure };
  } finally {
    claiming = undefined;
  }
}
