import { gridx } from './gridx';
import type { SignatureScheme } from './WebhookContract';

/**
 * The signature header's grammar as a regular expression, built from the scheme: for gridX exactly
 * `components.parameters.XSignature`'s pattern in the spec,
 * `^sha512=[0-9a-fA-F]{128}(?:,\s?sha512=[0-9a-fA-F]{128})*$`. Kept as data for reports and test
 * vectors; `parseSignatureHeader` implements it by hand, and a test proves both agree with the spec
 * file itself.
 */
export function signatureHeaderPattern(scheme: SignatureScheme = gridx.signature): string {
  const digest = `${scheme.label}=[0-9a-fA-F]{${scheme.hexDigits}}`;
  return `^${digest}(?:,\\s?${digest})*$`;
}

/** gridX's `X-Signature` grammar (see {@link signatureHeaderPattern}). */
export const SIGNATURE_HEADER_PATTERN = signatureHeaderPattern();
