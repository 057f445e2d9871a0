import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, serialiseEvent, sign } from '../../src';
import { startReferenceReceiver, type ReferenceReceiver } from '../../src/receiver';
import { generateEvent } from '../../src/sender';
import { closeAfterEach, serveReadingBody, type RunningReceiver } from '../support/servers';
import { pingEvent } from '../cli/events';
import { cli, leaks, SECRET, tmp } from './support';

/** A receiver answering `statuses` in turn (the last repeats), keeping every body it got. */
async function scripted(statuses: readonly number[]): Promise<RunningReceiver & { bodies: Buffer[]; signatures: Array<string | undefined> }> {
  const bodies: Buffer[] = [];
  const signatures: Array<string | undefined> = [];
  const receiver = await serveReadingBody((req, body, res) => {
    bodies.push(body);
    signatures.push(req.headers['x-signature'] as string | undefined);
    res.writeHead(statuses[Math.min(bodies.length, statuses.length) - 1] ?? 204).end();
  });
  return Object.assign(receiver, { bodies, signatures });
}

describe('hookproof send', () => {
  const closing = closeAfterEach();

  it('reaches the reference receiver with a signed, valid event: exit 0, request and answer printed, no secret', async () => {
    const receiver: ReferenceReceiver = await closing(startReferenceReceiver({ secrets: [SECRET] }));
    const run = await cli(['send', '--url', receiver.url, '--type', 'ev/plugged', '--seed', '42', '--set', 'data.state=UNPLUGGED', '--allow-http']);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('# generated ev/plugged with seed 42 (--seed 42 generates the same event)');
    expect(run.out).toContain(`POST ${receiver.url}`);
    expect(run.out.find((l) => l.startsWith('answer'))).toMatch(/^answer {2}202 success in \d+ ms$/);
    expect(run.out).toContain('gridX   success: delivered (the answer body is ignored)');
    expect(run.out.at(-1)).toBe('final   success');
    expect(receiver.stats()).toEqual({ accepted: 1, duplicates: 0, rejected: 0 });
    for (const line of run.out) expect(leaks(line)).toBe(false);
  });

  it('honours --retry: transient answers are retried with growing waits until the success', async () => {
    const receiver = await closing(scripted([503, 503, 202]));
    const run = await cli(['send', '--url', receiver.url, '--type', 'ping', '--seed', '1', '--retry', '--retry-base-ms', '20', '--allow-http']);
    expect(run.code).toBe(0);
    expect(run.out.filter((l) => l.startsWith('attempt'))).toEqual([
      'attempt 1',
      expect.stringMatching(/^attempt 2, \d+ ms after the previous answer$/),
      expect.stringMatching(/^attempt 3, \d+ ms after/),
    ]);
    expect(run.out.filter((l) => l.startsWith('  answer')).map((l) => l.split(/\s+/)[2])).toEqual(['503', '503', '202']);
    expect(run.out).toContain("retries 2 (gridX's policy: up to 5, exponential backoff from 20 ms)");
    // The same bytes and the same signature on every attempt.
    expect(new Set(receiver.bodies.map((b) => b.toString('base64'))).size).toBe(1);
    expect(new Set(receiver.signatures).size).toBe(1);
    expect(sign(receiver.bodies[0] ?? '', [SECRET])).toBe(receiver.signatures[0]);
  });

  it('--retry gives up after five retries (exit 1); without --retry one transient answer is final', async () => {
    const receiver = await closing(scripted([503]));
    const retried = await cli(['send', '--url', receiver.url, '--type', 'ping', '--seed', '1', '--retry', '--retry-base-ms', '1', '--allow-http']);
    expect(retried.code).toBe(1);
    expect(receiver.bodies).toHaveLength(6);
    expect(retried.out.at(-1)).toBe('final   not delivered (transient)');
    const once = await cli(['send', '--url', receiver.url, '--type', 'ping', '--seed', '1', '--allow-http']);
    expect(once.code).toBe(1);
    expect(receiver.bodies).toHaveLength(7);
    expect(once.out).toContain('gridX   transient error: retried up to five more times with exponential backoff');
  });

  it('says loudly what a 410 means, and does not retry it', async () => {
    const receiver = await closing(scripted([410]));
    const run = await cli(['send', '--url', receiver.url, '--type', 'ping', '--retry', '--retry-base-ms', '1', '--allow-http']);
    expect(run.code).toBe(1);
    expect(receiver.bodies).toHaveLength(1);
    expect(run.out).toContain('  gridX   receiver gone (410): gridX DELETES the webhook subscription');
  });

  it('--dry-run prints the exact bytes and headers, sends nothing, and never the secret', async () => {
    const receiver = await closing(scripted([204]));
    const run = await cli(['send', '--url', receiver.url, '--type', 'ev/plugged', '--seed', '9', '--dry-run', '--allow-http']);
    expect(run.code).toBe(0);
    expect(receiver.bodies).toHaveLength(0);
    const body = serialiseEvent(generateEvent(createEngine().catalogue.get('ev/plugged'), 9));
    const blank = run.out.indexOf('');
    expect(run.out.slice(blank + 1, -1).join('\n')).toBe(body.toString('utf8'));
    expect(run.out).toContain(`x-signature: ${sign(body, [SECRET])}`);
    expect(run.out).toContain(`content-length: ${body.length}`);
    expect(run.out).toContain(`# ${body.length} bytes, sha256 ${createHash('sha256').update(body).digest('hex')}`);
    expect(run.out.at(-1)).toBe('# dry run: nothing sent');
    expect(run.out.some(leaks)).toBe(false);
    // Same seed, same request.
    expect((await cli(['send', '--url', receiver.url, '--type', 'ev/plugged', '--seed', '9', '--dry-run', '--allow-http'])).out).toEqual(run.out);
  });

  it('--file sends the file byte for byte (signed over those bytes); --set re-serialises it', async () => {
    const receiver = await closing(scripted([204]));
    const file = join(tmp(), 'event.json');
    const pretty = `${JSON.stringify(pingEvent(), null, 2)}\n`;
    writeFileSync(file, pretty);
    const asIs = await cli(['send', '--url', receiver.url, '--file', file, '--allow-http']);
    expect(asIs.code).toBe(0);
    expect(receiver.bodies[0]?.toString('utf8')).toBe(pretty);
    expect(receiver.signatures[0]).toBe(sign(pretty, [SECRET]));

    const changed = await cli(['send', '--url', receiver.url, '--file', file, '--type', 'ping', '--set', 'data.message=changed', '--allow-http']);
    expect(changed.code).toBe(0);
    expect(JSON.parse(receiver.bodies[1]?.toString('utf8') ?? '')).toEqual(pingEvent({ data: { message: 'changed' } }));
  });

  it('signs with every secret given (a rotation sends one digest per secret)', async () => {
    const receiver = await closing(scripted([204]));
    const run = await cli(['send', '--url', receiver.url, '--type', 'ping', '--secret-env', 'NEW', '--secret-env', 'OLD', '--allow-http'], {
      NEW: 'new-secret-5e1f',
      OLD: 'old-secret-9a7b',
    });
    expect(run.code).toBe(0);
    expect(receiver.signatures[0]).toBe(sign(receiver.bodies[0] ?? '', ['new-secret-5e1f', 'old-secret-9a7b']));
  });

  it('an unreachable receiver is an answer, not bad input: exit 1', async () => {
    const receiver = await scripted([204]);
    await receiver.close();
    const run = await cli(['send', '--url', receiver.url, '--type', 'ping', '--allow-http', '--timeout-ms', '1000']);
    expect(run.code).toBe(1);
    expect(run.out.find((l) => l.startsWith('answer'))).toMatch(/^answer {2}error CONNECTION_REFUSED/);
  });
});

