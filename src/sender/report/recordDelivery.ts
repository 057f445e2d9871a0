import type { Failure } from '../../evidence/failure';
import type { RecordedRequest } from '../../evidence/recordedRequest';
import { signatureRecipe } from '../../evidence/signatureRecipe';
import { reproduction } from '../../checks/reproduce';
import type { BadDelivery } from '../checks/SenderCheck';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';

/** Where a listen run's failures point: the listener's URL, and the report the replay commands name. */
export interface ListenRecording {
  readonly url: string;
  /** Only locate the digests made with them (for the curl snippet's re-signing); never copied. */
  readonly secrets: readonly string[];
  readonly reportPath: string;
}

/**
 * The failures of check `checkId` for `wrong`, each carrying the delivery's exact bytes (with a
 * curl snippet and a replay command that resend them, e.g. to your own receiver).
 */
export function failuresOf(checkId: string, wrong: readonly BadDelivery[], deliveries: readonly ReceivedDelivery[], recording: ListenRecording): Failure[] {
  const byIndex = new Map(deliveries.map((d) => [d.index, d]));
  return wrong.flatMap((found, i) => {
    const delivery = byIndex.get(found.delivery);
    if (delivery === undefined) return [];
    const caseId = `${checkId}#${i + 1}`;
    const request = recordDelivery(delivery, recording.secrets);
    const target = `${recording.url.replace(/\/$/, '')}${delivery.path.startsWith('/') ? delivery.path : `/${delivery.path}`}`;
    return [{ case: caseId, label: found.label, expected: found.expected, actual: found.actual, reproduce: reproduction(target, recording.reportPath, caseId, request), request }];
  });
}

/**
 * The delivery as a report's request: the kept prefix of its body (at most KEPT_BODY_BYTES), with
 * `truncated` giving the size and SHA-256 of the whole body when the prefix is not all of it, so a
 * report stays small whatever a sender sent (the `--record` file has the bodies).
 */
function recordDelivery(delivery: ReceivedDelivery, secrets: readonly string[]): RecordedRequest {
  const text = delivery.body.toString('utf8');
  const contentType = delivery.headers['content-type'];
  const whole = delivery.body.length === delivery.size && !delivery.cut;
  return {
    bodyBase64: delivery.body.toString('base64'),
    ...(Buffer.from(text, 'utf8').equals(delivery.body) ? { bodyText: text } : {}),
    ...(whole ? {} : { truncated: { size: delivery.size, sha256: delivery.sha256 } }),
    // The replay and curl send application/json unless the sender sent something else.
    headers: contentType !== undefined && contentType !== 'application/json' ? { 'content-type': contentType } : {},
    signature: signatureRecipe(delivery.body, delivery.signatureHeader, secrets),
  };
}
