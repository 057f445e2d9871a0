import { secretForms } from './secretForms';

/** What replaces a secret in every output. Contains nothing any output format must escape. */
export const REDACTED = '[redacted]';

/**
 * Below this length a secret is not distinctive: "abc" or "test" occur in ordinary report text
 * (titles, labels, base64 bodies), and its hex or base64 forms are too short to find safely.
 * hookproof refuses such secrets (see `checkSecrets`); a library user who redacts with one
 * anyway gets whole-token redaction only.
 */
export const MIN_DISTINCTIVE_LENGTH = 8;

/** How thoroughly a secret can be redacted; see {@link redactSecrets}. */
export type SecretStrength = 'full' | 'token' | 'none';

/**
 * - `full`: at least {@link MIN_DISTINCTIVE_LENGTH} characters, not only whitespace: every form
 *   (hex, base64 … included) is redacted. Redaction works on values, never on markup, so even a
 *   repetitive or punctuation secret cannot corrupt a report; at worst it masks a matching run.
 * - `token`: shorter, with a letter or digit: redacted where it stands as a whole token (the
 *   CLI and `runCertification` refuse such secrets; this only serves direct library calls).
 * - `none`: empty, whitespace only, or short punctuation: indistinguishable from formatting.
 */
export function secretStrength(secret: string): SecretStrength {
  if (secret.trim() === '') return 'none';
  if (secret.length >= MIN_DISTINCTIVE_LENGTH) return 'full';
  if (!/[\p{L}\p{N}]/u.test(secret)) return 'none';
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
 * Meant for values (a string of a report, a line of console text), before they are serialised:
 * run over finished JSON or XML it could replace a key or markup and corrupt the document.
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
