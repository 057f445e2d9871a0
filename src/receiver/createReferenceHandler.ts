import type { IncomingMessage, ServerResponse } from 'node:http';
import { SecretMissingError } from '../errors';
import { verifySignature } from '../signing';
import { RecentIds } from './RecentIds';

/** Options for {@link createReferenceHandler}. */
export type ReferenceHandlerOptions = {
  /**
   * The subscription's current secrets, newest first. A request is authentic if any digest in its
   * `X-Signature` matches any of them. The array is read on every request, so replacing its
   * contents rotates secrets without a restart.
   */
  secrets: readonly string[];
  /**
   * Called with each new (non-duplicate) event after the 202 has been sent. Do the real work
   * here, or better, put the event on a queue. It may be async. A throw or a rejected promise is
   * logged, never answered: the answer has already gone out.
   */
  onEvent?: (event: unknown) => void;
};

/** What the handler has answered so far. */
export type ReceiverStats = { accepted: number; duplicates: number; rejected: number };

/** A `node:http` request listener that also reports its {@link ReceiverStats}. */
export type ReferenceHandler = ((request: IncomingMessage, response: ServerResponse) => void) & {
  /** A function, not a method: it uses no `this`, so it can be handed on (as startReferenceReceiver does). */
  stats: () => ReceiverStats;
};

// A gridX event is a few kilobytes; anything this large is not one, and reading it all would let
// anyone make the receiver buffer arbitrary amounts of memory.
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_REMEMBERED_IDS = 100_000;

/**
 * The reference gridX webhook receiver as a plain request listener, to mount on any `node:http`
 * (or Express/Connect) server. Steps, in the order that matters:
 *
 * 1. Only `POST` (405 otherwise).
 * 2. Read the raw body bytes (413 above 5 MiB).
 * 3. Verify `X-Signature` over those exact bytes, before parsing anything (401, empty body).
 * 4. Parse the JSON and check it has string `id` and `type` (400 otherwise).
 * 5. Answer 202 at once, also for a duplicate `id`, and process the event afterwards.
 *
 * It never answers 5xx for anything a client sent: gridX retries 5xx, so a bad request would come
 * back five more times. Unknown and deprecated event types are accepted (tolerant reader).
 */
export function createReferenceHandler(options: ReferenceHandlerOptions): ReferenceHandler {
  if (options.secrets.length === 0) throw new SecretMissingError('the reference receiver needs at least one secret');
  const seen = new RecentIds(MAX_REMEMBERED_IDS);
  const stats: ReceiverStats = { accepted: 0, duplicates: 0, rejected: 0 };

  const reject = (response: ServerResponse, status: number, error?: string, headers: ExtraHeaders = {}): void => {
    stats.rejected += 1;
    answer(response, status, error, headers);
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'POST') {
      request.resume(); // discard any body so the connection can be reused
      reject(response, 405, undefined, { allow: 'POST' });
      return;
    }

    readRawBody(request, MAX_BODY_BYTES).then(
      (body) => {
        if (body === undefined) {
          // The rest of the upload is not read; closing the connection is cheaper than draining it.
          reject(response, 413, 'body too large', { connection: 'close' });
          return;
        }

        // Verify the bytes exactly as received. Parsing and re-serialising first would change
        // whitespace, key order or escapes, and the digest would no longer match (SIG-8).
        // verifySignature compares digests in constant time (SIG-11) and tries every secret, so
        // requests signed during a rotation (old and new secret) are accepted (SIG-6).
        const verification = verifySignature(body, headerValue(request, 'x-signature'), options.secrets);
        if (!verification.valid) {
          // Say nothing about why: an empty 401 gives an attacker no hint (SIG-10).
          reject(response, 401);
          return;
        }

        const event = parseEvent(body);
        if (typeof event === 'string') {
          // Authentic but unusable: a permanent 4xx, so gridX does not retry it (EVT-7).
          reject(response, 400, event);
          return;
        }

        if (!seen.add(event.id)) {
          // Already accepted once: give the same answer again and do not process it twice (DLV-4).
          stats.duplicates += 1;
          answer(response, 202);
          return;
        }

        // Answer first, work later: gridX waits at most 5 seconds (DLV-1).
        stats.accepted += 1;
        answer(response, 202);
        setImmediate(() => handOver(event, options.onEvent));
      },
      () => {
        // The client went away mid-upload; there is nobody left to answer.
        request.destroy();
      },
    );
  };

  return Object.assign(handle, { stats: (): ReceiverStats => ({ ...stats }) });
}

type ExtraHeaders = Record<string, string>;

/** An event with the two envelope fields the receiver relies on; everything else passes through. */
type ReceivedEvent = { id: string; type: string } & Record<string, unknown>;

/** Collects the body as raw bytes, or resolves `undefined` as soon as it exceeds `limit`. */
function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) resolve(undefined);
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    // 'close' after 'end' is harmless: a promise settles only once.
    request.on('close', () => reject(new Error('request closed before its end')));
  });
}

/** Parses the body, or returns a short reason why it is not a usable event. */
function parseEvent(body: Buffer): ReceivedEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'body is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'body is not a JSON object';
  const { id, type } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string') return 'event needs a string "id" and "type"';
  // No check of `type` against a list: unknown or deprecated types are accepted (EVT-3, EVT-5, EVT-6).
  return value as ReceivedEvent;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Sends a status with an empty body, or with a small JSON error body. */
function answer(response: ServerResponse, status: number, error?: string, headers: ExtraHeaders = {}): void {
  const body = error === undefined ? '' : JSON.stringify({ error });
  response.writeHead(status, {
    ...headers,
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

/** Hands the event to the application, making sure a failure there cannot crash the receiver. */
function handOver(event: ReceivedEvent, onEvent: ReferenceHandlerOptions['onEvent']): void {
  if (onEvent === undefined) return;
  // Called in a promise chain, so a throw and, for an async onEvent, a rejection are caught alike.
  Promise.resolve()
    .then(() => onEvent(event))
    .catch((error: unknown) => {
      console.error(`processing event ${event.id} failed:`, error);
    });
}
