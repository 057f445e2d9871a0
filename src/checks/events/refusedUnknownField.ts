import type { DeliveryResult } from '../../delivery';

/**
 * What strict decoders answer when a body has a property their model lacks: Go's
 * DisallowUnknownFields (`json: unknown field "x"`), Jackson (`Unrecognized field "x"`), zod's
 * `.strict()` (`Unrecognized key(s) in object`), pydantic's `extra="forbid"` (`Extra inputs are not
 * permitted`), JSON Schema validators (`must NOT have additional properties`, `Additional
 * properties are not allowed`), serde's `deny_unknown_fields` (`unknown field `x``).
 */
const STRICT_DECODER_MESSAGES =
  /unknown (field|property|key)|unrecogni[sz]ed (field|key|property)|additional propert(y|ies)|extra (inputs?|fields?) (are |is )?not permitted|extra_forbidden/i;

/**
 * Whether a refusal says, in the receiver's own words, that it refused a property it does not
 * know (EVT-3). Such an answer is EVT-3's even when no valid event is accepted at all, as with a
 * strict decoder whose model lacks a field gridX sends.
 */
export function refusedUnknownField(result: DeliveryResult): boolean {
  const status = result.status ?? 0;
  return status >= 400 && status < 500 && status !== 401 && STRICT_DECODER_MESSAGES.test(result.body.subarray(0, 4096).toString('utf8'));
}
