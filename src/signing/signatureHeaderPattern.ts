/**
 * The `X-Signature` grammar exactly as `components.parameters.XSignature` in the gridX spec states
 * it. Kept as data for reports and test vectors; `parseSignatureHeader` implements it by hand, and
 * a test proves both agree with the spec file itself.
 */
export const SIGNATURE_HEADER_PATTERN = '^sha512=[0-9a-fA-F]{128}(?:,\\s?sha512=[0-9a-fA-F]{128})*$';
