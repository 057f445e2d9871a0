import type { IncomingHttpHeaders } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import { ClientClosedError, UsageError } from '../errors';
import { integerInRange } from '../integerInRange';
import { classifyStatus } from '../contract/classifyStatus';
import { classifyError } from './classifyError';
import type { ConnectionFacts } from '../evidence/provenance';
import { recordingConnector } from './connectionFacts';
import type { DeliveryRequest } from './DeliveryRequest';
import type { DeliveryError, DeliveryResult } from './DeliveryResult';
import { interimSkippingConnector } from './interimResponses';
import { inconclusiveReason, ownDelayExplains } from './ownDelay';
import { parseTarget, type Target } from './parseTarget';
import { ownStalls, STALL_MIN_MS } from './stallProbe';
import { proxyRoute, type ProxyEnvironment } from './proxyDispatcher';
import { gridx } from '../contract/gridx';
import { MAX_TIMER_MS } from '../optionRanges';

/** See {@link DeliveryClientOptions.beforeSend}. */
export type BeforeSend = (() => Promise<void>) | (() => Promise<(leftAt: number | undefined) => void>);

/** Options for {@link DeliveryClient}. */
export type DeliveryClientOptions = {
  /** Bound on the whole delivery: connect, TLS, request, response headers and body. Default gridX's deadline (`gridx.deadlineMs`). */
  timeoutMs?: number;
  /** Response body bytes kept; the rest is not read and the connection is dropped. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Maximum concurrent connections per origin. Default: unlimited. */
  connections?: number;
  /**
   * Trust anchors for https targets, with the semantics of `node:tls`'s `ca`: when set they
   * REPLACE the default trust store. Leave unset to use Node's default trust (bundled roots plus
   * `NODE_EXTRA_CA_CERTS`), which is what gridX-like production checks need.
   */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /**
   * Awaited before each delivery: a shared rate limit (fleet runs) plugs in here. It may resolve to
   * a callback, called once the delivery is over with when the request actually left
   * (`performance.now()` time, `undefined` if it never did), so the limit can count departures.
   */
  beforeSend?: BeforeSend;
  /**
   * How many times a delivery is sent again when it was late while hookproof's own process was
   * stalled (see {@link DeliveryResult.ownDelay}). Default 2. If every attempt was stalled the
   * result is marked `inconclusive`.
   */
  stallResends?: number;
  /**
   * Headers added to every delivery (`-H`, e.g. a staging gateway's key). A header of the request
   * itself wins; the CLI refuses the ones hookproof owns (see parseHeaderOption).
   */
  extraHeaders?: Readonly<Record<string, string>>;
  /**
   * Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default `process.env`); `{}` for no proxy.
   * See {@link proxyRoute}: loopback targets go direct unless NO_PROXY is set.
   */
  proxyEnv?: ProxyEnvironment;
};

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_STALL_RESENDS = 2;
// Parsed target URLs remembered per client; past this many (a caller sending each delivery to a
// new URL) the memory starts over.
const KEPT_TARGETS = 64;

// Idle keep-alive connections are dropped after this long, even if the server hints at more.
// Reusing a socket the server has just closed makes a POST fail with a reset that undici cannot
// safely retry; servers with short idle timeouts (2 s is common) would then look broken. One
// second keeps reuse for back-to-back deliveries and stays under any usual server idle timeout.
const KEEP_ALIVE_MS = 1000;

/**
 * Sends webhook deliveries the way gridX does and reports each one as a {@link DeliveryResult}.
 *
 * Whatever the receiver does never throws: it becomes the result. `send` throws only for mistakes
 * on hookproof's side (a malformed target URL, invalid header values, use after `close`).
 * Redirects are never followed (a 3xx is a permanent answer, DLV-3).
 */
