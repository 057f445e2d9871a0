import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createReferenceHandler } from '../../../src/receiver';
import { readBody, SECRET, serve, type RunningReceiver } from '../support/receivers';

/**
 * Like `defectiveReceiver` of ../support/receivers, which cannot hand a request on to the reference
 * under jest (its dynamic `import('node:stream')` throws without --experimental-vm-modules, so the
 * request hangs): `override` sees each request with its raw body first and answers it itself
 * (true) or lets the reference receiver answer (false).
 */
export function referenceWithDefect(
  override: (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean,
  secrets: readonly string[] = [SECRET],
): Promise<RunningReceiver> {
  const reference = createReferenceHandler({ secrets });
  return serve((req, res) => {
    readBody(req).then(
      (body) => {
        if (override(req, body, res)) return;
        const replay = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
        reference(replay as unknown as IncomingMessage, res);
      },
      () => req.destroy(),
    );
  });
}
