import { compactJson } from '../../serialise';
import { hmacSha512Hex, verifySignature } from '../../signing';
import { parseSignatureHeader } from '../../contract/parseSignatureHeader';
import { gridx } from '../../contract/gridx';

/** Why a delivery's signature fails SND-2. */
export type SignatureFault = 'missing' | 'malformed' | 'too-many-digests' | 'older-secret-only' | 'no-match';

/** SND-2 for one delivery. `detail` says what was found, never a secret. */
export type SignatureJudgement = { readonly ok: true; readonly digests: number } | { readonly ok: false; readonly fault: SignatureFault; readonly detail: string };

/**
 * Judges an `X-Signature` value against the exact bytes received. `secrets[0]` is the receiver's
 * current secret and must have a digest; later secrets are older ones, named when they are all
 * that matched. When no digest matches, looks for the usual mistake (a digest over re-serialised
 * JSON, or over the body with or without a trailing newline) to say what the sender signed.
 */
export function judgeSignature(body: Buffer, header: string | undefined, secrets: readonly string[]): SignatureJudgement {
  if (header === undefined) return { ok: false, fault: 'missing', detail: 'no X-Signature header' };
  const parsed = parseSignatureHeader(header);
  if (!parsed.ok) return { ok: false, fault: 'malformed', detail: `malformed X-Signature: ${parsed.reason}` };
  const count = parsed.digests.length;
  const { max } = gridx.signature.digests;
  if (count > max) return { ok: false, fault: 'too-many-digests', detail: `${count} digests; gridX signs with at most ${max} secrets` };
  const current = verifySignature(body, header, secrets.slice(0, 1));
  if (current.valid) return { ok: true, digests: count };
  const older = verifySignature(body, header, secrets);
  if (older.valid) {
    return {
      ok: false,
      fault: 'older-secret-only',
      detail: `only a digest for secret ${older.matchedSecret + 1} of ${secrets.length} (an older secret), none for the current secret`,
    };
  }
  return { ok: false, fault: 'no-match', detail: `no digest matches the current secret over the bytes received${diagnose(body, parsed.digests, secrets)}` };
}

/** What the sender probably signed instead, as a suffix for the detail ("" when unknown). */
function diagnose(body: Buffer, digests: readonly string[], secrets: readonly string[]): string {
  for (const [what, bytes] of alternatives(body)) {
    if (bytes.equals(body)) continue;
    if (secrets.some((secret) => digests.includes(hmacSha512Hex(bytes, secret)))) return `; a digest matches ${what}, not the exact bytes sent`;
  }
  return '';
}

function alternatives(body: Buffer): Array<[string, Buffer]> {
  const list: Array<[string, Buffer]> = [
    ['the body without its trailing whitespace', Buffer.from(body.toString('utf8').trimEnd(), 'utf8')],
    ['the body plus a newline', Buffer.concat([body, Buffer.from('\n')])],
  ];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return list;
  }
  list.unshift(
    ['the body re-serialised as JSON (JSON.stringify)', Buffer.from(JSON.stringify(parsed), 'utf8')],
    ['the body re-serialised as canonical JSON', Buffer.from(compactJson(parsed), 'utf8')],
    ['the body re-serialised as indented JSON', Buffer.from(JSON.stringify(parsed, null, 2), 'utf8')],
  );
  return list;
}
