import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventValidators } from '../../schemas/validators';
import { eventIdentity } from './eventKey';
import { judgeBody } from './judgeBody';
import { judgeSignature } from './judgeSignature';
import { DEFAULT_MAX_BODY_BYTES, KEPT_BODY_BYTES, type ReceivedDelivery } from './ReceivedDelivery';
import { scriptedStatus, type RespondScript } from './respondScript';

/** Options for {@link createListenHandler}. */
export interface ListenHandlerOptions {
  readonly validators: EventValidators;
  /** The receiver's secrets: the current one first, then older ones (a rotation). */
  readonly secrets: readonly string[];
  /** What to answer, attempt by attempt, per event. */
  readonly respond: RespondScript;
  /** Name of the signature header (the catalogue's, normally `X-Signature`). */
  readonly signatureHeader?: string;
  /**
   * Called once per delivery, after its answer has been sent, with the whole body received (up
   * to `maxBodyBytes`; the delivery itself keeps only a prefix). Record it now or never.
   */
  readonly onDelivery?: (delivery: ReceivedDelivery, body: Buffer) => void;
  /** Bodies longer than this are cut and answered 413 (default {@link DEFAULT_MAX_BODY_BYTES}). */
  readonly maxBodyBytes?: number;
  /** Called for requests that are not deliveries (not a POST): answered 405 and not judged. */
  readonly onIgnored?: (method: string, path: string) => void;
  /** Monotonic clock in ms; default `performance.now`. */
  readonly now?: () => number;
}

/** A `node:http` request listener that judges and answers deliveries, and keeps them. */
export type ListenHandler = ((request: IncomingMessage, response: ServerResponse) => void) & {
  /** Every delivery so far, in order of arrival. */
  readonly deliveries: () => readonly ReceivedDelivery[];
  /** Requests that were not deliveries. */
  readonly ignored: () => number;
  /** Milliseconds since the handler was created, on the clock of `ReceivedDelivery.atMs`. */
  readonly elapsedMs: () => number;
};

/**
 * The listener's core. Every POST is a delivery: its exact bytes are judged for SND-1 (schema,
 * media type) and SND-2 (signature), and it is answered what the respond script says for this
 * attempt of its event, whatever was found: findings go to the report, the answer is the user's
 * to choose, so retries stay predictable.
 */
export function createListenHandler(options: ListenHandlerOptions): ListenHandler {
  const now = options.now ?? ((): number => performance.now());
  const started = now();
  const headerName = (options.signatureHeader ?? 'X-Signature').toLowerCase();
  const deliveries: ReceivedDelivery[] = [];
  const attempts = new Map<string, number>();
  let ignored = 0;
  let count = 0;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const atMs = now() - started;
    const receivedAt = new Date().toISOString();
    const path = request.url ?? '/';
    if (request.method !== 'POST') {
      ignored += 1;
      request.resume();
      response.writeHead(405, { allow: 'POST', 'content-length': '0' }).end();
      options.onIgnored?.(request.method ?? '?', path);
      return;
    }
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    readBody(request, maxBody).then(
      ({ body, truncated }) => {
        const headers = flatHeaders(request);
        const identity = eventIdentity(body);
        const attempt = (attempts.get(identity.key) ?? 0) + 1;
        attempts.set(identity.key, attempt);
        const answer = truncated ? 413 : scriptedStatus(options.respond, attempt);
        const judged: Omit<ReceivedDelivery, 'answeredAtMs'> = {
          index: (count += 1),
          receivedAt,
          atMs,
          method: 'POST',
          path,
          headers,
          signatureHeader: headers[headerName],
          // A copy: a subarray would keep the whole received buffer alive.
          body: Buffer.from(body.subarray(0, KEPT_BODY_BYTES)),
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          cut: truncated,
          eventKey: identity.key,
          eventId: identity.id,
          type: identity.type,
          attempt,
          schema: judgeBody(body, headers['content-type'], options.validators, truncated ? maxBody : undefined),
          signature: judgeSignature(body, headers[headerName], options.secrets),
          answer,
        };
        // Kept once the answer is out, or the connection is gone: a delivery is never lost.
        let kept = false;
        const keep = (): void => {
          if (kept) return;
          kept = true;
          const delivery: ReceivedDelivery = { ...judged, answeredAtMs: now() - started };
          deliveries.push(delivery);
          options.onDelivery?.(delivery, body);
        };
        response.once('finish', keep);
        response.once('close', keep);
        respond(response, answer, attempt, truncated);
      },
      () => request.destroy(),
    );
  };

  return Object.assign(handle, { deliveries: () => [...deliveries].sort((a, b) => a.index - b.index), ignored: () => ignored, elapsedMs: () => now() - started });
}

/** Answers `status`; a non-success gets a small JSON body (gridX logs it), a success none. */
function respond(response: ServerResponse, status: number, attempt: number, close: boolean): void {
  const body = status >= 300 ? JSON.stringify({ hookproof: `scripted answer ${status} to attempt ${attempt} of this event` }) : '';
  response.writeHead(status, {
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
    ...(close ? { connection: 'close' } : {}),
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The body's bytes, cut at `limit` (the rest is not read; the answer then closes the connection). */
function readBody(request: IncomingMessage, limit: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      const room = limit - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        request.off('data', onData);
        request.pause();
        resolve({ body: Buffer.concat(chunks, limit), truncated: true });
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    };
    request.on('data', onData);
    request.on('end', () => resolve({ body: Buffer.concat(chunks, size), truncated: false }));
    request.on('error', reject);
    // After 'end' this is harmless: a promise settles once.
    request.on('close', () => reject(new Error('request closed before its end')));
  });
}
