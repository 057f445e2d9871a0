import fc from 'fast-check';
import type { DeliveryResult } from '../../delivery';
import { serialiseEvent } from '../../serialise';
import type { Check } from '../check';
import { eventsOf } from '../properties';

const TRUST_HINT =
  'gridX accepts only certificates a standard trust store accepts (no self-signed, no private CA); ' +
  'to certify a staging receiver behind a private CA, run hookproof with NODE_EXTRA_CA_CERTS=/path/to/ca.pem';

/** What the one delivery proves about the handshake; undefined when it proves it succeeded. */
function handshakeProblem(result: DeliveryResult): string | undefined {
  const code = result.error?.code;
  // Any HTTP answer, even garbage after the handshake, means TLS itself was fine.
  if (result.status !== undefined || code === 'PROTOCOL_ERROR') return undefined;
  if (code === 'TLS_UNTRUSTED') return `a certificate the standard trust store accepts; ${TRUST_HINT}`;
  if (code === 'TLS_ERROR') return `a successful TLS handshake (valid, unexpired certificate for the target's host name); ${TRUST_HINT}`;
  return 'a completed TLS handshake with a trusted certificate (no HTTP answer arrived, so it could not be confirmed)';
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
    if (ctx.types.length === 0) return { status: 'skip', cases: 0, failures: [], note: 'no non-deprecated event type selected' };
    // One valid, signed event: the handshake is the same for every body.
    const [event] = fc.sample(eventsOf(ctx.types), { seed: ctx.seed, numRuns: 1 });
    const body = serialiseEvent(event ?? {});
    const outgoing = { label: 'tls-handshake', eventType: String(event?.[ctx.engine.catalogue.discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
    const result = await ctx.send(outgoing);
    const problem = handshakeProblem(result);
    if (problem === undefined) return { status: 'pass', cases: 1, failures: [] };
    const untrusted = result.error?.code === 'TLS_UNTRUSTED' || result.error?.code === 'TLS_ERROR';
    return { status: 'fail', cases: 1, failures: [ctx.failure(outgoing, result, problem)], ...(untrusted ? { note: TRUST_HINT } : {}) };
  },
};
