import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createReferenceHandler } from '../../../../src/receiver';
import { readBody, SECRET, serve, type RunningReceiver } from '../../support/receivers';

/**
 * Like `defectiveReceiver` in ../../support/receivers.ts, whose pass-through path imports
 * node:stream dynamically, which jest refuses without --experimental-vm-modules: `override` sees
 * each request first and answers it (true) or hands it to the reference receiver (false).
 */
export function receiverWithDefect(
  override: (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean | Promise<boolean>,
  secrets: readonly string[] = [SECRET],
): Promise<RunningReceiver> {
  const sound = createReferenceHandler({ secrets });
  return serve((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (await override(req, body, res)) return;
      const replay = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
      sound(replay as unknown as IncomingMessage, res);
    })().catch(() => res.destroy());
  });
}