describe('hookproof send: bad input exits 2 with one line', () => {
  const url = 'http://127.0.0.1:9/hooks';
  it.each([
    [['--url', url, '--type', 'ping'], /^hookproof: refusing plain http target http:\/\/127\.0\.0\.1:9\/hooks: .*--allow-http/],
    [['--url', 'not a url', '--type', 'ping'], /^hookproof: invalid URL "not a url"/],
    [['--url', url, '--allow-http'], /^hookproof: give --type TYPE to generate an event, or --file FILE to send one$/],
    [['--url', url, '--allow-http', '--type', 'ev/teleported'], /^hookproof: unknown event type "ev\/teleported"/],
    [['--url', url, '--allow-http', '--type', 'ping', '--set', 'data.message'], /^hookproof: invalid --set "data.message"/],
    [
      ['--url', url, '--allow-http', '--type', 'ev/plugged', '--set', 'data.state=SOMETIMES'],
      /^hookproof: the event is not valid: \/data\/state must be one of: "PLUGGED", "UNPLUGGED"; fix it, or pass --allow-invalid/,
    ],
    [['--url', url, '--allow-http', '--type', 'ping', '--set', 'type=ev/plugged'], /^hookproof: the event has type "ev\/plugged", not "ping" as --type says$/],
    [
      ['--url', url, '--allow-http', '--type', 'ev/plugged', '--set', 'state=PLUGGED'],
      /^hookproof: --set state=PLUGGED: ev\/plugged has no field state; did you mean --set data\.state=…\? \(--allow-invalid sends it anyway\)$/,
    ],
    [['--url', url, '--allow-http', '--file', '/no/such/event.json'], /^hookproof: cannot read \/no\/such\/event.json: ENOENT/],
    [['--url', url, '--allow-http', '--type', 'ping', '--retry-base-ms', '10'], /^hookproof: --retry-base-ms needs --retry$/],
    [['--url', url, '--allow-http', '--type', 'ping', '--seed', 'x'], /^hookproof: --seed must be a whole number/],
  ])('%j', async (args, message) => {
    const run = await cli(['send', ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
    expect(run.out.some(leaks)).toBe(false);
  });

  it('no secret', async () => {
    const run = await cli(['send', '--url', url, '--allow-http', '--type', 'ping'], {});
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
  });
});
