import { createHmac } from 'node:crypto';
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'undici';

/** What an open-loop run at a fixed rate saw: latency from each request's scheduled time, in ms. */
export interface OpenLoopResult {
  readonly sent: number;
  readonly ok: number;
  /** Microseconds from each request's scheduled time to its answer. */
  readonly histogram: hdr.Histogram;
}

/**
 * The peer for capacity's own latency: a bare undici loop, nothing of hookproof, offering `rate`
 * signed distinct bodies per second on the same open-model schedule (request k due at k/rate,
 * sent when due whatever is in flight, up to `maxInFlight`; latency from the due time, into an
 * HDR histogram like capacity's). Against a receiver that answers at once, what capacity adds
 * to this loop's latency is hookproof's own cost.
 */
export async function openLoopUndici(url: string, secret: string, bodies: readonly Buffer[], rate: number, durationMs: number, maxInFlight: number): Promise<OpenLoopResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: maxInFlight, keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3, bitBucketSize: 'packed' });
  const total = Math.floor((rate * durationMs) / 1000);
  const path = `${target.pathname}${target.search}`;
  let sent = 0;
  let answered = 0;
  let ok = 0;
  let inFlight = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const send = (k: number): void => {
      const due = (k * 1000) / rate;
      const body = bodies[k % bodies.length] as Buffer;
      const headers = { 'content-type': 'application/json', 'x-signature': `sha512=${createHmac('sha512', secret).update(body).digest('hex')}` };
      inFlight += 1;
      sent += 1;
      const done = (status: number): void => {
        inFlight -= 1;
        answered += 1;
        if (status >= 200 && status < 300) ok += 1;
        histogram.recordValue(Math.max(1, Math.round((performance.now() - start - due) * 1000)));
        if (answered === total) resolve();
        else pump();
      };
      pool.request({ path, method: 'POST', headers, body }).then(
        async (response) => {
          await response.body.dump();
          done(response.statusCode);
        },
        () => done(0),
      );
    };
    let timer: NodeJS.Timeout | undefined;
    const pump = (): void => {
      clearTimeout(timer);
      const now = performance.now() - start;
      while (sent < total && inFlight < maxInFlight && (sent * 1000) / rate <= now) send(sent);
      if (sent < total && inFlight < maxInFlight) timer = setTimeout(pump, Math.max(0, (sent * 1000) / rate - (performance.now() - start)));
    };
    pump();
  });
  await pool.close();
  return { sent, ok, histogram };
}
