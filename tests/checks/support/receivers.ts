import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createReferenceHandler } from '../../../src/receiver';

export const SECRET = 'test-secret-do-not-leak-7f3a';

export interface RunningReceiver {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `listener` on 127.0.0.1, on a free port. */
export async function serve(listener: RequestListener): Promise<RunningReceiver> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/gridx?tenant=t1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The sound reference receiver. */
export function soundReceiver(secrets: readonly string[] = [SECRET]): Promise<RunningReceiver> {
  return serve(createReferenceHandler({ secrets }));
}

/** Reads a request body fully. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
