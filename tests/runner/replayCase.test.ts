import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Failure } from '../../src/evidence/failure';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { replayCase } from '../../src/runner/replayPlan';
import { firstDigestOnly, receiverVerifyingWith } from '../checks/signature/defects';
import { certify } from '../checks/support/runCheck';
import { defectiveReceiver, SECRET, soundReceiver } from '../checks/support/receivers';
import { closeAfterEach, type RunningReceiver } from '../support/servers';

const FAST = ['--allow-http', '--runs', '3', '--timeout-ms', '3000', '--seed', '11'];

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

function idOf(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { id?: unknown }).id);
  } catch {
    return '';
  }
}

/** Refuses an event id it has already accepted with 409 ("duplicate"): not idempotent (DLV-4). */
function conflictOnDuplicate(): Promise<RunningReceiver> {
  const seen = new Set<string>();
  return defectiveReceiver((_req, body, res) => {
    const id = idOf(body);
    if (!seen.has(id)) {
      seen.add(id);
      return false;
    }
    res.writeHead(409, { 'content-length': '0' }).end();
    return true;
  });
}

/** Refuses an event older than the last one accepted for its type with 422 ("stale"): DLV-5. */
function refusesOlder(): Promise<RunningReceiver> {
  const newest = new Map<string, number>();
  return defectiveReceiver((_req, body, res) => {
    const event = JSON.parse(body.toString('utf8')) as { type?: string; time?: string };
    const time = Date.parse(String(event.time));
    const key = String(event.type);
    if ((newest.get(key) ?? -Infinity) > time) {
      res.writeHead(422, { 'content-length': '0' }).end();
      return true;
    }
    newest.set(key, time);
    return false;
  });
}

/** Answers 429 while another delivery is in flight (one at a time): DLV-6. */
function oneAtATime(): Promise<RunningReceiver> {
  let inFlight = 0;
  return defectiveReceiver(async (_req: IncomingMessage, _body, res) => {
    if (inFlight > 0) {
      res.writeHead(429, { 'content-length': '0' }).end();
      return true;
    }
    inFlight += 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    inFlight -= 1;
    return false;
  });
}

/** Answers the first delivery of each event id 507 (permanent: gridX does not retry it), later ones rightly: DLV-7. */
function permanentHiccup(): Promise<RunningReceiver> {
  const seen = new Set<string>();
  return defectiveReceiver((_req, body, res) => {
    const id = idOf(body);
    if (seen.has(id)) return false;
    seen.add(id);
    res.writeHead(507, { 'content-length': '0' }).end();
    return true;
  });
}

async function failureOf(url: string, checks: string, id: string): Promise<Failure> {
  const report = await certify(url, { checks: [checks], runs: 3, seed: 11 });
  const check = report.checks.find((c) => c.id === id);
  expect(check?.status).toBe(checks === 'DLV-7' ? 'warn' : 'fail');
  const failure = check?.failures[0];
  if (failure === undefined) throw new Error(`${id} has no failure`);
  return failure;
}

