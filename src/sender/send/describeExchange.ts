import { createHash } from 'node:crypto';
import type { DeliveryRequest, DeliveryResult } from '../../delivery';
import { describeResult } from '../../delivery';
import { isRetryable } from '../../delivery/isRetryable';

/**
 * The request as printed: a summary line (size, SHA-256 of the body), `POST url`, the headers as
 * sent, a blank line, then the body exactly (or, when it is not UTF-8, its base64 on one line).
 */
export function requestLines(request: DeliveryRequest): string[] {
  const text = request.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(request.body);
  const sha256 = createHash('sha256').update(request.body).digest('hex');
  return [
    `# ${request.body.length} bytes, sha256 ${sha256}${isText ? '' : '; not UTF-8, body shown as base64'}`,
    `POST ${request.url}`,
    ...Object.entries({ ...request.headers, 'content-length': String(request.body.length) }).map(([name, value]) => `${name}: ${value}`),
    '',
    ...(isText ? text.split('\n') : [request.body.toString('base64')]),
  ];
}

const BODY_PREVIEW_CHARS = 2000;

/** The answer and what gridX makes of it, e.g. `answer  503 transient in 3 ms` + `gridX   transient error: …`. */
export function exchangeAnswerLines(result: DeliveryResult): string[] {
  const lines = [`answer  ${describeResult(result)}`, `gridX   ${consequence(result)}`];
  if (result.body.length > 0) {
    const text = result.body.toString('utf8');
    lines.push(`body    ${text.length > BODY_PREVIEW_CHARS ? `${text.slice(0, BODY_PREVIEW_CHARS)}… (${result.body.length} bytes)` : text}`.replace(/\r?\n/g, ' '));
  }
  return lines;
}

/** What gridX does after this answer (receiver-contract.md, the answer table). */
export function consequence(result: DeliveryResult): string {
  switch (result.outcome) {
    case 'success':
      return 'success: delivered (the answer body is ignored)';
    case 'transient':
      return 'transient error: retried up to five more times with exponential backoff';
    case 'timeout':
      return 'timeout (transient): retried up to five more times with exponential backoff';
    case 'gone':
      return 'receiver gone (410): gridX DELETES the webhook subscription';
    case 'permanent':
      return 'permanent error: not retried; the event is lost for this receiver';
    case 'error':
      return isRetryable(result) ? `no answer (${result.error?.code ?? 'OTHER'}): retried like a transient error` : `no answer (${result.error?.code ?? 'OTHER'}): not retried`;
  }
}
