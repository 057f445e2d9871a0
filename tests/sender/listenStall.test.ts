import { sign } from '../../src';
import { createEngine, type Engine } from '../../src/engine';
import type { CheckReport } from '../../src/evidence/certificationReport';
import { buildListenReport, listenUntil, parseRespondScript, renderListenSummary, type ListenSession, type ReceivedDelivery } from '../../src/sender';
import { pingEvent } from '../cli/events';
import { REAL_SPEC } from '../cli/paths';
import { cli, post, SECRET, sleep } from './support';

// listen judges a sender's backoff from when its retries arrive. Here listen and the sender share
// this process, as hookproof's own stall would show: blocking the event loop holds back both the
// listener's clock readings and the sender's timers, so a wait measured across the stall is longer
// than the sender meant. Retries use a 500 ms base, as in listen.test.ts, to keep these runs short.

const STALL_MS = 800;

/** Blocks this process's event loop: hookproof's own stall, as garbage collection or a loaded machine makes one. */
function stallOwnProcess(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: nothing else in this process runs meanwhile
  }
}

let engine: Engine;
beforeAll(() => {
  engine = createEngine({ specPath: REAL_SPEC });
});

interface Run {
  readonly session: ListenSession;
  readonly retries: CheckReport;
  readonly verdict: string;
  /** The end-of-run text listen prints. */
  readonly summary: string;
}

/**
 * Listens (library level, loopback) answering `respond` until `count` deliveries were answered,
 * while `send` sends to it; after the answer to attempt `stallAfter.attempt` (if given), this
 * process stalls for STALL_MS, starting `stallAfter.delayMs` later.
 */
async function listenWhile(respond: string, count: number, send: (url: string) => Promise<unknown>, stallAfter?: { attempt: number; delayMs: number }): Promise<Run> {
  let ready: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    ready = resolve;
  });
  const onDelivery = (delivery: ReceivedDelivery): void => {
    if (stallAfter !== undefined && delivery.attempt === stallAfter.attempt) setTimeout(() => stallOwnProcess(STALL_MS), stallAfter.delayMs);
  };
  const sessionPromise = listenUntil({ validators: engine.validators, secrets: [SECRET], respond: parseRespondScript(respond), count, forMs: 20_000, onReady: ready, onDelivery });
  const [session] = await Promise.all([sessionPromise, url.then(send)]);
  const report = buildListenReport({
    ...session,
    spec: { path: 'spec/webhook-events.yaml', sha256: engine.spec.sha256 },
    respond,
    expect: undefined,
    secrets: [SECRET],
    reportPath: 'report.json',
  });
  const retries = report.checks.find((c) => c.requirement === 'SND-3');
  if (retries === undefined) throw new Error('no SND-3 check in the report');
  return { session, retries, verdict: report.verdict, summary: renderListenSummary(report) };
}

/** gridX's correct sender, hookproof's own `send --retry`: waits of 500 ms, then 1000 ms. */
function correctSender(url: string): Promise<unknown> {
  return cli(['send', '--url', url, '--type', 'ev/plugged', '--seed', '5', '--retry', '--retry-base-ms', '500', '--allow-http']);
}

/** The longest own stall listen saw. */
function longestStall(session: ListenSession): number {
  return Math.max(0, ...session.ownStalls.map((s) => s.toMs - s.fromMs));
}

describe('listen: SND-3 knows hookproof’s own stalls', () => {
  it('is inconclusive, not failed, for a correct sender when hookproof stalls between two retries', async () => {
    // The stall holds back the retry the sender sends 500 ms after the first answer until about
    // 1000 ms: the waits measure about 1000 ms then 1000 ms, which judged blind (before stalls were
    // known) failed SND-3 as "no backoff".
    const run = await listenWhile('503,503,204', 3, correctSender, { attempt: 1, delayMs: 200 });

    expect(run.session.deliveries.map((d) => d.answer)).toEqual([503, 503, 204]);
    expect(longestStall(run.session)).toBeGreaterThan(STALL_MS / 2);
    expect(run.retries.status).toBe('inconclusive');
    expect(run.retries.failures).toEqual([]);
    expect(run.retries.note).toMatch(
      /^inconclusive: hookproof's own process stalled \d+ ms between deliveries 1 and 3 \(ev\/plugged [0-9a-f-]+\), so its waits of \d+ ms, \d+ ms could not be judged for backoff/,
    );
    expect(run.verdict).toBe('incomplete');
    expect(run.summary).toContain('listen  INCOMPLETE');
    expect(run.summary).toContain('2 passed, 0 failed, 0 skipped, 1 inconclusive');
    expect(run.summary).toContain('INCONCLUSIVE  snd-retries  SND-3');
  });

  it('still fails a sender without backoff on the waits no stall touched', async () => {
    const ping = Buffer.from(JSON.stringify(pingEvent()));
    const signature = sign(ping, [SECRET]);
    // Equal waits, then none: no backoff. The stall lands in the second wait, so the comparisons
    // beside it are undecided, but the last (300 ms, then next to nothing) is not.
    const waitsMs = [300, 300, 300, 0];
    const noBackoff = async (url: string): Promise<void> => {
      await post(url, ping, signature);
      for (const waitMs of waitsMs) {
        await sleep(waitMs);
        await post(url, ping, signature);
      }
    };
    const run = await listenWhile('503', 5, noBackoff, { attempt: 2, delayMs: 100 });

    expect(longestStall(run.session)).toBeGreaterThan(STALL_MS / 2);
    expect(run.retries.status).toBe('fail');
    expect(run.retries.failures.map((f) => f.label)).toEqual([expect.stringMatching(/^no-backoff: ping .* \(delivery 5\)$/)]);
    expect(run.verdict).toBe('fail');
  });

  it('passes a correct sender when hookproof does not stall', async () => {
    const run = await listenWhile('503,503,204', 3, correctSender);

    expect(run.session.deliveries.map((d) => d.answer)).toEqual([503, 503, 204]);
    expect(run.retries.status).toBe('pass');
    expect(run.verdict).toBe('pass');
  });
});
