import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventValidators } from '../../schemas/validators';
import { eventIdentity } from './eventKey';
import { judgeBody } from './judgeBody';
import { judgeSignature } from './judgeSignature';
import { DEFAULT_MAX_BODY_BYTES, KEPT_BODY_BYTES, type ReceivedDelivery } from './ReceivedDelivery';
import { scriptedStatus, type RespondScript } from './respondScript';
import { gridx } from '../../contract/gridx';

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
  /**
   * Body bytes held at once across every connection (default {@link DEFAULT_BODIES_IN_FLIGHT_BYTES}):
   * past it a delivery is answered 503 (gridX retries it) instead of holding another body, so
   * hundreds of slow connections cannot make hookproof's memory grow without bound.
   */
  readonly maxBytesInFlight?: number;
  /** Called for requests that are not deliveries (not a POST): answered 405 and not judged. */
  readonly onIgnored?: (method: string, path: string) => void;
  /** Monotonic clock in ms; default `performance.now`. */
  readonly now?: () => number;
}

/** The default total of body bytes held at once across connections: 64 MiB. */
export const DEFAULT_BODIES_IN_FLIGHT_BYTES = 64 * 1024 * 1024;

/** Bytes held by bodies still being read, shared by every connection of one listener. */
interface Budget {
  held: number;
  readonly max: number;
}

class OverBudget extends Error {}

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
  const headerName = (options.signatureHeader ?? gridx.signature.header).toLowerCase();
  const deliveries: ReceivedDelivery[] = [];
  const attempts = new Map<string, number>();
  let ignored = 0;
  const budget: Budget = { held: 0, max: options.maxBytesInFlight ?? DEFAULT_BODIES_IN_FLIGHT_BYTES };
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
    readBody(request, maxBody, budget).then(
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
      (error: unknown) => {
        if (!(error instanceof OverBudget)) {
          request.destroy();
          return;
        }
        // Not a delivery judged: gridX treats 503 as transient and sends it again later.
        ignored += 1;
        response.writeHead(503, { 'retry-after': '1', connection: 'close', 'content-length': '0' }).end();
        request.destroy();
      },
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

/**
 * The body's bytes, cut at `limit` (the rest is not read; the answer then closes the connection).
 * Every byte held counts against the listener's shared `budget` until the body is complete; a chunk
 * that would take it past its total rejects with OverBudget, and the bytes are given back.
 */
function readBody(request: IncomingMessage, limit: number, budget: Budget): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    const release = (): void => {
      budget.held -= held;
      held = 0;
    };
    const onData = (chunk: Buffer): void => {
      const room = limit - size;
      const taken = Math.min(chunk.length, room);
      if (budget.held + taken > budget.max) {
        request.off('data', onData);
        request.pause();
        release();
        reject(new OverBudget('bodies in flight exceed the listener budget'));
        return;
      }
      budget.held += taken;
      held += taken;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        request.off('data', onData);
        request.pause();
        release();
        resolve({ body: Buffer.concat(chunks, limit), truncated: true });
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    };
    request.on('data', onData);
    request.on('end', () => {
      release();
      resolve({ body: Buffer.concat(chunks, size), truncated: false });
    });
    request.on('error', (error) => {
      release();
      reject(error);
    });
    // After 'end' this is harmless: a promise settles once, and nothing is held any more.
    request.on('close', () => {
      release();
      reject(new Error('request closed before its end'));
    });
  });
}
