import { BrokerError, type BrokerFailureCause } from '../../errors';
import { terminalSafe } from '../../text/terminalSafe';

/** Codes of TLS failures as Node and OpenSSL report them (certificate checks and handshakes). */
const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH)/;

/**
 * Turns what fetch threw into a BrokerError naming the real cause: the connection was refused, the
 * name did not resolve, TLS failed, the deadline passed, the broker closed the connection
 * mid-answer, or what came back was not HTTP. Reads the whole `cause` chain, where undici puts the
 * socket's error under a generic "fetch failed".
 */
export function brokerFailure(error: unknown, timeoutMs: number): BrokerError {
  const chain = causes(error);
  const found = (test: (e: { name?: unknown; code?: unknown; message?: unknown }) => boolean): { code?: unknown; message?: unknown; hostname?: unknown } | undefined =>
    chain.find(test);
  if (found((e) => e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return new BrokerError('timeout', `no answer within the broker deadline of ${Math.round(timeoutMs / 100) / 10} s (raise it with --broker-timeout)`);
  }
  const coded = (code: RegExp): { code?: unknown; message?: unknown } | undefined => found((e) => typeof e.code === 'string' && code.test(e.code));
  const cause = (failure: BrokerFailureCause, text: string): BrokerError => new BrokerError(failure, text, { cause: error });
  if (coded(/^ECONNREFUSED$/) !== undefined) return cause('refused', 'connection refused: nothing listens there (is the broker URL right, and the broker running?)');
  const dns = coded(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/);
  if (dns !== undefined) return cause('dns', `the broker's host name does not resolve (${String(dns.code)})`);
  const tls = coded(TLS_CODE);
  if (tls !== undefined) return cause('tls', `TLS failed: ${firstLine(tls.message)} (${String(tls.code)})`);
  const parser = coded(/^HPE_/) ?? found((e) => e.name === 'HTTPParserError');
  if (parser !== undefined) return cause('not-http', `the answer is not HTTP (${firstLine(parser.message)})`);
  const closed = coded(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_RES_CONTENT_LENGTH_MISMATCH)$/);
  if (closed !== undefined) return cause('closed', `the broker closed the connection before its answer was complete (${String(closed.code)})`);
  const last = chain.at(-1);
  return cause('network', `network error: ${firstLine(last?.message)}${typeof last?.code === 'string' ? ` (${last.code})` : ''}`);
}

function causes(error: unknown): Array<{ name?: unknown; code?: unknown; message?: unknown }> {
  const chain: Array<{ name?: unknown; code?: unknown; message?: unknown }> = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && chain.length < 8) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function firstLine(message: unknown): string {
  return typeof message === 'string' ? terminalSafe(message.split('\n')[0] ?? '') : 'unknown';
}
