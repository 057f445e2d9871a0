import type { DeliveryResult } from '../../delivery';
import { serialiseEvent } from '../../serialise';
import { signatureCaseArbitrary } from '../../signing';
import { SIGNATURE_LABELS, labelExpectation } from '../../contract/signatureLabels';
import type { Check } from '../check';
import type { Failure } from '../../evidence/failure';
import type { RequirementId } from '../../contract/requirements';
import { eventsOf } from '../properties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/** Every kind of forged request: each must get a 401 (SIG-2 to SIG-7), whose body is judged here. */
const FORGED_LABELS = SIGNATURE_LABELS.filter((label) => labelExpectation(label) === 'reject');

/**
 * SIG-10 (recommended): forged requests of every kind are drawn, and every 401 among the answers
 * must have an empty body. Answers other than 401 are not judged (SIG-2 to SIG-7 fail them). A
 * receiver that answered none of them with 401 gives no evidence: the check is blocked by the
 * requirements whose forged cases were not refused with 401, rather than passing vacuously.
 */
export const emptyUnauthorizedBody: Check = {
  id: 'sig-401-empty-body',
  title: 'A 401 answer carries an empty body',
  requirement: 'SIG-10',
  severity: 'recommended',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE);
    if (skip !== undefined) return skip;
    const discriminator = ctx.engine.catalogue.discriminator;
    let unauthorized = 0;
    let lastBad: DeliveryResult | undefined;
    const notRefused = new Set<RequirementId>();
    const part = await ctx.forAll({
      name: 'forged',
      arbitrary: eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }).chain((event) =>
        signatureCaseArbitrary(serialiseEvent(event), ctx.secrets, FORGED_LABELS).map((forged) => ({ eventType: String(event[discriminator]), forged })),
      ),
      toCase: ({ eventType, forged }) => ({
        label: `${forged.label}: ${forged.detail}`,
        eventType,
        variant: `signature:${forged.label}`,
        body: forged.body,
        signature: forged.header,
      }),
      judge: ({ forged }, result) => {
        // A 401 whose body never arrived whole (timeout, reset) is no complete answer to judge.
        const answered401 = result.status === 401 && result.outcome === 'permanent';
        const ok = !answered401 || (result.body.length === 0 && !result.bodyTruncated);
        if (answered401) unauthorized += 1;
        else notRefused.add(forged.requirement);
        if (!ok) lastBad = result;
        return { ok, expected: 'a 401 with an empty body' };
      },
    });
    if (unauthorized === 0 && part.failures.length === 0) {
      const blockedBy = [...notRefused].sort();
      const why = `none of the ${part.cases} forged requests was answered 401, so no 401 body could be judged`;
      if (blockedBy.length === 0) return { ...ctx.outcome([part], why), status: 'skip' };
      return { status: 'blocked', cases: part.cases, failures: [], blockedBy, note: `blocked by ${blockedBy.join(', ')}: ${why}` };
    }
    // The framework describes an answer by its status only; say what the body was.
    const failures = part.failures.map((failure): Failure => (lastBad === undefined ? failure : { ...failure, actual: `${failure.actual}, ${describeBody(lastBad)}` }));
    const judged = unauthorized === part.cases ? undefined : `${unauthorized} of ${part.cases} forged requests were answered 401; only those were judged`;
    return ctx.outcome([{ ...part, failures }], judged);
  },
};

function describeBody(result: DeliveryResult): string {
  const type = result.headers['content-type'];
  const text = result.body.toString('utf8');
  const preview = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  // Printable text as it is; anything else (newlines, control characters, binary) escaped.
  const shown = /^[\x20-\x7e…]*$/.test(preview) ? preview : JSON.stringify(preview);
  return `with a ${result.body.length}${result.bodyTruncated ? '+' : ''}-byte body${type === undefined ? '' : ` (${type})`}: ${shown}`;
}
