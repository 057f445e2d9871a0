import { serve, type RunningReceiver } from '../../support/servers';

// These receivers' URLs are the bare origin plus '/': the tests append the path they need.

/**
 * A receiver with two defects: it never verifies X-Signature (anything is accepted, SIG-2…SIG-7)
 * and it answers `ping` events with 503 (a transient error for an event it must accept: EVT-1,
 * and SIG-1 whenever a ping is drawn). Two defects in different areas give a real run failures
 * of more than one kind, which the report tests need to render.
 */
export function defectiveReceiver(): Promise<RunningReceiver> {
  return serve((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let type: unknown;
      try {
        type = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined;
      }
      if (type === 'ping') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"<script>alert(1)</script>"}');
      } else {
        res.writeHead(202).end();
      }
    });
  }, '/');
}

/** A receiver that answers 410 Gone to everything: gridX would delete the subscription. */
export function goneReceiver(): Promise<RunningReceiver> {
  return serve((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(410).end());
  }, '/');
}
