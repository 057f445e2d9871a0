import type { RequestListener } from 'node:http';
import { createReferenceHandler } from '../../../src/receiver';
import { SECRET } from '../support/receivers';
import { closeAfterEach, readBody, serve, type RunningReceiver } from '../../support/servers';
import { runCheck } from '../support/runCheck';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reference receiver behind a barrier, counting the most requests it ever had in flight at
 * once: each request is held until `expected` are in flight (then all held ones are answered), or
 * for at most `holdMs`, so a client sending fewer at once is still answered within its timeout.
 * Holding on a signal rather than for a fixed sleep keeps the count exact on a loaded machine,
 * where requests sent together may arrive far apart.
 */
function counting(inner: RequestListener, expected: number, holdMs = 1500): { listener: RequestListener; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  let held: Array<() => void> = [];
  const listener: RequestListener = (req, res) => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    let answered = false;
    const answer = (): void => {
      if (answered) return;
      answered = true;
      inner(req, res);
    };
    held.push(answer);
    if (inFlight >= expected) {
      const release = held;
      held = [];
      release.forEach((go) => go());
    } else {
      setTimeout(answer, holdMs);
    }
  };
  return { listener, maxInFlight: () => max };
}

describe('dlv-concurrent (DLV-6)', () => {
  const closing = closeAfterEach();
  const start = (listener: RequestListener): Promise<RunningReceiver> => closing(serve(listener));

  it('passes against the reference receiver, with --concurrency requests really in flight at once', async () => {
    const sound = counting(createReferenceHandler({ secrets: [SECRET] }), 4);
    const report = await runCheck('dlv-concurrent', (await start(sound.listener)).url, { runs: 8, concurrency: 4 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-6', cases: 8, failures: [] });
    expect(sound.maxInFlight()).toBe(4);
  });

  it('sends two at once even with --concurrency 1', async () => {
    const sound = counting(createReferenceHandler({ secrets: [SECRET] }), 2);
    const report = await runCheck('dlv-concurrent', (await start(sound.listener)).url, { runs: 4, concurrency: 1 });
    expect(report).toMatchObject({ status: 'pass', cases: 4 });
    expect(sound.maxInFlight()).toBe(2);
  });

  it('fails against a receiver that serialises requests behind a long lock and so times out under load', async () => {
    const handler = createReferenceHandler({ secrets: [SECRET] });
    let lock = Promise.resolve();
    // 150 ms per request is well within the 400 ms timeout alone, but the fourth in line waits 600 ms.
    const locked = await start((req, res) => {
      const turn = lock.then(() => sleep(150));
      lock = turn;
      void turn.then(() => handler(req, res));
    });
    const report = await runCheck('dlv-concurrent', locked.url, { runs: 4, concurrency: 4, timeoutMs: 400 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-6' });
    // A lower bound only (timers may fire a little early, never a whole slack early); a loaded
    // machine may end the delivery late, so there is no upper window.
    const timedOutAfterMs = Number(/^timeout after (\d+) ms/.exec(report.failures[0]?.actual ?? '')?.[1]);
    expect(timedOutAfterMs).toBeGreaterThanOrEqual(400 - 20);
    expect(report.failures[0]?.expected).toContain('for every one of 4 deliveries sent at once');
    // One batch: a failing batch ends the property (no shrinking of a timing failure); then its
    // control, the timed-out event sent alone (accepted: concurrency is the cause).
    expect(report.cases).toBe(5);
  });

  it.each([429, 503])('fails against a receiver answering %i while it is busy with another request', async (status) => {
    let busy = false;
    let anotherArrived = (): void => undefined;
    const busyReceiver = await start((req, res) => {
      if (busy) {
        req.resume();
        res.writeHead(status, { 'retry-after': '1' }).end();
        anotherArrived();
        return;
      }
      busy = true;
      // Busy until another request has arrived (capped, for a delivery sent alone), not for a fixed
      // sleep: requests sent together may arrive far apart on a loaded machine.
      const another = new Promise<void>((resolve) => {
        const cap = setTimeout(resolve, 1500);
        anotherArrived = () => {
          clearTimeout(cap);
          resolve();
        };
      });
      void Promise.all([readBody(req), another]).then(() => {
        busy = false;
        res.writeHead(202).end();
      });
    });
    const report = await runCheck('dlv-concurrent', busyReceiver.url, { runs: 4, concurrency: 3 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-6' });
    expect(report.failures[0]?.actual).toMatch(new RegExp(`^${status} transient`));
    expect(report.failures[0]?.label).toMatch(/^delivery [23] of 3 in flight at once/);
  });
});
