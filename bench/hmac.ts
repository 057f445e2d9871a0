import { createHmac, timingSafeEqual } from 'node:crypto';
import { sign, verifySignature } from './shipped';
import { ratePerSecond, round } from './measure';

/** sign + verify per second, against bare node:crypto doing the same HMAC work (the limit). */
export function benchHmac(bodies: readonly Buffer[], ms: number): Record<string, number> {
  const secret = 'bench-secret';
  let i = 0;
  const hookproof = ratePerSecond(ms, () => {
    const body = bodies[i % bodies.length] as Buffer;
    i += 1;
    const header = sign(body, [secret]);
    if (!verifySignature(body, header, [secret]).valid) throw new Error('verify failed');
    return 1;
  });
  let j = 0;
  const bare = ratePerSecond(ms, () => {
    const body = bodies[j % bodies.length] as Buffer;
    j += 1;
    const header = `sha512=${createHmac('sha512', secret).update(body).digest('hex')}`;
    const expected = createHmac('sha512', secret).update(body).digest();
    if (!timingSafeEqual(Buffer.from(header.slice(7), 'hex'), expected)) throw new Error('verify failed');
    return 1;
  });
  return { hookproof_per_s: round(hookproof.perSecond, 1), node_crypto_per_s: round(bare.perSecond, 1), ratio: round(hookproof.perSecond / bare.perSecond) };
}
