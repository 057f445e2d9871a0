import type { DeliveryErrorCode } from '../evidence/ReceiverAnswer';
import type { DeliveryError } from './DeliveryResult';

// OpenSSL verification codes that mean "the chain does not end at a trusted root". Other
// certificate problems (expired, wrong host name) are reported as TLS_ERROR with their message.
const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

const OTHER_TLS_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

const CODE_MAP: Readonly<Record<string, DeliveryErrorCode>> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ECONNRESET: 'CONNECTION_RESET',
  EPIPE: 'CONNECTION_RESET',
  ECONNABORTED: 'CONNECTION_RESET',
  // undici's SocketError: "other side closed" before the response was complete.
  UND_ERR_SOCKET: 'CONNECTION_RESET',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'PROTOCOL_ERROR',
  UND_ERR_HEADERS_OVERFLOW: 'PROTOCOL_ERROR',
  UND_ERR_INFO: 'PROTOCOL_ERROR',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  ETIMEDOUT: 'TIMEOUT',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_FAIL: 'DNS',
  EAI_NONAME: 'DNS',
};

/**
 * Maps a transport error (from undici or Node's net/tls layers) to a delivery error code and a
 * one-line message. Looks through `cause` chains and AggregateErrors (Node's happy-eyeballs connect
 * reports one error per address tried) so the most specific code wins.
 */
export function classifyError(error: unknown): DeliveryError {
  for (const candidate of causeChain(error)) {
    const code = codeOf(candidate);
    const mapped = code !== undefined ? mapCode(code) : undefined;
    if (mapped !== undefined) return { code: mapped, message: oneLine(candidate, code) };
    // undici's HTTPParserError often has no code (llhttp's error name is not always exposed).
    if (candidate instanceof Error && candidate.name === 'HTTPParserError') {
      return { code: 'PROTOCOL_ERROR', message: oneLine(candidate, code) };
    }
  }
  return { code: 'OTHER', message: oneLine(error, codeOf(error)) };
}

function mapCode(code: string): DeliveryErrorCode | undefined {
  if (UNTRUSTED_CERT_CODES.has(code)) return 'TLS_UNTRUSTED';
  if (OTHER_TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return 'TLS_ERROR';
  }
  // llhttp parse errors carry codes like HPE_INVALID_CONSTANT.
  if (code.startsWith('HPE_')) return 'PROTOCOL_ERROR';
  return CODE_MAP[code];
}

function* causeChain(error: unknown, depth = 0): Generator {
  if (depth > 5 || error === undefined || error === null) return;
  yield error;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) yield* causeChain(inner, depth + 1);
  }
  if (error instanceof Error && error.cause !== undefined) yield* causeChain(error.cause, depth + 1);
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

function oneLine(error: unknown, code: string | undefined): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = (raw.split('\n')[0] ?? '').trim() || (error instanceof Error ? error.name : 'error');
  return code !== undefined && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
}
