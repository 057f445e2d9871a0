import { secretForms } from './secretForms';

/** What replaces a secret in every output. Contains nothing any output format must escape. */
export const REDACTED = '[redacted]';

/**
 * Below this length a secret is not distinctive: "abc" or "test" occur in ordinary report text
 * (titles, labels, base64 bodies), and redacting every occurrence would wreck the report while
 * protecting a secret that is weak anyway. Such secrets are only redacted as whole tokens.
 */
export const MIN_DISTINCTIVE_LENGTH = 8;

/** How thoroughly a secret can be redacted; see {@link redactSecrets}. */
export type SecretStrength = 'full' | 'token' | 'none';

/**
 * - `full`: at least {@link MIN_DISTINCTIVE_LENGTH} characters, at least 4 different ones.
 * - `token`: shorter or repetitive ("aaaaaaaa", "00000000" would match zero runs in hex and
 *   base64), but with a letter or digit: redacted where it stands as a whole token.
 * - `none`: empty, or only spaces and punctuation: indistinguishable from formatting (a secret
 *   of 8 spaces would match JSON indentation), so it cannot be redacted without destroying output.
 */
export function secretStrength(secret: string): SecretStrength {
  if (!/[\p{L}\p{N}]/u.test(secret)) return 'none';
  if (secret.length >= MIN_DISTINCTIVE_LENGTH && new Set(secret).size >= 4) return 'full';
  return 'token';
}

/**
 * Replaces every occurrence of each secret with `[redacted]`: the secret itself and each encoded
 * form it could take in a report (see `secretForms`: JSON-escaped, HTML-escaped, URL-encoded, hex,
 * base64 …) for distinctive secrets; the raw and JSON-escaped form as a whole token (not next to
 * a letter, digit, `_` or `-`) for short or repetitive ones; nothing for empty or punctuation-only
 * ones (see {@link secretStrength}). Longer forms are replaced first so that a secret containing
 * another one is redacted whole.
 *
 * The redaction is a safety net under the rule that hookproof never writes a secret: it runs over
 * every string of a report and over every finished output, whatever the writer.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  if (text === '' || secrets.length === 0) return text;
  const patterns = compile(secrets);
  let result = text;
  for (const pattern of patterns) result = result.replace(pattern, REDACTED);
  return result;
}

const cache = new Map<string, RegExp[]>();

/** Regular expressions for a set of secrets, longest form first; cached (outputs redact many strings). */
function compile(secrets: readonly string[]): RegExp[] {
  const key = JSON.stringify(secrets);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const entries: Array<{ form: string; whole: boolean }> = [];
  for (const secret of secrets) {
    const strength = secretStrength(secret);
    if (strength === 'full') for (const form of secretForms(secret)) entries.push({ form, whole: false });
    if (strength === 'token') for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) entries.push({ form, whole: true });
  }
  entries.sort((a, b) => b.form.length - a.form.length);
  const patterns = entries.map(({ form, whole }) =>
    whole ? new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(form)}(?![\\p{L}\\p{N}_-])`, 'gu') : new RegExp(escapeRegExp(form), 'g'),
  );
  // A process sees few secret sets; the bound only keeps a long-lived library user safe.
  if (cache.size > 32) cache.clear();
  cache.set(key, patterns);
  return patterns;
}

function escapeRegExp(text: string): string {
  // Only syntax characters: the `u` flag rejects needless escapes such as `\-`.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
