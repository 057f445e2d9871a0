import fc from 'fast-check';
import { describeResult, type DeliveryResult } from '../../delivery';
import { serialiseEvent } from '../../serialise';
import type { Check } from '../check';
import { eventsOf } from '../properties';
import { skipWithoutTypes } from '../skipWithoutTypes';

const TRUST_HINT =
  'gridX accepts only certificates a standard trust store accepts (no self-signed, no private CA); ' +
  'to certify a staging receiver behind a private CA, run hookproof with NODE_EXTRA_CA_CERTS=/path/to/ca.pem';

/** What the delivery says about the handshake: it succeeded, it failed (and why), or nothing. */
function judgeHandshake(result: DeliveryResult): 'ok' | 'unknown' | { expected: string } {
  const code = result.error?.code;
  // Any HTTP answer, even garbage after the handshake, means TLS itself was fine.
  if (result.status !== undefined || code === 'PROTOCOL_ERROR') return 'ok';
  if (code === 'TLS_UNTRUSTED') return { expected: `a certificate the standard trust store accepts; ${TRUST_HINT}` };
  if (code === 'TLS_ERROR') return { expected: `a successful TLS handshake (valid, unexpired certificate for the target's host name); ${TRUST_HINT}` };
  return 'unknown';
}

export const trustedCertificate: Check = {
  id: 'tls-trusted-certificate',
  title: 'The target is https:// and its certificate is trusted by a standard trust store',
  requirement: 'TLS-1',
  severity: 'required',
  async run(ctx) {
    if (new URL(ctx.target.url).protocol === 'http:') {
      const note = 'plain http:// target allowed by --allow-http for a local or staging run: gridX refuses http:// URLs, TLS-1 is not proven';
      return ctx.target.allowHttp ? { status: 'warn', cases: 0, failures: [], note } : { status: 'fail', cases: 0, failures: [], note: 'gridX delivers over https:// only' };
    }
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    // One valid, signed event: the handshake is the same for every body.
    const [event = {}] = fc.sample(eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }), { seed: ctx.seed, numRuns: 1 });
    const body = serialiseEvent(event);
    const outgoing = { label: 'tls-handshake', eventType: String(event[ctx.engine.catalogue.discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
    const result = await ctx.send(outgoing);
    const verdict = judgeHandshake(result);
    if (verdict === 'ok') return { status: 'pass', cases: 1, failures: [] };
    if (verdict === 'unknown') {
      // No answer at all (timeout, refused, reset): DLV-1 fails for it; TLS is unjudged.
      return {
        status: 'blocked',
        cases: 1,
        failures: [],
        blockedBy: ['DLV-1'],
        note: `blocked by DLV-1: the TLS handshake could not be judged, the receiver gave no answer (${describeResult(result)})`,
      };
    }
    return { status: 'fail', cases: 1, failures: [ctx.failure(outgoing, result, verdict.expected)], note: TRUST_HINT };
  },
};
