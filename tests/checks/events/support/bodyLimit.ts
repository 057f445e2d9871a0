import type { IncomingMessage } from 'node:http';
import { defectiveReceiver } from '../../support/receivers';
import type { RunningReceiver } from '../../../support/servers';

/** Express's default body limit, `express.raw()` and `express.json()`: '100kb', which `bytes` reads as 102,400. */
export const EXPRESS_DEFAULT_LIMIT = 100 * 1024;

/** What a receiver was sent, for the budget assertions. */
export interface SentBodies {
  /** The largest body received, in bytes. */
  largest: number;
  /** The longest string value in any JSON body received, in UTF-16 units. */
  longestString: number;
  /** Requests answered 413. */
  refused: number;
}

/**
 * A sound receiver behind a body limit, as Express's `express.raw({ type: 'application/json' })`
 * sets one: a declared Content-Length above `limitBytes` (or a body that turns out larger) is
 * answered 413 with Express's default error page before anything else looks at the request;
 * otherwise the reference receiver (raw-body HMAC, timing-safe comparison) answers. `sent` tallies
 * what arrived.
 */
export function bodyLimitedReceiver(limitBytes: number, sent: SentBodies = { largest: 0, longestString: 0, refused: 0 }): Promise<RunningReceiver> {
  return defectiveReceiver((req: IncomingMessage, body, res) => {
    sent.largest = Math.max(sent.largest, body.length);
    sent.longestString = Math.max(sent.longestString, longestString(body));
    if (Number(req.headers['content-length'] ?? 0) <= limitBytes && body.length <= limitBytes) return false;
    sent.refused += 1;
    const page =
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>PayloadTooLargeError: request entity too large</pre>\n</body>\n</html>\n';
    res.writeHead(413, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page)) }).end(page);
    return true;
  });
}

function longestString(body: Buffer): number {
  let longest = 0;
  try {
    JSON.parse(body.toString('utf8'), (_key, value: unknown) => {
      if (typeof value === 'string') longest = Math.max(longest, value.length);
      return value;
    });
  } catch {
    // Not JSON (EVT-7's cases): no string to measure.
  }
  return longest;
}
