import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { DeliveryClient } from '../../delivery/DeliveryClient';
import type { DeliveryResult } from '../../delivery/DeliveryResult';

// Headers that describe one connection, not the request, or that the client sets itself.
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
  'accept-encoding',
]);

/**
 * Sends one request of the Pact verifier to the receiver with hookproof's delivery client (exactly
 * `body`, the headers given) and relays the answer to the verifier. When the receiver gives no
 * answer (refused, reset, timeout, TLS), the verifier's connection is dropped, which the verifier
 * reports as a failed request; pact-js's own proxy would crash the process instead.
 */
export async function forwardToReceiver(client: DeliveryClient, url: string, headers: IncomingHttpHeaders, body: Buffer, answer: ServerResponse): Promise<DeliveryResult> {
  const result = await client.send({ url, body, headers: forwardable(headers) });
  if (result.status === undefined || result.error !== undefined) {
    answer.destroy();
    return result;
  }
  answer.writeHead(result.status, { ...forwardable(result.headers), 'content-length': String(result.body.length) });
  answer.end(result.body);
  return result;
}

function forwardable(headers: IncomingHttpHeaders | Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_FORWARDED.has(name.toLowerCase())) continue;
    kept[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
