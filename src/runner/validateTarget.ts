import { SecretMissingError, TargetInvalidError, UsageError } from '../errors';

/** Checks the target URL and scheme; returns the URL as given (never normalised: gridX sends it as is). */
export function validateTarget(url: string, allowHttp: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetInvalidError(`invalid URL "${url}": expected an absolute http(s) URL such as https://staging.example.com/hooks/gridx`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TargetInvalidError(`unsupported URL scheme "${parsed.protocol}" in ${redactUrl(url)}: gridX delivers over https only`);
  }
  if (parsed.protocol === 'http:' && !allowHttp) {
    throw new TargetInvalidError(`refusing plain http target ${redactUrl(url)}: gridX delivers over https only (TLS-1); pass --allow-http for a local or staging run`);
  }
  return url;
}

/** The URL with any password in it replaced, for output and reports. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function validateSecrets(secrets: readonly string[]): readonly string[] {
  if (secrets.length === 0) {
    throw new SecretMissingError('no secret given: pass --secret, --secret-env NAME, or set HOOKPROOF_SECRET');
  }
  if (secrets.some((s) => s.length === 0)) throw new SecretMissingError('a secret is empty: check the value or the environment variable it comes from');
  if (secrets.length > 5) throw new UsageError(`gridX signs with at most 5 secrets; got ${secrets.length}`);
  return secrets;
}

export function positiveInteger(name: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${name} must be a whole number of at least ${min}, got ${value}`);
  return value;
}