export class DeliveryClient {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly #poolOptions: Pool.Options;
  readonly #beforeSend: BeforeSend | undefined;
  readonly #stallResends: number;
  readonly #extraHeaders: Readonly<Record<string, string>>;
  #connection: ConnectionFacts | undefined;
  #closed = false;
  readonly #proxyEnv: ProxyEnvironment;
  readonly #proxyOptions: Parameters<typeof proxyRoute>[2];
  // By origin: where its deliveries are dispatched (its own pool, or the proxy's agent).
  readonly #dispatchers = new Map<string, Dispatcher>();
  // By URL: the URL split for undici (only URLs that parsed).
  readonly #targets = new Map<string, Target>();

  constructor(options: DeliveryClientOptions = {}) {
    // Node's timers overflow past MAX_TIMER_MS and fire at once.
    this.timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? gridx.deadlineMs, MAX_TIMER_MS);
    this.maxResponseBytes = nonNegativeInteger('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    const connections = options.connections === undefined ? null : positiveInteger('connections', options.connections);
    // A pool per origin, as undici's Agent keeps, without the Agent's dispatch layer on every delivery.
    this.#poolOptions = {
      connections,
      // undici's timers bound each phase on their own, and on a coarse clock (a 300 ms
      // headersTimeout fires after about a second). The deadline in send() is the precise bound on
      // the whole delivery, including a server that trickles bytes; these are a backstop.
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      // undici's own connector, observed: the first connection's address and certificate are
      // the run's provenance (report.json `provenance.connection`).
      connect: interimSkippingConnector(
        recordingConnector({ timeout: this.timeoutMs, ...(options.ca !== undefined ? { ca: toCaList(options.ca) } : {}) }, (facts) => {
          this.#connection ??= facts;
        }),
      ),
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
    };
    this.#beforeSend = options.beforeSend;
    this.#stallResends = nonNegativeInteger('stallResends', options.stallResends ?? DEFAULT_STALL_RESENDS);
    this.#proxyEnv = options.proxyEnv ?? process.env;
    this.#proxyOptions = {
      connections,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      ...(options.ca !== undefined ? { ca: toCaList(options.ca) } : {}),
    };
    this.#extraHeaders = Object.fromEntries(Object.entries(options.extraHeaders ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  }

  /** The first connection this client made (address, and certificate over https), if any. */
  connection(): ConnectionFacts | undefined {
    return this.#connection;
  }

  /**
   * Delivers one request and classifies the answer. Resolves within about `timeoutMs` per attempt.
   * A delivery that was late while hookproof's own process stalled is sent again (up to
   * `stallResends` times), as gridX retries a timeout; if every attempt was stalled, the last
   * result comes back marked `inconclusive`.
   */
  async send(request: DeliveryRequest): Promise<DeliveryResult> {
    let result = await this.#sendOnce(request);
    if (result.ownDelay === undefined) return result;
    let attempts = 1;
    while (ownDelayExplains(result, this.timeoutMs) && attempts <= this.#stallResends) {
      result = await this.#sendOnce(request);
      attempts += 1;
    }
    return ownDelayExplains(result, this.timeoutMs) ? { ...result, inconclusive: inconclusiveReason(result, attempts) } : result;
  }

  async #sendOnce(request: DeliveryRequest): Promise<DeliveryResult> {
    if (this.#closed) throw new ClientClosedError('DeliveryClient.send() called after close()');
    const { origin, path } = this.#target(request.url);
    const dispatcher = this.#dispatcherFor(origin);
    const headers = requestHeaders(this.#extraHeaders, request);
    // Without a shared limit there is nothing to wait for: no await, no extra turn per delivery.
    const departed: unknown = this.#beforeSend === undefined ? undefined : await this.#beforeSend();
    let leftAt: number | undefined;
    ownStalls.hold();
    try {
      return await this.#attempt(dispatcher, origin, path, headers, request.body, (at) => (leftAt = at));
    } finally {
      ownStalls.release();
      if (typeof departed === 'function') (departed as (at: number | undefined) => void)(leftAt);
    }
  }

  /** `parseTarget(url)`, remembered: a run sends thousands of deliveries to a handful of URLs. */
  #target(url: string): Target {
    let target = this.#targets.get(url);
    if (target === undefined) {
      target = parseTarget(url);
      if (this.#targets.size >= KEPT_TARGETS) this.#targets.clear();
      this.#targets.set(url, target);
    }
    return target;
  }

  /**
   * Where deliveries to `origin` go, decided once per origin: through the proxy that applies to it
   * (its first use is the run's provenance), or straight to it through a pool of its own.
   */
  #dispatcherFor(origin: string): Dispatcher {
    let dispatcher = this.#dispatchers.get(origin);
    if (dispatcher === undefined) {
      const route = proxyRoute(new URL(origin), this.#proxyEnv, this.#proxyOptions);
      if (route !== undefined && this.#connection === undefined) {
        this.#connection = { address: route.address, port: route.port, proxy: route.proxy };
      }
      dispatcher = route?.dispatcher ?? new Pool(origin, this.#poolOptions);
      this.#dispatchers.set(origin, dispatcher);
    }
    return dispatcher;
  }

  #attempt(
    dispatcher: Dispatcher,
    origin: string,
    path: string,
    headers: Record<string, string>,
    payload: Buffer,
    onLeft: (at: number | undefined) => void,
  ): Promise<DeliveryResult> {
    const started = performance.now();
    // What hookproof's own process cost this delivery: a stall, and when the request really left.
    const ownDelay = (leftAt: number | undefined, now: number): Pick<DeliveryResult, 'ownDelay'> => {
      onLeft(leftAt);
      const stalledMs = ownStalls.stalledMs(started, now);
      if (stalledMs < STALL_MIN_MS) return {};
      return { ownDelay: { stalledMs, ...(leftAt !== undefined ? { sentAfterMs: leftAt - started } : {}) } };
    };
    return new Promise<DeliveryResult>((resolve, reject) => {
      const answer = new AnswerCollector(this.maxResponseBytes, (error) => {
        clearTimeout(timer);
        const now = performance.now();
        const durationMs = now - started;
        if (error === undefined) {
          const { status, headers: responseHeaders } = answer;
          const { body, truncated } = answer.body();
          resolve({
            outcome: classifyStatus(status ?? 0),
            status: status ?? 0,
            headers: responseHeaders,
            body,
            bodyTruncated: truncated,
            durationMs,
            ...ownDelay(answer.leftAt, now),
          });
          return;
        }
        const failure: DeliveryError = answer.timedOut ? { code: 'TIMEOUT', message: `no complete answer within ${this.timeoutMs} ms` } : classifyError(error);
        if (failure.code === 'OTHER' && codeOf(error) === 'UND_ERR_INVALID_ARG') {
          // undici refused the request before sending it: our input was wrong, not the receiver.
          reject(new UsageError(`invalid delivery request: ${failure.message}`));
          return;
        }
        resolve({
          outcome: failure.code === 'TIMEOUT' ? 'timeout' : 'error',
          ...(answer.status !== undefined ? { status: answer.status } : {}),
          headers: answer.headers,
          body: Buffer.alloc(0),
          bodyTruncated: false,
          durationMs,
          error: failure,
          ...ownDelay(answer.leftAt, now),
        });
      });
      // The abort waits one more turn of the event loop: after a long synchronous stretch (CPU work,
      // garbage collection) an answer that arrived in time is read before the deadline fires.
      const timer = setTimeout(() => setImmediate(() => answer.timeOut()), this.timeoutMs);
      // undici's dispatch with a handler of our own: the answer is collected from its callbacks,
      // without the request API's abort signal, async resource and body stream per delivery.
      dispatcher.dispatch({ origin, path, method: 'POST', headers, body: payload }, answer);
    });
  }

  /** Closes idle connections and waits for in-flight deliveries (each bounded by `timeoutMs`). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#dispatchers.values()].map((dispatcher) => dispatcher.close()));
  }
}

/** Creates a {@link DeliveryClient}; same as `new DeliveryClient(options)`. */
export function createDeliveryClient(options: DeliveryClientOptions = {}): DeliveryClient {
  return new DeliveryClient(options);
}

/** The client's extra headers, then the request's own (names lower-cased; the request's win). */
function requestHeaders(extra: Readonly<Record<string, string>>, request: DeliveryRequest): Record<string, string> {
  const headers: Record<string, string> = { ...extra, 'content-type': 'application/json' };
  const own = request.headers;
  for (const name in own) {
    if (Object.hasOwn(own, name)) headers[name.toLowerCase()] = own[name] as string;
  }
  // Always describe the bytes actually sent, whatever the caller put there.
  headers['content-length'] = String(request.body.length);
  return headers;
}

/**
 * One delivery's answer, collected from undici's dispatch callbacks: the status, the headers and
 * the body up to `cap` bytes. Past the cap the request is aborted, which makes undici drop the
 * connection instead of draining the rest: a receiver answering 100 MB must cost neither 100 MB of
 * memory nor the time to download it. `settle` is called exactly once: with nothing when the
 * answer is complete (or capped), with the error otherwise.
 */
class AnswerCollector implements Dispatcher.DispatchHandler {
  status: number | undefined;
  /**
   * When the request left (`performance.now()`), after any wait for a connection, a TLS handshake
   * or hookproof's own stall: undici starts a request on its connection synchronously just before
   * it writes the request's head there. Unset if it never left.
   */
  leftAt: number | undefined;
  headers: Record<string, string> = {};
  timedOut = false;
  readonly #cap: number;
  readonly #settle: (error?: unknown) => void;
  #controller: Dispatcher.DispatchController | undefined;
  #chunks: Buffer[] = [];
  #size = 0;
  #truncated = false;
  #settled = false;

  constructor(cap: number, settle: (error?: unknown) => void) {
    this.#cap = cap;
    this.#settle = settle;
  }

  /** The deadline: abort the request now, or as soon as undici starts it (it may wait for a connection). */
  timeOut(): void {
    if (this.#settled) return;
    this.timedOut = true;
    this.#controller?.abort(new DeadlineError());
  }

  body(): { body: Buffer; truncated: boolean } {
    return { body: this.#chunks.length === 1 && !this.#truncated ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#size), truncated: this.#truncated };
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.timedOut) controller.abort(new DeadlineError());
    else {
      this.leftAt = performance.now();
      this.#controller = controller;
    }
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // Interim (1xx) heads never reach here (see interimResponses); ignored as undici's request API does.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = flattenHeaders(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    const room = this.#cap - this.#size;
    if (chunk.length > room) {
      this.#chunks.push(chunk.subarray(0, room));
      this.#size = this.#cap;
      this.#truncated = true;
      this.#finish();
      controller.abort(new CappedError());
      return;
    }
    this.#chunks.push(chunk);
    this.#size += chunk.length;
  }

  onResponseEnd(): void {
    this.#finish();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish(error);
  }

  #finish(error?: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#settle(error);
  }
}

// Reasons hookproof gives undici when it aborts a request itself; never shown (the result says why).
class DeadlineError extends Error {}
class CappedError extends Error {}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function toCaList(ca: string | Buffer | ReadonlyArray<string | Buffer>): Array<string | Buffer> {
  return typeof ca === 'string' || Buffer.isBuffer(ca) ? [ca] : [...ca];
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

// The client's integer options: the shared validator, each with the option's own message.
function positiveInteger(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  return integerInRange(value, { min: 1, max }, (got) => `${name} must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` of at most ${max}` : ''}, got ${got}`);
}

function nonNegativeInteger(name: string, value: number): number {
  return integerInRange(value, { min: 0, max: Number.MAX_SAFE_INTEGER }, (got) => `${name} must be a non-negative integer, got ${got}`);
}
