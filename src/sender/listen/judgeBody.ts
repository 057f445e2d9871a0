import type { EventValidators } from '../../schemas/validators';

/** SND-1 for one delivery: the body is a schema-valid event of its type, sent as JSON. */
export type BodyJudgement = { readonly ok: true } | { readonly ok: false; readonly issues: readonly string[] };

/**
 * Validates the exact bytes received against the schema their `type` selects, and the request's
 * media type (`application/json`, parameters such as `charset` allowed).
 */
export function judgeBody(body: Buffer, contentType: string | undefined, validators: EventValidators, cutAtBytes?: number): BodyJudgement {
  const issues: string[] = [];
  if (cutAtBytes !== undefined) issues.push(`the body is larger than the listener accepts (--max-body ${cutAtBytes} bytes); it was cut there`);
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    issues.push(contentType === undefined ? 'no content-type header; expected application/json' : `content-type is "${contentType}"; expected application/json`);
  const result = validators.validateBytes(body);
  if (!result.valid) issues.push(...result.issues.map((issue) => issue.message));
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}
