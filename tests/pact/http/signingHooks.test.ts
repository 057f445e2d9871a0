import type { IncomingMessage } from 'node:http';
import { UsageError } from '../../../src/errors';
import { createSigningHooks, planFromState, SIGNING_STATES, planSignature, STATE_SETUP_PATH, type SigningHooks, type SigningPlan } from '../../../src/pact/http';
import type { ProxiedRequest } from '../../../src/pact/http/signingHooks';
import { compactJson } from '../../../src/serialise';
import { verifySignature } from '../../../src/signing';
import { parseSignatureHeader } from '../../../src/contract';
import { closeAfterEach, serve, serveReadingBody } from '../../support/servers';

const SECRET = 'hooks-secret-1';
// The verifier's own layout: keys sorted, spaces; the hooks must send (and sign) their own bytes.
const VERIFIER_TEXT = '{"data": {"message": "héllo"}, "id": "4b9f1c2e-8d3a-4f6b-9e21-7c5d0a1b2c3d", "type": "ping"}';
const SENT = compactJson(JSON.parse(VERIFIER_TEXT));

interface Received {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

const closing = closeAfterEach();

/** A receiver that records every request and answers 202 with a header and a body. */
async function receiver(): Promise<{ base: string; seen: Received[] }> {
  const seen: Received[] = [];
  const server = await closing(
    serveReadingBody((req, body, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(202, { 'x-receiver': 'yes' }).end('ok');
    }),
  );
  return { base: new URL(server.url).origin, seen };
}

/** What pact-js's verification proxy does before a request filter: parse JSON, then call it. */
async function proxy(hooks: SigningHooks): Promise<{ url: string; passedOn: string[] }> {
  const passedOn: string[] = [];
  const server = await closing(
    serveReadingBody((req, raw, res) => {
      const request = req as ProxiedRequest;
      request.body = (req.headers['content-type'] ?? '').startsWith('application/json') && raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : raw;
      request.originalUrl = req.url ?? '/';
      hooks.requestFilter(request, res, () => {
        passedOn.push(req.url ?? '');
        res.writeHead(299).end();
      });
    }),
  );
  return { url: new URL(server.url).origin, passedOn };
}

async function post(url: string, text: string = VERIFIER_TEXT, method = 'POST'): Promise<{ status: number; header: string | null; body: string }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-signature': 'sha512=placeholder' },
    ...(method === 'POST' ? { body: text } : {}),
  });
  return { status: response.status, header: response.headers.get('x-receiver'), body: await response.text() };
}

async function underState(hooks: SigningHooks, state: string, params: unknown, run: () => Promise<unknown>): Promise<void> {
  const handler = hooks.stateHandlers[state];
  if (handler === undefined) throw new Error(`no handler for ${state}`);
  await handler.setup(params);
  await run();
  await handler.teardown();
}

