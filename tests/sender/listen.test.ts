import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '../../src';
import { startReferenceReceiver } from '../../src/receiver';
import { pingEvent } from '../cli/events';
import { listen } from '../support/servers';
import { cli, filesIn, leaks, post, readListenReport, SECRET, sleep, startListen, tmp, type ListenReportFile } from './support';

const PING = Buffer.from(JSON.stringify(pingEvent()));

function check(report: ListenReportFile, id: string): ListenReportFile['checks'][number] {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id} in the report`);
  return found;
}

describe('hookproof listen', () => {
  // The sender runs in this process too, so the listener's own per-delivery work (printing,
  // recording) and a loaded machine's stalls delay it: a 500 ms base keeps the doubling clearly
  // visible (each wait at least 1.25× the one before) through a stall of up to 300 ms in the first
  // wait (at 100 ms, a stall of about 200 ms made the waits 302 ms then 228 ms, and SND-3 failed a
  // correct sender).
  it('passes a correct sender (send --retry) against 503,503,204, with live lines, three reports and the NDJSON record, and no secret anywhere', async () => {
    const record = join(tmp(), 'deliveries.ndjson');
    const listen = await startListen({ respond: '503,503,204', count: 3, record });
    const sent = await cli(['send', '--url', `${listen.url}hooks/gridx?tenant=t1`, '--type', 'ev/plugged', '--seed', '5', '--retry', '--retry-base-ms', '500', '--allow-http']);
    expect(sent.code).toBe(0);
    const run = await listen.done;

    expect(run.code).toBe(0);
    const lines = run.out.filter((l) => /#\d+ {2}ev\/plugged/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => /→ (\d+) \(attempt (\d)\)$/.exec(l)?.slice(1))).toEqual([
      ['503', '1'],
      ['503', '2'],
      ['204', '3'],
    ]);
    expect(lines.every((l) => l.includes('sig ok  schema ok'))).toBe(true);
    expect(run.out).toContain('PASS  snd-retries  SND-3  1 case');

    const report = readListenReport(join(listen.dir, 'report.json'));
    expect(report).toMatchObject({ formatVersion: 1, verdict: 'pass', summary: { pass: 3, fail: 0, cases: 3 } });
    expect(report.checks.map((c) => [c.id, c.requirement, c.status])).toEqual([
      ['snd-schema-valid', 'SND-1', 'pass'],
      ['snd-signed', 'SND-2', 'pass'],
      ['snd-retries', 'SND-3', 'pass'],
    ]);
    expect(report.requirements.map((r) => [r.id, r.status])).toEqual([
      ['SND-1', 'pass'],
      ['SND-2', 'pass'],
      ['SND-3', 'pass'],
    ]);
    expect(report.listen).toMatchObject({ kind: 'listen', respond: '503,503,204', stoppedBy: 'count' });
    expect(report.listen.deliveries.map((d) => [d.attempt, d.answer])).toEqual([
      [1, 503],
      [2, 503],
      [3, 204],
    ]);
    const [history] = report.listen.events;
    expect(history?.state).toBe('final');
    expect((history?.gapsMs[1] ?? 0) > (history?.gapsMs[0] ?? 0)).toBe(true);
    expect(report.coverage.rows).toEqual([{ type: 'ev/plugged', counts: { deliveries: 3, retries: 2, 'schema-invalid': 0, 'signature-bad': 0 } }]);

    const junit = readFileSync(join(listen.dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase classname="SND-\d"/g)).toHaveLength(3);
    expect(junit).toContain('tests="3" failures="0"');
    const html = readFileSync(join(listen.dir, 'report.html'), 'utf8');
    expect(html).toContain('id="req-SND-3"');

    const recorded = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recorded).toHaveLength(3);
    expect(recorded.map((r) => r.answer)).toEqual([503, 503, 204]);
    expect(recorded[0]).toMatchObject({ method: 'POST', path: '/hooks/gridx?tenant=t1', type: 'ev/plugged', attempt: 1, signature: { ok: true }, schema: { ok: true } });
    expect((recorded[0]?.headers as Record<string, string>)['x-signature']).toMatch(/^sha512=[0-9a-f]{128}$/);
    // The record holds the exact bytes: they verify against the recorded signature.
    expect(sign(String(recorded[0]?.bodyText), [SECRET])).toBe((recorded[0]?.headers as Record<string, string>)['x-signature']);

    for (const text of [...run.out, ...run.err, ...sent.out, ...sent.err, ...filesIn(listen.dir), readFileSync(record, 'utf8')]) expect(leaks(text)).toBe(false);
  });

  it('catches a sender that signs re-serialised bytes (SND-2), with a replayable failure', async () => {
    const listen = await startListen({ count: 1 });
    const pretty = Buffer.from(JSON.stringify(pingEvent(), null, 2));
    const answer = await post(listen.url, pretty, sign(JSON.stringify(JSON.parse(pretty.toString())), [SECRET]));
    expect(answer.status).toBe(204);
    const run = await listen.done;

    expect(run.code).toBe(1);
    expect(run.out.find((l) => l.includes('#1'))).toContain(
      'sig BAD (no digest matches the current secret over the bytes received; a digest matches the body re-serialised as JSON (JSON.stringify), not the exact bytes sent)',
    );
    const report = readListenReport(join(listen.dir, 'report.json'));
    expect(report.verdict).toBe('fail');
    expect(check(report, 'snd-schema-valid').status).toBe('pass');
    const signed = check(report, 'snd-signed');
    expect(signed.status).toBe('fail');
    expect(signed.failures[0]).toMatchObject({ case: 'snd-signed#1', label: expect.stringMatching(/^no-match: ping /), request: { bodyText: pretty.toString() } });
    expect(readFileSync(join(listen.dir, 'junit.xml'), 'utf8')).toContain('<failure message="no-match: ping');

    // The sender's exact request, replayed at a correct receiver, is refused there too.
    const receiver = await startReferenceReceiver({ secrets: [SECRET] });
    try {
      const replay = await cli(['replay', join(listen.dir, 'report.json'), 'snd-signed#1', '--url', receiver.url]);
      expect(replay.out.find((l) => l.startsWith('now'))).toMatch(/^now\s+401 permanent/);
    } finally {
      await receiver.close();
    }
    for (const text of [...run.out, ...filesIn(listen.dir)]) expect(leaks(text)).toBe(false);
  });

  it('catches a schema-invalid event (SND-1)', async () => {
    const listen = await startListen({ count: 1 });
    const sent = await cli(['send', '--url', listen.url, '--type', 'ev/plugged', '--seed', '2', '--set', 'data.state=SOMETIMES', '--allow-invalid', '--allow-http']);
    expect(sent.code).toBe(0);
    const run = await listen.done;

    expect(run.code).toBe(1);
    expect(run.out.find((l) => l.includes('#1'))).toContain('sig ok  schema BAD (/data/state must be one of: "PLUGGED", "UNPLUGGED")');
    const report = readListenReport(join(listen.dir, 'report.json'));
    expect(check(report, 'snd-schema-valid')).toMatchObject({ status: 'fail', failures: [{ actual: '/data/state must be one of: "PLUGGED", "UNPLUGGED"' }] });
    expect(check(report, 'snd-signed').status).toBe('pass');
    expect(report.coverage.rows[0]?.counts['schema-invalid']).toBe(1);
  });

  it('catches retries without backoff (SND-3)', async () => {
    const listen = await startListen({ respond: '503', count: 4 });
    // The waits shrink (400 ms, then none, then none): no backoff however the machine schedules
    // them, since a stalled event loop could only pass for backoff by adding over 500 ms to the
    // second wait and more again to the third.
    const waitsMs = [400, 0, 0];
    await post(listen.url, PING, sign(PING, [SECRET]));
    for (const waitMs of waitsMs) {
      await sleep(waitMs);
      await post(listen.url, PING, sign(PING, [SECRET]));
    }
    const run = await listen.done;

    expect(run.code).toBe(1);
    const retries = check(readListenReport(join(listen.dir, 'report.json')), 'snd-retries');
    expect(retries.status).toBe('fail');
    expect(retries.failures.map((f) => f.label.split(':')[0])).toEqual(['no-backoff']);
    expect(retries.failures[0]?.expected).toBe('each wait at least 1.25× the previous (exponential backoff)');
  });

  it('catches a retry after a success, and anything sent after a 410', async () => {
    const listen = await startListen({ respond: '204' });
    await post(listen.url, PING, sign(PING, [SECRET]));
    await sleep(10);
    await post(listen.url, PING, sign(PING, [SECRET]));
    listen.stop();
    const run = await listen.done;
    expect(run.code).toBe(1);
    const retries = check(readListenReport(join(listen.dir, 'report.json')), 'snd-retries');
    expect(retries.failures.map((f) => f.label.split(':')[0])).toEqual(['retry-after-final']);

    const gone = await startListen({ respond: '410' });
    await post(gone.url, PING, sign(PING, [SECRET]));
    const other = Buffer.from(JSON.stringify(pingEvent({ id: '9d1e8c3b-2a4f-4b6d-8e0f-1a2b3c4d5e6f' })));
    await post(gone.url, other, sign(other, [SECRET]));
    gone.stop();
    const goneRun = await gone.done;
    const afterGone = check(readListenReport(join(gone.dir, 'report.json')), 'snd-retries');
    expect(goneRun.code).toBe(1);
    expect(afterGone.failures.map((f) => f.label.split(':')[0])).toEqual(['sent-after-gone']);
  });

  it('catches a transient answer that is never retried, after the retry window', async () => {
    const listen = await startListen({ respond: '503', retryWindowMs: 100 });
    await post(listen.url, PING, sign(PING, [SECRET]));
    await sleep(200);
    listen.stop();
    const run = await listen.done;
    expect(run.code).toBe(1);
    const retries = check(readListenReport(join(listen.dir, 'report.json')), 'snd-retries');
    expect(retries.failures[0]).toMatchObject({ expected: 'a retry of the transient 503 (up to 5 retries with backoff)', actual: 'no retry within 100 ms after attempt 1' });
  });

  it('--expect fails on an unexpected type and on an expected one that never came', async () => {
    const listen = await startListen({ expect: ['ping'], count: 1 });
    const sent = await cli(['send', '--url', listen.url, '--type', 'gateway/online', '--seed', '1', '--allow-http']);
    expect(sent.code).toBe(0);
    const run = await listen.done;
    expect(run.code).toBe(1);
    const expectation = check(readListenReport(join(listen.dir, 'report.json')), 'listen-expected-types');
    expect(expectation).toMatchObject({
      requirement: 'EXPECT',
      status: 'fail',
      note: 'never arrived: ping',
      failures: [{ expected: 'only ping', actual: 'gateway/online arrived' }],
    });

    const good = await startListen({ expect: ['ping'], count: 1 });
    await post(good.url, PING, sign(PING, [SECRET]));
    const goodRun = await good.done;
    expect(goodRun.code).toBe(0);
    expect(goodRun.out).toContain('PASS  listen-expected-types  EXPECT  1 case');
    // No retry was provoked: SND-3 says so and is skipped, not passed.
    expect(goodRun.out.find((l) => l.includes('snd-retries'))).toMatch(/^SKIP .*no transient answer was given/);
  });

  it('fails a run in which nothing arrived', async () => {
    const listen = await startListen({ forMs: 50 });
    const run = await listen.done;
    expect(run.code).toBe(1);
    expect(run.out).toContain('FAIL  no delivery arrived: nothing about the sender was proven');
    expect(readListenReport(join(listen.dir, 'report.json')).listen.stoppedBy).toBe('duration');
  });

  it('answers non-POST requests 405 without judging them', async () => {
    const listen = await startListen({ count: 1 });
    const got = await fetch(listen.url);
    expect(got.status).toBe(405);
    await post(listen.url, PING, sign(PING, [SECRET]));
    const run = await listen.done;
    expect(run.code).toBe(0);
    expect(run.out).toContain('ignored GET /: not a delivery (answered 405)');
  });
});

describe('hookproof listen: bad input exits 2 with one line', () => {
  it.each([
    [['--respond', 'often'], /^hookproof: invalid --respond script "often"/],
    [['--expect', 'ev/teleported'], /^hookproof: unknown event type "ev\/teleported"/],
    [['--count', '0'], /^hookproof: --count must be a whole number from 1 to 1000000, got "0"$/],
    [['--count', 'many'], /^hookproof: --count must be a whole number/],
    [['--for', 'soon'], /^hookproof: --for must be a positive duration/],
    [['--retry-window', '0s'], /^hookproof: --retry-window must be a positive duration such as 500ms, 30s, 2m or 1h, got "0s"$/],
    [['--record', '/nonexistent/dir/x.ndjson'], /^hookproof: cannot write the --record file \/nonexistent\/dir\/x.ndjson: ENOENT/],
  ])('%j', async (args, message) => {
    const run = await cli(['listen', '--port', '0', '--report-dir', tmp(), ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
  });

  it('no secret', async () => {
    const run = await cli(['listen', '--port', '0'], {});
    expect(run.code).toBe(2);
    expect(run.err).toEqual(['hookproof: no secret given: pass --secret-env NAME (recommended), --secret VALUE, or set HOOKPROOF_SECRET']);
  });

  it('a port already in use', async () => {
    const server = await listen(createServer());
    try {
      const { port } = server;
      const run = await cli(['listen', '--port', String(port), '--report-dir', tmp()]);
      expect(run.code).toBe(2);
      expect(run.err).toEqual([`hookproof: cannot listen on 127.0.0.1:${port}: the port is in use (pick another --port, or 0 for a free one)`]);
    } finally {
      await server.close();
    }
  });
});
