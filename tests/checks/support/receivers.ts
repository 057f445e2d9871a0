import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createReferenceHandler } from '../../../src/receiver';
import { readBody, serve, type RunningReceiver } from '../../support/servers';

export const SECRET = 'test-secret-do-not-leak-7f3a';

/** The sound reference receiver. */
export function soundReceiver(secrets: readonly string[] = [SECRET]): Promise<RunningReceiver> {
  return serve(createReferenceHandler({ secrets }));
}

/**
 * The reference receiver with one defect: `override` sees each request (with its raw body) first
 * and may answer it itself (return true) or let the sound receiver answer (return false).
 */
export function defectiveReceiver(
  override: (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean | Promise<boolean>,
  secrets: readonly string[] = [SECRET],
): Promise<RunningReceiver> {
  const sound = createReferenceHandler({ secrets });
  return serve((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (await override(req, body, res)) return;
      // Hand the already-read body to the sound handler through a fresh readable request.
      const replay = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
      sound(replay as unknown as IncomingMessage, res);
    })().catch(() => res.destroy());
  });
}

/** A receiver that accepts every request with 202 and never looks at the signature (SIG-2/3/4 fail). */
export function signatureIgnoringReceiver(): Promise<RunningReceiver> {
  return serve((req, res) => {
    req.resume();
    res.writeHead(202).end();
  });
}
