import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';

/**
 * Where the bytes at the start of a response stand: an interim (1xx) head of `length` bytes to
 * skip, the final response (hand everything on), or not enough bytes yet to tell.
 */
export type ResponseStart = { kind: 'interim'; status: number; length: number } | { kind: 'final' } | { kind: 'more' };

const STATUS_LINE = /^HTTP\/\d\.\d (\d{3})[ \r]/;
// Long enough for "HTTP/1.1 100 " (the space or CR after the code decides).
const STATUS_PREFIX_BYTES = 13;
// Where the status code's first digit stands in "HTTP/1.1 200 ", and the byte of an interim one.
const STATUS_DIGIT_AT = 9;
const DIGIT_ONE = 0x31;
// An interim head larger than this is handed on as it is: undici's own limits then apply.
const MAX_INTERIM_HEAD_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Classifies the bytes received where a response must begin. An interim response (RFC 9110 §15.2:
 * 100 Continue, 102, 103 Early Hints…; never 101, which switches protocols) has a head and no
 * body, and the final answer follows it on the same connection.
 */
export function responseStart(bytes: Buffer): ResponseStart {
  // The common case without building a string: a whole prefix whose status does not begin with 1
  // is final whatever else it holds (not a status line at all, or a status of 2xx and above).
  if (bytes.length >= STATUS_PREFIX_BYTES && bytes[STATUS_DIGIT_AT] !== DIGIT_ONE) return { kind: 'final' };
  const prefix = bytes.subarray(0, STATUS_PREFIX_BYTES).toString('latin1');
  const match = STATUS_LINE.exec(prefix);
  if (match === null) return prefix.length < STATUS_PREFIX_BYTES && couldStartStatusLine(prefix) ? { kind: 'more' } : { kind: 'final' };
  const status = Number(match[1]);
  if (status < 100 || status > 199 || status === 101) return { kind: 'final' };
  const end = bytes.indexOf(HEAD_END);
  if (end >= 0) return { kind: 'interim', status, length: end + HEAD_END.length };
  return bytes.length > MAX_INTERIM_HEAD_BYTES ? { kind: 'final' } : { kind: 'more' };
}

function couldStartStatusLine(prefix: string): boolean {
  const template = 'HTTP/1.1 100 ';
  for (let i = 0; i < prefix.length; i += 1) {
    const want = template[i] ?? '';
    const got = prefix[i] ?? '';
    const ok = /\d/.test(want) ? /\d/.test(got) : want === got || (i === 12 && got === '\r');
    if (!ok) return false;
  }
  return true;
}

/**
 * Makes `socket` skip interim (1xx) responses before the final answer, so that undici, which
 * refuses an unsolicited `100 Continue` as "bad response" (UND_ERR_SOCKET), sees only final
 * answers. RFC 9110 §15.2 requires a client to accept interim responses it did not ask for.
 *
 * It works at the socket undici reads from: undici sends one request at a time on a connection
 * (no pipelining), writing each whole request in one go, and reads with `socket.read()`. So a
 * response begins right after a request is written, and only there are interim heads looked for.
 */
export function skipInterimResponses(socket: Socket, onInterim?: (status: number) => void): void {
  const read = socket.read.bind(socket);
  const write = socket.write.bind(socket);
  let atResponseStart = false;
  let held: Buffer | undefined;

  socket.write = ((...args: Parameters<Socket['write']>) => {
    atResponseStart = true;
    return write(...args);
  }) as Socket['write'];

  socket.read = ((size?: number) => {
    // read(0) only asks the stream to fill its buffer (Node calls it internally): never consume there.
    if (size === 0 || (!atResponseStart && held === undefined)) return read(size) as unknown;
    for (;;) {
      const chunk = read() as Buffer | null;
      if (chunk !== null) held = held === undefined ? chunk : Buffer.concat([held, chunk]);
      if (held === undefined) return null;
      let start = responseStart(held);
      while (start.kind === 'interim') {
        onInterim?.(start.status);
        held = held.subarray(start.length);
        start = held.length === 0 ? { kind: 'more' } : responseStart(held);
      }
      if (start.kind === 'final') {
        const out = held;
        held = undefined;
        atResponseStart = false;
        return out;
      }
      if (held.length === 0) held = undefined;
      // Not enough bytes to decide yet: read on, or wait for the next 'readable'.
      if (chunk === null) return null;
    }
  }) as Socket['read'];
}

/** Wraps an undici connector so that every socket it opens skips interim responses. */
export function interimSkippingConnector(connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) => {
    connect(options, (...args) => {
      const socket = args[1];
      if (args[0] === null && socket !== null) skipInterimResponses(socket);
      callback(...args);
    });
  };
}