describe('replay sends the whole case', () => {
  const closing = closeAfterEach();

  it('DLV-4: exits 1 against a 409-on-duplicate receiver and 0 against a fixed one, with one numbered curl command per delivery', async () => {
    const broken = await closing(conflictOnDuplicate());
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-replay-case-'));
    expect((await cli(['certify', '--url', broken.url, '--report-dir', dir, '--checks', 'DLV-4', ...FAST])).code).toBe(1);
    const path = join(dir, 'report.json');
    const still = await cli(['replay', path, 'dlv-duplicate-accepted#1', '--url', broken.url]);
    expect(still.code).toBe(1);
    expect(still.out).toMatch(/^request\s+1\/2 setup: first delivery; POST/m);
    expect(still.out).toMatch(/^verdict\s+STILL WRONG/m);
    // A fresh copy of the same broken receiver has no state from the run: the duplicate alone fails.
    const fresh = await closing(conflictOnDuplicate());
    const again = await cli(['replay', path, 'dlv-duplicate-accepted#1', '--url', fresh.url]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/^request\s+2\/2 judged: duplicate delivery.*\n(.*\n)*\s+now: 409 permanent/m);
    const fixed = await closing(soundReceiver());
    const replay = await cli(['replay', path, 'dlv-duplicate-accepted#1', '--url', fixed.url]);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^verdict\s+FIXED: every one of its 2 deliveries/m);
    const curl = (JSON.parse(readFileSync(path, 'utf8')) as { checks: { failures: Failure[] }[] }).checks[0]?.failures[0]?.reproduce.curl ?? '';
    expect(curl.match(/^# \d\/2 .*$/gm)).toEqual([expect.stringMatching(/^# 1\/2 first delivery \(must be accepted/), expect.stringMatching(/^# 2\/2 duplicate delivery/)]);
    expect(curl.match(/^curl /gm)).toHaveLength(2);
  });

  it('DLV-5: the newer event is sent first, then the older one', async () => {
    const failure = await failureOf((await closing(refusesOlder())).url, 'DLV-5', 'dlv-out-of-order');
    expect(failure.plan?.deliveries.map((d) => d.role)).toEqual(['setup', 'judged']);
    const still = await replayCase(failure, 'DLV-5', { url: (await closing(refusesOlder())).url, secrets: [SECRET] });
    expect([still.fixed, still.deliveries.map((d) => d.attempts[0]?.status)]).toEqual([false, [202, 422]]);
    expect((await replayCase(failure, 'DLV-5', { url: (await closing(soundReceiver())).url, secrets: [SECRET] })).fixed).toBe(true);
  });

  it('DLV-6: the batch is sent at once again, and its control alone only when the batch fails', async () => {
    const failure = await failureOf((await closing(oneAtATime())).url, 'DLV-6', 'dlv-concurrent');
    const roles = failure.plan?.deliveries.map((d) => d.role) ?? [];
    expect(roles.filter((r) => r === 'judged').length).toBeGreaterThanOrEqual(2);
    expect(roles.at(-1)).toBe('control');
    const still = await replayCase(failure, 'DLV-6', { url: (await closing(oneAtATime())).url, secrets: [SECRET] });
    expect(still.fixed).toBe(false);
    expect(still.deliveries.some((d) => d.attempts[0]?.status === 429)).toBe(true);
    expect(still.deliveries.at(-1)).toMatchObject({ role: 'control', attempts: [expect.objectContaining({ status: 202 })] });
    const fixed = await replayCase(failure, 'DLV-6', { url: (await closing(soundReceiver())).url, secrets: [SECRET] });
    expect([fixed.fixed, fixed.deliveries.some((d) => d.role === 'control')]).toEqual([true, false]);
  });

  it("DLV-7: the delivery is sent under gridX's retry policy again and judged on every answer", async () => {
    const failure = await failureOf((await closing(permanentHiccup())).url, 'DLV-7', 'dlv-transient-retried');
    expect(failure.plan).toMatchObject({ retries: { baseDelayMs: 5 }, deliveries: [{ role: 'judged' }, { role: 'control', label: 'the same delivery sent again' }] });
    const still = await replayCase(failure, 'DLV-7', { url: (await closing(permanentHiccup())).url, secrets: [SECRET] });
    // 507 at once (gridX would not retry it), and accepted when sent again: still wrong, not blocked.
    expect([still.fixed, still.deliveries.map((d) => d.attempts.map((a) => a.status))]).toEqual([false, [[507], [202]]]);
    expect((await replayCase(failure, 'DLV-7', { url: (await closing(soundReceiver())).url, secrets: [SECRET] })).fixed).toBe(true);
  });

  it('paired controls: a rotation case replays with its single-digest control, sent only when the case is still wrong', async () => {
    const url = (await closing(receiverVerifyingWith(firstDigestOnly))).url;
    const report = await certify(url, { checks: ['sig-rotation'], runs: 5 });
    const failure = report.checks[0]?.failures[0];
    if (failure === undefined) throw new Error('sig-rotation did not fail');
    expect(failure.plan?.deliveries.map((d) => d.role)).toEqual(['judged', 'control']);
    const still = await replayCase(failure, 'SIG-6', { url, secrets: [SECRET] });
    expect([still.fixed, still.deliveries.map((d) => `${d.role} ${d.attempts[0]?.status}`)]).toEqual([false, ['judged 401', 'control 202']]);
    const fixed = await replayCase(failure, 'SIG-6', { url: (await closing(soundReceiver())).url, secrets: [SECRET] });
    expect([fixed.fixed, fixed.deliveries.map((d) => d.role)]).toEqual([true, ['judged']]);
  });

  it('says what it cannot do: a signed case needs the secret, and an older report without the earlier deliveries cannot be replayed', async () => {
    const url = (await closing(conflictOnDuplicate())).url;
    const failure = await failureOf(url, 'DLV-4', 'dlv-duplicate-accepted');
    await expect(replayCase(failure, 'DLV-4', { url })).rejects.toThrow(/signed with the receiver's secret, and a report keeps no digest made with one/);
    const { plan: _dropped, ...older } = failure;
    await expect(replayCase(older, 'DLV-4', { url, secrets: [SECRET] })).rejects.toThrow(/does not record the others; the state they gave the receiver is gone/);
  });
});
