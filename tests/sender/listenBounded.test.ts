import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '../../src';
import { KEPT_BODY_BYTES } from '../../src/sender/listen/ReceivedDelivery';
import { pingEvent } from '../cli/events';
import { cli, post, readListenReport, startListen, tmp } from './support';

/** A ping whose message is `size` bytes of filler: a large but valid event. */
function bigPing(size: number): Buffer {
  return Buffer.from(JSON.stringify({ ...pingEvent(), data: { message: 'x'.repeat(size) } }));
}

describe('hookproof listen: bounded bodies whatever a sender sends', () => {
  it('keeps only a prefix of each large body in the reports, with the size and SHA-256 of the whole', async () => {
    const record = join(tmp(), 'deliveries.ndjson');
    const listen = await startListen({ count: 3, record });
    const body = bigPing(400_000);
    // A bad signature makes each delivery a failure whose request the report carries.
    for (let i = 0; i < 3; i += 1) expect((await post(listen.url, body, 'sha512=00', { 'content-type': 'application/json' })).status).toBe(204);
    const run = await listen.done;
    expect(run.code).toBe(1);

    const reportPath = join(listen.dir, 'report.json');
    // Three failing 400 KB deliveries: the whole report is smaller than one of their bodies.
    expect(statSync(reportPath).size).toBeLessThan(body.length);
    const report = readListenReport(reportPath);
    const requests = report.checks.flatMap((c) => c.failures).map((f) => f.request);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(Buffer.from(request.bodyBase64, 'base64').length).toBeLessThanOrEqual(KEPT_BODY_BYTES);
      expect(request.truncated).toEqual({ size: body.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    // The record keeps each body whole, as --record promises.
    const lines = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { size: number; bodyText: string });
    expect(lines.map((l) => [l.size, l.bodyText.length])).toEqual([
      [body.length, body.length],
      [body.length, body.length],
      [body.length, body.length],
    ]);
  });

  it('cuts a body longer than --max-body, answers 413 and records that it was cut', async () => {
    const record = join(tmp(), 'deliveries.ndjson');
    const listen = await startListen({ count: 1, record, maxBodyBytes: 2048 });
    const answer = await post(listen.url, bigPing(10_000), undefined, { 'content-type': 'application/json' });
    expect(answer.status).toBe(413);
    const run = await listen.done;
    expect(run.out.join('\n')).toMatch(/2048 B \(cut at --max-body\)/);
    const line = JSON.parse(readFileSync(record, 'utf8').trim()) as { size: number; truncated?: boolean; schema: { issues: string[] } };
    expect(line).toMatchObject({ size: 2048, truncated: true });
    expect(line.schema.issues[0]).toContain('--max-body 2048 bytes');
  });

  it('refuses a --max-body outside its documented range with one line', async () => {
    for (const value of ['100', '1e9', '999999999999']) {
      const result = await cli(['listen', '--port', '0', '--max-body', value, '--for', '1ms']);
      expect({ value, code: result.code, err: result.err }).toEqual({
        value,
        code: 2,
        err: [`hookproof: --max-body must be a whole number from 1024 to 67108864, got "${value}"`],
      });
    }
  });
});

describe('hookproof listen: a sender cannot drive the terminal', () => {
  it('escapes control characters in event ids and types on the live lines', async () => {
    const listen = await startListen({ count: 1 });
    const body = Buffer.from(JSON.stringify({ ...pingEvent(), id: '\u001b[2J\u001b]0;owned\u0007', type: 'ping\r\nFAIL forged' }));
    await post(listen.url, body, undefined, { 'content-type': 'application/json' });
    const run = await listen.done;
    // Any control character but tab (Unicode category Cc: C0, DEL, C1) could drive the terminal.
    for (const line of run.out) expect(line).not.toMatch(/(?!\t)\p{Cc}/u);
    expect(run.out.join('\n')).toContain('ping\\r\\nFAIL forged  \\u001B[2J\\u001B]0;owned\\u0007');
  });
});

describe('hookproof listen: records stay valid JSON whatever the secret spells', () => {
  // A secret starting with n, t, r, b or f used to turn `\n…` into `\[redacted]` in the record.
  it.each(['nabcdefgh', 'tabs-and-more', 'rnbft-secret', 'headersx', 'signature'])('secret %p', async (secret) => {
    const record = join(tmp(), 'deliveries.ndjson');
    const listen = await startListen({ count: 1, record, secret: [secret] });
    const body = Buffer.from(JSON.stringify({ ...pingEvent(), data: { message: `line\n${secret}\ttab` } }));
    const signature = sign(body, [secret]);
    expect((await post(listen.url, body, signature, { 'content-type': 'application/json' })).status).toBe(204);
    await listen.done;
    const text = readFileSync(record, 'utf8').trim();
    const line = JSON.parse(text) as { headers: Record<string, string>; size: number; bodyText: string; redacted?: { size: number } };
    expect(line.bodyText).not.toContain(secret);
    expect(line.bodyText).toContain('line\\n[redacted]\\ttab');
    expect(line.size).toBe(body.length);
    expect(line.redacted?.size).toBe(body.length);
    // Keys stay keys: the record's own structure is never redacted.
    expect(Object.keys(line)).toEqual(expect.arrayContaining(['headers', 'size', 'signature']));
    for (const file of ['report.json']) expect(() => JSON.parse(readFileSync(join(listen.dir, file), 'utf8')) as unknown).not.toThrow();
  });
});
