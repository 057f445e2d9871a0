import type { IncomingHttpHeaders, ServerResponse, IncomingMessage } from 'node:http';
import { DeliveryClient } from '../../delivery/DeliveryClient';
import { describeResult } from '../../delivery/describeResult';
import { compactJson } from '../../serialise';
import { forwardToReceiver } from './forwardToReceiver';
import { planFromState, SIGNING_STATES, type SigningPlan } from './providerStates';
import { planSignature } from './planSignature';
import { InternalError } from '../../errors';
import { gridx } from '../../contract/gridx';

/** A request as pact-js's verification proxy (express) hands it to a request filter. */
export interface ProxiedRequest extends IncomingMessage {
  /** Parsed by the proxy's body parser: an object for JSON, a Buffer for other media types. */
  body?: unknown;
  path?: string;
  originalUrl?: string;
}

export type RequestFilter = (request: ProxiedRequest, response: ServerResponse, next: (error?: unknown) => void) => void;

/** A state handler as pact-js calls it: on setup before an interaction, on teardown after it. */
export interface SigningStateHandler {
  setup(params?: unknown): Promise<undefined>;
  teardown(): Promise<undefined>;
}

/** One request sent to the receiver; never a secret nor a digest. */
export interface SignedRequest {
  readonly path: string;
  /** The signature case its provider state asks for, by label, or "as-is" without one. */
  readonly plan: SigningPlan['label'] | 'as-is';
  readonly bytes: number;
  /** The receiver's status, or what went wrong, e.g. "connection refused". */
  readonly outcome: string;
}

/** The provider-state handlers and request filter that sign requests during a verification. */
export interface SigningHooks {
  readonly stateHandlers: Readonly<Record<string, SigningStateHandler>>;
  readonly requestFilter: RequestFilter;
  /** The requests sent to the receiver so far, in order. */
  sent(): readonly SignedRequest[];
  /** Closes the connections to the receiver. */
  close(): Promise<void>;
}

export interface SigningHooksOptions {
  /** The receiver's secrets; the first signs. */
  readonly secrets: readonly string[];
  /**
   * The receiver's full URL, path and query as registered with gridX: every request goes exactly
   * there, whatever path the interaction has (as `certify` sends).
   */
  readonly target: string;
  /** Per-request timeout towards the receiver in ms (default gridX's deadline, `gridx.deadlineMs`). */
  readonly timeoutMs?: number;
  /**
   * The exact request bodies of the pacts being verified. pact-js's proxy parses JSON bodies, which
   * loses their layout; a parsed body equal to one of these is sent as these bytes (SIG-8's unusual
   * layout included), any other one as hookproof serialises events.
   */
  readonly exactBodies?: readonly Uint8Array[];
  /** Headers added to every request to the receiver (`-H`, e.g. a staging gateway's key). */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** pact-js's provider-state endpoint on its proxy: state calls go there and never reach the receiver. */
export const STATE_SETUP_PATH = '/_pactSetup';

/**
 * Hooks that sign each request the Pact verifier sends, as its interaction's provider state asks,
 * and deliver it to the receiver themselves.
 *
 * pact-js's proxy parses JSON bodies, so the filter fixes the bytes: the pact's own exact body when
 * the parsed body is one of `exactBodies`, else the parsed body serialised as hookproof sends
 * events. It signs exactly those bytes and delivers them to `target` with hookproof's delivery
 * client (the one `certify` uses), relaying the receiver's answer to the verifier. `secrets[0]` is
 * the receiver's.
 *
 * A state setup sets the plan, its teardown clears it. State calls pass on to pact-js, which
 * answers them itself: they are never signed and never reach the receiver. A request under no
 * hookproof state is delivered as the verifier built it. Requests other than POST are left to
 * pact-js's proxy.
 */
export function createSigningHooks(options: SigningHooksOptions): SigningHooks {
  const { secrets } = options;
  if (secrets.length === 0) throw new InternalError('createSigningHooks needs the receiver secret');
  const client = new DeliveryClient({ timeoutMs: options.timeoutMs ?? gridx.deadlineMs, ...(options.extraHeaders !== undefined ? { extraHeaders: options.extraHeaders } : {}) });
  const exact = exactBodyLookup(options.exactBodies ?? []);
  let current: SigningPlan | undefined;
  const sent: SignedRequest[] = [];

  const stateHandlers = Object.fromEntries(
    Object.values(SIGNING_STATES).map((name): [string, SigningStateHandler] => [
      name,
      {
        setup(params) {
          current = undefined;
          current = planFromState(name, params);
          return Promise.resolve(undefined);
        },
        teardown() {
          current = undefined;
          return Promise.resolve(undefined);
        },
      },
    ]),
  );

  const requestFilter: RequestFilter = (request, response, next) => {
    const url = request.originalUrl ?? request.url ?? '/';
    const path = url.split('?')[0] ?? url;
    if (path === STATE_SETUP_PATH || request.method !== 'POST') {
      next();
      return;
    }
    const plan = current;
    const bytes = bodyBytes(request.body, exact);
    const name = plan?.header.toLowerCase();
    // The request's own signature header (if any) is left out: the plan's replaces it.
    const headers: IncomingHttpHeaders = Object.fromEntries(Object.entries(request.headers).filter(([key]) => key !== name));
    if (plan !== undefined && name !== undefined) {
      const value = planSignature(plan, bytes, secrets);
      if (value !== undefined) headers[name] = value;
    }
    forwardToReceiver(client, options.target, headers, bytes, response).then(
      (result) =>
        sent.push({
          path,
          plan: plan?.label ?? 'as-is',
          bytes: bytes.length,
          outcome: result.status !== undefined && result.error === undefined ? String(result.status) : describeResult(result),
        }),
      (error: unknown) => {
        response.destroy();
        next(error);
      },
    );
  };

  return { stateHandlers, requestFilter, sent: () => [...sent], close: () => client.close() };
}

/** The exact bodies by their value (serialised canonically); the first of equal values wins. */
function exactBodyLookup(bodies: readonly Uint8Array[]): Map<string, Buffer> {
  const lookup = new Map<string, Buffer>();
  for (const body of bodies) {
    let key: string;
    try {
      key = compactJson(JSON.parse(Buffer.from(body).toString('utf8')));
    } catch {
      continue; // not JSON: the proxy hands such bodies over as bytes anyway
    }
    if (!lookup.has(key)) lookup.set(key, Buffer.from(body));
  }
  return lookup;
}

/** The bytes to send: a Buffer as it is, a parsed JSON body as the pact's exact bytes or canonically. */
function bodyBytes(body: unknown, exact: ReadonlyMap<string, Buffer>): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined) return Buffer.alloc(0);
  const canonical = compactJson(body);
  return exact.get(canonical) ?? Buffer.from(canonical, 'utf8');
}