describe('createSigningHooks', () => {
  it('delivers its own bytes, signed, with a matching Content-Length, to exactly the target URL, and relays the answer', async () => {
    const { base, seen } = await receiver();
    const hooks = createSigningHooks({ secrets: [SECRET, 'older'], target: `${base}/some/path?x=1` });
    const { url } = await proxy(hooks);
    let answer: Awaited<ReturnType<typeof post>> | undefined;
    await underState(hooks, SIGNING_STATES['valid-single'], { header: 'X-Signature' }, async () => {
      answer = await post(`${url}/hooks/gridx?tenant=t1`);
    });
    await hooks.close();
    expect(answer).toEqual({ status: 202, header: 'yes', body: 'ok' });
    const [got] = seen;
    // The interaction's path is replaced by the receiver's own URL, as certify sends.
    expect(got?.url).toBe('/some/path?x=1');
    expect(got?.body.toString('utf8')).toBe(SENT);
    expect(got?.headers['content-length']).toBe(String(got?.body.length));
    expect(verifySignature(got?.body ?? Buffer.alloc(0), got?.headers['x-signature'] as string, [SECRET]).valid).toBe(true);
    expect(hooks.sent()).toEqual([{ path: '/hooks/gridx', plan: 'valid-single', bytes: got?.body.length, outcome: '202' }]);
  });

  it('forges exactly as each provider state says', async () => {
    const { base, seen } = await receiver();
    const hooks = createSigningHooks({ secrets: [SECRET], target: base });
    const { url } = await proxy(hooks);
    const send = (state: string, params: unknown = { header: 'X-Signature' }): Promise<void> => underState(hooks, state, params, () => post(`${url}/h`));
    await send(SIGNING_STATES['missing-header']);
    await send(SIGNING_STATES['wrong-secret']);
    await send(SIGNING_STATES['body-changed']);
    await send(SIGNING_STATES.rotation, { header: 'X-Signature', digests: 4, position: 3 });
    await hooks.close();
    const [absent, wrong, tampered, rotation] = seen.map((r) => r.headers['x-signature'] as string | undefined);
    const bytes = Buffer.from(SENT);
    expect(absent).toBeUndefined();
    expect([parseSignatureHeader(wrong ?? '').ok, verifySignature(bytes, wrong, [SECRET]).valid]).toEqual([true, false]);
    expect([parseSignatureHeader(tampered ?? '').ok, verifySignature(bytes, tampered, [SECRET]).valid]).toEqual([true, false]);
    const parsed = parseSignatureHeader(rotation ?? '');
    expect(parsed.ok && parsed.digests.map((d) => verifySignature(bytes, `sha512=${d}`, [SECRET]).valid)).toEqual([false, false, true, false]);
  });

  it('leaves state calls and other methods to pact-js, and sends requests outside a hookproof state as built', async () => {
    const { base, seen } = await receiver();
    const hooks = createSigningHooks({ secrets: [SECRET], target: base });
    const { url, passedOn } = await proxy(hooks);
    await underState(hooks, SIGNING_STATES['valid-single'], {}, async () => {
      await post(`${url}${STATE_SETUP_PATH}`, JSON.stringify({ state: SIGNING_STATES['valid-single'], action: 'setup' }));
      await post(`${url}/hooks/gridx`, '', 'GET');
    });
    expect(passedOn).toEqual([STATE_SETUP_PATH, '/hooks/gridx']);
    expect(seen).toEqual([]);
    await post(`${url}/hooks/gridx`);
    await hooks.close();
    expect(seen.map((r) => [r.headers['x-signature'], r.body.toString('utf8')])).toEqual([['sha512=placeholder', SENT]]);
    expect(hooks.sent().map((r) => r.plan)).toEqual(['as-is']);
  });

  it('signs the header the provider state names', async () => {
    const { base, seen } = await receiver();
    const hooks = createSigningHooks({ secrets: [SECRET], target: base });
    const { url } = await proxy(hooks);
    await underState(hooks, SIGNING_STATES['valid-single'], { header: 'X-Hub-Signature' }, () => post(`${url}/h`));
    await hooks.close();
    expect(verifySignature(seen[0]?.body ?? Buffer.alloc(0), seen[0]?.headers['x-hub-signature'] as string, [SECRET]).valid).toBe(true);
    expect(seen[0]?.headers['x-signature']).toBe('sha512=placeholder');
  });

  it("drops the verifier's connection when the receiver cannot be reached, and says why", async () => {
    const gone = await serve(() => undefined);
    const base = new URL(gone.url).origin;
    await gone.close();
    const hooks = createSigningHooks({ secrets: [SECRET], target: base });
    const { url } = await proxy(hooks);
    await underState(hooks, SIGNING_STATES['valid-single'], {}, async () => {
      await expect(post(`${url}/h`)).rejects.toThrow();
    });
    await hooks.close();
    expect(hooks.sent()).toEqual([expect.objectContaining({ plan: 'valid-single', outcome: expect.stringMatching(/refused/i) })]);
  });
});

describe('planFromState', () => {
  it('reads every hookproof state, and ignores the states of others', () => {
    const plans = Object.values(SIGNING_STATES).map((name) => planFromState(name, { header: 'X-Signature', digests: 2, position: 2 })?.label);
    expect(plans).toEqual(['valid-single', 'missing-header', 'wrong-secret', 'body-changed', 'near-miss', 'rotation']);
    expect(planFromState('a user exists', {})).toBeUndefined();
    expect(planFromState(SIGNING_STATES['valid-single'], undefined)).toEqual({ label: 'valid-single', header: 'X-Signature' });
  });

  it('refuses a rotation gridX would never send', () => {
    for (const params of [{}, { digests: 6, position: 2 }, { digests: 3, position: 1 }, { digests: 3, position: 4 }, { digests: '3', position: 2 }]) {
      expect(() => planFromState(SIGNING_STATES.rotation, params)).toThrow(UsageError);
    }
  });

  it('never signs with a secret of the receiver when forging', () => {
    const body = Buffer.from('{}');
    const forged: SigningPlan = { label: 'wrong-secret', header: 'X-Signature' };
    const secrets = ['hookproof-retired-secret-1', 'hookproof-retired-secret-1!'];
    expect(verifySignature(body, planSignature(forged, body, secrets), secrets).valid).toBe(false);
  });
});
