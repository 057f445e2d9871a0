import { verifySignature } from '../../src/signing';
import { SECRET } from '../checks/support/receivers';
import { serveReadingBody, type RunningReceiver } from '../support/servers';

/**
 * A receiver as openapi-generator makes them (Go, DisallowUnknownFields) from a model that lacks
 * `accountID`: the signature is checked first (forged requests get 401), then every body that
 * carries an `accountID` (every valid event) is refused with a 400 JSON error, the way
 * encoding/json words it.
 */
export function strictServer(): Promise<RunningReceiver> {
  return serveReadingBody((req, body, res) => {
    const header = req.headers['x-signature'];
    if (typeof header !== 'string' || !verifySignature(body, header, [SECRET]).valid) return void res.writeHead(401).end();
    if (body.includes('"accountID"')) {
      return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'json: unknown field "accountID"' }));
    }
    res.writeHead(202).end();
  });
}

/** Answers every request with `status` and an optional body, whatever was sent. */
export function answersEverything(status: number, body = '', headers: Record<string, string> = {}): Promise<RunningReceiver> {
  return serveReadingBody((_req, _body, res) => res.writeHead(status, headers).end(body));
}
