import { createHash } from 'node:crypto';
import type { RecordedRequest } from '../../evidence/recordedRequest';
import type { Failure } from '../../evidence/failure';
import { redactSecrets } from '../../redaction/redactSecrets';

/**
 * A failure whose request body is redacted as bytes and re-encoded, so `bodyBase64` stays valid
 * base64 (replay decodes it) instead of carrying `[redacted]` in the middle of base64 text. The
 * curl snippet embeds the same base64 and gets the new one. A body that is not UTF-8 is searched
 * byte for byte (through latin1, which maps each byte to one character). The request says so in
 * `redacted`, with the size and SHA-256 of the bytes really sent, so the evidence stays truthful.
 */
export function redactFailureBody(failure: Failure, secrets: readonly string[]): Failure {
  const request = redactRequestBody(failure.request, secrets);
  if (request === failure.request) return failure;
  const curl = failure.reproduce.curl.split(failure.request.bodyBase64).join(request.bodyBase64);
  return { ...failure, request, reproduce: { ...failure.reproduce, curl } };
}

function redactRequestBody(request: RecordedRequest, secrets: readonly string[]): RecordedRequest {
  const body = Buffer.from(request.bodyBase64, 'base64');
  const original = body.toString('utf8');
  const redacted = Buffer.from(original, 'utf8').equals(body)
    ? Buffer.from(redactSecrets(original, secrets), 'utf8')
    : Buffer.from(
        redactSecrets(
          body.toString('latin1'),
          secrets.map((s) => Buffer.from(s, 'utf8').toString('latin1')),
        ),
        'latin1',
      );
  if (redacted.equals(body)) return request;
  const text = redacted.toString('utf8');
  const stillText = Buffer.from(text, 'utf8').equals(redacted);
  const { bodyText: _original, ...rest } = request;
  const sent = request.redacted ?? { size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  return { ...rest, bodyBase64: redacted.toString('base64'), ...(stillText ? { bodyText: text } : {}), redacted: sent };
}
