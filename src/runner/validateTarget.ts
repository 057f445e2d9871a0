import { parseTarget } from '../delivery/parseTarget';
import { SecretMissingError, TargetInvalidError, UsageError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { MIN_DISTINCTIVE_LENGTH } from '../redaction/redactSecrets';
import { gridx } from '../contract/gridx';

/**
 * How the caller's own options are named in a refusal: the CLI speaks flags, the jest adapter its
 * option object. Each entry is the clause after "… :" that tells the user what to do.
 */
export interface OptionWording {
  /** How to give a secret. */
  readonly secret: string;
  /** How to allow an http:// target. */
  readonly allowHttp: string;
}

/** The CLI's words. */
export const CLI_WORDING: OptionWording = {
  secret: 'pass --secret-env NAME (recommended), --secret VALUE, or set HOOKPROOF_SECRET',
  allowHttp: 'pass --allow-http',
};

/**
 * Checks the target URL and scheme, and that it can really be sent (a host, no credentials, a
 * path without spaces or non-ASCII: see `parseTarget`), before anything runs; returns the URL as
 * given (never normalised: gridX sends it as is). A URL that is fine but unreachable is not refused:
 * that is the receiver's verdict to give.
 */
export function validateTarget(url: string, allowHttp: boolean, wording: OptionWording = CLI_WORDING): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetInvalidError(`invalid URL "${maskUrlCredentials(url)}": expected an absolute http(s) URL such as https://staging.example.com/hooks/gridx`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TargetInvalidError(`unsupported URL scheme "${parsed.protocol}" in ${maskUrlCredentials(url)}: gridX delivers over https only`);
  }
  if (parsed.protocol === 'http:' && !allowHttp) {
    throw new TargetInvalidError(`refusing plain http target ${maskUrlCredentials(url)}: gridX delivers over https only (TLS-1); ${wording.allowHttp} for a local or staging run`);
  }
  parseTarget(url);
  return url;
}

/**
 * Checks the secrets hookproof signs with: 1 to 5 (gridX's limit), each at least
 * {@link MIN_DISTINCTIVE_LENGTH} characters and not only whitespace. A shorter secret cannot be
 * kept out of reports reliably (its hex and base64 forms are too short to find without masking
 * ordinary text), and gridX issues long random secrets, so a short one is a mistake: refused.
 * Messages give positions and lengths, never a value.
 */
export function validateSecrets(secrets: readonly string[], wording: OptionWording = CLI_WORDING): readonly string[] {
  if (secrets.length === 0) {
    throw new SecretMissingError(`no secret given: ${wording.secret}`);
  }
  if (secrets.some((s) => s.length === 0)) throw new SecretMissingError('a secret is empty: check the value or the environment variable it comes from');
  const { max } = gridx.signature.digests;
  if (secrets.length > max) throw new UsageError(`gridX signs with at most ${max} secrets; got ${secrets.length}`);
  secrets.forEach((secret, i) => {
    const which = secrets.length > 1 ? `secret ${i + 1} of ${secrets.length}` : 'the secret';
    if (secret.trim() === '') throw new UsageError(`${which} is only whitespace: check the value or the environment variable it comes from`);
    if (secret.length < MIN_DISTINCTIVE_LENGTH) {
      throw new UsageError(
        `${which} has ${secret.length} characters; hookproof needs at least ${MIN_DISTINCTIVE_LENGTH} (gridX issues long random secrets; a shorter one cannot be kept out of reports)`,
      );
    }
  });
  return secrets;
}
