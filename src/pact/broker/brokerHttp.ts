import { Agent, fetch } from 'undici';
import { BrokerError } from '../../errors';
import { redactSecrets } from '../../redaction/redactSecrets';
import { terminalSafe } from '../../text/terminalSafe';
import type { BrokerConnection } from './brokerConnection';
import { connectionSecrets, displayUrl } from './brokerEnvironment';
import { brokerFailure } from './brokerFailure';

/** One request to a Pact Broker. */
export interface BrokerRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Absolute URL (a HAL link's href) or a path relative to the broker's base URL. */
  readonly url: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** What the request is for, for messages: "publish the contracts". */
  readonly purpose: string;
  /** Resolve a 404 as `undefined` instead of failing (a resource that may not exist yet). */
  readonly notFoundIsAnswer?: boolean;
}

/** A client for one broker, with one overall deadline shared by every request it makes. */
export interface BrokerClient {
  readonly connection: BrokerConnection;
  /** The broker's URL without credentials, for messages. */
  readonly broker: string;
  /** The broker's JSON answer; undefined for a 404 when `notFoundIsAnswer`. Throws BrokerError. */
  request(request: BrokerRequest): Promise<unknown>;
  /** Every form of the connection's secrets, for redacting anything shown. */
  readonly secrets: readonly string[];
}

/**
 * A Pact Broker client over Node's fetch with an overall deadline: every request (connection,
 * answer and body) must be done `timeoutMs` after the client was made, so a broker that accepts
 * connections and never answers, or trickles, fails in bounded time. Each failure is a BrokerError
 * naming its real cause (see brokerFailure); credentials go in the Authorization header only and
 * are redacted from everything the broker says back.
 */
export function brokerClient(connection: BrokerConnection, timeoutMs: number): BrokerClient {
  const deadline = Date.now() + timeoutMs;
  const secrets = connectionSecrets(connection);
  const broker = displayUrl(connection.url);
  const headers: Record<string, string> = { accept: 'application/hal+json, application/json' };
  if (connection.auth.kind === 'token') headers.authorization = `Bearer ${connection.auth.token}`;
  if (connection.auth.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${connection.auth.username}:${connection.auth.password}`).toString('base64')}`;
  // A fresh connection per request: a broker (or its proxy) closes idle keep-alive connections, and
  // a request on one it just closed fails with a reset that says nothing about the broker.
  const dispatcher = new Agent({ pipelining: 0 });
  const base = new URL(connection.url);
  // Credentials in the URL would be sent by fetch as Basic auth: hookproof sends them itself.
  base.username = '';
  base.password = '';
  return {
    connection,
    broker,
    secrets,
    async request(request) {
      const url = new URL(request.url, base.href.endsWith('/') ? base.href : `${base.href}/`);
      const remaining = deadline - Date.now();
      const where = `${request.method} ${displayUrl(url.href)}`;
      const fail = (error: BrokerError): BrokerError =>
        new BrokerError(error.failure, redact(`cannot ${request.purpose}: ${error.message} (${where})`), {
          ...(error.status !== undefined ? { status: error.status } : {}),
          cause: error.cause,
        });
      const redact = (text: string): string => redactSecrets(text, secrets);
      if (remaining <= 0) throw fail(new BrokerError('timeout', `no answer within the broker deadline of ${seconds(timeoutMs)}`));
      let status: number;
      let contentType: string;
      let text: string;
      try {
        const response = await fetch(url, {
          method: request.method,
          headers: { ...headers, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          signal: AbortSignal.timeout(remaining),
          redirect: 'error',
          dispatcher,
        });
        status = response.status;
        contentType = response.headers.get('content-type') ?? '';
        text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      } catch (error) {
        throw fail(brokerFailure(error, timeoutMs));
      }
      if (status === 404 && request.notFoundIsAnswer === true) return undefined;
      if (status < 200 || status > 299) throw fail(new BrokerError('status', `the broker answered ${status}${brokerMessage(text, contentType, redact)}`, { status }));
      if (status === 204 || text.trim() === '') return {};
      try {
        return JSON.parse(text) as unknown;
      } catch {
        const kind = /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : `not JSON (${contentType === '' ? 'no content type' : terminalSafe(contentType)})`;
        throw fail(new BrokerError('not-json', `the broker answered ${status} with ${kind}: ${excerpt(text, redact)} (is the URL the broker's base URL?)`));
      }
    },
  };
}

/** What the broker said about an error: its JSON `error`, `errors`, `message` or `title`, else the start of its text. */
function brokerMessage(text: string, contentType: string, redact: (t: string) => string): string {
  if (text.trim() === '') return '';
  try {
    const json = JSON.parse(text) as unknown;
    const said = messageOf(json);
    if (said !== '') return `: ${terminalSafe(redact(said)).slice(0, 300)}`;
  } catch {
    // Not JSON: shown as text below.
  }
  return `: ${/html/i.test(contentType) ? 'an HTML page: ' : ''}${excerpt(text, redact)}`;
}

function messageOf(json: unknown): string {
  if (typeof json === 'string') return json;
  if (Array.isArray(json))
    return json
      .map(messageOf)
      .filter((m) => m !== '')
      .join('; ');
  if (typeof json !== 'object' || json === null) return '';
  const o = json as Record<string, unknown>;
  for (const key of ['error', 'message', 'title', 'detail', 'reason']) {
    const said = messageOf(o[key]);
    if (said !== '') return said;
  }
  if (typeof o.errors === 'object' && o.errors !== null && !Array.isArray(o.errors)) {
    return Object.entries(o.errors as Record<string, unknown>)
      .map(([field, value]) => `${field}: ${messageOf(value)}`)
      .join('; ');
  }
  return messageOf(o.errors);
}

/** The start of a text answer, on one safe line. */
function excerpt(text: string, redact: (t: string) => string): string {
  const plain = redact(
    text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return `"${terminalSafe(plain.slice(0, 120))}${plain.length > 120 ? '…' : ''}"`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
