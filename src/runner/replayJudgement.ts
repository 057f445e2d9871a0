import type { Judgement } from '../checks/checkContext';
import { expectNotTransient, expectSuccess, expectSuccessOrPermanent4xx, expectUnauthorized } from '../checks/expectations';
import type { RequirementId } from '../contract/requirements';
import type { DeliveryResult } from '../delivery';
import type { ReportedCheckRequirement } from '../evidence/certificationReport';

type Rule = (result: DeliveryResult) => Judgement;

const answered: Rule = (result) => ({ ok: result.outcome !== 'timeout' && result.outcome !== 'error', expected: 'a complete HTTP answer in time' });
const emptyUnauthorized: Rule = (result) => ({
  ok: result.status === 401 && result.outcome === 'permanent' && result.body.length === 0 && !result.bodyTruncated,
  expected: 'a 401 with an empty body',
});
const overloadEtiquette: Rule = (result) => ({
  ok: result.outcome === 'success' || result.outcome === 'transient',
  expected: 'a success, or under overload a fast transient status (429 or 503)',
});
const notGone: Rule = (result) => ({ ok: result.outcome !== 'gone', expected: 'anything but 410 Gone' });

/**
 * How one replayed case is judged: by the rule of the requirement its check proves, with the same
 * expectation functions the checks use. A replay is one request, so scenario requirements (DLV-4
 * duplicates, DLV-5 order, DLV-6 concurrency, DLV-7 retries) ask what each of their deliveries
 * must get: a success.
 */
const RULES: Readonly<Record<RequirementId, Rule | undefined>> = {
  'TLS-1': expectSuccess,
  'DLV-1': answered,
  'DLV-2': expectSuccess,
  'DLV-3': expectSuccess,
  'DLV-4': expectSuccess,
  'DLV-5': expectSuccess,
  'DLV-6': expectSuccess,
  'DLV-7': expectSuccess,
  'SIG-1': expectSuccess,
  'SIG-2': expectUnauthorized,
  'SIG-3': expectUnauthorized,
  'SIG-4': expectUnauthorized,
  'SIG-5': expectUnauthorized,
  'SIG-6': expectSuccess,
  'SIG-7': expectUnauthorized,
  'SIG-8': expectSuccess,
  'SIG-9': expectSuccess,
  'SIG-10': emptyUnauthorized,
  'SIG-11': undefined,
  'SIG-12': expectUnauthorized,
  'EVT-1': expectSuccess,
  'EVT-2': expectSuccess,
  'EVT-3': expectSuccess,
  'EVT-4': expectSuccess,
  'EVT-5': expectSuccessOrPermanent4xx,
  'EVT-6': expectNotTransient,
  'EVT-7': expectSuccessOrPermanent4xx,
  'GONE-1': notGone,
  // One delivery replayed carries no load: what it can still show is the answer itself.
  'CAP-1': expectSuccess,
  'CAP-2': expectSuccess,
  'CAP-3': overloadEtiquette,
};

/** The judgement of a replayed answer; undefined when the case is not a receiver's (a listen report's). */
export function replayJudgement(requirement: ReportedCheckRequirement, result: DeliveryResult): Judgement | undefined {
  const rule = Object.prototype.hasOwnProperty.call(RULES, requirement) ? RULES[requirement as RequirementId] : undefined;
  return rule?.(result);
}
