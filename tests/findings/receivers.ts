import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySignature } from '../../src/signing';
import { readBody, serve, SECRET, type RunningReceiver } from '../checks/support/receivers';

/**
 * A receiver as openapi-generator makes them (Go, DisallowUnknownFields) from a model that lacks
 * `accountID`: the signature is checked first (forged requests get 401), then every body that
 * carries an `accountID` (every valid event) is refused with a 400 JSON error, the way
 * encoding/json words it.
 */
export function strictServer(): Promise<RunningReceiver> {
  return serve((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const header = req.headers['x-signature'];
      if (typeof header !== 'string' || !verifySignature(body, header, [SECRET]).valid) return void res.writeHead(401).end();
      if (body.includes('"accountID"')) {
        return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'json: unknown field "accountID"' }));
      }
      res.writeHead(202).end();
    })().catch(() => res.destroy());
  });
}

/** Answers every request with `status` and an optional body, whatever was sent. */
export function answersEverything(status: number, body = '', headers: Record<string, string> = {}): Promise<RunningReceiver> {
  return serve((req, res) => {
    void readBody(req).then(() => res.writeHead(status, headers).end(body), () => res.destroy());
  });
}

/** Reads the request, then lets `answer` write the response. */
export function receiver(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<RunningReceiver> {
  return serve((req, res) => {
    void readBody(req).then((body) => answer(req, body, res), () => res.destroy());
  });
}
