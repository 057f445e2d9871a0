import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import Fastify from 'fastify';
import { serve, type RunningReceiver } from '../../support/servers';

// Receivers written the way partners write them from gridX's documentation and their framework's
// defaults, as real Express and Fastify apps: nothing of hookproof's reference receiver inside.

/** How a receiver compares the digest it computed with one from the header. */
export type DigestComparison = 'whole' | 'first-half';

const HEADER_DIGEST = /^sha512=([0-9a-fA-F]{128})$/;

/**
 * The signature check a partner writes: every comma-separated part must be `sha512=` and 128 hex
 * digits, one of them must match the HMAC of the raw body (constant-time compare). With
 * `first-half`, the defect SIG-12 exists for: only the first 32 of the 64 bytes are compared.
 */
export function signatureMatches(raw: Buffer, header: string | undefined, secret: string, comparison: DigestComparison = 'whole'): boolean {
  if (header === undefined || header === '') return false;
  const expected = createHmac('sha512', secret).update(raw).digest();
  let matched = false;
  for (const part of header.split(',')) {
    const digest = HEADER_DIGEST.exec(part.trim());
    if (digest === null) return false;
    const given = Buffer.from(digest[1] as string, 'hex');
    const same = comparison === 'whole' ? timingSafeEqual(given, expected) : timingSafeEqual(given.subarray(0, 32), expected.subarray(0, 32));
    if (same) matched = true;
  }
  return matched;
}

function isJson(raw: Buffer): boolean {
  try {
    JSON.parse(raw.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Express 5 with `express.raw({ type: 'application/json' })`, the raw-body route Stripe's and
 * gridX's examples show, on its defaults (100 KB body limit, its own error pages): 401 with no
 * body for a bad signature, 400 for a body that is not JSON, `sendStatus(200)` otherwise.
 */
export function expressReceiver(secret: string, comparison: DigestComparison = 'whole'): Promise<RunningReceiver> {
  const app = express();
  app.post('/webhooks/gridx', express.raw({ type: 'application/json' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signatureMatches(raw, req.get('x-signature'), secret, comparison)) {
      res.status(401).end();
      return;
    }
    if (!isJson(raw)) {
      res.status(400).end();
      return;
    }
    res.sendStatus(200);
  });
  return serve(app, '/webhooks/gridx');
}

/**
 * Fastify 5 on its defaults (1 MiB body limit, its JSON error answers). `rawBody` replaces the
 * JSON parser by one that keeps the bytes, as Fastify's documentation shows for webhooks; without
 * it, the handler gets Fastify's parsed object and, as many first versions do, signs
 * `JSON.stringify(request.body)`: the re-serialisation SIG-8 exists to catch.
 */
export async function fastifyReceiver(secret: string, body: 'rawBody' | 'reserialised' = 'rawBody'): Promise<RunningReceiver> {
  const app = Fastify();
  if (body === 'rawBody') app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, payload, done) => done(null, payload));
  let hits = 0;
  app.addHook('onRequest', (_request, _reply, done) => {
    hits += 1;
    done();
  });
  app.post('/webhooks/gridx', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(JSON.stringify(request.body ?? null));
    const header = request.headers['x-signature'];
    if (!signatureMatches(raw, typeof header === 'string' ? header : undefined, secret)) return reply.code(401).send();
    if (!isJson(raw)) return reply.code(400).send();
    return reply.code(200).send();
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(origin).port);
  return { origin, port, url: `${origin}/webhooks/gridx`, hits: () => hits, close: () => app.close() };
}
