import { UsageError } from '../errors';

/**
 * Headers hookproof itself sets on a delivery: the signature it computes and the body's framing.
 * A `-H` for one of them would silently change what is being tested.
 */
const OWNED = new Set(['x-signature', 'content-type', 'content-length', 'transfer-encoding', 'host']);

/** RFC 9110 token characters: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Names whose values are credentials: never printed, never written to a file in clear. */
const CREDENTIAL = /authorization|cookie|key|token|secret|passw|auth|session|signature|credential|api-?key/i;

/** Whether a header of this name carries a credential (Authorization, X-Api-Key, Cookie…). */
export function looksLikeCredential(name: string): boolean {
  return CREDENTIAL.test(name);
}

/**
 * Parses `Name: value` (as curl's -H takes it) into a lower-case name and its value. Refuses a
 * malformed line, a value with a line break, and the headers hookproof owns. Messages name the
 * header, never a credential's value.
 */
export function parseHeaderLine(text: string, where = '-H'): { readonly name: string; readonly value: string } {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!TOKEN.test(name)) throw new UsageError(`invalid ${where} header: expected 'Name: value', e.g. -H 'X-Gateway-Key: …'`);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError(`invalid ${where} ${name}: a header value cannot hold a line break or NUL`);
  const lower = name.toLowerCase();
  if (OWNED.has(lower)) throw new UsageError(`${where} ${name} is refused: hookproof sets ${name} itself on every delivery (it is what the checks test)`);
  return { name: lower, value };
}

const ENV_REFERENCE = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;

/**
 * The headers of a file (a targets file, hookproof.config.*): `Name: value` lines where a value
 * `${NAME}` (or `$NAME`) is read from the environment. A credential's value written in clear is
 * refused (files are committed; secrets live in the CI secret store), without echoing it.
 */
export function headersFromFile(lines: readonly string[], env: Readonly<Record<string, string | undefined>>, where: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const { name, value } = parseHeaderLine(line, `${where} headers:`);
    const reference = ENV_REFERENCE.exec(value);
    if (reference?.[1] !== undefined) {
      const resolved = env[reference[1]];
      if (resolved === undefined || resolved === '') throw new UsageError(`${where} header ${name} reads \${${reference[1]}}, which is not set`);
      headers[name] = resolved;
    } else if (looksLikeCredential(name)) {
      throw new UsageError(`${where} header ${name} holds a credential written in the file: put it in an environment variable and write '${name}: \${NAME}'`);
    } else headers[name] = value;
  }
  return headers;
}

/** The names of `headers`, credential values replaced by `<redacted>`: what may be printed or recorded. */
export function printableHeaders(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${looksLikeCredential(name) ? '<redacted>' : value}`);
}
